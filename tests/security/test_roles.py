"""Role boundaries of the admin: who may import, who may publish."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def member(group: str, username: str):
    user = get_user_model().objects.create_user(username, password="x")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_editors_may_open_the_import(client, demo):
    from pages.workflow import EDITORS

    client.force_login(member(EDITORS, "bientap"))
    assert client.get("/admin/nhap-van-ban/").status_code == 200


def test_anonymous_visitors_are_sent_to_login(client, demo):
    response = client.get("/admin/nhap-van-ban/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_editors_cannot_publish_directly(client, demo):
    from pages.models import PlanPage
    from pages.workflow import EDITORS

    page = PlanPage.objects.live().first()
    perms = page.permissions_for_user(member(EDITORS, "bientap2"))
    assert perms.can_edit()
    assert not perms.can_publish()
