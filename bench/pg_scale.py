"""PostgreSQL beside SQLite: time per question and the same top 10, at scale.

    python bench/pg_scale.py --postgres postgres://postgres@127.0.0.1:5432/DB \\
        [--sizes 0 100000] [--questions N] [--reuse]
    python bench/pg_scale.py run --database URL --size N --out FILE [--reuse]
    python bench/pg_scale.py compare SQLITE.json POSTGRES.json
    python bench/pg_scale.py paired --size N --postgres URL [--questions N]

Content: the ALQAC 2022 laws of ``shared/data/retrieval_dev`` (one entry per
Điều, as ``bench/search.py relevance`` indexes them: 1,381 entries), then
``size`` administrative entries scaled from ``shared/data/documents`` after
them (``bench/search.py scaled_entries``; 0 for the laws alone). Each
backend runs in its own process (``run``: Django on that database, every
migration applied): it builds the index (``--reuse`` keeps one whose entry
count is right: the SQLite file under ``var/bench/``, the PostgreSQL database
named), asks every question through ``search.search`` — the code path of
/tim-kiem/ and ``search --batch`` — once as written and once without
diacritics, one after another, recording its top 10 and its time, then
times the /tim-kiem/ page (``bench/search.py page_latency``: the speed mix,
5 rounds, Django's test client). ``compare`` prints ms per question on each
and their ratio, MRR@10 on each, how many questions get the same top 10
(keys and order) and the same first hit, the mean overlap of the top 10s and
the largest score difference among shared hits. ``paired`` times the two
built indexes of a size in one process, question by question (SQLite, then
PostgreSQL, then the next question the other way round), so that both see
the same load on a shared machine: the ratio to quote. Skips cleanly when
the shared data is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"


def bench_search():
    """The bench's shared pieces: ``bench/search_data.py`` (the laws, the
    scaled entries, the questions' path) and ``bench/search_speed.py`` (the
    page timing), as one namespace. The bench directory is appended to the
    path, so the portal's own ``search`` app wins over ``bench/search.py``."""
    import types

    if str(ROOT / "bench") not in sys.path:
        sys.path.append(str(ROOT / "bench"))
    import search_data
    import search_speed

    return types.SimpleNamespace(
        RETRIEVAL=search_data.RETRIEVAL,
        law_entries=search_data.law_entries,
        source_chunks=search_data.source_chunks,
        scaled_entries=search_data.scaled_entries,
        page_latency=search_speed.page_latency,
    )


def setup(database: str) -> None:
    sys.path[:] = [str(ROOT)] + [
        p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"
    ]
    os.environ["DATABASE_URL"] = database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.base")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def entry_count() -> int:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM portal_search_entry")
        return cur.fetchone()[0]


def build(size: int, reuse: bool) -> dict:
    """The laws, then ``size`` scaled entries; kept when ``reuse`` and the
    index already holds that many entries."""
    import itertools

    from search import get_backend

    bs = bench_search()
    laws = list(bs.law_entries())
    wanted = len(laws) + size
    if reuse and entry_count() == wanted:
        return {"entries": wanted, "built": False}
    started = time.perf_counter()
    chunks = bs.source_chunks() if size else []
    get_backend().rebuild(
        itertools.chain(laws, bs.scaled_entries(size, chunks)), chunk_size=1000
    )
    seconds = time.perf_counter() - started
    return {"entries": entry_count(), "built": True, "index_seconds": round(seconds)}


def ask(questions: int) -> dict:
    """Every question both ways: its time and top 10 (key, score)."""
    import search
    from search.query import strip_diacritics
    from search.types import SearchQuery

    bs = bench_search()
    laws = json.loads((bs.RETRIEVAL / "alqac2022_law.json").read_text("utf-8"))
    keys_by_law = {law["id"]: f"law:{i}" for i, law in enumerate(laws, start=1)}
    asked = json.loads((bs.RETRIEVAL / "alqac2022_question.json").read_text("utf-8"))
    rows = []
    for label, strip in (("as_written", False), ("stripped", True)):
        for question in asked[: questions or None]:
            text = strip_diacritics(question["text"]) if strip else question["text"]
            started = time.perf_counter()
            hits = search.search(SearchQuery(text=text, per_page=10)).hits
            ms = (time.perf_counter() - started) * 1000
            wanted = [
                keys_by_law[r["law_id"]] + f"#dieu-{r['article_id']}"
                for r in question["relevant_articles"]
            ]
            rows.append(
                {
                    "form": label,
                    "id": question.get("question_id", len(rows)),
                    "ms": round(ms, 2),
                    "top": [[hit.key, hit.score] for hit in hits],
                    "wanted": wanted,
                }
            )
    return {"questions": rows}


