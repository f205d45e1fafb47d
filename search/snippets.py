"""Highlighted snippets computed in Python, shared by the database backends.

The snippet is the window of the text that contains the most distinct query
terms (compared folded, so "thi dua" marks "thi đua"); the text is escaped and
only the matched words are wrapped in ``<mark>``. The result is safe HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from .text import fold_word as fold_token

_TOKEN = re.compile(r"[^\W_]+")
WINDOW_WORDS = 36
MAX_SCAN = 20_000


def _best_start(folded: list[str], terms: set[str], window: int) -> int:
    best, best_score = 0, -1
    for start in range(0, max(1, len(folded) - window + 1), max(1, window // 4)):
        score = len(terms.intersection(folded[start : start + window]))
        if score > best_score:
            best, best_score = start, score
    return best


def make_snippet(text: str, terms: Iterable[str], window: int = WINDOW_WORDS) -> str:
    """Escaped excerpt of ``text`` around the query terms, terms in <mark>."""
    text = text or ""
    terms = {t for t in terms if t}
    matches = list(_TOKEN.finditer(text[:MAX_SCAN]))
    if not matches:
        return escape(text[:240])
    folded = [fold_token(m.group()) for m in matches]
    start = _best_start(folded, terms, window)
    chunk = matches[start : start + window]
    begin, end = chunk[0].start(), chunk[-1].end()
    if start == 0:
        begin = 0
    out = ["…" if begin > 0 else ""]
    cursor = begin
    for match, token in zip(chunk, folded[start : start + window], strict=False):
        out.append(escape(text[cursor : match.start()]))
        word = escape(match.group())
        out.append(f"<mark>{word}</mark>" if token in terms else word)
        cursor = match.end()
    out.append("…" if end < len(text) else "")
    return "".join(out)
