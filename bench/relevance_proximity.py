"""Where in a Điều the question's words occur: a second-stage signal, per law.

    python bench/relevance_proximity.py [--distractors] [--depth 30] [--reuse]
        [--curve local:triples ...]      # every signal, weight by the law split
    python bench/relevance_proximity.py --reuse [--distractors] --nested 10 20 30 50
    python bench/relevance_proximity.py --pooled --depth 20   # the shipped choice
    python bench/relevance_proximity.py --wired [--distractors]  # search.search
    python bench/relevance_proximity.py --pair postgres://…/db   # relevance_pair

Indexes the ALQAC 2022 laws as ``relevance_laws.py`` does (its helpers), asks
every question as written and without diacritics through ``search.search``
and records (``var/bench/proximity_rows*.json``; ``--reuse`` reads them) the
best 50 second-stage candidates in the shipped order, the shipped top 10 and
the plain-BM25 anchor's rank. The best ``--depth`` candidates get signals
read from their own text (a Điều's heading and body, folded words; the
prototypes in ``proximity_texts.py``) with idf over the whole index
(``global``) or over the candidates themselves (``local``, what any backend
can compute from the texts it reads). A candidate's final score is the
shipped one plus ``w * best first-stage score * signal``; w is chosen on three
laws and measured on the fourth, every law held out in turn (the law split).
``--nested`` chooses the signal, idf, depth and w together on three laws;
``--pooled`` chooses w for the shipped signal (``search.proximity.triples``,
compared with the prototype) on three laws of both settings (dev and
``--distractors``) and reports the fourth of each. ``--wired`` measures the
shipped code end to end (the database backend gives the second stage its
stored texts; ``proximity_texts.wired`` times the reads) beside the same
without the signals read from the text.
Skips cleanly when ``../shared/data`` is absent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))

import relevance_laws as rl  # noqa: E402
import search_data as sd  # noqa: E402
from proximity_texts import WINDOWS, idf, signals, wired  # noqa: E402

WEIGHTS = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1.0)


# -- recording -------------------------------------------------------------------
def record(qs: list[dict], depth: int) -> list[dict]:
    """Every question in both forms with the shipped top 10 and its best
    ``depth`` second-stage candidates (key, shipped final score)."""
    import search
    from search import ranking
    from search.query import strip_diacritics
    from search.types import SearchQuery

    seen: list = []
    original = ranking.bonuses

    def recording(query, candidates, weights=None, texts=None):
        # The metadata signals only: the text signals are this bench's own.
        added = original(query, candidates, weights)
        seen.append((list(query), list(candidates), dict(added)))
        return added

    ranking.bonuses = recording
    rows = []
    try:
        for q in qs:
            for way, text in (
                ("written", q["text"]),
                ("plain", strip_diacritics(q["text"])),
            ):
                seen.clear()
                hits = search.search(SearchQuery(text=text, per_page=10)).hits
                tokens, candidates, added = seen[0] if seen else ([], [], {})
                final = sorted(
                    (
                        (c.score + added.get(c.id, 0.0), -i, c.key)
                        for i, c in enumerate(candidates)
                    ),
                    reverse=True,
                )
                keys = {c.key for c in candidates}
                rows.append(
                    {
                        "law": q["law"],
                        "way": way,
                        "wanted": sorted(q["wanted"]),
                        "tokens": tokens,
                        "shipped": [h.key for h in hits],
                        "first": [h.key for h in hits if h.key not in keys],
                        "scale": max((c.score for c in candidates), default=1.0) or 1.0,
                        "top": [(s, k) for s, _i, k in final[:depth]],
                        "rest": [k for _s, _i, k in final[depth:]],
                    }
                )
    finally:
        ranking.bonuses = original
    return rows


def texts(distractors: bool) -> dict[str, list[str]]:
    """Folded words of every entry's heading and body, by key."""
    from search.ranking import tokens

    entries = list(sd.law_entries())
    if distractors:
        entries += list(rl.distractor_entries())
    out = {}
    for e in entries:
        heading = e.title.split(" – ", 1)[-1] if e.kind == "article" else ""
        out[e.key] = tokens(heading + "\n" + (e.body or ""))
    return out


