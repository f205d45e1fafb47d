"""``year`` on /tim-kiem/ and /api/v1/search/: a value that is no year of
issue (1945–2100) is a 400 in the API, as /api/v1/documents/ answers, and is
dropped on the page (it used to filter every result away)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db
API = "/api/v1/search/"


def titles(client, **params) -> list[str]:
    return [hit["title"] for hit in client.get(API, params).json()["results"]]


@pytest.mark.parametrize("raw", ["abc", "20x5", "1800", "99999", "２０２５"])
def test_a_year_that_is_not_one_is_a_json_400(client, documents, raw):
    response = client.get(API, {"q": "thi dua", "year": raw})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("year: phải là số nguyên từ 1945")


def test_a_year_filters_and_a_bad_one_is_dropped_on_the_page(client, documents):
    directive, plan = documents
    every = titles(client, q="thi dua")
    assert directive.title in every and plan.title in every
    only = titles(client, q="thi dua", year=str(plan.year))
    assert plan.title in only and directive.title not in only
    page = client.get("/tim-kiem/", {"q": "thi dua", "year": "abc"}).content.decode()
    assert directive.title in page and plan.title in page
