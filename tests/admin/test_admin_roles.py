"""What the portal's roles can do in the admin, as members of their group.

The admin was checked as a superuser; editors are not. Each role uploads and
chooses the pictures of "Hình ảnh" (an exemplar's photo): the groups had
permissions on "Tài liệu" only, so an editor's upload was refused and the
image chooser of an exemplar listed nothing (``pages.workflow``, and migration
``pages.0012_role_image_permissions`` for databases made before).
"""

from importlib import import_module
from io import BytesIO

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import GroupCollectionPermission

from pages.workflow import ADMINS, APPROVERS, EDITORS, workflow_assign_defaults

ROLES = [EDITORS, APPROVERS, ADMINS]


def member(group_name: str):
    user = get_user_model().objects.create_user(
        f"u-{len(group_name)}", first_name="Văn C", last_name="Lê"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def png_upload() -> SimpleUploadedFile:
    out = BytesIO()
    PILImage.new("RGB", (8, 8), (10, 120, 40)).save(out, "PNG")
    return SimpleUploadedFile("anh.png", out.getvalue(), content_type="image/png")


@pytest.fixture
def roles(site_tree):
    workflow_assign_defaults()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_role_uploads_an_image(client, roles, role):
    client.force_login(member(role))
    response = client.post(
        "/admin/images/add/", {"title": "Ảnh lễ khen thưởng", "file": png_upload()}
    )
    assert response.status_code == 302, response.content.decode()[:300]
    assert get_image_model().objects.filter(title="Ảnh lễ khen thưởng").exists()


@pytest.mark.django_db
def test_editor_chooses_an_image_of_the_library(client, roles):
    get_image_model().objects.create(title="Ảnh Lò Thị Mai", file=get_test_image_file())
    client.force_login(member(EDITORS))
    response = client.get("/admin/images/chooser/")
    assert response.status_code == 200
    assert "Ảnh Lò Thị Mai" in response.json()["html"]


@pytest.mark.django_db
def test_migration_grants_images_to_existing_roles(roles):
    image_rows = GroupCollectionPermission.objects.filter(
        permission__content_type__app_label="wagtailimages",
        group__name__in=ROLES,
    )
    image_rows.delete()  # a database made before the roles had images
    migration = import_module("pages.migrations.0012_role_image_permissions")
    migration.forwards(django_apps, None)
    granted = {
        (row.group.name, row.permission.codename)
        for row in image_rows.select_related("group", "permission")
    }
    assert (EDITORS, "add_image") in granted
    assert (EDITORS, "choose_image") in granted
    assert (EDITORS, "delete_image") not in granted
    assert (ADMINS, "delete_image") in granted
    migration.forwards(django_apps, None)  # safe to run twice
    assert image_rows.count() == len(granted)
