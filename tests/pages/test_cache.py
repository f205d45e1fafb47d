"""The anonymous full-page cache (pages/cache.py): hits, bypasses, invalidation."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import override_settings

from pages import cache as page_cache
from tests.factories import DocumentIndexPageFactory, PlanPageFactory

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def plan(site_tree):
    _home, index = site_tree
    return PlanPageFactory(parent=index, title="Kế hoạch lưu đệm")


def get(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, url
    return response


def test_second_anonymous_request_is_a_hit_without_sql(client, plan, site_tree):
    first = get(client, plan.url)
    assert first["X-Cache"] == "MISS"
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        second = get(client, plan.url)
    assert second["X-Cache"] == "HIT"
    assert len(queries) == 0
    assert second.content == first.content
    assert "Kế hoạch lưu đệm" in second.content.decode()


def test_head_hit_has_headers_and_no_body(client, plan):
    get(client, plan.url)
    response = client.head(plan.url)
    assert response["X-Cache"] == "HIT"
    assert response.content == b""
    assert int(response["Content-Length"]) > 1000


def test_logged_in_users_bypass_the_cache(client, plan):
    get(client, plan.url)
    user = get_user_model().objects.create_superuser("ed", "ed@example.invalid", "x")
    client.force_login(user)
    response = get(client, plan.url)
    assert "X-Cache" not in response


def test_messages_cookie_bypasses_the_cache(client, plan):
    get(client, plan.url)
    client.cookies["messages"] = "anything"
    assert "X-Cache" not in get(client, plan.url)


def test_admin_and_post_are_never_cached(client, plan):
    client.get("/admin/login/")
    assert "X-Cache" not in client.get("/admin/login/")
    assert "X-Cache" not in client.post(plan.url)


def test_publishing_invalidates_the_listing(client, site_tree):
    _home, index = site_tree
    get(client, index.url)
    PlanPageFactory(parent=index, title="Kế hoạch mới đăng")
    response = get(client, index.url)
    assert response["X-Cache"] == "MISS"
    assert "Kế hoạch mới đăng" in response.content.decode()


def test_unpublishing_invalidates(client, plan):
    url = plan.url
    get(client, url)
    plan.unpublish()
    assert client.get(url).status_code == 404


def test_deleting_invalidates(client, plan, site_tree):
    _home, index = site_tree
    url = plan.url
    get(client, url)
    get(client, index.url)
    plan.delete()
    assert client.get(url).status_code == 404
    assert "Kế hoạch lưu đệm" not in get(client, index.url).content.decode()


def test_moving_invalidates(client, plan, site_tree):
    home, _index = site_tree
    old_url = plan.url
    get(client, old_url)
    other = DocumentIndexPageFactory(parent=home, title="Lưu trữ", slug="luu-tru")
    plan.move(other, pos="last-child")
    moved = client.get(old_url)
    assert moved.status_code == 301  # Wagtail's automatic redirect, not the cache
    plan.refresh_from_db()
    assert moved["Location"] == plan.url
    assert get(client, plan.url).status_code == 200


def test_query_strings_are_cached_separately(client, site_tree):
    _home, index = site_tree
    PlanPageFactory(parent=index, title="Kế hoạch năm 2025")
    in_2025 = get(client, f"{index.url}?year=2025").content.decode()
    in_2019 = get(client, f"{index.url}?year=2019").content.decode()
    assert "Kế hoạch năm 2025" in in_2025
    assert "Kế hoạch năm 2025" not in in_2019
    assert get(client, f"{index.url}?year=2019")["X-Cache"] == "HIT"


def test_responses_setting_cookies_are_not_stored(rf):
    from django.http import HttpResponse

    request = rf.get("/")
    response = HttpResponse("<p>form</p>", content_type="text/html")
    response.set_cookie("csrftoken", "abc")
    assert not page_cache.response_is_cacheable(request, response)
    private = HttpResponse("<p>x</p>")
    private["Cache-Control"] = "private"
    assert not page_cache.response_is_cacheable(request, private)


def test_generation_is_shared_through_the_file_across_processes(settings, tmp_path):
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "gen")
    before = page_cache.current_generation()
    code = (
        "import django; django.setup(); "
        "from pages.cache import bump_generation; bump_generation()"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "PATH": "/usr/bin:/bin",
    }
    script = (
        f"from django.conf import settings; "
        f"settings.PAGE_CACHE_GENERATION_FILE = {str(tmp_path / 'gen')!r}; "
    )
    subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + script + code],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=60,
    )
    assert page_cache.current_generation() != before


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": "/tmp/portal-test-shared-cache",
        }
    }
)
def test_shared_cache_keeps_the_generation_in_the_cache(client, plan):
    cache.clear()
    get(client, plan.url)
    assert get(client, plan.url)["X-Cache"] == "HIT"
    before = cache.get(page_cache.GENERATION_KEY)
    plan.unpublish()
    assert cache.get(page_cache.GENERATION_KEY) != before
    assert client.get(plan.url).status_code == 404
    cache.clear()


def test_a_change_made_while_the_shared_cache_is_down_reaches_it_once_back(
    settings, tmp_path, monkeypatch
):
    # Redis down: the fail-soft cache drops the new token, and Redis keeps the
    # old one. Once it answers again, the pages cached before the change must
    # not be served: the next read of the token writes a new one.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    cache = page_cache.page_cache()
    cache.set(page_cache.GENERATION_KEY, "before", timeout=None)
    with monkeypatch.context() as down:
        down.setattr(type(cache), "set", lambda *args, **kwargs: None)
        page_cache.bump_generation()
        assert page_cache.current_generation() == "before"
    assert page_cache.current_generation() not in ("before", "0")
