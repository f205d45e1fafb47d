"""Cost of a page of grouped results (/tim-kiem/, ``search --group``), before
and after reading the flat hits in at most two searches and building snippets
for the groups shown only; the groups must be the same.

    python bench/search_grouped_cost.py known-item [--every N]
    python bench/search_grouped_cost.py alqac [--every N]

"before" is the earlier ``search_grouped``, re-created here: up to five flat
pages of 100 hits, one search each, every hit's snippet built. Both run in
one process on one database, alternating query by query: the known-item
set on ``var/bench/known_item.sqlite3`` (``bench/relevance.py known-item``
imports it), the ALQAC 2022 questions on the laws indexed as in
``bench/search.py relevance``. Each query is asked as written and without
diacritics; the output gives ms per query (mean, p50, p95) for each and the
number of queries whose page of groups differs (head, its Điều, scores,
snippets of what is shown).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

BENCH = Path(__file__).resolve().parent
# The portal's ``search`` app must win over bench/search.py.
sys.path[:] = (
    [str(BENCH.parent)]
    + [p for p in sys.path if Path(p or ".").resolve() != BENCH]
    + [str(BENCH)]
)


def before(query, run):
    """The earlier ``search_grouped``: flat pages of 100 until the groups
    are full (at most 5), each hit's snippet built as the backends did."""
    from search.grouping import GroupedResults, group_hits

    wanted = query.page * query.per_page + 1
    hits, first = [], None
    for flat_page in range(1, 6):
        results = run(replace(query, page=flat_page, per_page=100))
        for hit in results.hits:
            _ = hit.snippet  # built eagerly before
        first = first or results
        hits += results.hits
        if len(results.hits) < 100 or len(group_hits(hits)) >= wanted:
            break
    groups = group_hits(hits)
    return GroupedResults(groups[: query.per_page], first, 1, len(groups) > 10)


def shown(grouped) -> list:
    return [
        [group.hit.key, group.hit.score, group.hit.snippet]
        + [[a.key, a.score, a.snippet] for a in group.articles]
        for group in grouped.groups
    ]


def queries_for(name: str, every: int) -> list[str]:
    from search.query import strip_diacritics

    if name == "known-item":
        import relevance

        relevance.setup_database(relevance.known_item_database(reuse=True))
        texts = [
            q["text"] for q in relevance.known_item_queries() if q["way"] != "partial"
        ]
        return texts[::every]
    import search_data

    search_data.setup_django(search_data.ROOT / "var" / "bench" / "grouped_alqac")
    from search import get_backend

    get_backend().rebuild(search_data.law_entries())
    questions = json.loads(
        (search_data.RETRIEVAL / "alqac2022_question.json").read_text("utf-8")
    )
    texts = [t for q in questions for t in (q["text"], strip_diacritics(q["text"]))]
    return texts[::every]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("set", choices=["known-item", "alqac"])
    parser.add_argument("--every", type=int, default=1, help="every Nth query")
    args = parser.parse_args()
    import search_data

    if not search_data.RETRIEVAL.exists():
        print(f"skip: {search_data.RETRIEVAL} not found")
        return
    (search_data.ROOT / "var" / "bench" / "grouped_alqac").mkdir(
        parents=True, exist_ok=True
    )
    texts = queries_for(args.set, max(args.every, 1))
    import search
    from search.grouping import search_grouped
    from search.types import SearchQuery

    times = {"before": [], "after": []}
    differ = []
    for i, text in enumerate(texts):
        query = SearchQuery(text=text, per_page=10)
        pages = {}
        order = ("before", "after") if i % 2 else ("after", "before")
        for label in order:
            started = time.perf_counter()
            if label == "before":
                grouped = before(query, search.search)
            else:
                grouped = search_grouped(query)
            page = shown(grouped)  # what a page renders: its snippets
            times[label].append((time.perf_counter() - started) * 1000)
            pages[label] = page
        if pages["before"] != pages["after"]:
            differ.append(text)
    for label, values in times.items():
        values.sort()
        print(
            f"{args.set} {label}: {len(values)} queries, ms mean "
            f"{statistics.mean(values):.1f}, p50 {values[len(values) // 2]:.1f}, "
            f"p95 {values[int(len(values) * 0.95)]:.1f}"
        )
    print(f"pages of groups that differ: {len(differ)}")
    for text in differ[:10]:
        print("  ", text)


if __name__ == "__main__":
    main()
