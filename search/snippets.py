"""Highlighted snippets computed in Python, shared by the database backends.

The snippet is the window of about ``WIDTH`` characters holding the most
distinct query terms. Matching runs on a same-length folded copy of the text
(one character for one character), so "thi dua" marks "thi đua" and the
offsets found in the copy cut the original. The text is escaped and only the
matched words are wrapped in ``<mark>``: the result is safe HTML.

A search that reads many hits to show a few (``search.listing``) asks for
them without their stored text (``SearchQuery.texts`` False); their snippets
then come from :class:`DeferredTexts`, which reads the texts of the shown
hits in one request.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache, partial
from html import escape
from typing import Any

from documents.text import fold

WIDTH = 240
MAX_SCAN = 20_000
MAX_TERMS = 64


class _FoldTable(dict):
    """str.translate table folding each character to one character."""

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        folded = fold(char)
        self[codepoint] = folded if len(folded) == 1 else char
        return self[codepoint]


_TABLE = _FoldTable()


def fold_same_length(text: str) -> str:
    """``fold`` that keeps every character's offset (for highlighting)."""
    return text.translate(_TABLE)


@lru_cache(maxsize=512)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern:
    # A phrase ("chi thi") matches its words across any run of spaces.
    alternatives = "|".join(r"\s+".join(map(re.escape, t.split())) for t in terms)
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def _window(spans: list[tuple[int, int, str]], width: int) -> int:
    """Start offset of the window covering the most distinct terms."""
    best_start, best_score, right = spans[0][0], 0, 0
    for left, (start, _end, _term) in enumerate(spans):
        right = max(right, left)
        while right + 1 < len(spans) and spans[right + 1][1] - start <= width:
            right += 1
        score = len({term for _s, _e, term in spans[left : right + 1]})
        if score > best_score:
            best_start, best_score = start, score
    return best_start


def _cut(text: str, start: int, width: int) -> tuple[int, int]:
    """Word-aligned [begin, end) of a window starting near ``start``."""
    begin = max(0, start - width // 6)
    if begin > 0:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < start else begin
    end = min(len(text), begin + width)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > begin else end
    return begin, end


def make_snippet(text: str, terms: Iterable[str], width: int = WIDTH) -> str:
    """Escaped excerpt of ``text`` around the query terms, terms in <mark>."""
    text = (text or "")[:MAX_SCAN]
    wanted = tuple(sorted({t for t in terms if t}, key=lambda t: (-len(t), t)))
    spans = []
    if wanted:
        folded = fold_same_length(text).casefold()
        if len(folded) == len(text):
            pattern = _terms_pattern(wanted[:MAX_TERMS])
            spans = [(m.start(), m.end(), m.group()) for m in pattern.finditer(folded)]
    begin, end = _cut(text, _window(spans, width) if spans else 0, width)
    out, cursor = ["…" if begin else ""], begin
    for start, stop, _term in spans:
        if start < begin or stop > end:
            continue
        out += [
            escape(text[cursor:start]),
            "<mark>",
            escape(text[start:stop]),
            "</mark>",
        ]
        cursor = stop
    out += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return "".join(out)


class DeferredTexts:
    """The snippets of hits that came without their stored text.

    ``read(keys)`` is the backend's ``stored_texts``: {entry key: its body, or
    its legal basis when it has no body}. ``load(hits)`` reads the texts of
    these hits in one call; a snippet read before its text was loaded reads
    its own. An entry without text gets a snippet of its title, as when the
    hit came with its text."""

    def __init__(self, read: Callable[[list[str]], dict[str, str]], terms):
        self.read = read
        self.terms = tuple(terms)
        self.texts: dict[str, str] = {}

    def defer(self, hit: Any) -> None:  # a ``types.Hit`` (which imports this)
        """Build ``hit``'s snippet from its stored text when it is read."""
        hit.defer_snippet(partial(self.snippet, hit.key, hit.title))

    def load(self, hits: Iterable[Any]) -> None:
        """Read the texts of the hits whose snippets are still to be built."""
        keys = [
            hit.key
            for hit in hits
            if hit.snippet_source is not None and hit.key not in self.texts
        ]
        keys = list(dict.fromkeys(keys))
        if keys:
            found = self.read(keys)
            self.texts.update({key: found.get(key) or "" for key in keys})

    def snippet(self, key: str, title: str) -> str:
        if key not in self.texts:
            found = self.read([key])
            self.texts[key] = found.get(key) or ""
        return make_snippet(self.texts[key] or title, self.terms)