# -- evaluating ------------------------------------------------------------------
def add_signals(rows: list[dict], words: dict[str, list[str]]) -> float:
    """Each row's top candidates' signals under both idfs; seconds spent."""
    from search import proximity

    df = Counter(w for ws in words.values() for w in set(ws))
    n = len(words)
    started = time.perf_counter()
    for row in rows:
        query = row["tokens"]
        top = [k for _s, k in row["top"]]
        local_df = Counter(w for k in top for w in set(words.get(k, ())) if w in query)
        weights = {
            "global": {t: idf(df.get(t, 0), n) for t in query},
            "local": {t: idf(local_df.get(t, 0), len(top)) for t in query},
        }
        row["signals"] = {
            kind: [signals(query, words.get(k, []), w) for k in top]
            for kind, w in weights.items()
        }
        # The shipped code's own value (``search.proximity``), to compare.
        module = proximity.triples(query, [words.get(k, []) for k in top])
        for found, value in zip(row["signals"]["local"], module, strict=True):
            found["module"] = found["articles"] = 0.0
            found["module"] = value
        # The same over the Điều entries alone (a document's entry unread).
        read = [i for i, k in enumerate(top) if "#" in k]
        module = proximity.triples(query, [words.get(top[i], []) for i in read])
        for i, value in zip(read, module, strict=True):
            row["signals"]["local"][i]["articles"] = value
    return time.perf_counter() - started


def rr(row: dict, kind: str, name: str, w: float) -> float:
    scored = sorted(
        (
            (s + w * row["scale"] * (sig[name] if w else 0.0), -i, k)
            for i, ((s, k), sig) in enumerate(
                zip(row["top"], row["signals"][kind], strict=True)
            )
        ),
        reverse=True,
    )
    ranked = row["first"] + [k for *_x, k in scored] + row["rest"]
    return rl.reciprocal(ranked, row["wanted"])


def law_split(rows, kind, name) -> dict:
    """Per held-out law: (weight chosen on the other laws, its MRR@10 by way)."""
    laws = sorted({r["law"] for r in rows})
    table = {w: [rr(r, kind, name, w) for r in rows] for w in WEIGHTS}
    out = {}
    for law in laws:
        train = [i for i, r in enumerate(rows) if r["law"] != law]
        best = max(
            WEIGHTS,
            key=lambda w: (round(statistics.mean(table[w][i] for i in train), 6), -w),
        )
        out[law] = {"w": best}
        for way in ("written", "plain"):
            held = [
                table[best][i]
                for i, r in enumerate(rows)
                if r["law"] == law and r["way"] == way
            ]
            out[law][way] = statistics.mean(held)
    allw = max(WEIGHTS, key=lambda w: (round(statistics.mean(table[w]), 6), -w))
    out["all"] = {
        way: statistics.mean(
            table[out[r["law"]]["w"]][i] for i, r in enumerate(rows) if r["way"] == way
        )
        for way in ("written", "plain")
    }
    out["all"]["w"] = allw
    out["all"]["tuned"] = statistics.mean(table[allw])
    return out


def nested(rows_by_depth: dict[int, list[dict]], names: list[str]) -> dict:
    """The whole choice (idf kind, signal, depth, weight) made on three laws
    and measured on the fourth: the held-out figure of the selection itself."""
    rows0 = next(iter(rows_by_depth.values()))
    table = {}
    for depth, rows in rows_by_depth.items():
        for kind in ("global", "local"):
            for name in names:
                for w in WEIGHTS:
                    table[(kind, name, depth, w)] = [rr(r, kind, name, w) for r in rows]
    laws = sorted({r["law"] for r in rows0})
    out: dict = {}

    def best(keep) -> tuple:
        def key(c):
            values = [v for v, r in zip(table[c], rows0, strict=True) if keep(r)]
            return (round(statistics.mean(values), 6), -c[3])

        return max(table, key=key)

    chosen = {law: best(lambda r, law=law: r["law"] != law) for law in laws}
    for law, c in chosen.items():
        out[law] = {"choice": c}
        for way in ("written", "plain"):
            out[law][way] = statistics.mean(
                v
                for v, r in zip(table[c], rows0, strict=True)
                if r["law"] == law and r["way"] == way
            )
    out["all"] = {
        way: statistics.mean(
            table[chosen[r["law"]]][i] for i, r in enumerate(rows0) if r["way"] == way
        )
        for way in ("written", "plain")
    }
    out["all"]["choice"] = best(lambda r: True)
    return out


