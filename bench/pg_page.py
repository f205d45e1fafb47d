"""The /tim-kiem/ page on a database index: its queries' results and times.

    python bench/pg_page.py dump --database URL --out FILE
    python bench/pg_page.py diff A.json B.json [--tolerance 1e-6]
    python bench/pg_page.py time --database URL [--rounds 5] [--out FILE]

``dump`` writes, for each query of the page's speed mix (``QUERY_MIX`` of
``bench/search_data.py``) and of ``MORE`` (quoted phrases alone, with words,
two of them, a phrase of a số ký hiệu, filters, the date order, a later
page), what ``search.search`` returns for the page's first read (100 flat
hits, as ``search.grouping`` reads them) and for the date order: every hit's
key, score and snippet, the total, the facets and whether they are exact.
``diff`` compares two dumps (the same code on two databases, or two versions
of the code on one database: run ``dump`` from each checkout) and prints each
difference; scores are compared to a relative tolerance. ``time`` times the
page (Django's test client, a new parameter each time so no cache answers)
``--rounds`` times per query, one query after another, and prints each
query's best and median and the p50/p95 over all requests as
``bench/search_speed.py page_latency`` computes them. Use the databases that
``bench/pg_scale.py`` builds (``var/bench/pg_scale_N.sqlite3``, PostgreSQL
``--postgres``); ``dump`` and ``time`` apply the migrations first.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MORE = [
    ('"ngân sách nhà nước"', {}),
    ('"chuyển đổi số" kế hoạch', {}),
    ('"chuyen doi so"', {}),
    ('"thi đua" "khen thưởng"', {}),
    ('"ủy ban nhân dân" tỉnh', {}),
    ('"cải cách hành chính"', {"type": "Kế hoạch"}),
    ('"hợp đồng lao động"', {}),
    ('"số"', {}),
    ('"QĐ-UBND"', {}),
    ('"không có cụm từ này đâu"', {}),
    ("bộ luật lao động", {}),
    ("luật an ninh mạng", {}),
    ("công chức viên chức", {"year": "2021"}),
]


def setup(database: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import pg_scale

    pg_scale.setup(database)
    sys.path.append(str(ROOT / "bench"))


def queries() -> list[tuple[str, dict]]:
    from search_data import QUERY_MIX

    return [(text, filters) for text, filters in QUERY_MIX if text] + MORE


def results_of(text: str, filters: dict, **options) -> dict:
    import search
    from search.types import SearchQuery

    results = search.search(SearchQuery(text=text, filters=filters, **options))
    return {
        "hits": [[h.key, h.score, h.snippet] for h in results.hits],
        "total": results.total,
        "facets": results.facets,
        "facets_exact": results.facets_exact,
        "code_match": results.code_match,
    }


def dump(args) -> None:
    setup(args.database)
    out = {}
    for text, filters in queries():
        name = json.dumps([text, filters], ensure_ascii=False)
        out[name] = {
            "relevance": results_of(text, filters, per_page=100),
            "date": results_of(text, filters, sort="date", per_page=20),
            "page_3": results_of(text, filters, page=3, per_page=20),
        }
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False), "utf-8")
    print(f"{len(out)} queries -> {args.out}")


def diff(args) -> None:
    a, b = (json.loads(Path(f).read_text("utf-8")) for f in args.files)
    problems = 0
    for name in a:
        for order, x in a[name].items():
            y = b[name][order]
            for field in ("total", "facets", "facets_exact", "code_match"):
                if x[field] != y[field]:
                    problems += 1
                    print(f"{name} {order}: {field} {x[field]} != {y[field]}")
            kx, ky = [h[0] for h in x["hits"]], [h[0] for h in y["hits"]]
            if kx != ky:
                problems += 1
                print(f"{name} {order}: keys differ ({len(kx)} / {len(ky)})")
                continue
            for (key, sx, nx), (_, sy, ny) in zip(x["hits"], y["hits"], strict=True):
                if abs(sx - sy) > args.tolerance * max(abs(sx), 1.0):
                    problems += 1
                    print(f"{name} {order} {key}: score {sx} != {sy}")
                if nx != ny:
                    problems += 1
                    print(f"{name} {order} {key}: snippet differs")
    print(f"{len(a)} queries, {problems} differences")


def timing(args) -> None:
    setup(args.database)
    from django.conf import settings
    from django.test import Client
    from search_data import QUERY_MIX

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client, rows, everything = Client(), [], []
    for text, filters in QUERY_MIX:
        times = []
        for _round in range(args.rounds):
            nonce = time.perf_counter_ns()
            started = time.perf_counter()
            response = client.get("/tim-kiem/", {"q": text, **filters, "n": nonce})
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        everything += times
        rows.append(
            [text, filters, round(min(times), 1), round(statistics.median(times), 1)]
        )
        print(f"{min(times):8.1f} {statistics.median(times):8.1f}  {text!r} {filters}")
    everything.sort()
    summary = {
        "p50_ms": round(statistics.median(everything), 1),
        "p95_ms": round(everything[int(len(everything) * 0.95) - 1], 1),
        "requests": len(everything),
    }
    print(json.dumps(summary))
    if args.out:
        Path(args.out).write_text(json.dumps({"queries": rows, **summary}), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["dump", "diff", "time"])
    parser.add_argument("files", nargs="*", help="diff: two dumps")
    parser.add_argument("--database", help="dump, time: the database URL")
    parser.add_argument("--out", help="dump, time: where to write")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--tolerance", type=float, default=1e-6)
    args = parser.parse_args()
    if args.what == "diff":
        diff(args)
    elif not args.database:
        parser.error("--database URL is needed")
    elif args.what == "dump":
        dump(args)
    else:
        timing(args)


if __name__ == "__main__":
    main()
