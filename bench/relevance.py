"""Relevance with cross-validation: every ranking weight gets a held-out figure.

    python bench/relevance.py collect-alqac        # ALQAC 2022 laws + questions
    python bench/relevance.py collect-known-item [--reuse]  # shared documents
    python bench/relevance.py cross-validate [--variants TAG ...]  # held out
    python bench/relevance.py known-item [--reuse] # document MRR@10 as shipped
    python bench/relevance.py restoration          # accents restored, per set

``--texts``: times the second stage's text reads (``proximity_texts.wire``).
``--bm25 "title=3"`` collects a first-stage variant with other column weights,
``--restore`` one with diacritic restoration (``search.restore``); each is
recorded under its own tag, ``cross-validate`` chooses among them (``relevance_cv``).

``collect-*`` runs every query (as written and without diacritics) through
``search.search`` (the path of /tim-kiem/ and ``manage.py search``) and records
what the second stage (``search.ranking``) is given: the candidates, signals. ``cross-validate`` then splits the
queries into five folds (by a hash of the query's id), chooses the weights on
four folds and measures them on the fifth, for every fold: the "held-out"
figure is each query measured with weights chosen without it; the "tuned"
figure is the same weights on the folds they were chosen on. The weights
shipped in ``search/ranking.py`` are the ones chosen on all folds, and are
kept only when the held-out figure improves on the unweighted first stage.
A second split holds out one ALQAC law at a time (``relevance_cv.SPLITS``); both
are reported, for the first stage chosen among the variants and each alone.

Every query is asked as written, without diacritics, and half stripped (the
diacritics of every other word dropped, as a hurried typist leaves them). For
the latter two the recorded row also says how many of its words restoration
gave their written form (``restoration`` sums it up: ``relevance_restore``).

Known-item: the shared documents are imported with ``import_documents`` (slug =
the record's id) into a fresh SQLite database under ``var/bench`` or the
PostgreSQL database ``BENCH_DATABASE_URL`` names; a query's rank is its
document's rank among the distinct documents listed (a hit on one of its Điều
counts). Skips cleanly when ``../shared/data`` is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import zlib
from pathlib import Path

from proximity_texts import near, wire
from relevance_cv import cross_validate, print_report
from relevance_misses import redirected_pages
from relevance_restore import (
    print_restoration,
    restoration_counts,
    restoration_summary,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PORTAL_SHARED_DIR", ROOT.parent / "shared"))
KNOWN_ITEM = SHARED / "data" / "known_item_dev" / "queries.jsonl"
DOCUMENTS = SHARED / "data" / "documents"
WORK = ROOT / "var" / "bench"
BM25 = ""  # the first-stage variant being collected ("title=3,title_bi=2")
RESTORE = False  # restore the diacritics of unaccented query words
TAG = ""  # its name in file names


# -- collecting ----------------------------------------------------------------
def record_queries(queries: list[dict]) -> list[dict]:
    """Run each query {"id", "text", "wanted", "level"}; return it with the
    first-stage list: the named-code hits kept first, then the candidates
    (key, page id, score, signals)."""
    import search
    from search import ranking
    from search.query import parse
    from search.types import SearchQuery

    first_stage_weights(BM25)
    search.get_backend().options["RESTORE_ACCENTS"] = RESTORE
    seen: list = []
    original = ranking.bonuses

    def recording(query, candidates, weights=None, texts=None):
        seen.append((list(candidates), near(original, query, candidates, texts)))
        return original(query, candidates, {})

    ranking.bonuses = recording
    try:
        out = []
        for query in queries:
            seen.clear()
            hits = search.search(SearchQuery(text=query["text"], per_page=10)).hits
            candidates, proximity = seen[0] if seen else ([], [])
            keys = {c.key for c in candidates}
            tokens = parse(query["text"]).folded_tokens
            out.append(
                {
                    **query,
                    "first": [[h.key, h.page_id] for h in hits if h.key not in keys],
                    "tokens": tokens,
                    "candidates": [
                        [c.key, c.page_id, c.score, c.kind, c.title, c.issuer]
                        + [c.doc_type, c.year, c.code]
                        for c in candidates
                    ],
                    "proximity": proximity,
                    "accents": restoration_counts(query, RESTORE),
                }
            )
        return out
    finally:
        ranking.bonuses = original


def half_stripped(text: str) -> str:
    """``text`` with the diacritics of every other word dropped."""
    from search.query import strip_diacritics

    parts = re.split(r"(\s+)", text)
    return "".join(
        strip_diacritics(p) if i % 4 == 2 else p for i, p in enumerate(parts)
    )


def both_ways(queries: list[dict]) -> list[dict]:
    """Each query as written, stripped of diacritics and half stripped."""
    from search.query import strip_diacritics

    out = []
    for q in queries:
        text = q["text"]
        out.append({**q, "id": q["id"] + "/written", "way": "written"})
        for way, typed in (
            ("stripped", strip_diacritics(text)),
            ("partial", half_stripped(text)),
        ):
            way_id = q["id"] + f"/{way}"
            out.append(
                {**q, "id": way_id, "way": way, "text": typed, "reference": text}
            )
    return out


def collect_alqac() -> Path | None:
    import bench_search as bs

    if not (bs.RETRIEVAL / "alqac2022_law.json").exists():
        print(f"skip: {bs.RETRIEVAL} not found")
        return None
    WORK.mkdir(parents=True, exist_ok=True)
    bs.setup_django(WORK / "alqac")
    from search import get_backend

    laws = json.loads((bs.RETRIEVAL / "alqac2022_law.json").read_text("utf-8"))
    keys_by_law = {law["id"]: f"law:{i}" for i, law in enumerate(laws, start=1)}
    from search import restore

    # The accent statistics counted as rebuild_search_index counts them.
    get_backend().rebuild(restore.counting(bs.law_entries()))
    questions = json.loads(
        (bs.RETRIEVAL / "alqac2022_question.json").read_text("utf-8")
    )
    queries = [
        {
            "id": str(q.get("question_id", i)),
            "text": q["text"],
            "level": "entry",
            "wanted": sorted(
                keys_by_law[r["law_id"]] + f"#dieu-{r['article_id']}"
                for r in q["relevant_articles"]
            ),
        }
        for i, q in enumerate(questions)
    ]
    return dump("alqac", record_queries(both_ways(queries)))


def known_item_database(reuse: bool) -> str:
    """The URL of a database with the demo and the shared documents (slug =
    id): a SQLite file under ``var/bench``, or the PostgreSQL database that
    ``BENCH_DATABASE_URL`` names (dropped and created again unless reused)."""
    WORK.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("BENCH_DATABASE_URL", "")
    if url.startswith("postgres"):
        if reuse:
            return url
        recreate_postgres(url)
    else:
        database = WORK / "known_item.sqlite3"
        url = f"sqlite:///{database}"
        if reuse and database.exists():
            return url
        database.unlink(missing_ok=True)
    records = WORK / "known_item_documents.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for path in sorted(DOCUMENTS.glob("*.jsonl")):
            for line in path.read_text("utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    record["slug"] = record["id"]
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SEARCH_RESTORE_ACCENTS": "1",  # count the statistics while importing
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    imported = ["import_documents", str(records), "--publish"]
    for args in (["migrate", "-v0"], ["load_demo"], imported):
        subprocess.run(manage + args, env=env, check=True, stdout=subprocess.DEVNULL)
    return url


def recreate_postgres(url: str) -> None:
    """Drop the PostgreSQL database of ``url`` and create it empty."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def known_item_queries() -> list[dict]:
    from wagtail.models import Page

    # A slug that redirects (same text as another record) wants that page.
    pages = {**redirected_pages(), **dict(Page.objects.values_list("slug", "id"))}
    queries = []
    for line in KNOWN_ITEM.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        q = json.loads(line)
        page = pages.get(q["id"])
        for way in ("accented", "plain"):
            query = {
                "id": f"{q['id']}:{zlib.crc32(q[way].encode()):x}/{way}",
                "group": q["id"],
                "text": q[way],
                "way": way,
                "level": "document",
                "wanted": [page] if page else [],
            }
            if way == "plain":
                query["reference"] = q["accented"]
            queries.append(query)
        accented = queries[-2]
        queries.append(
            {
                **accented,
                "id": accented["id"].replace("/accented", "/partial"),
                "way": "partial",
                "text": half_stripped(q["accented"]),
                "reference": q["accented"],
            }
        )
    return queries