def run(args) -> None:
    setup(args.database)
    from search import get_backend

    result = {
        "backend": type(get_backend()).__name__,
        "machine": machine(),
        "size": args.size,
        **build(args.size, args.reuse),
    }
    print(json.dumps(result), flush=True)
    result.update(ask(args.questions))
    result["tim_kiem_page"] = bench_search().page_latency()
    Path(args.out).write_text(json.dumps(result), "utf-8")
    print(json.dumps({**result, "questions": len(result["questions"])}), flush=True)


def reciprocal_rank(row: dict) -> float:
    keys = [key for key, _ in row["top"]]
    return next((1 / i for i, k in enumerate(keys, 1) if k in row["wanted"]), 0.0)


def compare(lite: dict, pg: dict) -> dict:
    """Times, MRR@10 and agreement of the top 10s (SQLite vs PostgreSQL)."""
    out = {"entries": lite["entries"]}
    for form in ("as_written", "stripped"):
        a = [r for r in lite["questions"] if r["form"] == form]
        b = [r for r in pg["questions"] if r["form"] == form]
        assert [r["id"] for r in a] == [r["id"] for r in b], "different questions"
        same_top10 = same_first = 0
        overlaps, differences = [], [0.0]
        for x, y in zip(a, b, strict=True):
            kx, ky = [k for k, _ in x["top"]], [k for k, _ in y["top"]]
            same_top10 += kx == ky
            same_first += kx[:1] == ky[:1]
            overlaps.append(len(set(kx) & set(ky)) / max(len(kx), 1))
            sy = dict(y["top"])
            differences += [
                abs(s - sy[k]) / max(abs(s), 1e-9) for k, s in x["top"] if k in sy
            ]
        ms_a = statistics.mean(r["ms"] for r in a)
        ms_b = statistics.mean(r["ms"] for r in b)
        out[form] = {
            "questions": len(a),
            "sqlite_ms": round(ms_a, 1),
            "postgres_ms": round(ms_b, 1),
            "ratio": round(ms_b / ms_a, 2),
            "sqlite_p95_ms": round(percentile([r["ms"] for r in a], 0.95), 1),
            "postgres_p95_ms": round(percentile([r["ms"] for r in b], 0.95), 1),
            "sqlite_mrr@10": round(statistics.mean(map(reciprocal_rank, a)), 4),
            "postgres_mrr@10": round(statistics.mean(map(reciprocal_rank, b)), 4),
            "same_top10": same_top10,
            "same_first": same_first,
            "mean_overlap@10": round(statistics.mean(overlaps), 4),
            "max_relative_score_difference": max(differences),
        }
    out["tim_kiem_page"] = {
        "sqlite": lite["tim_kiem_page"],
        "postgres": pg["tim_kiem_page"],
    }
    return out


