"""Text clean-up before parsing (domain.md §4.5): one normalised line per paragraph.

Originals are kept by callers; here we only remove noise that breaks line-based
rules: markdown bold/heading markers, non-breaking and doubled spaces, Eth
look-alikes (via ``search.text.nfc``), and a "Căn cứ" glued to an upper-case
title line by text extraction.
"""

from __future__ import annotations

import re

from search.text import fold, nfc

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_HEADING_MARK = re.compile(r"^(?:#+\s*)+")
_GLUED_BASIS = re.compile(r"(?<=[A-ZĐÀ-Ỹ\d)])\s+(?=Căn cứ\s)")
_LETTERS = re.compile(r"[^\W\d_]")


def clean_lines(text: str) -> list[str]:
    """Split into non-empty, whitespace-collapsed, NFC lines."""
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("**", "").replace("__", "")
    out: list[str] = []
    for raw in text.split("\n"):
        line = _HEADING_MARK.sub("", _SPACES.sub(" ", raw)).strip()
        if not line:
            continue
        out.extend(part.strip() for part in _GLUED_BASIS.split(line) if part.strip())
    return out


def is_upper(text: str, ratio: float = 0.85) -> bool:
    """True when (nearly) all letters are upper case and there are some letters."""
    letters = _LETTERS.findall(text)
    if len(letters) < 2:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= ratio


def folded(text: str) -> str:
    """Accent/case-folded form used for keyword tests."""
    return fold(text)


def fold_head(line: str, size: int = 48) -> str:
    """Folded start of a line: prefix tests need no more, and long lines are
    common (whole paragraphs)."""
    return fold(line[:size])


def starts_folded(line: str, *prefixes: str) -> bool:
    """True when the folded line starts with one of the folded prefixes."""
    f = fold(line)
    return any(f.startswith(p) for p in prefixes)
