"""The search server down: search falls back with a notice, nothing returns 500.

Elasticsearch is configured at a closed loopback port (nothing listens on
127.0.0.1:9), with the database backend as the fallback; then with no fallback
at all. The search page, the suggestions and the search API must answer, say
that search is degraded, and the degraded page must not be kept by the
anonymous full-page cache (it would outlive the outage).
"""

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import PlanPageFactory

DEAD_ES = {
    "BACKEND": "search.backends.engine.elasticsearch.ElasticsearchBackend",
    "OPTIONS": {"URL": "http://127.0.0.1:9", "INDEX": "portal-test-down"},
}


def search_url() -> str:
    """The search page's URL; a broken route fails the test (never a skip)."""
    return reverse("search:page")


def db_backend(settings) -> dict:
    from search.backends import POSTGRES, SQLITE

    engine = settings.DATABASES["default"]["ENGINE"]
    return {"BACKEND": POSTGRES if "postgresql" in engine else SQLITE}


@pytest.fixture
def dead_es_with_fallback(settings, site_tree):
    settings.PORTAL_SEARCH_BACKENDS = {
        "default": DEAD_ES,
        "fallback": db_backend(settings),
    }
    _home, index = site_tree
    PlanPageFactory(parent=index, title="Kế hoạch thi đua khen thưởng dự phòng")


@pytest.fixture
def dead_es_alone(settings, site_tree):
    settings.PORTAL_SEARCH_BACKENDS = {"default": DEAD_ES}


QUERIES = [
    {"q": "thi đua khen thưởng"},
    {"q": "5324/KH-UBND"},
    {"q": "thi dua", "type": "ke-hoach", "page": "3"},
    {"q": ""},
]


def test_fallback_answers_with_a_notice(client, dead_es_with_fallback):
    url = search_url()
    for params in QUERIES:
        response = client.get(url, params)
        assert response.status_code == 200, params
    body = client.get(url, QUERIES[0]).content.decode()
    assert "tạm thời" in body  # "Máy chủ tìm kiếm chính đang tạm thời ..."


def test_no_fallback_still_answers_with_a_notice(client, dead_es_alone):
    url = search_url()
    for params in QUERIES:
        assert client.get(url, params).status_code == 200, params
    assert "gián đoạn" in client.get(url, QUERIES[0]).content.decode()


def test_suggestions_and_api_do_not_500(client, dead_es_alone):
    for name in ("search:suggest", "api-v1:search"):
        response = client.get(reverse(name), {"q": "thi đua"})
        assert response.status_code < 500, name
    answer = client.get(reverse("api-v1:search"), {"q": "thi đua"})
    assert "gián đoạn" in answer.json()["notice"]
    assert "no-store" in answer["Cache-Control"]


def test_degraded_results_are_not_kept_by_the_page_cache(
    client, settings, dead_es_with_fallback
):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    url = search_url()
    client.get(url, QUERIES[0])
    again = client.get(url, QUERIES[0])
    assert again.get("X-Cache") != "HIT", (
        "a degraded search page was cached; the search view should mark it "
        "Cache-Control: no-cache (see pages/cache.py)"
    )
    cache.clear()
