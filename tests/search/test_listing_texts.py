"""The grouped listing reads the best 500 matching entries to count its
results and make its page, and shows a few of them: that read leaves out the
entries' stored texts (``SearchQuery.texts`` False) and the texts of the
shown hits are read afterwards, in one request (``search.listing``).

Broad queries of ``/tim-kiem/`` cost about 90 ms more at their median when the
wide read carried every body (the 500 bodies were read, and on PostgreSQL
decompressed, to build two dozen snippets).
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import get_backend, search
from search.grouping import search_grouped
from search.listing import grouped_listing
from search.types import IndexEntry, SearchQuery

from .conftest import DATABASES
from .corpus import entries

pytestmark = pytest.mark.django_db(databases=DATABASES)

QUERIES = ["thi dua khen thuong", "guong nguoi tot", "Chỉ thị 34", "kế hoạch"]


@pytest.fixture
def filled(backend):
    backend.add_bulk(entries())
    return backend


def ranked(results) -> list[tuple[str, float]]:
    return [(hit.key, hit.score) for hit in results.hits]


@pytest.mark.parametrize("text", QUERIES)
def test_a_search_without_texts_ranks_and_counts_alike(filled, text):
    full = filled.search(SearchQuery(text=text))
    lean = filled.search(SearchQuery(text=text, texts=False))
    assert full.hits and ranked(lean) == ranked(full)
    assert (lean.total, lean.facets, lean.code_match) == (
        full.total,
        full.facets,
        full.code_match,
    )
    # Loaded in one go or read one by one, the snippets are the same.
    lean.texts.load(lean.hits[:2])
    assert [hit.snippet for hit in lean.hits] == [hit.snippet for hit in full.hits]


def test_a_search_without_texts_reads_them_when_shown(filled):
    """The hits of a search without texts hold none: a body changed after the
    search is the one its snippet shows (with texts, the one searched)."""
    full = filled.search(SearchQuery(text="guong nguoi tot"))
    lean = filled.search(SearchQuery(text="guong nguoi tot", texts=False))
    entry = next(e for e in entries() if e.key == lean.hits[0].key)
    changed = IndexEntry(**{**entry.__dict__, "body": "Gương sáng xuyên suốt."})
    filled.add(changed)
    assert "<mark>Gương</mark> sáng xuyên suốt." in lean.hits[0].snippet
    assert "xuyên suốt" not in full.hits[0].snippet


def shown_hits(listing) -> list:
    return [hit for g in listing.grouped.groups for hit in [g.hit, *g.articles]]


def test_the_listing_reads_the_texts_of_the_shown_hits_only(documents, monkeypatch):
    """One page of one group among several: the wide read selects no body
    (every statement reading bodies names its entries: the shown hits, or
    the second stage's best candidates), and the shown hits' texts are read
    in one request."""
    backend = get_backend()
    asked: list[list[str]] = []
    stored_texts = backend.stored_texts
    monkeypatch.setattr(
        backend,
        "stored_texts",
        lambda keys: asked.append(list(keys)) or stored_texts(keys),
    )
    query = SearchQuery(text="thi đua", per_page=1)
    with CaptureQueriesContext(connection) as captured:
        listing = grouped_listing(query)
        snippets = [hit.snippet for hit in shown_hits(listing)]
    read = search(SearchQuery(text="thi đua", per_page=500)).hits
    shown = [hit for hit in shown_hits(listing) if hit.key in {h.key for h in read}]
    assert len({h.page_id for h in read}) > 1 and len(shown) < len(read)
    assert asked == [[hit.key for hit in shown]]
    body_reads = [q["sql"] for q in captured if ".body" in q["sql"]]
    assert body_reads and all(
        " IN (" in sql and "LIMIT" not in sql for sql in body_reads
    )
    # The page shows what it showed when the wide read carried the texts.
    before = search_grouped(query)
    assert snippets == [
        hit.snippet for g in before.groups for hit in [g.hit, *g.articles]
    ]
    assert any("<mark>" in snippet for snippet in snippets)