def baseline(rows, run) -> dict:
    out: dict = {}
    for r in rows:
        value = run(r)
        out.setdefault(r["law"], {}).setdefault(r["way"], []).append(value)
        out.setdefault("all", {}).setdefault(r["way"], []).append(value)
    return {
        law: {w: statistics.mean(v) for w, v in ways.items()}
        for law, ways in out.items()
    }


def cut(row: dict, depth: int) -> dict:
    """The row with only its best ``depth`` candidates read."""
    return {
        **row,
        "top": row["top"][:depth],
        "rest": [k for _s, k in row["top"][depth:]] + row["rest"],
    }


def anchored(rows: list[dict], qs: list[dict], distractors: bool) -> None:
    """The anchor's reciprocal rank on every row (two rows per question,
    written then plain, as ``record`` makes them)."""
    from search.query import strip_diacritics

    anchor = rl.anchor(distractors)
    for i, q in enumerate(qs):
        for row, text in zip(
            rows[2 * i : 2 * i + 2],
            (q["text"], strip_diacritics(q["text"])),
            strict=True,
        ):
            row["anchor"] = rl.reciprocal(anchor.rank(text), q["wanted"])


def pooled(depth: int) -> None:
    """The weight of local triples chosen on three laws of the dev setting and
    the +distractors one together, measured on the fourth law of each."""
    rows = []
    for setting in ("", "_more"):
        cache = sd.ROOT / "var" / "bench" / f"proximity_rows{setting}.json"
        part = [cut(row, depth) for row in json.loads(cache.read_text("utf-8"))[0]]
        add_signals(part, texts(bool(setting)))
        rows += [{**row, "setting": setting or "dev"} for row in part]
    differ = sum(
        f["triples"] != f["module"] for r in rows for f in r["signals"]["local"]
    )
    print(f"search.proximity.triples differs from the prototype on {differ} candidates")
    for name in ("module", "articles"):
        print(f"-- {name}")
        pooled_split(rows, name)


def pooled_split(rows: list[dict], name: str) -> None:
    table = {w: [rr(r, "local", name, w) for r in rows] for w in WEIGHTS}
    laws = sorted({r["law"] for r in rows})
    chosen = {}
    for law in laws:
        train = [i for i, r in enumerate(rows) if r["law"] != law]
        chosen[law] = max(
            WEIGHTS,
            key=lambda w: (round(statistics.mean(table[w][i] for i in train), 6), -w),
        )
    every = max(WEIGHTS, key=lambda w: (round(statistics.mean(table[w]), 6), -w))
    print(f"chosen per held-out law {chosen}; on all laws {every}")
    for setting in ("dev", "_more"):
        cells = {}
        for label, weight_of in (
            ("shipped", lambda _law: 0.0),
            ("held-out", chosen.get),
            (f"w={every}", lambda _law: every),
        ):
            for law in ("all", *laws):
                values = [
                    table[weight_of(r["law"])][i]
                    for i, r in enumerate(rows)
                    if r["setting"] == setting and law in ("all", r["law"])
                ]
                cells.setdefault(label, []).append(f"{statistics.mean(values):.4f}")
        for label, row in cells.items():
            print(f"{setting:>5} {label:>9} " + " ".join(row))


