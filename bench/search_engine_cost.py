"""What a search costs on the engine: ms and requests per grouped query
(/tim-kiem/'s document list) and per flat page, on the known-item look-ups,
with each look-up's top 10 recorded so that two runs can be compared.

    OPENSEARCH_URL=http://127.0.0.1:9208 python bench/search_engine_cost.py \
        --index --out var/bench/engine_cost_before.json
    python bench/search_engine_cost.py --compare before.json after.json

The pages are those of ``bench/relevance.py known-item`` (its SQLite
database under ``var/bench``, reused when it exists); ``--index`` rebuilds the
search index from it first. ``--compare`` prints the look-ups whose top 10
(groups with their Điều, and the flat list) differ, and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path


def counted(backend) -> dict:
    """Counts the HTTP requests ``backend``'s client sends."""
    calls = {"requests": 0}
    transport = backend.client.transport
    perform = transport.perform_request

    def perform_request(*args, **kwargs):
        calls["requests"] += 1
        return perform(*args, **kwargs)

    transport.perform_request = perform_request
    return calls


def run(out: Path, index: bool, rounds: int, limit: int) -> None:
    import relevance

    relevance.setup_database(relevance.known_item_database(reuse=True))
    from django.core.management import call_command
    from search_data import patient

    from search import get_backend
    from search.grouping import search_grouped
    from search.types import SearchQuery

    if index:
        call_command("rebuild_search_index", "--no-progress")
    backend = patient(get_backend("default"))
    if not hasattr(backend, "index_stats"):
        sys.exit("search_engine_cost: set OPENSEARCH_URL (or ELASTICSEARCH_URL)")
    calls = counted(backend)
    queries = relevance.known_item_queries()
    queries = queries[:limit] if limit else queries
    for query in queries[:20]:  # warm the node and this process
        search_grouped(SearchQuery(text=query["text"], per_page=10), backend.search)
    timings: dict[str, list[float]] = {"grouped": [], "flat": []}
    requests: dict[str, list[int]] = {"grouped": [], "flat": []}
    tops = {}
    for round_ in range(rounds):
        for query in queries:
            asked = SearchQuery(text=query["text"], per_page=10)
            before, started = calls["requests"], time.perf_counter()
            grouped = search_grouped(asked, run=backend.search)
            timings["grouped"].append((time.perf_counter() - started) * 1000)
            requests["grouped"].append(calls["requests"] - before)
            before, started = calls["requests"], time.perf_counter()
            flat = backend.search(SearchQuery(text=query["text"], per_page=20))
            timings["flat"].append((time.perf_counter() - started) * 1000)
            requests["flat"].append(calls["requests"] - before)
            if round_ == 0:
                tops[query["id"]] = {
                    "groups": [
                        [g.hit.key, [a.key for a in g.articles]]
                        for g in grouped.groups[:10]
                    ],
                    "flat": [h.key for h in flat.hits[:10]],
                    "total": flat.total,
                }
    summary = {
        "entries": backend.count(),
        "queries": len(queries),
        "rounds": rounds,
        "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        **{
            f"{label} ms p50 / p95 / mean": [
                round(statistics.median(values), 1),
                round(sorted(values)[int(len(values) * 0.95) - 1], 1),
                round(statistics.mean(values), 1),
            ]
            for label, values in timings.items()
        },
        **{
            f"{label} requests mean / max": [
                round(statistics.mean(values), 2),
                max(values),
            ]
            for label, values in requests.items()
        },
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"summary": summary, "tops": tops}, indent=1))
    print(json.dumps(summary, indent=1))


def compare(first: Path, second: Path) -> int:
    a = json.loads(first.read_text())["tops"]
    b = json.loads(second.read_text())["tops"]
    differ = [key for key in a if a[key] != b.get(key)]
    for key in differ:
        print(key, json.dumps(a[key]), json.dumps(b.get(key)), sep="\n  ")
    print(f"{len(a) - len(differ)} of {len(a)} look-ups have the same top 10")
    return 1 if differ or set(a) != set(b) else 0


def main() -> None:
    sys.path.append(str(Path(__file__).resolve().parent))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--index", action="store_true")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="the first N only")
    parser.add_argument("--compare", nargs=2, type=Path)
    args = parser.parse_args()
    if args.compare:
        sys.exit(compare(*args.compare))
    if not args.out:
        parser.error("--out is required (or --compare)")
    run(args.out, args.index, args.rounds, args.limit)


if __name__ == "__main__":
    main()
