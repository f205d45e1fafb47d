"""``bench/laws_diff.py``: the per-question classes of ``relevance_laws.py
--diff`` and its ``scorecommon`` lever (common words as scoring-only parts)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from search import query as query_module
from search.backends.database import parts
from search.types import SearchQuery

from .conftest import make_backend
from .corpus import article_entry

BENCH = Path(__file__).resolve().parents[2] / "bench"
QUESTION = "Chủ tịch huyện có thẩm quyền xử phạt đê điều không?"


@pytest.fixture
def laws_diff(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import laws_diff

    yield laws_diff
    sys.modules.pop("laws_diff", None)


def test_losses_are_classed_by_the_first_variant_that_repairs_them(laws_diff):
    rows = [
        {"anchor": 1, "shipped": 1},  # level
        {"anchor": 3, "shipped": 1},  # a win
        {"anchor": 1, "shipped": 4, "nostage2": 1, "common1.0": 1},
        {"anchor": 2, "shipped": 5, "nostage2": 5, "articles": 5, "common1.0": 2},
        {"anchor": 2, "shipped": 11, "nostage2": 11, "common1.0": 11},
    ]
    for row in rows:
        row["parts"] = {"common": [(900, "nguoi")]}
    counts = laws_diff.classify(rows, "shipped")
    assert counts["level"] == 1 and counts["wins"] == 1 and counts["losses"] == 3
    assert [row.get("cause") for row in rows[2:]] == [
        "second stage",
        "common word left out",
        "first-stage BM25 (columns, title, length, idf)",
    ]
    assert laws_diff.rank(["a", "b", "c"], {"c"}) == 3
    assert laws_diff.rank(["a"], {"z"}) == laws_diff.MISS


def _corpus() -> list:
    # The Điều on a xã comes first (lower id): level scores keep that order.
    xa = article_entry(
        "c:1", 1, "Điều 1. Thẩm quyền", "Chủ tịch có thẩm quyền xử phạt đê điều ở xã."
    )
    huyen = article_entry(
        "c:2",
        2,
        "Điều 2. Thẩm quyền",
        "Chủ tịch có thẩm quyền xử phạt đê điều ở huyện.",
    )
    # "huyện" in 4 of 12 entries (above a quarter, below half), "điều" in all.
    others = [
        article_entry(
            f"c:{n}",
            n,
            f"Điều {n}. Hồ sơ",
            "Hồ sơ lưu tại huyện." if n < 6 else "Hồ sơ lưu tại trụ sở.",
        )
        for n in range(3, 13)
    ]
    return [xa, huyen, *others]


@pytest.mark.django_db
def test_scorecommon_lets_a_common_word_score_without_selecting(laws_diff, monkeypatch):
    monkeypatch.setattr(parts, "COMMON_MIN", 1)
    monkeypatch.setattr(query_module, "COMMON_MIN", 1)
    backend = make_backend("sqlite")
    backend.add_bulk(_corpus())
    asked = SearchQuery(text=QUESTION, per_page=5)
    # As shipped "huyện" (4 of 12) is left out: the two Điều tie.
    shipped = backend.search(asked)
    assert [h.key for h in shipped.hits] == ["c:1", "c:2"]
    assert shipped.hits[0].score == pytest.approx(shipped.hits[1].score)
    for obj, attr, value in laws_diff.score_common(0.5):
        monkeypatch.setattr(obj, attr, value)
    lever = backend.search(asked)
    assert [h.key for h in lever.hits] == ["c:2", "c:1"]
    # The entries holding only "huyện" (or "điều") are still no matches.
    assert lever.total == 2
