"""Known-item look-ups on an engine and on its database fallback, in one run
on one imported set (``bench/search.py known-item`` with ``OPENSEARCH_URL``
or ``ELASTICSEARCH_URL`` set).

The shared documents are imported as ``bench/relevance.py known-item`` does
(``import_documents --publish`` into a SQLite database under ``var/bench``;
with the engine configured, publishing indexes into both); then every backend
is rebuilt from that database, so the engine and the database hold exactly
the same pages, and each look-up is asked of each backend directly (no
fallback). Figures: document MRR@10 of the grouped list (/tim-kiem/) and of
the flat list, as written and without diacritics, over all look-ups and over
those whose document was imported; ms per grouped query.
"""

from __future__ import annotations

import statistics
import time


def known_item_both(reuse: bool) -> dict:
    import relevance  # bench/relevance.py: the imported set and its queries

    relevance.setup_database(relevance.known_item_database(reuse))
    from django.core.management import call_command
    from search_data import patient

    from search import backend_aliases, get_backend
    from search.grouping import search_grouped
    from search.types import SearchQuery

    call_command("rebuild_search_index", "--no-progress")
    queries = relevance.known_item_queries()
    report = {}
    for alias in backend_aliases():
        backend = patient(get_backend(alias))
        figures: dict[str, dict[str, list]] = {}
        for query in queries:
            wanted = set(query["wanted"])
            asked = SearchQuery(text=query["text"], per_page=10)
            started = time.perf_counter()
            groups = search_grouped(asked, run=backend.search).groups
            grouped_ms = (time.perf_counter() - started) * 1000
            flat = [h.page_id for h in backend.search(asked).hits]
            for label, order in (
                ("grouped", [g.hit.page_id for g in groups]),
                ("flat", flat),
            ):
                ranks = [i for i, p in enumerate(order[:10], 1) if p in wanted]
                into = figures.setdefault(
                    f"{label} {query['way']}", {"rr": [], "in": []}
                )
                into["rr"].append(1 / ranks[0] if ranks else 0.0)
                if wanted:
                    into["in"].append(1 / ranks[0] if ranks else 0.0)
            figures.setdefault(f"ms {query['way']}", {"rr": [], "in": []})["rr"].append(
                grouped_ms
            )
        report[f"{alias} ({type(backend).__name__}, {backend.count()} entries)"] = {
            label: {
                "all queries": round(statistics.mean(v["rr"]), 4),
                **(
                    {"document imported": round(statistics.mean(v["in"]), 4)}
                    if v["in"]
                    else {}
                ),
                "queries": len(v["rr"]),
            }
            for label, v in figures.items()
        }
    return report
