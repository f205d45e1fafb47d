"""The browser tab of every admin screen names the screen and the portal.

The portal's own screens "Hiệu lực chờ xác nhận" and "Nhập văn bản" had an
empty title (" - Wagtail": Wagtail's generic template reads ``header_title``),
and every tab ended in "Wagtail" (``templates/wagtailadmin/admin_base.html``).
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

SCREENS = {
    "wagtailadmin_home": "Bảng điều khiển",
    "documents_effects:index": "Hiệu lực chờ xác nhận",
    "documents_import:upload": "Nhập văn bản",
    "wagtailusers_users:index": "Người dùng",
}


def title(html: str) -> str:
    return " ".join(re.search(r"<title>(.*?)</title>", html, re.S).group(1).split())


@pytest.mark.django_db
def test_tabs_name_the_screen_and_the_portal(client):
    admin = get_user_model().objects.create_superuser("quantri-tab", "t@x.vn", "x")
    client.force_login(admin)
    found = {
        name: title(client.get(reverse(name)).content.decode()) for name in SCREENS
    }
    assert found == {name: f"{text} - Cổng văn bản" for name, text in SCREENS.items()}


@pytest.mark.django_db
def test_login_tab(client):
    assert title(client.get(reverse("wagtailadmin_login")).content.decode()) == (
        "Đăng nhập - Cổng văn bản"
    )
