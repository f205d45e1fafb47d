"""The group editor names every permission in Vietnamese, screen-reader labels included.

Django stores permission names in English ("Can add group"); Wagtail's group
editor read them out as the hidden labels of the "Quyền đối tượng" checkboxes
and, as "Lõi Wagtail | trang | Can add page", of each page-permission row's
checkboxes (``pages.admin_permissions``).
"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

EDITORS = "Biên tập viên"  # the role created by documents.0005_roles_and_workflow


def labels(client, url: str) -> dict[str, str]:
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        label.get("for", ""): " ".join(label.get_text().split())
        for label in soup.find_all("label")
    }


@pytest.mark.parametrize("screen", ["edit", "add"])
def test_no_english_permission_name(admin_client, screen):
    if screen == "edit":
        group = Group.objects.get(name=EDITORS)
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=Page.get_first_root_node(),
            permission=Permission.objects.get(codename="add_page"),
        )
        url = reverse("wagtailusers_groups:edit", args=[group.pk])
    else:
        url = reverse("wagtailusers_groups:add")
    found = labels(admin_client, url)
    english = {
        k: v
        for k, v in found.items()
        if v.startswith("Can ") or " | " in v or "page" in v
    }
    assert english == {}
    assert found["id_permissions_0"].startswith("Được thêm ")
    if screen == "edit":
        page_row = {
            v for k, v in found.items() if k.startswith("id_page_permissions-0-")
        }
        assert "Thêm/sửa trang do mình tạo" in page_row
        assert "Xuất bản mọi trang" in page_row


def test_permission_label(db):
    from pages.admin_permissions import permission_label

    add_group = Permission.objects.get(codename="add_group")
    assert permission_label(add_group) == "Được thêm nhóm quyền"
    admin = Permission.objects.get(codename="access_admin")
    assert permission_label(admin) == "Được truy cập trang quản trị Wagtail"
    # The stored name is not changed.
    add_group.refresh_from_db()
    assert add_group.name == "Can add group"
