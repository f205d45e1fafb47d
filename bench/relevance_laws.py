"""ALQAC article MRR@10 per law: the portal's ranking beside a plain anchor.

    python bench/relevance_laws.py [--variants NAME ...] [--distractors]
    python bench/relevance_laws.py --diff 45/2019 24/2018 [--distractors]

Indexes the ALQAC 2022 laws (``search_data.law_entries``, as ``relevance.py
collect-alqac`` does) into a fresh SQLite file under ``var/bench/laws``, asks
every question as written and without diacritics through ``search.search``
and reports MRR@10 per law (the law of the question's first relevant
article) for each variant of the first stage (``VARIANTS``), beside the
anchor: plain BM25 (k1 1.2, b 0.75) over the folded words and word pairs of
each Điều (heading and text), every query word and word pair counted.

A variant that needs no tuned number is its own held-out figure on every
law; one that helps some laws and hurts others is a risk on unseen laws.
``--distractors`` adds the Điều of the shared documents (``../shared/data/
documents``) to the index, a harder setting: more entries, other vocabulary;
``--framed`` asks every question as "…, đúng hay sai?" (ALQAC 2023's
true-or-false questions end so); ``--statements`` as the statement its
answer makes (``statements.py``); ``--heading-titles`` indexes a Điều without
its law's name in its title; ``--database`` measures an index built already
(``bench/pg_scale.py``'s 100k SQLite file). Variants: ``shipped``,
``commonR`` (words left out above the
share R of the entries), ``bigramW`` / ``titleW`` (column weights),
``questionwords`` (question words left out one by one), ``scorecommon[M]``
(the words left out as common, when below the share M (0.5) of the entries,
kept as scoring-only parts), ``budgetxF`` (both budgets times F),
``nostage2`` (no second-stage bonuses), ``w-NAMEV`` (second-stage weight
NAME at V), ``articles`` (the list filtered to Điều, as the anchor ranks
them), joined with "+". ``--diff LAW ...`` prints, for the questions of
those laws, the rank under the anchor and each variant, the parts the plan
made of the question and, for each loss to the anchor, its class
(``laws_diff.py``). Skips cleanly when ``../shared/data`` is absent.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [
    p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"
]
sys.path.append(str(ROOT / "bench"))

import search_data as sd  # noqa: E402

# Words typical of how a question is asked, not of what it asks about.
QUESTION_WORDS = frozenset(
    "co duoc khong bao nhieu nhu the nao la gi hay dung sai khi nao ai".split()
)


def variant_patches(name: str) -> list[tuple[object, str, object]]:
    """(object, attribute, value) to set for the variant ``name``."""
    from search.backends.database import parts, plan, sqlite

    def score(**weights: float) -> str:
        full = {**sqlite.WEIGHTS, **weights}
        cols = ", ".join(str(full[c]) for c in sqlite.FTS_COLUMNS)
        return f"-bm25({sqlite.FTS_TABLE}, {cols})"

    if name == "shipped":
        return []
    if "+" in name:  # "common0.5+bigram2": both
        return [patch for part in name.split("+") for patch in variant_patches(part)]
    if name.startswith("common"):  # common1.0: no word dropped
        return [(plan.SqlSearch, "common_ratio", float(name[6:]))]
    if name.startswith("bigram"):
        w = float(name[6:])
        return [(sqlite, "SCORE", score(title_bi=w, body_bi=w))]
    if name.startswith("title"):
        w = float(name[5:])
        return [(sqlite, "SCORE", score(title=w))]
    if name.startswith("scorecommon"):  # common words scoring-only, below 0.5
        import laws_diff

        return laws_diff.score_common(float(name[11:] or 0.5))
    if name == "articles":  # the portal's list filtered to Điều, as the anchor's
        return [(sys.modules[__name__], "FILTERS", {"kind": "article"})]
    if name.startswith("w-"):  # w-query0: one second-stage weight changed
        from search import ranking

        signal = name[2:].rstrip("0123456789.")
        value = float(name[2 + len(signal) :])
        return [(ranking, "WEIGHTS", {**ranking.WEIGHTS, signal: value})]
    if name == "nostage2":  # first stage only: no second-stage bonuses
        return [(plan.SqlSearch, "rerank", lambda self: None)]
    if name.startswith("budget"):  # budgetx4: both budgets times 4
        factor = float(name[6:].lstrip("x"))
        return [
            (plan.SqlSearch, "candidate_budget", int(plan.CANDIDATE_BUDGET * factor)),
            (plan.SqlSearch, "scoring_budget", int(plan.SCORING_BUDGET * factor)),
        ]
    if name == "questionwords":
        original = parts.QueryParts.informative_groups

        def informative(self):
            groups = self.parsed.groups
            return [
                i
                for i in original(self)
                if not (
                    len(groups[i].alternatives) == 1
                    and groups[i].primary[0] in QUESTION_WORDS
                )
            ]

        return [(parts.QueryParts, "informative_groups", informative)]
    raise SystemExit(f"unknown variant {name!r}")


@contextlib.contextmanager
def patched(name: str):
    from search.backends.database import frequencies

    saved = []
    for obj, attr, value in variant_patches(name):
        saved.append((obj, attr, getattr(obj, attr)))
        setattr(obj, attr, value)
    frequencies._df_cache.clear()
    try:
        yield
    finally:
        for obj, attr, value in reversed(saved):
            setattr(obj, attr, value)
        frequencies._df_cache.clear()


def framed(text: str) -> str:
    """The question asked as a true-or-false statement (ALQAC 2023's
    "Đúng/Sai" questions end so)."""
    return text.rstrip(" ?.") + ", đúng hay sai?"


def questions(frame: bool = False, statements: bool = False) -> list[dict]:
    from statements import statement

    from documents.parsing.outline import article_anchor

    laws = json.loads((sd.RETRIEVAL / "alqac2022_law.json").read_text("utf-8"))
    keys = {law["id"]: f"law:{i}" for i, law in enumerate(laws, start=1)}
    out = []
    for q in json.loads((sd.RETRIEVAL / "alqac2022_question.json").read_text("utf-8")):
        wanted = {
            keys[r["law_id"]] + "#" + article_anchor(r["article_id"])
            for r in q["relevant_articles"]
        }
        out.append(
            {
                "text": (
                    statement(q["text"], q["answer"])
                    if statements
                    else framed(q["text"])
                    if frame
                    else q["text"]
                ),
                "wanted": wanted,
                "law": q["relevant_articles"][0]["law_id"],
            }
        )
    return out


def distractor_entries():
    """Entries of the shared documents, Điều by Điều, keys "shared:N"."""
    from search.entries import legal_document_entries, split_articles
    from search.types import IndexEntry

    page = 1000
    for path in sorted(sd.DOCUMENTS.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            page += 1
            preamble, articles = split_articles(record.get("text", ""))
            document = IndexEntry(
                key=f"shared:{page}",
                page_id=page,
                kind="document",
                title=record.get("title") or preamble[:120],
                url=f"/shared/{page}/",
                code=record.get("code") or "",
                doc_type=record.get("doc_type") or "",
                body=preamble,
            )
            yield from legal_document_entries(document, articles, preamble=preamble)


def build(distractors: bool, heading_titles: bool = False) -> int:
    from search import entries as entry_module
    from search import get_backend

    if heading_titles:  # a Điều's title without its document's name
        original = entry_module.article_entry

        def article_entry(document, article):
            entry = original(document, article)
            entry.title = entry.title.split(" – ", 1)[-1]
            return entry

        entry_module.article_entry = article_entry

    workdir = sd.ROOT / "var" / "bench" / ("laws_more" if distractors else "laws")
    (workdir / "bench.sqlite3").unlink(missing_ok=True)
    sd.setup_django(workdir)
    entries = list(sd.law_entries())
    if distractors:
        entries += list(distractor_entries())
    return get_backend().rebuild(entries)


# -- the anchor ------------------------------------------------------------------
def tokens(text: str) -> list[str]:
    from documents.text import index_tokens

    folded = index_tokens(text)[1]
    return folded + [a + "_" + b for a, b in zip(folded, folded[1:], strict=False)]


class Anchor:
    """Plain BM25 over each Điều's folded words and word pairs."""

    def __init__(self, docs: dict[str, str], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.tf = {key: Counter(tokens(text)) for key, text in docs.items()}
        self.length = {key: sum(tf.values()) for key, tf in self.tf.items()}
        self.avg = statistics.mean(self.length.values())
        df = Counter(t for tf in self.tf.values() for t in tf)
        n = len(self.tf)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def rank(self, text: str) -> list[str]:
        query = set(tokens(text))
        scores = {}
        for key, tf in self.tf.items():
            norm = self.k1 * (1 - self.b + self.b * self.length[key] / self.avg)
            s = sum(
                self.idf[t] * tf[t] * (self.k1 + 1) / (tf[t] + norm)
                for t in query
                if t in tf
            )
            if s:
                scores[key] = s
        return sorted(scores, key=scores.get, reverse=True)[:10]


def anchor(distractors: bool) -> Anchor:
    docs = {}
    for entry in sd.law_entries():
        if entry.kind == "article":
            heading = entry.title.split(" – ", 1)[-1]
            docs[entry.key] = heading + "\n" + entry.body
    if distractors:
        for entry in distractor_entries():
            if entry.kind == "article":
                docs[entry.key] = entry.title + "\n" + entry.body
    return Anchor(docs)


# -- measuring ----------------------------------------------------------------------
def reciprocal(ranked: list[str], wanted: set[str]) -> float:
    for i, key in enumerate(ranked[:10], 1):
        if key in wanted:
            return 1 / i
    return 0.0


def measure(qs: list[dict], run) -> dict[str, dict[str, float]]:
    from search.query import strip_diacritics

    rr: dict[tuple[str, str], list[float]] = {}
    started = time.perf_counter()
    for q in qs:
        for way, text in (
            ("written", q["text"]),
            ("plain", strip_diacritics(q["text"])),
        ):
            value = reciprocal(run(text), q["wanted"])
            rr.setdefault((q["law"], way), []).append(value)
            rr.setdefault(("all", way), []).append(value)
    out: dict[str, dict[str, float]] = {}
    for (law, way), values in rr.items():
        out.setdefault(law, {})[way] = round(statistics.mean(values), 4)
        out[law]["n"] = len(values)
    out["all"]["ms"] = round((time.perf_counter() - started) * 1000 / len(qs) / 2, 1)
    return out


FILTERS: dict = {}  # filters of every search ("articles": kind=article)


def portal_run(text: str) -> list[str]:
    import search
    from search.types import SearchQuery

    asked = SearchQuery(text=text, per_page=10, filters=dict(FILTERS))
    return [h.key for h in search.search(asked).hits]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variants", nargs="*", default=["shipped"])
    parser.add_argument("--distractors", action="store_true")
    parser.add_argument("--no-anchor", action="store_true")
    parser.add_argument(
        "--heading-titles", action="store_true", help="Điều titles without the law's"
    )
    parser.add_argument(
        "--database", help="DIR/bench.sqlite3 indexed already (no anchor)"
    )
    parser.add_argument(
        "--framed", action="store_true", help='questions end ", đúng hay sai?"'
    )
    parser.add_argument(
        "--statements",
        action="store_true",
        help="questions as their answer's statement",
    )
    parser.add_argument(
        "--diff",
        nargs="*",
        metavar="LAW",
        help="per-question ranks vs the anchor for these laws (ids or parts of them)",
    )
    parser.add_argument(
        "--split", nargs="+", metavar="JSON", help="law split of saved runs' variants"
    )
    args = parser.parse_args()
    if args.split:
        law_split(args.split)
        return
    if not (sd.RETRIEVAL / "alqac2022_law.json").exists():
        print(f"skip: {sd.RETRIEVAL} not found")
        return
    if args.database:  # an index built already (bench/pg_scale.py's)
        sd.setup_django(Path(args.database).parent)
        args.no_anchor = True
    else:
        count = build(args.distractors, args.heading_titles)
        print(f"{count} entries indexed", flush=True)
    qs = questions(args.framed, args.statements)
    results = {}
    if args.diff is not None:
        import laws_diff

        a = anchor(args.distractors)
        found = laws_diff.run_diff(
            qs, args.diff, args.variants, a.rank, portal_run, patched
        )
        laws_diff.print_diff(found, args.variants)
        name = "laws_diff" + ("_more" if args.distractors else "")
        out = sd.ROOT / "var" / "bench" / f"{name}.json"
        out.write_text(json.dumps(found, indent=1, default=list), "utf-8")
        return
    if not args.no_anchor:
        a = anchor(args.distractors)
        results["anchor"] = measure(qs, a.rank)
        print_row("anchor", results["anchor"])
    for name in args.variants:
        with patched(name):
            results[name] = measure(qs, portal_run)
        print_row(name, results[name])
    name = (
        "laws"
        + ("_100k" if args.database else "")
        + ("_more" if args.distractors else "")
        + ("_framed" if args.framed else "")
        + ("_statements" if args.statements else "")
    )
    out = sd.ROOT / "var" / "bench" / f"{name}.json"
    out.write_text(json.dumps(results, indent=1), "utf-8")


def law_split(files: list[str]) -> None:
    """Each law held out in turn: the variant chosen on the other three laws
    of every setting (the saved results of earlier runs, pooled; MRR@10 of
    both forms, weighted by questions; on a tie the variant listed first),
    measured on the held-out law of each setting."""
    settings = [json.loads(Path(f).read_text("utf-8")) for f in files]
    names = [v for v in settings[0] if v != "anchor"]
    laws = [law for law in settings[0][names[0]] if law != "all"]

    def mean(variant: str, chosen_laws: list[str], setting: dict | None = None):
        cells = [
            (
                s[variant][law]["n"],
                (s[variant][law]["written"] + s[variant][law]["plain"]) / 2,
            )
            for s in ([setting] if setting else settings)
            for law in chosen_laws
        ]
        return sum(n * v for n, v in cells) / sum(n for n, _ in cells)

    chosen = {
        law: max(names, key=lambda v: round(mean(v, [x for x in laws if x != law]), 6))
        for law in laws
    }
    every = max(names, key=lambda v: round(mean(v, laws), 6))
    print(f"chosen per held-out law {chosen}; on all laws {every}")
    for f, setting in zip(files, settings, strict=True):
        held = {law: mean(chosen[law], [law], setting) for law in laws}
        total = sum(setting[names[0]][law]["n"] * held[law] for law in laws)
        total /= sum(setting[names[0]][law]["n"] for law in laws)
        print(
            f"{Path(f).stem:>10} held-out {total:.4f} "
            + " ".join(f"{law[:12]} {held[law]:.4f}" for law in laws)
        )
        for v in names:
            print(
                f"{Path(f).stem:>10} {v:>14} {mean(v, laws, setting):.4f} "
                + " ".join(f"{law[:12]} {mean(v, [law], setting):.4f}" for law in laws)
            )


def print_row(name: str, figures: dict) -> None:
    cells = [
        f"{law[:12]:>12} {f['written']:.3f}/{f['plain']:.3f}"
        for law, f in figures.items()
    ]
    print(f"{name:>14} " + " ".join(cells), f"{figures['all']['ms']} ms", flush=True)


if __name__ == "__main__":
    main()
