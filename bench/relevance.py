"""Relevance with cross-validation: every ranking weight gets a held-out figure.

    python bench/relevance.py collect-alqac        # ALQAC 2022 laws + questions
    python bench/relevance.py collect-known-item [--reuse]  # shared documents
    python bench/relevance.py cross-validate       # tuned vs held-out, per set
    python bench/relevance.py known-item [--reuse] # document MRR@10 as shipped

``collect-*`` runs every query (as written and without diacritics) through
``search.search`` — the code path of /tim-kiem/ and ``manage.py search`` —
and records what the second stage (``search.ranking``) is given: the
first-stage candidates with their signals. ``cross-validate`` then splits the
queries into five folds (by a hash of the query's id), chooses the weights on
four folds and measures them on the fifth, for every fold: the "held-out"
figure is each query measured with weights chosen without it; the "tuned"
figure is the same weights on the folds they were chosen on. The weights
shipped in ``search/ranking.py`` are the ones chosen on all folds, and are
kept only when the held-out figure improves on the unweighted first stage.

Known-item: the shared documents are imported with ``import_documents``
(slug = the record's id) into a fresh SQLite database under ``var/bench``;
a query's rank is the rank of its document among the distinct documents of
the result list (a hit on one of its Điều counts). Skips cleanly when
``../shared/data`` is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PORTAL_SHARED_DIR", ROOT.parent / "shared"))
KNOWN_ITEM = SHARED / "data" / "known_item_dev" / "queries.jsonl"
DOCUMENTS = SHARED / "data" / "documents"
WORK = ROOT / "var" / "bench"
FOLDS = 5
BM25 = ""  # the first-stage variant being collected ("title=3,title_bi=2")
TAG = ""  # its name in file names
LEVELS = {
    "title": (0.0, 0.5, 1.0, 2.0),
    "heading": (0.0, 0.1),
    "place": (0.0, 0.25, 0.5, 1.0),
    "issuer": (0.0, 0.1),
    "kind": (0.0, 0.05),
    "year": (0.0, 0.05),
}
NAMES = tuple(LEVELS)


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
    seen: list = []
    original = ranking.bonuses

    def recording(query, candidates, weights=None):
        seen.append(list(candidates))
        return original(query, candidates, {})

    ranking.bonuses = recording
    try:
        out = []
        for query in queries:
            seen.clear()
            hits = search.search(SearchQuery(text=query["text"], per_page=10)).hits
            candidates = seen[0] if seen else []
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
                }
            )
        return out
    finally:
        ranking.bonuses = original


def both_ways(queries: list[dict]) -> list[dict]:
    from search.query import strip_diacritics

    out = []
    for q in queries:
        out.append({**q, "id": q["id"] + "/written", "way": "written"})
        out.append(
            {
                **q,
                "id": q["id"] + "/stripped",
                "way": "stripped",
                "text": strip_diacritics(q["text"]),
            }
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
    get_backend().rebuild(list(bs.law_entries()))
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


def known_item_database(reuse: bool) -> Path:
    """A SQLite database with the demo and the shared documents (slug = id)."""
    WORK.mkdir(parents=True, exist_ok=True)
    database = WORK / "known_item.sqlite3"
    if reuse and database.exists():
        return database
    database.unlink(missing_ok=True)
    records = WORK / "known_item_documents.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for path in sorted(DOCUMENTS.glob("*.jsonl")):
            for line in path.read_text("utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    record["slug"] = record["id"]
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    for args in (["migrate", "-v0"], ["load_demo"], ["import_documents", str(records)]):
        if args[0] == "import_documents":
            args += ["--publish"]
        subprocess.run(manage + args, env=env, check=True, stdout=subprocess.DEVNULL)
    return database


def known_item_queries() -> list[dict]:
    from wagtail.models import Page

    pages = dict(Page.objects.values_list("slug", "id"))
    queries = []
    for line in KNOWN_ITEM.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        q = json.loads(line)
        page = pages.get(q["id"])
        for way in ("accented", "plain"):
            queries.append(
                {
                    "id": f"{q['id']}:{zlib.crc32(q[way].encode()):x}/{way}",
                    "group": q["id"],
                    "text": q[way],
                    "way": way,
                    "level": "document",
                    "wanted": [page] if page else [],
                }
            )
    return queries


def setup_database(database: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()


def collect_known_item() -> Path:
    return dump("known_item", record_queries(known_item_queries()))


def first_stage_weights(spec: str) -> None:
    """Apply BM25 column weights "title=3,title_bi=2" to the SQLite backend
    for this process."""
    if not spec:
        return
    from search.backends.database import sqlite

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


def dump(name: str, rows: list[dict]) -> Path:
    path = WORK / f"{name}@{TAG}.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    print(f"{len(rows)} queries recorded in {path}")
    return path


# -- measuring -------------------------------------------------------------------
def prepared(row: dict) -> dict:
    """The row with its candidates as (score, signal vector, key, page); the
    signals are computed here by ``search.ranking.signals``, so a change to
    their definition needs no new collection."""
    if "_vectors" not in row:
        from search import ranking

        row["_vectors"] = []
        for key, page, score, kind, title, issuer, doc_type, year, code in row[
            "candidates"
        ]:
            candidate = ranking.Candidate(
                key, score, kind, title, issuer, doc_type, year, code, key, page
            )
            found = ranking.signals(row["tokens"], candidate)
            row["_vectors"].append(
                (score, tuple(found.get(n, 0.0) for n in NAMES), key, page)
            )
        row["_scale"] = max((c[2] for c in row["candidates"]), default=1.0) or 1.0
    return row


def ranked(row: dict, weights: dict[str, float]) -> list[tuple[str, int]]:
    """(key, page id) in final order: named-code hits, then the candidates
    with their second-stage bonus (as ``ranking.bonuses`` computes it)."""
    row = prepared(row)
    vector = [weights[n] for n in NAMES]
    scale = row["_scale"]
    scored = [
        (
            score + scale * sum(w * x for w, x in zip(vector, signals, strict=True)),
            -i,
            key,
            page,
        )
        for i, (score, signals, key, page) in enumerate(row["_vectors"])
    ]
    scored.sort(reverse=True)
    return [tuple(f) for f in row["first"]] + [(s[2], s[3]) for s in scored]


def reciprocal_rank(row: dict, weights: dict[str, float]) -> float:
    """1 / rank of the first wanted entry (or document) in ``ranked`` order,
    0 beyond 10; computed by counting what ranks above it."""
    if not row["wanted"]:
        return 0.0
    row = prepared(row)
    wanted = set(row["wanted"])
    document = row["level"] == "document"
    first = [tuple(f) for f in row["first"]]
    ahead = list(dict.fromkeys(p for _, p in first)) if document else first
    for i, item in enumerate(ahead, 1):
        if (item if document else item[0]) in wanted:
            return 1 / i if i <= 10 else 0.0
    vector = [weights[n] for n in NAMES]
    scale = row["_scale"]
    best: dict = {}  # entry key or page -> (final score, -position)
    for i, (score, signals, key, page) in enumerate(row["_vectors"]):
        final = (
            score + scale * sum(w * x for w, x in zip(vector, signals, strict=True)),
            -i,
        )
        unit = page if document else key
        if unit not in best or final > best[unit]:
            best[unit] = final
    ahead_units = set(ahead) if document else {k for k, _ in first}
    found = [best[u] for u in best if u in wanted and u not in ahead_units]
    if not found:
        return 0.0
    target = max(found)
    rank = (
        len(ahead)
        + 1
        + sum(1 for u, v in best.items() if v > target and u not in ahead_units)
    )
    return 1 / rank if rank <= 10 else 0.0


def fold_of(row: dict) -> int:
    base = row.get("group") or row["id"].split("/")[0]
    return zlib.crc32(base.encode()) % FOLDS


def grid() -> list[dict[str, float]]:
    """Every combination of LEVELS."""
    import itertools

    return [
        dict(zip(NAMES, values, strict=True))
        for values in itertools.product(*(LEVELS[n] for n in NAMES))
    ]


def measured(variants: dict[str, dict]) -> dict:
    """Reciprocal rank of every query under every (variant, weights), once."""
    configs = grid()
    table = {}
    for tag, sets in variants.items():
        for name, rows in sets.items():
            for row in rows:
                table[(tag, name, row["id"])] = [
                    reciprocal_rank(row, weights) for weights in configs
                ]
    return {"configs": configs, "rr": table}


def objective(variants, table, tag: str, c: int, folds: set[int]) -> float:
    """Mean over the sets of each set's MRR@10 on ``folds`` under config c."""
    means = []
    for name, rows in variants[tag].items():
        chosen = [
            table["rr"][(tag, name, r["id"])][c] for r in rows if fold_of(r) in folds
        ]
        if chosen:
            means.append(statistics.mean(chosen))
    return statistics.mean(means) if means else 0.0


