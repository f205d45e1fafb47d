"""A user's name is asked and shown in Vietnamese order: "Nguyễn Văn A"."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


def label(page: str, field: str) -> str:
    found = re.search(rf'for="id_{field}"[^>]*>\s*([^<]*?)\s*<', page)
    return found.group(1) if found else ""


def test_the_user_form_asks_family_and_middle_names_then_the_given_name(
    admin_client,
):
    page = admin_client.get(reverse("wagtailusers_users:add")).content.decode()
    assert label(page, "first_name") == "Họ và tên đệm"
    assert label(page, "last_name") == "Tên"
    assert page.index('for="id_first_name"') < page.index('for="id_last_name"')


def test_a_user_created_in_the_admin_is_named_family_name_first(admin_client):
    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "nguyenvana",
            "email": "nguyenvana@tamduong.laichau.gov.vn",
            "first_name": "Nguyễn Văn",
            "last_name": "A",
            "password1": "Tam-Duong-2025!",
            "password2": "Tam-Duong-2025!",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = get_user_model().objects.get(username="nguyenvana")
    assert user.get_full_name() == "Nguyễn Văn A"
    listing = admin_client.get(reverse("wagtailusers_users:index")).content.decode()
    assert "Nguyễn Văn A" in listing
