"""Login attempts are limited per IP+username (5 per 15 minutes) and per IP."""

import pytest
from django.contrib.auth import get_user_model

LOGIN_URLS = ["/admin/login/", "/django-admin/login/"]


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        "bientap", "bt@example.invalid", "mat-khau-dung-123"
    )


def attempt(client, url, username, password, ip="203.0.113.5"):
    return client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=ip
    )


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_sixth_attempt_is_refused_even_with_the_right_password(client, editor, url):
    for _ in range(5):
        response = attempt(client, url, "bientap", "sai")
        assert response.status_code == 200  # the login form, with its error
    refused = attempt(client, url, "bientap", "mat-khau-dung-123")
    assert refused.status_code == 429
    assert "đăng nhập sai quá nhiều lần" in refused.content.decode()
    assert int(refused["Retry-After"]) == 15 * 60
    assert "_auth_user_id" not in client.session


def test_other_users_and_other_addresses_are_not_blocked(client, editor):
    for _ in range(5):
        attempt(client, LOGIN_URLS[0], "bientap", "sai")
    ok = attempt(client, LOGIN_URLS[0], "bientap", "mat-khau-dung-123", ip="10.0.0.9")
    assert ok.status_code == 302
    other = attempt(client, LOGIN_URLS[0], "nguoikhac", "sai")
    assert other.status_code == 200


def test_a_successful_login_resets_the_counter(client, editor):
    for _ in range(4):
        attempt(client, LOGIN_URLS[0], "bientap", "sai")
    assert attempt(client, LOGIN_URLS[0], "bientap", "mat-khau-dung-123").status_code
    client.logout()
    for _ in range(4):
        assert attempt(client, LOGIN_URLS[0], "bientap", "sai").status_code == 200


def test_password_spraying_from_one_address_is_limited(client, editor):
    for n in range(20):
        attempt(client, LOGIN_URLS[0], f"user{n}", "sai")
    assert attempt(client, LOGIN_URLS[0], "bientap", "sai").status_code == 429
