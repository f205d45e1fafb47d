"""``in_force_on`` on /tim-kiem/ and /api/v1/search/: read as the documents list
reads it (05/03/2025 or 2025-03-05); a value that is no such day is said on the
page (the results are not filtered by it) and is a 400 in the API."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db
API = "/api/v1/search/"


def titles(client, **params) -> list[str]:
    return [hit["title"] for hit in client.get(API, params).json()["results"]]


def test_day_first_and_iso_days_filter_alike(client, documents):
    directive, _plan = documents
    iso = titles(client, q="thi dua", in_force_on="2020-01-01")
    assert directive.title in iso
    assert titles(client, q="thi dua", in_force_on="01/01/2020") == iso
    assert titles(client, q="thi dua", in_force_on="1/1/2020") == iso
    assert titles(client, q="thi dua", in_force_on="2020-01-01T00:00:00Z") == iso
    # Day first, never month first: 13/01 is 13 January.
    later = titles(client, q="thi dua", in_force_on="2020-01-13")
    assert titles(client, q="thi dua", in_force_on="13/01/2020") == later
    assert (
        client.get(API, {"q": "thi dua", "in_force_on": "01/13/2020"}).status_code
        == 400
    )
    # Before the directive was issued, nothing of it is in force.
    assert directive.title not in titles(client, q="thi dua", in_force_on="01/01/2019")


@pytest.mark.parametrize("raw", ["abc", "2025-13-01", "31/02/2025", "01/01/3000"])
def test_a_day_that_is_not_one_is_said_on_the_page(client, documents, raw):
    response = client.get("/tim-kiem/", {"q": "thi dua", "in_force_on": raw})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"Ngày “{raw}” không hợp lệ" in page
    assert "không lọc theo ngày còn hiệu lực" in page
    for document in documents:
        assert document.title in page


@pytest.mark.parametrize("raw", ["abc", "2025-13-01", "31/02/2025", "01/01/3000"])
def test_a_day_that_is_not_one_is_a_json_400(client, documents, raw):
    response = client.get(API, {"q": "thi dua", "in_force_on": raw})
    assert response.status_code == 400
    assert response.json()["detail"].startswith("in_force_on: phải là một ngày có thật")


def test_no_notice_without_a_day_or_with_a_good_one(client, documents):
    for params in ({"q": "thi dua"}, {"q": "thi dua", "in_force_on": "05/03/2025"}):
        page = client.get("/tim-kiem/", params).content.decode()
        assert "không hợp lệ" not in page
    assert client.get(API, {"q": "thi dua", "in_force_on": ""}).status_code == 200
