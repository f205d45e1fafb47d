"""GET /api/v1/search/: strict paging (400 for a bad page, 404 past the last),
the true total and page count, Vietnamese facet labels beside the codes."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db
URL = "/api/v1/search/"


def test_grouped_total_and_pages_count_documents(client, documents):
    directive, plan = documents
    # The directive, its two Điều and the plan match; the listing shows 2 documents.
    first = client.get(URL, {"q": "thi dua", "per_page": 1}).json()
    assert first["total"] == 2 and first["total_exact"] is True
    assert first["matches"] >= 3
    assert first["num_pages"] == 2 and first["page"] == 1
    second = client.get(URL, {"q": "thi dua", "per_page": 1, "page": 2}).json()
    assert second["page"] == 2 and second["num_pages"] == 2
    titles = {first["results"][0]["title"], second["results"][0]["title"]}
    assert titles == {directive.title, plan.title}
    whole = client.get(URL, {"q": "thi dua"}).json()
    assert whole["total"] == 2 and whole["num_pages"] == 1


@pytest.mark.parametrize("page", ["3", "99999", "10" * 30, "9" * 5000])
def test_a_page_past_the_last_is_a_json_404(client, documents, page):
    response = client.get(URL, {"q": "thi dua", "per_page": 1, "page": page})
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert detail.startswith("page: không có trang ")
    assert detail.endswith(", trang cuối là 2")


def test_nothing_found_is_one_empty_page(client, documents):
    data = client.get(URL, {"q": "zzqqxx"}).json()
    assert (data["total"], data["num_pages"], data["results"]) == (0, 1, [])
    assert client.get(URL, {"q": "zzqqxx", "page": 2}).status_code == 404


@pytest.mark.parametrize(
    "name, value",
    [
        ("page", "abc"),
        ("page", "0"),
        ("page", "-1"),
        ("page", "1.5"),
        ("page", "²"),
        ("per_page", "x"),
        ("per_page", "0"),
        ("per_page", "101"),
    ],
)
def test_a_bad_page_or_size_is_a_json_400_naming_it(client, documents, name, value):
    response = client.get(URL, {"q": "thi dua", name: value})
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert detail.startswith(f"{name}: phải là số nguyên từ 1")
    assert detail.endswith(f"không phải {value!r}")


def test_an_empty_page_parameter_is_the_first_page(client, documents):
    data = client.get(URL, {"q": "thi dua", "page": "", "per_page": " "}).json()
    assert data["page"] == 1 and data["total"] == 2


def test_flat_listing_counts_entries(client, documents):
    data = client.get(URL, {"q": "thi dua", "group": "0", "per_page": 1}).json()
    assert data["total"] == data["matches"] >= 3
    assert data["num_pages"] == data["total"]
    last = client.get(
        URL, {"q": "thi dua", "group": "0", "per_page": 1, "page": data["total"]}
    )
    assert last.status_code == 200 and len(last.json()["results"]) == 1
    past = {"q": "thi dua", "group": "0", "per_page": 1, "page": data["total"] + 1}
    assert client.get(URL, past).status_code == 404


def test_facet_values_have_vietnamese_labels(client, documents):
    facets = client.get(URL, {"q": "thi dua"}).json()["facets"]
    kinds = {v["value"]: v["label"] for v in facets["kind"]}
    assert kinds["document"] == "Văn bản"
    statuses = {v["value"]: v["label"] for v in facets["status"]}
    assert statuses["con_hieu_luc"] == "Còn hiệu lực"
    for values in facets.values():  # the keys clients read are all still there
        assert all(set(v) == {"value", "label", "count"} for v in values)


def test_the_schema_names_the_errors(client):
    operation = client.get("/api/v1/openapi.json").json()["paths"]["/api/v1/search/"]
    assert {"200", "400", "404"} <= set(operation["get"]["responses"])


def test_the_search_page_still_shows_page_one(client, documents):
    directive, _plan = documents
    response = client.get("/tim-kiem/", {"q": "thi dua", "page": "99999"})
    html = response.content.decode()
    assert response.status_code == 200 and directive.title in html