def setup_database(url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()


def collect_known_item() -> Path:
    return dump("known_item", record_queries(known_item_queries()))


def first_stage_weights(spec: str) -> None:
    """Apply BM25 column weights "title=3,title_bi=2" to the SQLite backend
    for this process; refused on any other backend."""
    if not spec:
        return
    from search import get_backend
    from search.backends.database import sqlite

    if not isinstance(get_backend(), sqlite.SQLiteBackend):
        raise SystemExit(
            f"--bm25 sets the SQLite backend's column weights; the search backend "
            f"here is {type(get_backend()).__name__}, which would ignore them: "
            "collect --bm25 variants on SQLite (without BENCH_DATABASE_URL)"
        )

    weights = dict(sqlite.WEIGHTS)
    for item in spec.split(","):
        name, _, value = item.partition("=")
        if name.strip() not in weights:
            raise SystemExit(f"unknown column {name!r}: {', '.join(weights)}")
        weights[name.strip()] = float(value)
    sqlite.SCORE = (
        f"-bm25({sqlite.FTS_TABLE}, "
        f"{', '.join(str(weights[c]) for c in sqlite.FTS_COLUMNS)})"
    )
    from search import query

    # The parser leaves the accented forms out when their weight is 0.
    query.EXACT_WEIGHT = max(weights["title_x"], weights["body_x"])


def dump(name: str, rows: list[dict]) -> Path:
    path = WORK / f"{name}@{TAG}.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    print(f"{len(rows)} queries recorded in {path}")
    return path


def known_item(reuse: bool) -> dict:
    """Document MRR@10 of the known-item look-ups as shipped: the grouped list
    (``search --group``, /tim-kiem/) and the flat one (``search --batch``: the
    rank of the document's first row, a Điều row counting for it), each way;
    with time per query."""
    setup_database(known_item_database(reuse))
    import search

    return look_up_figures(known_item_queries(), search.search)


def look_up_figures(queries: list[dict], run) -> dict:
    """MRR@10 of the wanted documents in the grouped and the flat list of
    ``run`` (``search.search`` or one backend's ``search``), each way, over
    all look-ups and over those whose document was imported; ms per grouped
    query."""
    import time

    from search.grouping import search_grouped
    from search.types import SearchQuery

    figures: dict[str, dict[str, list]] = {}
    for query in queries:
        wanted = set(query["wanted"])
        asked = SearchQuery(text=query["text"], per_page=10)
        started = time.perf_counter()
        groups = search_grouped(asked, run=run).groups
        grouped_ms = (time.perf_counter() - started) * 1000
        pages = [group.hit.page_id for group in groups]
        rows = [hit.page_id for hit in run(asked).hits]
        for label, order in (("grouped", pages), ("flat rows", rows)):
            ranks = [i for i, p in enumerate(order[:10], 1) if p in wanted]
            into = figures.setdefault(f"{label} {query['way']}", {"rr": [], "in": []})
            into["rr"].append(1 / ranks[0] if ranks else 0.0)
            if wanted:
                into["in"].append(1 / ranks[0] if ranks else 0.0)
        figures.setdefault(f"ms {query['way']}", {"rr": [], "in": []})["rr"].append(
            grouped_ms
        )
    return {
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


def load_bench_search() -> None:
    """bench/search.py as ``bench_search`` (its name would shadow the app)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_search", ROOT / "bench" / "search.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_search"] = module
    spec.loader.exec_module(module)


def main() -> None:
    sys.path[:] = [str(ROOT)] + [
        p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"
    ]
    load_bench_search()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "command",
        choices=[
            "collect-alqac",
            "collect-known-item",
            "cross-validate",
            "known-item",
            "restoration",
        ],
    )
    parser.add_argument(
        "--restore", action="store_true", help="collect with accent restoration"
    )
    parser.add_argument(
        "--variants",
        nargs="+",
        help='cross-validate: only these tags ("" shipped), the first as base',
    )
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--texts", action="store_true", help="second stage reads texts")
    parser.add_argument(
        "--fix", default="", help='cross-validate: weights held, "heading=0.1,year=0"'
    )
    parser.add_argument(
        "--bm25", default="", help='first-stage column weights, e.g. "title=3"'
    )
    args = parser.parse_args()
    global BM25, RESTORE, TAG
    BM25, RESTORE = args.bm25, args.restore
    TAG = args.bm25.replace("=", "").replace(",", "-")
    TAG += "-restore" if args.restore else ""
    TAG = TAG.lstrip("-")
    if args.texts:
        wire()
    if args.command == "collect-alqac":
        collect_alqac()
    elif args.command == "collect-known-item":
        if not KNOWN_ITEM.exists():
            print(f"skip: {KNOWN_ITEM} not found")
            return
        setup_database(known_item_database(args.reuse))
        collect_known_item()
    elif args.command == "known-item":
        if not KNOWN_ITEM.exists():
            print(f"skip: {KNOWN_ITEM} not found")
            return
        print(json.dumps(known_item(args.reuse), ensure_ascii=False, indent=1))
    elif args.command == "restoration":
        print_restoration(restoration_summary())
    else:
        import relevance_cv

        for item in filter(None, args.fix.split(",")):
            name, _, value = item.partition("=")
            relevance_cv.FIXED[name.strip()] = float(value)
        report = cross_validate(args.variants)
        (WORK / "cross_validation.json").write_text(
            json.dumps(report, ensure_ascii=False, indent=1), "utf-8"
        )
        print_report(report)


if __name__ == "__main__":
    main()