def end_to_end(distractors: bool) -> None:
    """Per-law MRR@10 through ``search.search``, as shipped (the backends'
    texts read by the second stage, the reads timed) and without the signals
    read from the text."""
    print(f"{rl.build(distractors)} entries indexed", flush=True)
    qs = rl.questions()
    rl.measure(qs[:20], rl.portal_run)  # warm caches
    for label in ("no texts", "shipped", "no texts", "shipped"):
        with wired(label == "shipped") as reads:
            figures = rl.measure(qs, rl.portal_run)
        if reads:
            figures["all"]["texts ms"] = round(1000 * statistics.mean(reads), 2)
        rl.print_row(label, figures)
        print(json.dumps(figures["all"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--distractors", action="store_true")
    parser.add_argument("--depth", type=int, default=30)
    parser.add_argument("--nested", nargs="*", type=int, default=[], help="depths")
    parser.add_argument(
        "--wired", action="store_true", help="through search.search, texts read"
    )
    parser.add_argument("--pair", help="postgres://… : relevance_pair.py, wired")
    parser.add_argument(
        "--pooled",
        action="store_true",
        help="local triples at --depth, w chosen on three laws of both settings",
    )
    parser.add_argument("--reuse", action="store_true", help="recorded rows")
    parser.add_argument("--curve", nargs="*", default=[], help="kind:name per weight")
    args = parser.parse_args()
    if not (sd.RETRIEVAL / "alqac2022_law.json").exists():
        print(f"skip: {sd.RETRIEVAL} not found")
        return
    if args.pair:
        import relevance_pair

        sys.argv = [sys.argv[0], args.pair]
        with wired() as reads:
            relevance_pair.main()
        print(
            f"texts read {len(reads)} times, {1000 * statistics.mean(reads):.2f} ms each"
        )
        return
    if args.pooled:
        pooled(args.depth)
        return
    if args.wired:
        end_to_end(args.distractors)
        return
    more = "_more" if args.distractors else ""
    cache = sd.ROOT / "var" / "bench" / f"proximity_rows{more}.json"
    qs = rl.questions()
    if args.reuse and cache.exists():
        sd.setup_django(
            sd.ROOT / "var" / "bench" / ("laws_more" if args.distractors else "laws")
        )
        rows, search_ms = json.loads(cache.read_text("utf-8"))
    else:
        print(f"{rl.build(args.distractors)} entries indexed", flush=True)
        started = time.perf_counter()
        rows = record(qs, 50)
        search_ms = (time.perf_counter() - started) * 1000 / len(rows)
        anchored(rows, qs, args.distractors)
        cache.write_text(json.dumps([rows, search_ms]), "utf-8")
    words = texts(args.distractors)
    if args.nested:
        by_depth = {}
        for depth in args.nested:
            by_depth[depth] = [cut(row, depth) for row in rows]
            add_signals(by_depth[depth], words)
        names = ["cover", "pairs", "triples", "passage8", "passage16", "passage32"]
        result = nested(by_depth, names)
        for law, f in result.items():
            print(f"nested {law:>14} {f['written']:.4f}/{f['plain']:.4f} {f['choice']}")
        print(
            "shipped",
            baseline(rows, lambda r: rl.reciprocal(r["shipped"], r["wanted"])),
        )
        return
    rows = [cut(row, args.depth) for row in rows]
    spent = add_signals(rows, words)
    print(
        f"search {search_ms:.1f} ms per question; signals {spent * 1000 / len(rows):.1f} ms"
    )
    laws = sorted({r["law"] for r in rows})
    report = {
        "anchor": baseline(rows, lambda r: r["anchor"]),
        "shipped": baseline(rows, lambda r: rl.reciprocal(r["shipped"], r["wanted"])),
        "module": law_split(rows, "local", "module"),
    }
    names = ["cover", "pairs", "triples"]
    names += [f"{n}{w}" for n in ("passage", "conc") for w in WINDOWS]
    for kind in ("global", "local"):
        for name in names:
            report[f"{kind}:{name}"] = law_split(rows, kind, name)
    header = f"{'ranking':>18} {'all':>13} " + " ".join(
        f"{law[:12]:>16}" for law in laws
    )
    print(header)
    for label, fig in report.items():
        cells = [f"{fig['all']['written']:.4f}/{fig['all']['plain']:.4f}"]
        for law in laws:
            f = fig[law]
            w = f" w{f['w']}" if "w" in f else ""
            cells.append(f"{f['written']:.3f}/{f['plain']:.3f}{w}")
        extra = (
            f" (all folds w={fig['all']['w']}, tuned {fig['all']['tuned']:.4f})"
            if "w" in fig["all"]
            else ""
        )
        print(f"{label:>18} " + " ".join(f"{c:>16}" for c in cells) + extra, flush=True)
    for label in args.curve:
        kind, name = label.split(":")
        for w in WEIGHTS:
            per = baseline(rows, lambda r, w=w, k=kind, n=name: rr(r, k, n, w))
            print(
                f"{label:>18} w={w:<5} "
                + " ".join(f"{per[law]['written']:.4f}" for law in ["all", *laws])
            )
    out = sd.ROOT / "var" / "bench" / f"proximity{more}_{args.depth}.json"
    out.write_text(json.dumps(report, indent=1), "utf-8")


if __name__ == "__main__":
    main()
