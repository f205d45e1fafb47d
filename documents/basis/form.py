"""Order and form of the "Căn cứ" lines, reported and never rewritten.

Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.6: the bases of a
document are presented one per line ("sau mỗi căn cứ phải xuống dòng"), each
line ends with a semicolon and the last one with a full stop. Bases are listed
from the highest legal force down, following the hierarchy of legal documents
of the Luật Ban hành văn bản quy phạm pháp luật (Hiến pháp, luật, pháp lệnh,
lệnh, nghị định, quyết định của Thủ tướng, thông tư, then local documents).

A basis may run over several physical lines (PDF and OCR texts break lines
anywhere): a line that does not end a sentence continues on the next one when
that one starts in lower case or with a digit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from documents.citations import Citation
from documents.citations.model import fold_issuer

from .model import FORM, ORDER, Problem

_BASIS = re.compile(r"^\s*(?:[-+•*]\s*)?can cu(?![a-z])")
_FOLLOWER = re.compile(r"^\s*(?:[-+•*]\s*)?(?:can cu|theo de nghi|xet)(?![a-z])")


@dataclass
class BasisItem:
    """One "Căn cứ" item: its first line (1-based), text span and citations."""

    line: int
    start: int
    end: int
    followed: bool = False
    preceded: bool = False
    citations: list[Citation] | None = None


def _continues(line: str) -> bool:
    first = line.lstrip()[:1]
    return first.islower() or first.isdigit() or first == "("


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def basis_items(text: str) -> list[BasisItem]:
    """The "Căn cứ" items of ``text``, with whether a basis or proposal follows."""
    lines = _lines(text)
    items: list[BasisItem] = []
    i = 0
    while i < len(lines):
        start, end, raw = lines[i]
        if not _BASIS.match(fold_issuer(raw) if raw.strip() else ""):
            i += 1
            continue
        item = BasisItem(line=i + 1, start=start, end=end)
        between = text[items[-1].end : start] if items else "x"
        item.preceded = not between.strip()
        while i + 1 < len(lines):
            current, following = lines[i][2].rstrip(), lines[i + 1][2]
            if current.endswith((";", ".", ":")) or not following.strip():
                break
            if _FOLLOWER.match(fold_issuer(following)) or not _continues(following):
                break
            i += 1
            item.end = lines[i][1]
        i += 1
        nxt = next((ln[2] for ln in lines[i:] if ln[2].strip()), "")
        item.followed = bool(nxt) and bool(_FOLLOWER.match(fold_issuer(nxt)))
        items.append(item)
    return items


# Legal force: smaller is higher. Unranked (None): Party and mass-organisation
# documents, which the hierarchy of state documents does not order.
def legal_rank(citation: Citation) -> int | None:
    kind = fold_issuer(citation.doc_type or "")
    symbol = fold_issuer(citation.symbol or "").replace(" ", "")
    if citation.system == "party":
        return None
    if kind == "hien phap":
        return 0
    if kind in ("luat", "bo luat") or (
        kind == "nghi quyet" and symbol.startswith("qh")
    ):
        return 1
    if kind == "phap lenh" or "ubtvqh" in symbol:
        return 2
    if kind == "lenh" or symbol.endswith("ctn"):
        return 3
    if kind == "nghi dinh" or (kind == "nghi quyet" and symbol.endswith("-cp")):
        return 4
    if symbol.endswith("ttg"):
        return 5
    if kind in ("thong tu", "thong tu lien tich"):
        return 6
    if "hdnd" in symbol:
        return 7
    if citation.system == "qppl":
        return 8
    return 9


def _named(citation: Citation) -> str:
    return " ".join(filter(None, (citation.doc_type, citation.code))) or citation.raw


def form_problems(text: str, citations: list[Citation]) -> dict[int, list[Problem]]:
    """Problems by index (in ``citations``) of the citation opening each item."""
    found: dict[int, list[Problem]] = {}
    ranked: list[tuple[int, int, Citation]] = []
    for item in basis_items(text):
        if not item.preceded:
            ranked = []  # the order is read within one block of bases
        inside = [
            (i, c) for i, c in enumerate(citations) if item.start <= c.start < item.end
        ]
        if not inside:
            continue
        first, citation = inside[0]
        problems = found.setdefault(first, [])
        body = text[item.start : item.end].rstrip()
        problems += _punctuation(body, item)
        problems += _one_per_line(text, item, inside)
        rank = legal_rank(citation)
        if rank is not None:
            lower = [(line, c) for r, line, c in ranked if r > rank]
            if lower:
                line, other = lower[0]
                problems.append(
                    Problem(
                        ORDER,
                        f"{_named(citation)} có hiệu lực pháp lý cao hơn "
                        f"{_named(other)} (dòng {line}) nên phải đặt trước: căn cứ "
                        "xếp từ văn bản có hiệu lực pháp lý cao đến thấp.",
                    )
                )
            ranked.append((rank, item.line, citation))
        if not problems:
            del found[first]
    return found


def _punctuation(body: str, item: BasisItem) -> list[Problem]:
    if not (item.followed or item.preceded):
        # A lone "Căn cứ …" sentence (a letter's reasoning) is not a basis block.
        return []
    last = body[-1:] if body else ""
    if item.followed and last != ";":
        return [
            Problem(
                FORM,
                "Căn cứ chưa phải dòng cuối nên kết thúc bằng dấu chấm phẩy (;) "
                "(Nghị định 30/2020/NĐ-CP, Phụ lục I).",
            )
        ]
    if not item.followed and last not in (";", "."):
        return [
            Problem(
                FORM,
                "Căn cứ phải kết thúc bằng dấu chấm phẩy (;), căn cứ cuối cùng bằng "
                "dấu chấm (.) (Nghị định 30/2020/NĐ-CP, Phụ lục I).",
            )
        ]
    return []


def _one_per_line(text: str, item: BasisItem, inside) -> list[Problem]:
    body_end = len(text[item.start : item.end].rstrip()) + item.start
    for _, citation in inside[1:]:
        between = text[item.start : citation.start]
        semicolon = between.rfind(";")
        if semicolon != -1 and item.start + semicolon < body_end - 1:
            return [
                Problem(
                    FORM,
                    f"Dòng này có nhiều căn cứ ({_named(citation)} sau dấu “;”): "
                    "mỗi căn cứ một dòng (Nghị định 30/2020/NĐ-CP, Phụ lục I).",
                )
            ]
    return []
