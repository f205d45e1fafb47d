"""The database backends' texts for the second stage, and the candidate
signals ``relevance_proximity.py`` compares.

``wire`` / ``wired`` give ``search.ranking.bonuses`` the stored body of each
candidate the ``proximity`` signal reads, as ``SqlSearch.rerank`` would pass
it (``entry_texts``: SQLite's text table, PostgreSQL's entry table, on the
search's own cursor); ``near`` records that signal for ``relevance.py
collect-* --texts``. ``signals`` are the prototype signals (``cover``,
``passageW``, ``pairs``, ``triples``), each in [0, 1], over folded words.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections import Counter

WINDOWS = (8, 16, 32)


# -- signals ---------------------------------------------------------------------
def idf(df: int, n: int) -> float:
    """BM25's idf, 0 for a word in half the texts or more."""
    return max(0.0, math.log((n - df + 0.5) / (df + 0.5)))


def positions(words: list[str], wanted: set[str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        if w in wanted:
            out.setdefault(w, []).append(i)
    return out


def passage(found: dict[str, list[int]], weight: dict[str, float], width: int) -> float:
    """Largest idf weight of distinct query words inside ``width`` words."""
    spans = sorted((p, w) for w, ps in found.items() for p in ps)
    best, inside, left = 0.0, Counter(), 0
    for p, w in spans:
        inside[w] += 1
        while p - spans[left][0] >= width:
            gone = spans[left][1]
            inside[gone] -= 1
            if not inside[gone]:
                del inside[gone]
            left += 1
        best = max(best, sum(weight[t] for t in inside))
    return best


def closest(a: list[int], b: list[int]) -> int:
    """Smallest distance between an item of ``a`` and one of ``b`` (sorted)."""
    i = j = 0
    best = 1 << 30
    while i < len(a) and j < len(b):
        best = min(best, abs(a[i] - b[j]))
        if a[i] < b[j]:
            i += 1
        else:
            j += 1
    return best


def signals(query: list[str], words: list[str], weight: dict[str, float]) -> dict:
    distinct = [t for t in dict.fromkeys(query) if weight.get(t, 0.0) > 0]
    total = sum(weight[t] for t in distinct)
    out = {"cover": 0.0, "pairs": 0.0, "triples": 0.0}
    out.update({f"{n}{w}": 0.0 for w in WINDOWS for n in ("passage", "conc")})
    if not distinct or not total:
        return out
    found = positions(words, set(distinct))
    out["cover"] = sum(weight[t] for t in found) / total
    for width in WINDOWS:
        out[f"passage{width}"] = passage(found, weight, width) / total if found else 0
    for width in WINDOWS:  # how close together the words it holds stand
        out[f"conc{width}"] = (
            out[f"passage{width}"] / out["cover"] if out["cover"] else 0
        )
    pair_total = pair_found = 0.0
    for i, t in enumerate(distinct):
        for u in distinct[i + 1 :]:
            m = min(weight[t], weight[u])
            pair_total += m
            if t in found and u in found:
                pair_found += m / closest(found[t], found[u]) ** 2
    out["pairs"] = pair_found / pair_total if pair_total else 0.0
    triples = {tuple(query[i : i + 3]) for i in range(len(query) - 2)}
    triples = {g for g in triples if any(weight.get(t, 0) > 0 for t in g)}
    if triples:
        held = {tuple(words[i : i + 3]) for i in range(len(words) - 2)}
        out["triples"] = len(triples & held) / len(triples)
    return out


# -- the backends' texts --------------------------------------------------------
def entry_texts(sql_search, ids: list) -> dict:
    """{entry id: body} of the database backend's own stored entries, read
    on the search's cursor: what ``SqlSearch.rerank`` passes as ``texts``."""
    return sql_search.entry_texts(ids)


def wire() -> list[float]:
    """Times each read of the texts the database backends' second stage makes
    (``SqlSearch.entry_texts``: since the backends pass their stored bodies
    themselves, this only records the seconds) for the rest of the process;
    returns the list the seconds of each read go to."""
    from search.backends.database import plan

    original = getattr(plan.SqlSearch.entry_texts, "original", None)
    original = original or plan.SqlSearch.entry_texts
    reads: list[float] = []

    def entry_texts(self, ids):
        started = time.perf_counter()
        found = original(self, ids)
        reads.append(time.perf_counter() - started)
        return found

    entry_texts.original = original
    plan.SqlSearch.entry_texts = entry_texts
    return reads


@contextlib.contextmanager
def wired(on: bool = True):
    """For the ``with`` block: the shipped second stage with its text reads
    timed, or (``on`` false) the second stage without the signals read from
    the text (``proximity`` and ``definition`` at 0)."""
    from search import ranking
    from search.backends.database import plan

    original, weights = plan.SqlSearch.entry_texts, ranking.WEIGHTS
    if not on:
        ranking.WEIGHTS = {**weights, "proximity": 0.0, "definition": 0.0}
    try:
        yield wire() if on else []
    finally:
        plan.SqlSearch.entry_texts, ranking.WEIGHTS = original, weights


def near(bonuses, query, candidates, texts) -> list[float]:
    """The ``proximity`` value of each candidate as ``bonuses`` (the unpatched
    ``ranking.bonuses``) applies it with the shipped weights; 0 when
    ``texts`` is None."""
    from search import ranking

    if texts is None:
        return [0.0] * len(candidates)
    scale = max((c.score for c in candidates), default=1.0) or 1.0
    with_text = bonuses(query, candidates, {**ranking.WEIGHTS, "proximity": 1.0}, texts)
    without = bonuses(query, candidates, {**ranking.WEIGHTS, "proximity": 0.0})
    return [
        (with_text.get(c.id, 0.0) - without.get(c.id, 0.0)) / scale for c in candidates
    ]
