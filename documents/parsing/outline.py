"""Body outline: parts, chapters, sections, articles and numbered items.

Two families share one grammar (Nghị định 30/2020/NĐ-CP, Phụ lục I, ô 6): plans and reports number
their parts "I.", "II." with sections "1." and items "1.1."; legal texts use
Phần/Chương/Mục/Điều with khoản "1." and điểm "a)" inside each Điều. Lines inside
an Điều are its paragraphs, never outline entries, so each Điều stays one block
addressable by its anchor ("dieu-5").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from documents.text import fold

from .lines import is_upper

_ROMAN = r"[IVXLC]+"
_PART = re.compile(r"^(?:PHẦN|Phần)\s+(?:thứ\s+|THỨ\s+)?(\w+)\s*[.:\-–]?\s*(.*)$")
_CHAPTER = re.compile(rf"^(?:CHƯƠNG|Chương)\s+({_ROMAN}|\d+)\b\s*[.:\-–]?\s*(.*)$")
_MUC = re.compile(rf"^(?:MỤC|Mục)\s+(\d+|{_ROMAN})\b\s*[.:\-–]?\s*(.*)$")
_ARTICLE = re.compile(r"^Điều\s+(\d+[a-zđ]?)\s*[.:]\s*(.*)$")
_ROMAN_HEAD = re.compile(rf"^({_ROMAN})\s*[.:]\s+(.*)$")
_LETTER_HEAD = re.compile(r"^([A-ZĐ])\s*\.\s+(.*)$")
_ITEM = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(\S.*)$")
_NUMBERED = re.compile(r"^(\d{1,2})\s*\.\s+(\S.*)$")
_HEADING_MAX = 160


@dataclass
class Outline:
    """Outline entries, article dicts and StreamField-shaped body blocks."""

    sections: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)
    blocks: list[dict] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    part_anchor: str = ""
    section_anchor: str = ""
    article: dict | None = None


def build_outline(lines: list[str]) -> Outline:
    """Walk the body lines once, emitting outline entries and blocks."""
    out = Outline()
    i = 0
    while i < len(lines):
        i = _step(out, lines, i)
    _close_article(out)
    return out


def _step(out: Outline, lines: list[str], i: int) -> int:
    line = lines[i]
    for matcher in (_part, _chapter, _muc, _article, _roman, _letter):
        consumed = matcher(out, lines, i)
        if consumed:
            return i + consumed
    if out.article is not None:
        out.article["paragraphs"].append(line)
        return i + 1
    if _item(out, line) or _numbered(out, line):
        return i + 1
    out.blocks.append({"type": "paragraph", "text": line})
    return i + 1


def _title_with_next(lines: list[str], i: int, title: str) -> tuple[str, int]:
    """Chapter titles are often on the next, all-caps line."""
    if title or i + 1 >= len(lines):
        return title, 1
    nxt = lines[i + 1]
    if is_upper(nxt) and len(nxt) < _HEADING_MAX and not _ARTICLE.match(nxt):
        return nxt, 2
    return title, 1


def _part(out: Outline, lines: list[str], i: int) -> int:
    m = _PART.match(lines[i])
    if not m or not (is_upper(lines[i][:5]) or lines[i].startswith("Phần")):
        return 0
    title, used = _title_with_next(lines, i, m.group(2))
    _heading(out, "part", m.group(1), title, 2, f"phan-{_slug(m.group(1))}")
    return used


def _chapter(out: Outline, lines: list[str], i: int) -> int:
    m = _CHAPTER.match(lines[i])
    if not m:
        return 0
    title, used = _title_with_next(lines, i, m.group(2))
    _heading(out, "chapter", m.group(1), title, 2, f"chuong-{_slug(m.group(1))}")
    return used


def _muc(out: Outline, lines: list[str], i: int) -> int:
    m = _MUC.match(lines[i])
    if not m or len(lines[i]) > _HEADING_MAX:
        return 0
    title, used = _title_with_next(lines, i, m.group(2))
    anchor = f"{out.part_anchor}-muc-{_slug(m.group(1))}".lstrip("-")
    _heading(out, "section", m.group(1), title, 3, anchor, keep_part=True)
    return used


def _article(out: Outline, lines: list[str], i: int) -> int:
    m = _ARTICLE.match(lines[i])
    if not m:
        return 0
    _close_article(out)
    number, title = m.group(1), m.group(2).strip() or None
    first_paragraph = None
    if title and title.endswith((".", ";", ":")):
        title, first_paragraph = None, title
    anchor = _unique(out, article_anchor(number))
    level = 4 if out.section_anchor else 3
    out.sections.append(_entry("article", number, title, anchor, level))
    out.article = {
        "type": "article",
        "number": number,
        "title": title,
        "anchor": anchor,
        "paragraphs": [first_paragraph] if first_paragraph else [],
    }
    return 1


def _roman(out: Outline, lines: list[str], i: int) -> int:
    m = _ROMAN_HEAD.match(lines[i])
    if not m or len(lines[i]) > _HEADING_MAX or out.article is not None:
        return 0
    _heading(out, "part", m.group(1), m.group(2), 2, f"muc-{m.group(1).lower()}")
    return 1


def _letter(out: Outline, lines: list[str], i: int) -> int:
    m = _LETTER_HEAD.match(lines[i])
    if not m or not is_upper(m.group(2)) or out.article is not None:
        return 0
    if len(lines[i]) > _HEADING_MAX:
        return 0
    _heading(out, "part", m.group(1), m.group(2), 2, f"phan-{_slug(m.group(1))}")
    return 1


def _item(out: Outline, line: str) -> bool:
    m = _ITEM.match(line)
    if not m:
        return False
    number = m.group(1)
    base = out.part_anchor or "muc"
    anchor = _unique(out, f"{base}-{number.replace('.', '-')}")
    _emit_numbered(out, "item", number, m.group(2), 4, anchor)
    return True


def _numbered(out: Outline, line: str) -> bool:
    m = _NUMBERED.match(line)
    if not m:
        return False
    number = m.group(1)
    anchor = _unique(out, f"{out.part_anchor or 'muc'}-{number}")
    out.section_anchor = anchor
    _emit_numbered(out, "section", number, m.group(2), 3, anchor)
    return True


def _emit_numbered(
    out: Outline, kind: str, number: str, text: str, level: int, anchor: str
) -> None:
    short = len(text) <= _HEADING_MAX
    title = text if short else _clip(text)
    out.sections.append(_entry(kind, number, title, anchor, level))
    if short:
        out.blocks.append(_block(level, f"{number}.", text, anchor))
    else:
        out.blocks.append({"type": "paragraph", "text": f"{number}. {text}"})


def _heading(
    out: Outline,
    kind: str,
    number: str,
    title: str,
    level: int,
    anchor: str,
    keep_part: bool = False,
) -> None:
    _close_article(out)
    anchor = _unique(out, anchor)
    if not keep_part:
        out.part_anchor = anchor
    out.section_anchor = anchor if keep_part else ""
    title = title.strip() or None
    out.sections.append(_entry(kind, number, title, anchor, level))
    label = f"{number}." if kind == "part" and len(number) < 6 else number
    out.blocks.append(_block(level, label, title or "", anchor))


def _close_article(out: Outline) -> None:
    article = out.article
    if article is None:
        return
    out.articles.append(
        {
            "number": article["number"],
            "title": article["title"],
            "anchor": article["anchor"],
            "text": "\n".join(article["paragraphs"]),
        }
    )
    out.blocks.append(article)
    out.article = None


def _entry(kind: str, number: str, title: str | None, anchor: str, level: int):
    return {
        "kind": kind,
        "number": number,
        "title": title,
        "anchor": anchor,
        "level": level,
    }


def _block(level: int, number: str, text: str, anchor: str) -> dict:
    return {
        "type": "heading",
        "level": level,
        "number": number,
        "text": text,
        "anchor": anchor,
    }


def _unique(out: Outline, anchor: str) -> str:
    return _unused(out.anchors, anchor)


def _unused(taken: set[str], anchor: str) -> str:
    candidate, n = anchor, 2
    while candidate in taken:
        candidate, n = f"{anchor}-{n}", n + 1
    taken.add(candidate)
    return candidate


def article_anchor(number: str | None) -> str:
    """The anchor of "Điều ``number``": "dieu-5", "dieu-5a" ("dieu-x" when
    the number is missing)."""
    return f"dieu-{_slug(str(number or '').strip())}"


def article_anchors(numbers: Iterable[str | None]) -> list[str]:
    """The anchor of each Điều of one text, in order, unique within it.

    A decision numbers its own Điều and then those of the regulation it
    issues from 1 again: the second "Điều 2" is "dieu-2-2", as the outline
    names it, so a link or a search hit reaches that Điều and not the
    decision's."""
    taken: set[str] = set()
    return [_unused(taken, article_anchor(number)) for number in numbers]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def _clip(text: str, words: int = 14) -> str:
    tokens = text.split()
    return text if len(tokens) <= words else " ".join(tokens[:words]) + " …"
