"""Question-like queries on SQLite score the entries picked by their rarest
parts, not the newest matches (``_Search.selective_parts``).

The budgets are made tiny so that a handful of entries behaves like a large
index: many new entries share the question's common words, one old entry holds
its rare words and word pairs.
"""

from __future__ import annotations

import pytest

from search.backends.database import plan as sql_search
from search.backends.database.sqlite import _Search
from search.query import parse
from search.types import IndexEntry, SearchQuery

from .conftest import DATABASES, make_backend
from .corpus import article_entry

pytestmark = pytest.mark.django_db

QUESTION = "Thời hiệu khởi kiện về thừa kế là bao nhiêu năm?"


def _entry(n: int, title: str, body: str) -> IndexEntry:
    return article_entry(f"cand:{n}", n, title, body)


@pytest.fixture
def crowded():
    """One old answer, then 40 newer entries with the question's common words."""
    backend = make_backend("sqlite")
    answer = _entry(
        0,
        "Điều 623. Thời hiệu thừa kế",
        "Thời hiệu để người thừa kế yêu cầu chia di sản là 30 năm đối với bất "
        "động sản; thời hiệu khởi kiện về thừa kế được tính từ thời điểm mở "
        "thừa kế.",
    )
    crowd = [
        _entry(
            n,
            f"Điều {n}. Thời hạn giải quyết",
            "Thời hạn giải quyết là bao nhiêu ngày làm việc, kể từ năm nhận đủ "
            "hồ sơ về việc cấp giấy phép.",
        )
        for n in range(1, 41)
    ]
    backend.add_bulk([answer])
    backend.add_bulk(crowd)
    return backend


def _search(backend):
    return backend.search(SearchQuery(text=QUESTION, per_page=5))


def test_rare_parts_select_and_common_parts_only_score(crowded, monkeypatch):
    monkeypatch.setattr(sql_search.SqlSearch, "candidate_budget", 15)
    monkeypatch.setattr(sql_search.SqlSearch, "scoring_budget", 100)
    with crowded.connection.cursor() as cur:
        search = _Search(cur, parse(QUESTION), SearchQuery(text=QUESTION), 1000)
        selecting, scoring = search.selective_parts(search.bigrams_by_group(), False)
    assert any('"thua_ke"' in part for part in selecting)
    assert any('"khoi_kien"' in part for part in selecting)
    # "bao nhiêu" is in every entry: it may add to the score, never select.
    assert not any('"bao' in part for part in selecting)
    assert any('"bao' in part for part in scoring)


def test_old_answer_is_found_among_many_newer_matches(crowded, monkeypatch):
    monkeypatch.setattr(sql_search.SqlSearch, "candidate_budget", 15)
    monkeypatch.setattr(sql_search.SqlSearch, "scoring_budget", 100)
    results = _search(crowded)
    assert results.hits[0].key == "cand:0"
    # Only entries holding a selecting part are matches.
    assert results.total == 1


def test_small_index_keeps_every_part_selecting(crowded):
    with crowded.connection.cursor() as cur:
        search = _Search(cur, parse(QUESTION), SearchQuery(text=QUESTION), 1000)
        selecting, scoring = search.selective_parts(search.bigrams_by_group(), False)
    assert scoring == []
    results = _search(crowded)
    assert results.hits[0].key == "cand:0"
    assert results.total == 41


@pytest.mark.django_db(databases=DATABASES)
@pytest.mark.parametrize("name", ["sqlite", "postgres"])
def test_named_document_is_scored_beyond_the_newest_matches(name, monkeypatch):
    """All-words queries score the newest matches and, while the matches are
    few enough, the newest holding every word in their title (both database
    backends)."""
    backend = make_backend(name)
    backend.options["RANK_HORIZON"] = 5
    backend.add_bulk(
        [
            _entry(
                0,
                "Bộ luật Lao động – Điều 35. Quyền đơn phương",
                "Người lao động có quyền.",
            )
        ]
    )
    backend.add_bulk(
        [
            _entry(n, f"Công văn {n}", f"Thực hiện Bộ luật Lao động năm 2019, số {n}.")
            for n in range(1, 21)
        ]
    )
    results = backend.search(SearchQuery(text="bộ luật lao động", per_page=3))
    assert results.total == 21
    assert results.hits[0].key == "cand:0"
    # More matches than the facet sample holds: the title step scores it.
    monkeypatch.setattr(
        sql_search.SqlSearch.__init__, "__defaults__", (sql_search.HORIZON, 10)
    )
    results = backend.search(SearchQuery(text="bộ luật lao động", per_page=3))
    assert results.total == 21 and not results.facets_exact
    assert results.hits[0].key == "cand:0"


def test_filtered_scoring_is_driven_by_the_full_text_match(crowded):
    """With a filter on an indexed column, SQLite could drive the join from
    that index and run the whole FTS5 match once per entry (seconds at 100k):
    the full-text table must stay the outer loop."""
    query = SearchQuery(text="bộ luật lao động", filters={"type": ["Luật"]})
    with crowded.connection.cursor() as cur:
        search = _Search(cur, parse(query.text), query, 1000)
        search.create_sample()
        expr = search.expressions()[0]
        for statement, params in (
            search.scored_sql(expr),
            search.scored_with_titles_sql(expr),
            search.newest_sql(expr),
        ):
            cur.execute(f"EXPLAIN QUERY PLAN {statement}", params)
            steps = [row[-1] for row in cur.fetchall()]
            assert "VIRTUAL TABLE" in steps[0], steps
