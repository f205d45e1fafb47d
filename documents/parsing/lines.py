"""Text clean-up before parsing: one normalised line per paragraph.

Originals are kept by callers; here we only remove noise that breaks line-based
rules: markdown bold/heading markers, non-breaking and doubled spaces, Eth
look-alikes (via ``documents.text.nfc``), and a "Căn cứ" glued to an upper-case
title line by text extraction.
"""

from __future__ import annotations

import re

from documents.text import fold, nfc

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_HEADING_MARK = re.compile(r"^(?:#+\s*)+")
_GLUED_BASIS = re.compile(r"(?<=[A-ZĐÀ-Ỹ\d)])\s+(?=Căn cứ\s)")
_LETTERS = re.compile(r"[^\W\d_]")
_SIGNED_MARK = re.compile(r"\(\s*Đã\s+ký\s*\)", re.IGNORECASE)
_GLUED_TITLE = re.compile(
    r"(?<=[A-ZĐÀ-Ỹ])(?=(?:TM|KT|TL|TUQ)\.\s"
    r"|(?:PHÓ THỦ TƯỚNG|PHÓ CHỦ TỊCH|CHỦ TỊCH|THỨ TRƯỞNG|BỘ TRƯỞNG)\b)"
)
_RULE_RUN = re.compile(r"[ \t]*(?<![\w/])[-_=]{4,}(?![\w/])[ \t]*")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]*-{3,}[\s:|-]*$")
_UNDERSCORE_RULE = re.compile(r"_{3,}")


def clean_lines(text: str) -> list[str]:
    """Split into non-empty, whitespace-collapsed, NFC lines."""
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _UNDERSCORE_RULE.sub("\n", text.replace("\ufeff", ""))
    text = text.replace("**", "").replace("__", "")
    text = _RULE_RUN.sub("\n", text)
    text = _GLUED_TITLE.sub("\n", _SIGNED_MARK.sub("\n", text))
    out: list[str] = []
    for raw in _table_cells(text.split("\n")):
        line = _HEADING_MARK.sub("", _SPACES.sub(" ", raw)).strip()
        line = _strip_emphasis(line)
        if not line:
            continue
        out.extend(part.strip() for part in _GLUED_BASIS.split(line) if part.strip())
    return out


def _table_cells(raw_lines: list[str]):
    """Markdown table rows ("| ỦY BAN ... | CỘNG HÒA ... |") become one line per
    cell, like the two header columns of the printed form."""
    for raw in raw_lines:
        stripped = raw.strip()
        if stripped.startswith("|") or " | " in stripped:
            if not _TABLE_RULE.match(stripped):
                yield from stripped.strip("|").split("|")
        else:
            yield raw


def _strip_emphasis(line: str) -> str:
    """ "*Lai Châu, ngày 10/01/2025*" → "Lai Châu, ngày 10/01/2025"; an italic
    span wrapped over two lines of a table cell ("*Lâm Đồng, ngày 25" /
    "tháng 11 năm 2025*") loses its lone opening or closing mark."""
    if len(line) > 2 and line[0] in "*_" and line[-1] in "*_":
        return line[1:-1].strip()
    opens = line[:1] == "*" and line[1:2] not in ("", " ")  # not a "* " bullet
    closes = line[-1:] == "*" and line[-2:-1] not in ("", " ")
    if line.count("*") == 1 and (opens or closes):
        return line.strip("*").strip()
    return line


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
    """True when the folded line starts with one of the (folded) prefixes.

    Checks the first letter before folding: most lines fail there, and this test
    runs on every line of long documents.
    """
    first = fold(line[:1])
    if not first or not any(p.startswith(first) for p in prefixes):
        return False
    return fold_head(line).startswith(prefixes)
