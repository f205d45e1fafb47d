"""``bench/search_collect.py``: the engine's first stage recorded for the
cross-validation, its variants set for the process only, and the rank-by-rank
comparison of two recorded sets."""

import json
import sys
from pathlib import Path

import pytest

from search import ranking
from search.backends.engine import query

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture
def collect(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    monkeypatch.setitem(
        query.BIGRAM_FIELDS, "text.bigram", query.BIGRAM_FIELDS["text.bigram"]
    )
    monkeypatch.setattr(query, "FOLDED_FIELDS", list(query.FOLDED_FIELDS))
    import search_collect

    yield search_collect
    sys.modules.pop("search_collect", None)


def test_a_variant_sets_the_engine_and_names_its_tag(collect):
    assert collect.apply("") == "engine"
    assert collect.apply("bigram=1,code=5") == "engine-bigram1-code5"
    assert query.BIGRAM_FIELDS["text.bigram"] == 1.0
    assert query.FOLDED_FIELDS[0] == "code^5"


def test_an_unknown_knob_is_refused_by_name(collect):
    with pytest.raises(SystemExit, match="unknown knob 'title'"):
        collect.apply("title=2")


def test_nothing_is_collected_without_an_engine(collect, monkeypatch):
    monkeypatch.delenv("OPENSEARCH_URL", raising=False)
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    monkeypatch.setattr(sys, "argv", ["search_collect.py", "alqac"])
    with pytest.raises(SystemExit, match="set OPENSEARCH_URL"):
        collect.main()


def _row(qid: str, order: list[str]) -> dict:
    """A recorded look-up whose candidates come in ``order`` (best first)."""
    return {
        "id": qid,
        "text": "kế hoạch thi đua",
        "tokens": ["ke", "hoach", "thi", "dua"],
        "level": "entry",
        "way": "written",
        "wanted": ["b"],
        "first": [],
        "candidates": [
            [key, i, 10.0 - i, "article", "Điều", "", "", None, ""]
            for i, key in enumerate(order)
        ],
    }


def test_compare_lists_the_queries_whose_rank_differs(
    collect, tmp_path, monkeypatch, capsys
):
    import relevance_cv

    monkeypatch.setattr(relevance_cv, "WORK", tmp_path)
    monkeypatch.setattr(ranking, "WEIGHTS", dict.fromkeys(ranking.WEIGHTS, 0.0))
    database = [_row("1", ["a", "b"]), _row("2", ["b", "a"])]
    engine = [_row("1", ["b", "a"]), _row("2", ["b", "a"])]
    for tag, rows in (("", database), ("engine", engine)):
        (tmp_path / f"alqac@{tag}.json").write_text(json.dumps(rows), "utf-8")
    collect.compare("alqac", "", "engine")
    out = capsys.readouterr().out
    assert "1: sqlite 0.500  engine 1.000" in out
    assert "2: sqlite" not in out  # the same rank on both
    assert "{'sqlite': 0.75, 'engine': 1.0}" in out
