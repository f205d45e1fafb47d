"""Record the engine's first stage for the cross-validation of
``bench/relevance.py`` (``bench/search.py collect-engine``).

    OPENSEARCH_URL=http://127.0.0.1:9200 python bench/search_collect.py alqac
    OPENSEARCH_URL=… python bench/search_collect.py known-item [--reuse]
    python bench/relevance.py cross-validate --variants engine [engine-…]
    python bench/search_collect.py compare alqac "" engine  # rank by rank

Each set is collected as ``bench/relevance.py collect-*`` collects it (the
same queries in the same three forms, what the second stage is given), but
asked of the engine (``search.search`` with the engine as the default
backend, allowed 60 s per search; a failing search stops the run instead of
falling back to the database) and recorded under the tag ``engine`` (``engine-<variant>`` with
``--set``): ``cross-validate --variants engine …`` then chooses among the
engine's first-stage variants and the second-stage weights on the folds. The
look-ups use the database that ``relevance.py known-item`` imports, the
engine index rebuilt from it.

``--set "bigram=1"`` collects a first-stage variant of the engine (the knobs
of ``KNOBS``, set for this process only). ``compare SET A B`` lists the
queries of a recorded set whose rank differs between tags A and B ("" is the
database backend's collection) under the shipped weights.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


def _bigram(value: float) -> None:
    from search.backends.engine import query

    query.BIGRAM_FIELDS["text.bigram"] = value


def _code(value: float) -> None:
    from search.backends.engine import query

    query.FOLDED_FIELDS[0] = f"code^{value:g}"


# First-stage knobs of the engine a variant may set: the word-pair field's
# boost and the số ký hiệu field's weight. (FTS5's IDF in the engine, "idf=1",
# was measured with the code of the commit that added this file and not kept:
# docs/benchmarks.md.)
KNOBS = {"bigram": _bigram, "code": _code}


def apply(spec: str) -> str:
    """Set the knobs of ``spec`` ("bigram=1,code=10"); return the tag."""
    for item in filter(None, spec.split(",")):
        name, _, value = item.partition("=")
        if name.strip() not in KNOBS:
            raise SystemExit(f"unknown knob {name!r}: {', '.join(KNOBS)}")
        KNOBS[name.strip()](float(value))
    suffix = spec.replace("=", "").replace(",", "-")
    return "engine" + (f"-{suffix}" if suffix else "")


def compare(name: str, a: str, b: str, show: int = 3) -> None:
    """Print the recorded queries of set ``name`` whose reciprocal rank
    differs between tags ``a`` and ``b`` under the shipped weights, with the
    best ``show`` units each ranked first (a look-up's page, a question's
    entry)."""
    import json

    import relevance_cv as cv

    from search import ranking

    weights = {n: ranking.WEIGHTS.get(n, 0.0) for n in cv.NAMES}
    rows = {
        tag: {
            r["id"]: r
            for r in json.loads((cv.WORK / f"{name}@{tag}.json").read_text("utf-8"))
        }
        for tag in (a, b)
    }
    totals = {a: 0.0, b: 0.0}
    for qid, row_a in rows[a].items():
        row_b = rows[b].get(qid)
        if row_b is None:
            continue
        rr = {
            a: cv.reciprocal_rank(row_a, weights),
            b: cv.reciprocal_rank(row_b, weights),
        }
        for tag in rr:
            totals[tag] += rr[tag]
        if abs(rr[a] - rr[b]) < 1e-9:
            continue
        print(
            f"{qid}: {a or 'sqlite'} {rr[a]:.3f}  {b} {rr[b]:.3f}  {row_a['text'][:90]}"
        )
        print(f"   wanted {row_a['wanted']}")
        for tag, row in ((a, row_a), (b, row_b)):
            units = [
                (page if row["level"] == "document" else key, key)
                for key, page in cv.ranked(row, weights)
            ]
            print(
                f"   {tag or 'sqlite'}: {list(dict.fromkeys(u for u, _ in units))[:show]}"
            )
    n = len(rows[a]) or 1
    print({tag or "sqlite": round(v / n, 4) for tag, v in totals.items()})


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "compare":
        sys.path.insert(0, str(ROOT))
        _name, first, second = (sys.argv[2:5] + ["", "engine"])[:3]
        return compare(_name, first, second)
    if not (os.environ.get("OPENSEARCH_URL") or os.environ.get("ELASTICSEARCH_URL")):
        raise SystemExit(
            "set OPENSEARCH_URL (or ELASTICSEARCH_URL): nothing to collect"
        )
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", choices=["alqac", "known-item"])
    parser.add_argument(
        "--reuse", action="store_true", help="known-item: reuse the import"
    )
    parser.add_argument("--set", dest="knobs", default="", help='e.g. "bigram=1"')
    args = parser.parse_args()
    # As bench/relevance.py runs: the repository first (its ``search`` app),
    # this directory after it.
    sys.path[:] = [str(ROOT)] + [
        p for p in sys.path if Path(p or ".").resolve() != BENCH
    ]
    sys.path.append(str(BENCH))
    import relevance
    from search_data import patient

    relevance.load_bench_search()
    if args.set == "known-item":
        if not relevance.KNOWN_ITEM.exists():
            return print(f"skip: {relevance.KNOWN_ITEM} not found")
        relevance.setup_database(relevance.known_item_database(args.reuse))
        from django.core.management import call_command

        call_command("rebuild_search_index", "--no-progress", "--backend", "default")
    else:
        import bench_search

        bench_search.setup_django(relevance.WORK / "alqac")
    relevance.TAG = apply(args.knobs)
    import search

    patient(search.get_backend())
    search.has_fallback = lambda: False  # a failing engine stops the run
    if args.set == "alqac":
        relevance.collect_alqac()  # rebuilds the default backend: the engine
    else:
        relevance.collect_known_item()


if __name__ == "__main__":
    main()
