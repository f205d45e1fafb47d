"""The exact-accent weight (``search.query.EXACT_WEIGHT``) is one constant on
every backend, and PostgreSQL's stored postings serve any value of it.

The parity tests need both databases (SQLite default database plus the local
PostgreSQL alias) and skip with the reason when PostgreSQL is not there.
"""

from __future__ import annotations

import pytest

from search import query
from search.backends.database import postgres_postings as postings
from search.backends.database import postgres_rank as postgres
from search.backends.database import sqlite
from search.backends.engine import query as engine_query
from search.types import IndexEntry, SearchQuery

from .conftest import DATABASES, make_backend, search_with_exact_weight
from .corpus import article_entry

pytestmark = pytest.mark.django_db(databases=DATABASES)


def _corpus() -> list[IndexEntry]:
    """Words that differ only by their marks ("hòa" / "hoa", "bàn" / "bán")."""
    texts = [
        ("Hòa giải ở cơ sở", "Hòa giải viên hòa giải tranh chấp tại thôn."),
        ("Hoa quả xuất khẩu", "Hoa, quả tươi xuất khẩu phải có giấy chứng nhận."),
        ("Bàn giao hồ sơ", "Bàn giao hồ sơ giải quyết tranh chấp đất."),
        ("Bán đấu giá", "Bán đấu giá quyền sử dụng đất, hồ sơ đấu giá."),
        ("Điều khoản chung", "Hòa bình, hoa, bàn, bán: mỗi từ một lần."),
        ("Bàn giao tài sản", "Bàn giao tài sản công."),
        ("Bán giao tài sản", "Bán giao tài sản công."),
    ]
    return [
        article_entry(f"x:{n}", n, title, body, "")
        for n, (title, body) in enumerate(texts, start=1)
    ]


def _scores(backend, text: str) -> dict[str, float]:
    hits = backend.search(SearchQuery(text=text, per_page=50)).hits
    return {hit.key: hit.score for hit in hits}


def test_one_weight_on_every_backend():
    weight = query.EXACT_WEIGHT
    assert sqlite.WEIGHTS["title_x"] == sqlite.WEIGHTS["body_x"] == weight
    assert postgres.CLASS_WEIGHTS["exact"] == {"A": weight, "D": weight}
    assert postgres.POSTING_SCALE["exact"] * postings.STORED_EXACT_WEIGHT == weight
    assert engine_query.EXACT_FIELDS == [f"title^{weight:g}", f"body^{weight:g}"]


def test_postings_hold_accented_forms_at_the_stored_weight():
    entry = article_entry("x:1", 1, "Hòa giải", "Hòa giải viên.", "")
    frequencies, _ = postings.weighted_frequencies(entry)
    assert frequencies["hòa"] == 2 * postings.STORED_EXACT_WEIGHT
    assert frequencies["hoa"] == 2  # the folded word, title and body


@pytest.mark.parametrize(
    "weight", [w for w in (0.0, 0.1, 0.25, 0.5, 1.0) if w != query.EXACT_WEIGHT]
)
def test_postgres_scores_as_sqlite_at_another_weight_without_rebuild(
    monkeypatch, weight
):
    """Postings written once serve every weight: the scores equal FTS5's at
    that weight, and they move with it (so the rescaling is not idle)."""
    lite = make_backend("sqlite")
    pg = make_backend("postgres")
    for backend in (lite, pg):
        backend.add_bulk(_corpus())
    text = "hòa giải bàn giao"
    before = _scores(lite, text)
    search_with_exact_weight(monkeypatch, weight)
    expected, got = _scores(lite, text), _scores(pg, text)
    assert list(got) == list(expected)
    assert got == pytest.approx(expected, rel=1e-4)
    assert expected != pytest.approx(before, rel=1e-4)


def test_zero_weight_leaves_the_accented_forms_out(monkeypatch):
    """At 0 the accented forms are not asked for at all (no zero division in
    PostgreSQL's class weights), and a word counts the same typed with or
    without its marks: "hòa" and "hoa" find the same entries, same scores."""
    monkeypatch.setattr(query, "EXACT_WEIGHT", 0.0)
    assert all(not g.exact for g in query.parse("hòa giải bàn giao").groups)
    monkeypatch.setitem(postgres.CLASS_WEIGHTS, "exact", {"A": 0.0, "D": 0.0})
    assert postgres.rank_weights("exact") == ("{0, 0, 0, 0}", 0.0)
    backend = make_backend("sqlite")
    backend.add_bulk(_corpus())
    assert _scores(backend, "hòa giải") == _scores(backend, "hoa giai")


@pytest.mark.parametrize("name", ["sqlite", "postgres"])
@pytest.mark.parametrize("weight", [0.1, 0.5])
def test_above_zero_an_accented_query_prefers_its_own_marks(monkeypatch, name, weight):
    """With a weight above 0, of two entries alike once folded the one
    written with the query's marks comes first, for either spelling."""
    backend = make_backend(name)
    backend.add_bulk(_corpus())
    search_with_exact_weight(monkeypatch, weight)
    for text, first, second in (
        ("bàn giao tài sản", "x:6", "x:7"),
        ("bán giao tài sản", "x:7", "x:6"),
    ):
        scores = _scores(backend, text)
        assert list(scores) == [first, second]
        assert scores[first] > scores[second]


@pytest.mark.parametrize("name", ["sqlite", "postgres"])
def test_at_zero_marks_change_nothing(name):
    """Shipped (0): a word counts the same typed with or without its marks,
    so "bàn", "bán" and "ban" give the same list with the same scores, and
    the two entries alike once folded tie."""
    if query.EXACT_WEIGHT:
        pytest.skip(f"EXACT_WEIGHT is {query.EXACT_WEIGHT}")
    backend = make_backend(name)
    backend.add_bulk(_corpus())
    lists = [
        _scores(backend, text)
        for text in ("bàn giao tài sản", "bán giao tài sản", "ban giao tai san")
    ]
    assert lists[0] == lists[1] == lists[2]
    assert set(lists[0]) == {"x:6", "x:7"}
    assert lists[0]["x:6"] == pytest.approx(lists[0]["x:7"], rel=1e-9)
