"""Officer walk #14: /tim-kiem/ and /api/v1/search/ state the same counts.

The page said "1080 mục" (every matching entry: documents and each Điều)
where the API's ``total`` said 235 (documents, a document and its Điều once)
for the same query. Both now read one grouped listing (``search.listing``):
the page states the API's ``total`` as its results and the API's ``matches``
as the entries counted Điều by Điều.
"""

from __future__ import annotations

import re

import pytest

from search import listing
from search.listing import vi_number

pytestmark = pytest.mark.django_db
API = "/api/v1/search/"


def count_sentence(client, **params) -> str:
    html = client.get("/tim-kiem/", params).content.decode()
    found = re.search(r"<p[^>]*>\s*((?:Tìm thấy|Hiện) <strong>.*?);", html, re.S)
    assert found, "no count sentence"
    return re.sub(r"\s+", " ", found.group(1))


@pytest.mark.parametrize("q", ["thi đua", "thi dua"])
def test_the_page_states_the_apis_total_and_matches(client, documents, q):
    answer = client.get(API, {"q": q}).json()
    # The directive and its Điều match: its entries count once as results.
    assert answer["total_exact"] and answer["matches"] > answer["total"] >= 1
    assert count_sentence(client, q=q) == (
        f"Tìm thấy <strong>{answer['total']}</strong> kết quả với “{q}” "
        f"({answer['matches']} mục phù hợp nếu tính riêng từng điều khoản)"
    )


def test_without_articles_one_number_is_stated(client, documents):
    answer = client.get(API, {"q": "34-CT/TW", "kind": "document"}).json()
    assert answer["matches"] == answer["total"] >= 1
    assert count_sentence(client, q="34-CT/TW", kind="document") == (
        f"Tìm thấy <strong>{answer['total']}</strong> kết quả với “34-CT/TW”"
    )


def test_past_the_entries_a_listing_reads_both_say_so(client, documents, monkeypatch):
    """More entries match than the listing reads: the API's total is not
    exact, and the page says it shows the first results of the matches."""
    monkeypatch.setattr(listing, "GROUPED_READ", 1)
    answer = client.get(API, {"q": "thi đua"}).json()
    assert not answer["total_exact"] and answer["matches"] > answer["total"]
    assert count_sentence(client, q="thi đua") == (
        f"Hiện <strong>{answer['total']}</strong> kết quả đầu trong số "
        f"{answer['matches']} mục phù hợp với “thi đua” (tính riêng từng điều khoản)"
    )


def test_numbers_are_written_the_vietnamese_way():
    assert [vi_number(n) for n in (7, 1080, 1234567)] == ["7", "1.080", "1.234.567"]


def test_a_page_past_the_end_is_made_of_the_same_read(client, documents, monkeypatch):
    """A page past the end shows page 1 without searching again."""
    calls = []
    search = listing.run_search
    monkeypatch.setattr(
        listing, "run_search", lambda query: calls.append(query) or search(query)
    )
    html = client.get("/tim-kiem/", {"q": "thi đua", "page": 40}).content.decode()
    assert "Danh sách không có trang 40; đây là trang 1." in html
    assert len(calls) == 1
