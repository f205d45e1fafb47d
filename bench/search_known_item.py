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


def known_item_both(reuse: bool) -> dict:
    import relevance  # bench/relevance.py: the imported set and its queries

    relevance.setup_database(relevance.known_item_database(reuse))
    from django.core.management import call_command
    from search_data import patient

    from search import backend_aliases, get_backend

    call_command("rebuild_search_index", "--no-progress")
    queries = relevance.known_item_queries()
    report = {}
    for alias in backend_aliases():
        backend = patient(get_backend(alias))
        name = f"{alias} ({type(backend).__name__}, {backend.count()} entries)"
        report[name] = relevance.look_up_figures(queries, backend.search)
    return report
