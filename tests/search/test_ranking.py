"""The second stage (``search.ranking``): title, place, issuer, kind and year
signals, and what they do to a ranked list on both database backends."""

from __future__ import annotations

import datetime as dt

import pytest

from search import ranking
from search.query import parse, strip_diacritics
from search.types import IndexEntry, SearchQuery

from .conftest import DATABASES, make_backend


def _q(text: str) -> list[str]:
    return parse(text).folded_tokens


def test_in_order_counts_words_in_their_order():
    assert ranking.in_order(["a", "b", "x", "c"], ["a", "b", "c"]) == 3
    assert ranking.in_order(["c", "b", "a"], ["a", "b", "c"]) == 1
    assert ranking.in_order([], ["a"]) == 0


@pytest.mark.parametrize(
    "issuer, place",
    [
        ("Ủy ban nhân dân tỉnh Nghệ An", ["nghe", "an"]),
        ("UBND huyện Tam Đường", ["tam", "duong"]),
        ("Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh", ["ho", "chi", "minh"]),
        ("Chính phủ", []),
    ],
)
def test_place_of_an_issuing_body(issuer, place):
    assert ranking.place_of(issuer) == place


def test_signals_of_a_named_title_and_place():
    plan = ranking.Candidate(
        1,
        5.0,
        "document",
        "Kế hoạch công tác thi đua, khen thưởng năm 2025",
        issuer="Ủy ban nhân dân huyện Tam Đường",
        doc_type="Kế hoạch",
        year=2025,
    )
    for text in (
        "Kế hoạch công tác thi đua, khen thưởng năm 2025 Tam Đường",
        "ke hoach thi dua khen thuong nam 2025 tam duong",
    ):
        found = ranking.signals(_q(text), plan)
        assert found["title"] >= 0.8 and found["place"] == 1.0
        assert found["kind"] == 1.0 and found["year"] == 1.0
    assert ranking.signals(_q("thi dua lai chau"), plan)["place"] == 0.0


def test_an_article_does_not_take_its_documents_title():
    article = ranking.Candidate(
        2, 5.0, "article", "Luật Thi đua, khen thưởng – Điều 5. Nguyên tắc thi đua"
    )
    found = ranking.signals(_q("luật thi đua khen thưởng nguyên tắc thi đua"), article)
    assert found["title"] == 0.0 and found["heading"] == 1.0


def _doc(page_id: int, title: str, issuer: str, body: str) -> IndexEntry:
    return IndexEntry(
        key=f"page:{page_id}",
        page_id=page_id,
        kind="document",
        title=title,
        url=f"/van-ban/{page_id}/",
        doc_type="Quyết định",
        issuer=issuer,
        date=dt.date(2025, 5, page_id),
        body=body,
    )


@pytest.mark.django_db(databases=DATABASES)
@pytest.mark.parametrize("name", ["sqlite", "postgres"])
def test_the_place_in_the_query_picks_that_provinces_document(name):
    """Same title, two provinces: the query's place word decides, written
    either way, although the other province's text says the words more."""
    backend = make_backend(name)
    title = "Quyết định công bố thủ tục hành chính lĩnh vực khoa học và công nghệ"
    backend.add_bulk(
        [
            _doc(1, title, "Ủy ban nhân dân tỉnh Nghệ An", "Công bố thủ tục."),
            _doc(
                2,
                title,
                "Ủy ban nhân dân tỉnh Cao Bằng",
                "Công bố thủ tục hành chính khoa học và công nghệ, thủ tục hành "
                "chính khoa học và công nghệ.",
            ),
        ]
        + [
            _doc(n, f"Quyết định số {n} về đất đai", "Chính phủ", "Đất đai.")
            for n in range(3, 12)
        ]
    )
    text = "quyết định công bố thủ tục hành chính khoa học và công nghệ nghệ an"
    for query in (text, strip_diacritics(text)):
        hits = backend.search(SearchQuery(text=query, per_page=3)).hits
        assert hits[0].key == "page:1", query
