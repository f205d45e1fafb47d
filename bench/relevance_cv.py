"""Cross-validation of the ranking weights on recorded queries.

``bench/relevance.py collect-*`` records, for every query, what the second
stage (``search.ranking``) is given. Here the queries are split into
:data:`FOLDS` folds by a hash of their id (both forms of a query in one fold);
for every fold the (first-stage variant, second-stage weights) best on the
other four folds is measured on it: the "held-out" figure is each query
measured with weights chosen without it, "dev-tuned" the same weights on the
folds they were chosen on.

Two splits (``SPLITS``): "query", five folds by the hash, and "law", which
holds out one ALQAC law at a time (its questions are measured with weights
chosen on the questions of the other three laws; the look-ups, which have no
law, are split into four folds by the hash). The hidden questions are on laws
the dev set does not hold, so the law split is the closer proxy.
"""

from __future__ import annotations

import json
import statistics
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
FOLDS = 5
# Number of folds of each split (see ``fold_of``).
SPLITS = {"query": FOLDS, "law": 4}
LEVELS = {
    "title": (0.0, 0.25, 0.5, 1.0, 2.0),
    "heading": (0.0, 0.1),
    "place": (0.0, 0.25, 0.5, 1.0),
    "issuer": (0.0, 0.1),
    "kind": (0.0, 0.05),
    "year": (0.0, 0.05),
    "query": (0.0, 0.25, 0.5, 1.0, 2.0),
    # Recorded only when collected with the backends' texts (``--texts``).
    "proximity": (0.0, 0.25, 0.5, 0.75, 1.0),
}
NAMES = tuple(LEVELS)
# Weights held at one value instead of searched (``cross-validate --fix``).
FIXED: dict[str, float] = {}


def prepared(row: dict) -> dict:
    """The row with its candidates as (score, signal vector, key, page); the
    signals are computed here by ``search.ranking.signals``, so a change to
    their definition needs no new collection."""
    if "_vectors" not in row:
        from search import ranking

        row["_vectors"] = []
        near = row.get("proximity") or [0.0] * len(row["candidates"])
        for i, (
            key,
            page,
            score,
            kind,
            title,
            issuer,
            doc_type,
            year,
            code,
        ) in enumerate(row["candidates"]):
            candidate = ranking.Candidate(
                key, score, kind, title, issuer, doc_type, year, code, key, page
            )
            found = {**ranking.signals(row["tokens"], candidate), "proximity": near[i]}
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


def fold_of(row: dict, split: str = "query") -> int:
    """The row's fold: by a hash of its query (both forms in one fold) or,
    in the "law" split, an ALQAC question's law (the law of its wanted
    articles, "law:3#dieu-5" -> 2)."""
    if split == "law" and row["level"] == "entry" and row["wanted"]:
        law = row["wanted"][0].split("#")[0]
        return int(law.rpartition(":")[2]) - 1
    base = row.get("group") or row["id"].split("/")[0]
    return zlib.crc32(base.encode()) % SPLITS[split]