def choose(variants, table, folds: set[int]) -> tuple[str, dict]:
    """The (first-stage variant, second-stage weights) best on ``folds``; ties
    go to the shipped first stage and the smaller weights."""
    best = None
    for tag in variants:
        for c, weights in enumerate(table["configs"]):
            value = objective(variants, table, tag, c, folds)
            key = (round(value, 6), tag == "", -sum(weights.values()))
            if best is None or key > best[0]:
                best = (key, tag, weights)
    return best[1], best[2]


def figures(variants, choice_of_fold, name: str) -> dict[str, float]:
    """MRR@10 per way of set ``name``, each query measured with the
    (variant, weights) ``choice_of_fold(its fold)``."""
    values: dict[str, list[float]] = {}
    for tag, sets in variants.items():
        for row in sets.get(name, []):
            chosen_tag, weights = choice_of_fold(fold_of(row))
            if chosen_tag == tag:
                values.setdefault(row["way"], []).append(reciprocal_rank(row, weights))
    return {way: round(statistics.mean(v), 4) for way, v in sorted(values.items())}


def load_variants() -> dict[str, dict]:
    variants: dict[str, dict] = {}
    for path in sorted(WORK.glob("*@*.json")):
        name, _, tag = path.stem.partition("@")
        variants.setdefault(tag, {})[name] = json.loads(path.read_text("utf-8"))
    names = set().union(*(v.keys() for v in variants.values())) if variants else set()
    return {tag: sets for tag, sets in variants.items() if set(sets) == names}