def paired(args) -> None:
    """Both indexes of ``args.size`` in one process, each question asked of
    one then the other (alternating which goes first); the backends'
    ``search`` directly (``search.search`` adds only the fallback)."""
    from urllib.parse import urlsplit

    setup(f"sqlite:///{VAR / f'pg_scale_{args.size}.sqlite3'}")
    from django.conf import settings
    from django.db import connections

    from search.backends.database.postgres import PostgresBackend
    from search.backends.database.sqlite import SQLiteBackend
    from search.query import strip_diacritics
    from search.types import SearchQuery

    url = urlsplit(args.postgres.format(size=args.size))
    settings.DATABASES["pg"] = {
        **settings.DATABASES["default"],
        "ENGINE": "django.db.backends.postgresql",
        "NAME": url.path.lstrip("/"),
        "USER": url.username or "postgres",
        "PASSWORD": url.password or "",
        "HOST": url.hostname or "127.0.0.1",
        "PORT": url.port or 5432,
        "OPTIONS": {},
    }
    connections.settings = connections.configure_settings(settings.DATABASES)
    backends = [SQLiteBackend("lite", {}), PostgresBackend("pg", {"DATABASE": "pg"})]
    bs = bench_search()
    asked = json.loads((bs.RETRIEVAL / "alqac2022_question.json").read_text("utf-8"))
    ms: list[list[float]] = [[], []]
    same = 0
    texts = [q["text"] for q in asked[: args.questions or None]]
    texts += [strip_diacritics(text) for text in texts]
    for n, text in enumerate(texts):
        tops = [None, None]
        for i in (0, 1) if n % 2 == 0 else (1, 0):
            started = time.perf_counter()
            hits = backends[i].search(SearchQuery(text=text, per_page=10)).hits
            ms[i].append((time.perf_counter() - started) * 1000)
            tops[i] = [hit.key for hit in hits]
        same += tops[0] == tops[1]
    lite, pg = (statistics.mean(values) for values in ms)
    print(
        json.dumps(
            {
                "machine": machine(),
                "entries": args.size + 1381,
                "queries": len(texts),
                "sqlite_ms": round(lite, 1),
                "postgres_ms": round(pg, 1),
                "ratio": round(pg / lite, 2),
                "sqlite_p95_ms": round(percentile(ms[0], 0.95), 1),
                "postgres_p95_ms": round(percentile(ms[1], 0.95), 1),
                "same_top10": same,
            }
        ),
        flush=True,
    )


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[max(int(len(values) * q) - 1, 0)]


def machine() -> str:
    return (
        f"{platform.node()} {platform.machine()}, {os.cpu_count()} cpus, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )


def both(args) -> None:
    """Each size on SQLite, then on PostgreSQL, then the comparison."""
    VAR.mkdir(parents=True, exist_ok=True)
    script = [sys.executable, str(Path(__file__).resolve())]
    for size in args.sizes:
        outs = []
        for name, url in (
            ("sqlite", f"sqlite:///{VAR / f'pg_scale_{size}.sqlite3'}"),
            ("postgres", args.postgres.format(size=size)),
        ):
            out = VAR / f"pg_scale_{size}_{name}.json"
            command = [*script, "run", "--database", url, "--size", str(size)]
            command += ["--out", str(out), "--questions", str(args.questions)]
            subprocess.run(command + (["--reuse"] if args.reuse else []), check=True)
            outs.append(json.loads(out.read_text("utf-8")))
        print(json.dumps(compare(*outs), indent=1), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "what", nargs="?", default="both", choices=["both", "run", "compare", "paired"]
    )
    parser.add_argument("files", nargs="*", help="compare: SQLite then PostgreSQL")
    parser.add_argument("--database", help="run: the database URL")
    parser.add_argument("--size", type=int, default=0, help="run: scaled entries")
    parser.add_argument("--out", help="run: where to write the result")
    parser.add_argument("--sizes", nargs="+", type=int, default=[0, 100_000])
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_DATABASE_URL", ""),
        help="both: PostgreSQL URL, '{size}' replaced by the size",
    )
    parser.add_argument("--questions", type=int, default=0, help="first N only")
    parser.add_argument("--reuse", action="store_true", help="keep a built index")
    args = parser.parse_args()
    if args.what == "compare":
        lite, pg = (json.loads(Path(f).read_text("utf-8")) for f in args.files)
        print(json.dumps(compare(lite, pg), indent=1))
        return
    shared = Path(os.environ.get("PORTAL_SHARED_DIR", ROOT.parent / "shared"))
    if not (shared / "data" / "retrieval_dev" / "alqac2022_law.json").exists():
        print(f"skip: {shared / 'data' / 'retrieval_dev'} not found")
        return
    if args.what == "run":
        run(args)
    elif not args.postgres:
        parser.error("--postgres URL (or BENCH_DATABASE_URL) is needed")
    elif args.what == "paired":
        paired(args)
    else:
        both(args)


if __name__ == "__main__":
    main()
