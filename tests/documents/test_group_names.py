"""Wagtail's default groups carry Vietnamese names (documents.0009)."""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group

migration = importlib.import_module("documents.migrations.0009_vietnamese_group_names")


def test_wagtail_groups_are_named_in_vietnamese(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert not names & {"Editors", "Moderators"}
    moderators = Group.objects.get(name="Người duyệt nội dung chung")
    editors = Group.objects.get(name="Biên tập viên nội dung chung")
    # The rights Wagtail gave them went with the names.
    assert moderators.page_permissions.filter(permission__codename="publish_page")
    assert editors.page_permissions.filter(permission__codename="change_page")
    assert not editors.page_permissions.filter(permission__codename="publish_page")
    # The portal's own roles are untouched.
    assert {"Biên tập viên", "Lãnh đạo duyệt", "Quản trị"} <= names


def test_the_group_list_shows_the_vietnamese_names(admin_client):
    html = admin_client.get("/admin/groups/").content.decode()
    assert "Biên tập viên nội dung chung" in html
    assert "Người duyệt nội dung chung" in html
    assert ">Editors<" not in html and ">Moderators<" not in html


def test_reverse_restores_wagtail_names_and_a_taken_name_is_left_alone(db):
    migration.backwards(apps, None)
    assert Group.objects.filter(name="Editors").exists()
    assert Group.objects.filter(name="Moderators").exists()
    Group.objects.create(name="Người duyệt nội dung chung")
    migration.forwards(apps, None)
    assert Group.objects.filter(name="Biên tập viên nội dung chung").exists()
    assert Group.objects.filter(name="Moderators").exists()  # name already taken
