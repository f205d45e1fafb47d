"""The ALQAC 2022 questions on SQLite and PostgreSQL side by side.

    python bench/relevance_pair.py postgres://postgres@127.0.0.1:5432/portal_x

The four laws are indexed into a fresh SQLite file under ``var/bench/pair``
and into the (empty or throw-away) PostgreSQL database named, as
``bench/search.py relevance`` indexes them; every question is asked as written
and without diacritics on each backend (``backend.search``, the code path of
``search.search`` without the fallback). Prints the article MRR@10 of each and
how many top 10s (keys in order) are the same. Skips cleanly when
``../shared/data`` is absent.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [
    p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"
]
sys.path.append(str(ROOT / "bench"))

from search_data import RETRIEVAL, law_entries, setup_django  # noqa: E402

ALIAS = "pair_pg"


def postgres_alias(url: str) -> str:
    """A second database alias for ``url`` beside the default (SQLite)."""
    import dj_database_url
    from django.conf import settings
    from django.db import connections

    config = dj_database_url.parse(url)
    settings.DATABASES[ALIAS] = config
    configured = connections.configure_settings(
        {"default": settings.DATABASES["default"], ALIAS: dict(config)}
    )
    connections.settings[ALIAS] = configured[ALIAS]
    return ALIAS


def main() -> None:
    if len(sys.argv) != 2 or not sys.argv[1].startswith("postgres"):
        raise SystemExit(f"usage: {sys.argv[0]} postgres://…/database")
    if not (RETRIEVAL / "alqac2022_law.json").exists():
        print(f"skip: {RETRIEVAL} not found")
        return
    work = ROOT / "var" / "bench" / "pair"
    work.mkdir(parents=True, exist_ok=True)
    (work / "bench.sqlite3").unlink(missing_ok=True)
    setup_django(work)
    from django.db import connections

    from search.backends.database import postgres, sqlite
    from search.query import strip_diacritics
    from search.types import SearchQuery

    alias = postgres_alias(sys.argv[1])
    postgres.create_schema(connections[alias])
    backends = {
        "SQLite": sqlite.SQLiteBackend("pair_sqlite", {}),
        "PostgreSQL": postgres.PostgresBackend("pair_pg", {"DATABASE": alias}),
    }
    entries = list(law_entries())
    for backend in backends.values():
        backend.rebuild(entries)
    laws = json.loads((RETRIEVAL / "alqac2022_law.json").read_text("utf-8"))
    keys_by_law = {law["id"]: f"law:{i}" for i, law in enumerate(laws, start=1)}
    questions = json.loads((RETRIEVAL / "alqac2022_question.json").read_text("utf-8"))
    rr: dict[tuple[str, str], list[float]] = {}
    ms: dict[str, float] = dict.fromkeys(backends, 0.0)
    same = asked = 0
    for question in questions:
        wanted = {
            keys_by_law[r["law_id"]] + f"#dieu-{r['article_id']}"
            for r in question["relevant_articles"]
        }
        for way in ("as written", "stripped"):
            text = question["text"]
            text = strip_diacritics(text) if way == "stripped" else text
            tops = []
            for name, backend in backends.items():
                started = time.perf_counter()
                hits = backend.search(SearchQuery(text=text, per_page=10)).hits
                ms[name] += (time.perf_counter() - started) * 1000
                keys = [hit.key for hit in hits]
                ranks = [i for i, key in enumerate(keys, 1) if key in wanted]
                rr.setdefault((name, way), []).append(1 / ranks[0] if ranks else 0.0)
                tops.append(keys)
            asked += 1
            same += tops[0] == tops[1]
    for name in backends:
        figures = " / ".join(
            f"{statistics.mean(rr[(name, way)]):.4f}"
            for way in ("as written", "stripped")
        )
        print(
            f"{name}: MRR@10 {figures} (as written / stripped), "
            f"{ms[name] / asked:.1f} ms per query"
        )
    print(f"same top 10: {same} of {asked} queries ({len(entries)} entries)")


if __name__ == "__main__":
    main()
