"""Labels Wagtail derives from code, shown in Vietnamese (``pages.admin_sites``).

* The rich-text editor's link dialogs (external link, anchor, email, phone)
  labelled their fields "Link text", "Email address", "Subject", "Body" and
  "Phone number" (field names; no catalogue translates them).
* The group editor's page-permission rows labelled their page field "Page".
* Listings' yes/no cells (the users' "Đang hoạt động" column) read "True",
  "False" or "None" to screen readers (Wagtail prints the Python value).
"""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.i18n.visible import visible_texts

LINK_DIALOGS = {
    "wagtailadmin_choose_page_external_link": ["Chữ hiển thị của liên kết"],
    "wagtailadmin_choose_page_anchor_link": ["Chữ hiển thị của liên kết"],
    "wagtailadmin_choose_page_email_link": [
        "Địa chỉ email",
        "Chữ hiển thị của liên kết",
        "Tiêu đề thư",
        "Nội dung thư",
    ],
    "wagtailadmin_choose_page_phone_link": [
        "Số điện thoại",
        "Chữ hiển thị của liên kết",
    ],
}
ENGLISH = {"Link text", "Email address", "Subject", "Body", "Phone number"}


def labels(html: str) -> list[str]:
    return [
        " ".join(visible_texts(m.group(1)))
        for m in re.finditer(r"<label[^>]*>(.*?)</label>", html, re.S)
    ]


@pytest.mark.parametrize("url_name", sorted(LINK_DIALOGS))
def test_link_dialogs_are_labelled_in_vietnamese(admin_client, url_name):
    response = admin_client.get(reverse(url_name))
    assert response.status_code == 200
    html = json.loads(response.content)["html"]
    found = labels(html)
    assert not ENGLISH & set(visible_texts(html)), found
    for label in LINK_DIALOGS[url_name]:
        assert any(text.startswith(label) for text in found), (label, found)


def test_group_page_permission_rows_are_labelled_trang(admin_client):
    html = admin_client.get(reverse("wagtailusers_groups:add")).content.decode()
    found = re.findall(
        r'<label[^>]*id="id_page_permissions-__prefix__-page-label"[^>]*>\s*([^<]*)',
        html,
    )
    assert [text.strip() for text in found] == ["Trang"]


def test_yes_no_cells_read_co_khong(admin_client):
    get_user_model().objects.create_user(
        "nghi-viec", "nghi-viec@example.invalid", "x", is_active=False
    )
    html = admin_client.get(reverse("wagtailusers_users:index")).content.decode()
    cells = re.findall(r'<td class="status">(.*?)</td>', html, re.S)
    texts = [" ".join(visible_texts(cell)) for cell in cells]
    assert sorted(set(texts)) == ["Có", "Không"], texts
