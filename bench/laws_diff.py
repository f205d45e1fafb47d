"""Per-question diff of the portal against the anchor (``relevance_laws.py --diff``).

For the questions of the chosen laws: the rank of the first relevant Điều
under the anchor and under each variant, the parts the database plan made of
the question (``QueryParts.question_parts``: selecting, scoring-only, cut by
the budgets, common words left out, with their document frequencies), and a
class for every question the portal ranks below the anchor: the first
diagnostic variant that brings it back to the anchor's rank names the cause.
"""

from __future__ import annotations

from collections import Counter

# Diagnostic variants, in the order a loss is attributed to them.
CAUSES = (
    ("nostage2", "second stage"),
    ("articles", "document entries above the Điều"),
    ("common1.0", "common word left out"),
    ("budgetx1000", "budget cut"),
)
MISS = 11  # the rank of a question whose Điều is not in the top 10

_last: dict = {}


def rank(ranked: list[str], wanted: set[str]) -> int:
    for i, key in enumerate(ranked[:10], 1):
        if key in wanted:
            return i
    return MISS


def explain(search) -> dict:
    """Labels of the parts the plan makes of a question (as ``question_parts``)."""
    from search.backends.database.parts import _within

    groups = search.parsed.groups
    informative = search.informative_groups()
    bigrams_of = search.bigrams_by_group()
    bigram_list = [b for i in sorted(bigrams_of) for b in bigrams_of[i]]
    tokens = [t for g in groups for t in search.group_tokens(g)]
    df, total = search.cached_frequencies(tokens + bigram_list)
    labels = [
        (
            sum(df.get(t, 0) for t in search.group_tokens(groups[i])),
            " ".join(groups[i].primary),
        )
        for i in informative
    ] + [(df.get(b, 0), b) for b in bigram_list]
    labels.sort(key=lambda part: part[0])
    selecting = _within(labels, search.candidate_budget) or labels[:1]
    scoring = _within(labels[len(selecting) :], search.scoring_budget)
    cut = labels[len(selecting) + len(scoring) :]
    common = [
        (df.get(groups[i].primary[0], 0), groups[i].primary[0])
        for i in range(len(groups))
        if i not in informative
    ]
    return {
        "total": total,
        "selecting": selecting,
        "scoring": scoring,
        "cut": cut,
        "common": common,
    }


def recording():
    """A patch of ``QueryParts.question_parts`` that keeps ``explain`` of the
    last question in ``_last``."""
    from search.backends.database import parts

    original = parts.QueryParts.question_parts

    def question_parts(self, *args, **kwargs):
        _last.clear()
        _last.update(explain(self))
        return original(self, *args, **kwargs)

    return parts.QueryParts, "question_parts", question_parts


def run_diff(qs, laws, variants, anchor_rank, portal_run, patched) -> dict:
    """Ranks per question of ``laws`` under the anchor and each variant."""
    chosen = [q for q in qs if any(law in q["law"] for law in laws)]
    names = list(dict.fromkeys(list(variants) + [v for v, _ in CAUSES]))
    rows = [
        {
            "text": q["text"],
            "law": q["law"],
            "anchor": rank(anchor_rank(q["text"]), q["wanted"]),
        }
        for q in chosen
    ]
    for name in names:
        with patched(name):
            obj, attr, value = recording()
            saved = getattr(obj, attr)
            setattr(obj, attr, value)
            try:
                for q, row in zip(chosen, rows, strict=True):
                    ranked = portal_run(q["text"])
                    row[name] = rank(ranked, q["wanted"])
                    row.setdefault("top", {})[name] = ranked[:3]
                    if name == "shipped":
                        row["parts"] = dict(_last)
            finally:
                setattr(obj, attr, saved)
    return {"rows": rows, "classes": classify(rows, variants[0])}


def classify(rows: list[dict], base: str) -> dict:
    """Counts of the questions ``base`` ranks below / above the anchor, the
    losses by cause (``CAUSES``, else the first stage's BM25 itself)."""
    counts: Counter[str] = Counter()
    for row in rows:
        if row[base] < row["anchor"]:
            counts["wins"] += 1
            continue
        if row[base] == row["anchor"]:
            counts["level"] += 1
            continue
        counts["losses"] += 1
        cause = next(
            (label for name, label in CAUSES if row.get(name, MISS) <= row["anchor"]),
            "first-stage BM25 (columns, title, length, idf)",
        )
        row["cause"] = cause
        counts[f"loss: {cause}"] += 1
        if row["parts"].get("common"):
            counts["losses with a common word left out"] += 1
    return dict(counts)


def print_diff(result: dict, variants: list[str]) -> None:
    names = list(dict.fromkeys(list(variants) + [v for v, _ in CAUSES]))
    print("anchor " + " ".join(names) + " | question | parts")
    for row in result["rows"]:
        ranks = [row[n] for n in names]
        if all(r == row["anchor"] for r in ranks):
            continue
        parts = row.get("parts") or {}
        common = ",".join(f"{w}:{df}" for df, w in parts.get("common", []))
        cut = ",".join(w for _, w in parts.get("cut", []))
        print(
            f"{row['anchor']:>2} "
            + " ".join(f"{r:>2}" for r in ranks)
            + f" | {row['text'][:90]} | common [{common}]"
            + (f" cut [{cut}]" if cut else "")
            + f" sel {len(parts.get('selecting', []))} score {len(parts.get('scoring', []))}"
            + (f" | {row.get('cause', '')}" if row.get("cause") else "")
        )
    for name, count in sorted(result["classes"].items()):
        print(f"  {name}: {count}")


def score_common(max_share: float):
    """A patch of ``QueryParts.question_parts``: the common words that
    ``informative_groups`` leaves out, when fewer than ``max_share`` of the
    entries hold them, become scoring-only parts (after the informative
    scoring-only ones, within ``scoring_budget``); they never select. At 0.5,
    every word FTS5's BM25 gives an IDF above 0."""
    from search.backends.database import parts

    def question_parts(self, bigrams_of, group_part, bigram_part):
        groups = self.parsed.groups
        informative = self.informative_groups()
        bigram_list = [b for i in sorted(bigrams_of) for b in bigrams_of[i]]
        tokens = [t for i in informative for t in self.group_tokens(groups[i])]
        df, _ = self.cached_frequencies(tokens + bigram_list)
        found = [
            (
                sum(df.get(t, 0) for t in self.group_tokens(groups[i])),
                group_part(groups[i]),
            )
            for i in informative
        ]
        found += [(df.get(b, 0), bigram_part(b)) for b in bigram_list]
        if not found:
            return [group_part(g) for g in groups], []
        rest = [i for i in range(len(groups)) if i not in set(informative)]
        common_df, total = self.cached_frequencies([groups[i].primary[0] for i in rest])
        common = [
            (common_df.get(groups[i].primary[0], 0), group_part(groups[i]))
            for i in rest
            if common_df.get(groups[i].primary[0], 0) < total * max_share
        ]
        found.sort(key=lambda part: part[0])
        selecting = parts._within(found, self.candidate_budget) or found[:1]
        tail = found[len(selecting) :] + sorted(common, key=lambda part: part[0])
        scoring = parts._within(tail, self.scoring_budget)
        return [p for _, p in selecting], [p for _, p in scoring]

    return [(parts.QueryParts, "question_parts", question_parts)]
