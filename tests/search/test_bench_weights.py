"""``bench/relevance.py --bm25``: column weights only the SQLite backend reads
are applied there and refused elsewhere, never silently ignored."""

import sys
from pathlib import Path

import pytest

from search import query
from search.backends.database import postgres, sqlite

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture
def relevance(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    monkeypatch.setattr(sqlite, "SCORE", sqlite.SCORE)  # restored afterwards
    monkeypatch.setattr(query, "EXACT_WEIGHT", query.EXACT_WEIGHT)
    import relevance

    yield relevance
    sys.modules.pop("relevance", None)


def test_weights_apply_to_the_sqlite_backend(relevance, monkeypatch):
    monkeypatch.setattr("search.get_backend", lambda: sqlite.SQLiteBackend())
    relevance.first_stage_weights("title=3,title_x=0.5")
    assert sqlite.SCORE.startswith(f"-bm25({sqlite.FTS_TABLE}, ")
    assert ", 3.0, " in sqlite.SCORE and query.EXACT_WEIGHT == 0.5


def test_weights_are_refused_on_postgresql(relevance, monkeypatch):
    score, exact = sqlite.SCORE, query.EXACT_WEIGHT
    monkeypatch.setattr("search.get_backend", lambda: postgres.PostgresBackend())
    with pytest.raises(SystemExit, match="PostgresBackend, which would ignore"):
        relevance.first_stage_weights("title_x=0.5")
    assert (sqlite.SCORE, query.EXACT_WEIGHT) == (score, exact)
