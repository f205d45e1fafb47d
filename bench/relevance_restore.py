"""How well ``search.restore`` gives unaccented query words their diacritics.

For each query typed without (or with only some of) its diacritics, the words
restoration would give the backends are compared with the same query as
written: a word counts when it holds letters; it is "right as typed" when the
typed word already equals the written one, "restored right" when the
restored word does, "restored wrong" when restoration changed it to another
form, "left unaccented" when restoration left a word that needed marks. Counted
while the queries are collected (``relevance.py collect-*``, on the same index
they are searched on) and summed up by ``relevance.py restoration``.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "bench"
COUNTS = ("words", "right as typed", "restored right", "restored wrong", "left")


def restoration_counts(query: dict, enabled: bool) -> list[int] | None:
    """[words, right as typed, restored right, restored wrong, left unaccented]
    of one query that has a written ``reference``; None otherwise."""
    if not query.get("reference"):
        return None
    from documents.text import index_tokens
    from search import get_backend, restore

    written, _ = index_tokens(query["reference"])
    typed, folded = index_tokens(query["text"])
    if len(written) != len(typed):
        return None
    restored = typed
    if enabled:
        using = get_backend().options.get("DATABASE", "default")
        restored = restore.restore_tokens(typed, folded, using)
    counts = [0] * len(COUNTS)
    for want, was, now, f in zip(written, typed, restored, folded, strict=True):
        if not f.isalpha():
            continue
        counts[0] += 1
        counts[1] += was == want
        counts[2] += now == want
        counts[3] += now not in (was, want)
        counts[4] += now == was != want
    return counts


def restoration_summary() -> dict:
    """Totals per recorded set and form, from the sets collected with
    ``--restore``."""
    summary: dict[str, dict] = {}
    for path in sorted(WORK.glob("*@*.json")):
        name, _, tag = path.stem.partition("@")
        if "restore" not in tag:
            continue
        for row in json.loads(path.read_text("utf-8")):
            counts = row.get("accents")
            if not counts:
                continue
            key = f"{name}@{tag} {row['way']}" if tag else f"{name} {row['way']}"
            into = summary.setdefault(key, [0] * len(COUNTS))
            for i, value in enumerate(counts):
                into[i] += value
    return summary


def print_restoration(summary: dict) -> None:
    print("| set, form | words | right as typed | restored right | wrong | left |")
    print("|---|---|---|---|---|---|")
    for key, (n, typed, right, wrong, left) in summary.items():
        share = [
            f"{v} ({v / n:.1%})" if n else "0" for v in (typed, right, wrong, left)
        ]
        print(f"| {key} | {n} | " + " | ".join(share) + " |")