def cross_validate() -> dict:
    variants = load_variants()
    if "" not in variants:
        print("nothing collected: run collect-alqac / collect-known-item first")
        return {}
    all_folds = set(range(FOLDS))
    table = measured(variants)
    chosen = {k: choose(variants, table, all_folds - {k}) for k in range(FOLDS)}
    final = choose(variants, table, all_folds)
    zero = ("", dict.fromkeys(NAMES, 0.0))
    report = {"per_fold": chosen, "all_folds": final, "sets": {}}
    for name in variants[""]:
        tuned: dict[str, list[float]] = {}
        for k in range(FOLDS):  # fold k's choice on the folds it was chosen on
            train = {
                tag: {name: [r for r in sets[name] if fold_of(r) != k]}
                for tag, sets in variants.items()
            }
            for way, value in figures(train, lambda _f, k=k: chosen[k], name).items():
                tuned.setdefault(way, []).append(value)
        report["sets"][name] = {
            "queries": len(variants[""][name]),
            "shipped first stage only": figures(variants, lambda _f: zero, name),
            "dev-tuned (mean over folds)": {
                w: round(statistics.mean(v), 4) for w, v in tuned.items()
            },
            "held-out": figures(variants, lambda f: chosen[f], name),
            "chosen on all folds": figures(variants, lambda _f: final, name),
        }
    return report


def known_item(reuse: bool) -> dict:
    """Document MRR@10 of the known-item look-ups as shipped: the grouped list
    (``search --group``, /tim-kiem/) and the flat one (``search --batch``: the
    rank of the document's first row, a Điều row counting for it), each way;
    with time per query."""
    import time

    setup_database(known_item_database(reuse))
    import search
    from search.grouping import search_grouped
    from search.types import SearchQuery

    figures_: dict[str, dict[str, list]] = {}
    for query in known_item_queries():
        wanted = set(query["wanted"])
        started = time.perf_counter()
        groups = search_grouped(SearchQuery(text=query["text"], per_page=10)).groups
        grouped_ms = (time.perf_counter() - started) * 1000
        pages = [g.hit.page_id for g in groups]
        flat = search.search(SearchQuery(text=query["text"], per_page=10)).hits
        rows = [h.page_id for h in flat]
        for label, order in (("grouped", pages), ("flat rows", rows)):
            ranks = [i for i, p in enumerate(order[:10], 1) if p in wanted]
            into = figures_.setdefault(f"{label} {query['way']}", {"rr": [], "in": []})
            into["rr"].append(1 / ranks[0] if ranks else 0.0)
            if wanted:
                into["in"].append(1 / ranks[0] if ranks else 0.0)
        figures_.setdefault(f"ms {query['way']}", {"rr": [], "in": []})["rr"].append(
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
        for label, v in figures_.items()
    }


def print_report(report: dict) -> None:
    """The figures as a Markdown table, and the chosen weights."""
    if not report:
        return
    tag, weights = report["all_folds"]
    print(f"chosen on all folds: first stage {tag or 'as shipped'!r}, {weights}")
    for k, (fold_tag, fold_weights) in report["per_fold"].items():
        print(f"  without fold {k}: {fold_tag or 'as shipped'!r} {fold_weights}")
    columns = [
        "shipped first stage only",
        "dev-tuned (mean over folds)",
        "held-out",
        "chosen on all folds",
    ]
    print("| set | way | " + " | ".join(columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    for name, figures_ in report["sets"].items():
        for way in figures_["held-out"]:
            values = " | ".join(f"{figures_[c].get(way, 0):.3f}" for c in columns)
            print(f"| {name} ({figures_['queries']}) | {way} | {values} |")


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
        choices=["collect-alqac", "collect-known-item", "cross-validate", "known-item"],
    )
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument(
        "--bm25", default="", help='first-stage column weights, e.g. "title=3"'
    )
    args = parser.parse_args()
    global BM25, TAG
    BM25, TAG = args.bm25, args.bm25.replace("=", "").replace(",", "-")
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
    else:
        report = cross_validate()
        (WORK / "cross_validation.json").write_text(
            json.dumps(report, ensure_ascii=False, indent=1), "utf-8"
        )
        print_report(report)


if __name__ == "__main__":
    main()