def grid() -> list[dict[str, float]]:
    """Every combination of LEVELS (one value for the FIXED names)."""
    import itertools

    levels = [(FIXED[n],) if n in FIXED else LEVELS[n] for n in NAMES]
    return [
        dict(zip(NAMES, values, strict=True)) for values in itertools.product(*levels)
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


def objective(
    variants, table, tag: str, c: int, folds: set[int], split: str = "query"
) -> float:
    """Mean over the sets of each set's MRR@10 on ``folds`` under config c."""
    means = []
    for name, rows in variants[tag].items():
        chosen = [
            table["rr"][(tag, name, r["id"])][c]
            for r in rows
            if fold_of(r, split) in folds
        ]
        if chosen:
            means.append(statistics.mean(chosen))
    return statistics.mean(means) if means else 0.0


def choose(variants, table, folds: set[int], split: str = "query") -> tuple[str, dict]:
    """The (first-stage variant, second-stage weights) best on ``folds``; ties
    go to the shipped first stage and the smaller weights."""
    best = None
    for tag in variants:
        for c, weights in enumerate(table["configs"]):
            value = objective(variants, table, tag, c, folds, split)
            key = (round(value, 6), tag == "", -sum(weights.values()))
            if best is None or key > best[0]:
                best = (key, tag, weights)
    return best[1], best[2]


def figures(
    variants, choice_of_fold, name: str, split: str = "query"
) -> dict[str, float]:
    """MRR@10 per way of set ``name``, each query measured with the
    (variant, weights) ``choice_of_fold(its fold)``."""
    values: dict[str, list[float]] = {}
    for tag, sets in variants.items():
        for row in sets.get(name, []):
            chosen_tag, weights = choice_of_fold(fold_of(row, split))
            if chosen_tag == tag:
                values.setdefault(row["way"], []).append(reciprocal_rank(row, weights))
    return {way: round(statistics.mean(v), 4) for way, v in sorted(values.items())}


def load_variants(only: list[str] | None = None) -> dict[str, dict]:
    """Recorded sets by first-stage variant tag ("" is the shipped one);
    ``only``: these tags alone, the first of them taking the place of ""."""
    variants: dict[str, dict] = {}
    for path in sorted(WORK.glob("*@*.json")):
        name, _, tag = path.stem.partition("@")
        if only is not None:
            if tag not in only:
                continue
            tag = "" if tag == only[0] else tag
        variants.setdefault(tag, {})[name] = json.loads(path.read_text("utf-8"))
    names = set().union(*(v.keys() for v in variants.values())) if variants else set()
    return {tag: sets for tag, sets in variants.items() if set(sets) == names}


def cross_validate(only: list[str] | None = None) -> dict:
    """Held-out and dev-tuned figures of each split: the first stage chosen
    among all the variants ("any") and each variant alone (its second stage
    still chosen per fold)."""
    variants = load_variants(only)
    if "" not in variants:
        print("nothing collected: run collect-alqac / collect-known-item first")
        return {}
    rows = [r for sets in variants.values() for rs in sets.values() for r in rs]
    if not any(any(r.get("proximity") or ()) for r in rows):
        FIXED.setdefault("proximity", 0.0)  # not collected with --texts
    table = measured(variants)
    report = {"all_folds": choose(variants, table, set(range(FOLDS))), "splits": {}}
    choices = {"any": list(variants), **{tag: [tag] for tag in variants}}
    for split in SPLITS:
        for label, tags in choices.items():
            among = {tag: variants[tag] for tag in tags}
            report["splits"][f"{split} split, first stage {label or 'as shipped'}"] = (
                split_report(among, table, split)
            )
    return report


def split_report(variants, table, split: str) -> dict:
    """One split's figures for the first-stage ``variants`` to choose among."""
    folds = SPLITS[split]
    all_folds = set(range(folds))
    chosen = {k: choose(variants, table, all_folds - {k}, split) for k in range(folds)}
    final = choose(variants, table, all_folds, split)
    zero = ("", dict.fromkeys(NAMES, 0.0))
    report = {"per_fold": chosen, "all_folds": final, "sets": {}}
    first = next(iter(variants.values()))
    for name in first:
        tuned: dict[str, list[float]] = {}
        for k in range(folds):  # fold k's choice on the folds it was chosen on
            train = {
                tag: {name: [r for r in sets[name] if fold_of(r, split) != k]}
                for tag, sets in variants.items()
            }
            for way, value in figures(
                train, lambda _f, k=k: chosen[k], name, split
            ).items():
                tuned.setdefault(way, []).append(value)
        base = {"": first} if "" not in variants else variants
        report["sets"][name] = {
            "queries": len(first[name]),
            "shipped first stage only": figures(base, lambda _f: zero, name, split),
            "dev-tuned (mean over folds)": {
                w: round(statistics.mean(v), 4) for w, v in tuned.items()
            },
            "held-out": figures(variants, lambda f: chosen[f], name, split),
            "chosen on all folds": figures(variants, lambda _f: final, name, split),
        }
    return report


def print_report(report: dict) -> None:
    """The figures of each split as a Markdown table, and the chosen weights."""
    if not report:
        return
    columns = [
        "dev-tuned (mean over folds)",
        "held-out",
        "chosen on all folds",
    ]
    for label, split in report["splits"].items():
        tag, weights = split["all_folds"]
        print(f"\n## {label}")
        print(f"chosen on all folds: first stage {tag or 'as shipped'!r}, {weights}")
        for k, (fold_tag, fold_weights) in split["per_fold"].items():
            print(f"  without fold {k}: {fold_tag or 'as shipped'!r} {fold_weights}")
        print("| set | way | " + " | ".join(columns) + " |")
        print("|---|---|" + "---|" * len(columns))
        for name, figures_ in split["sets"].items():
            for way in figures_["held-out"]:
                values = " | ".join(f"{figures_[c].get(way, 0):.3f}" for c in columns)
                print(f"| {name} ({figures_['queries']}) | {way} | {values} |")
