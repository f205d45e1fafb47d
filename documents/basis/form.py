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

Measured on published documents, three writings are not errors and are not
reported: a document and the documents amending it on one line ("Căn cứ Nghị
định số 63/2010/NĐ-CP …; Nghị định số 92/2017/NĐ-CP … sửa đổi, bổ sung …", the
Government's own form in its decrees); a list of one kind announced as such
("Căn cứ các Nghị định của Chính phủ: số …; số …"); and "Căn cứ" sentences of a
letter's reasoning, which are not the basis of issuance of Mục II.6 (every line
a sentence ending with a full stop, or closed by "Căn cứ các quy định trên").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from documents.citations import Citation
from documents.citations.model import fold_issuer

from .model import FORM, ORDER, Problem

_BASIS = re.compile(r"^\s*(?:[-+•*]\s*)?can cu(?![a-z])")
_FOLLOWER = re.compile(r"^\s*(?:[-+•*]\s*)?(?:can cu|theo de nghi|xet)(?![a-z])")
_PROPOSAL = re.compile(r"^\s*(?:[-+•*]\s*)?(?:theo de nghi|xet)(?![a-z])")
#: "Căn cứ các quy định (nêu) trên": the lines before were a letter's reasoning.
_BACK_REFERENCE = re.compile(
    r"^\s*(?:[-+•*]\s*)?can cu (?:vao )?(?:cac )?(?:quy dinh|huong dan|noi dung|van ban)"
    r"[^;]{0,40}\btren\b"
)
#: "Căn cứ các Nghị định của Chính phủ: số …; số …": one basis listing one kind.
_KIND_LIST = re.compile(r"^\s*(?:[-+•*]\s*)?can cu cac [^;:]{2,200}:")
#: A part after ";" that opens another basis: "Căn cứ …", "các Quyết định …".
_PART_OPENS = re.compile(r"^\s*(?:va\s+)?(?:can cu|cac)(?![a-z])")
#: How far into its item or part a citation may start and still be what the
#: item or part cites (room for "Căn cứ", "và", "khoản 2 Điều 14 của").
ITEM_LEAD, PART_LEAD = 60, 12
_AMENDING = re.compile(r"\b(?:sua doi|bo sung|dinh chinh)\b")
_RANGE_END = re.compile(r"^\s*[-–]\s*\d")
_SECOND_BASIS = re.compile(r"^\s*can cu(?![a-z])")


@dataclass
class BasisItem:
    """One "Căn cứ" item: its first line (1-based), text span and citations."""

    line: int
    start: int
    end: int
    followed: bool = False
    preceded: bool = False
    citations: list[Citation] | None = None
    #: The next non-empty line, folded ("" at the end of the text).
    following: str = ""


def _continues(line: str) -> bool:
    """A line that goes on with the previous one: lower case, a digit, "(", or
    the end of a range broken before its dash ("giai đoạn 2021\n- 2025”;")."""
    first = line.lstrip()[:1]
    if _RANGE_END.match(line):
        return True
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
        # Blank lines, or bases written without "Căn cứ" ("Nghị định số …;").
        item.preceded = all(
            ln.rstrip().endswith(";") for ln in between.split("\n") if ln.strip()
        )
        while i + 1 < len(lines):
            current, step = lines[i][2].rstrip(), 1
            if current.endswith((";", ".", ":")):
                break
            following = lines[i + 1][2]
            if not following.strip():
                # Across blank lines only the end of a broken range goes on.
                step = next(
                    (
                        k
                        for k in range(2, 4)
                        if i + k < len(lines) and lines[i + k][2].strip()
                    ),
                    0,
                )
                following = lines[i + step][2] if step else ""
                if not _RANGE_END.match(following):
                    break
            if _FOLLOWER.match(fold_issuer(following)) or not _continues(following):
                break
            i += step
            item.end = lines[i][1]
        i += 1
        nxt = next((ln[2] for ln in lines[i:] if ln[2].strip()), "")
        item.following = fold_issuer(nxt) if nxt else ""
        item.followed = bool(_FOLLOWER.match(item.following))
        items.append(item)
    return items


# Legal force: smaller is higher. Unranked (None): Party and mass-organisation
# documents, which the hierarchy of state documents does not order. Documents
# that are not legal-normative come after the central ones they apply (an
# individual decision of a ministry after the circulars) and after the local
# legal-normative ones when they are local.
CENTRAL_ADMIN_RANK = 6.5


def legal_rank(citation: Citation) -> float | None:
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
    body = _issuer_part(symbol)
    if body == "ttg":
        return 5
    if kind in ("thong tu", "thong tu lien tich"):
        return 6
    if "hdnd" in symbol:
        return 7
    central = _central(citation, body)
    if citation.system == "qppl":
        # A minister's legal-normative decision (before 2009) is a circular's peer.
        return 6 if central else 8
    return CENTRAL_ADMIN_RANK if central else 9


#: Issuer parts of a số ký hiệu that name a central body ("QĐ-BCT", "CV-VPCP").
CENTRAL_SYMBOLS = frozenset({"vpcp", "cp", "nhnn", "tandtc", "vksndtc", "ktnn"})


def _issuer_part(symbol: str) -> str:
    """The issuing body's part of a folded ký hiệu ("qd-bnn-kl" -> "bnn")."""
    parts = symbol.split("-")
    return parts[1] if len(parts) > 1 else ""


def _central(citation: Citation, body: str) -> bool:
    issuer = fold_issuer(citation.issuer or "")
    if issuer.startswith(("bo ", "bo truong", "van phong chinh phu", "chinh phu")):
        return True
    return body in CENTRAL_SYMBOLS or (body.startswith("b") and len(body) >= 3)


def _named(citation: Citation) -> str:
    return " ".join(filter(None, (citation.doc_type, citation.code))) or citation.raw


def _blocks(items: list[BasisItem]) -> list[list[BasisItem]]:
    """Consecutive items (nothing but blank lines between them) form a block."""
    blocks: list[list[BasisItem]] = []
    for item in items:
        if item.preceded and blocks:
            blocks[-1].append(item)
        else:
            blocks.append([item])
    return blocks


def is_reasoning(text: str, block: list[BasisItem]) -> bool:
    """True for "Căn cứ" sentences of a letter's reasoning, not a basis block."""
    lines = [fold_issuer(text[i.start : i.end]) for i in block]
    if any(_BACK_REFERENCE.match(line) for line in [*lines, block[-1].following]):
        return True
    ends = [text[i.start : i.end].rstrip()[-1:] for i in block]
    proposal = bool(_PROPOSAL.match(block[-1].following))
    return ";" not in ends and not proposal


def form_problems(text: str, citations: list[Citation]) -> dict[int, list[Problem]]:
    """Problems by index (in ``citations``) of the citation opening each item."""
    found: dict[int, list[Problem]] = {}
    block = basis_block(text)
    ranked: list[tuple[float, int, Citation]] = []
    for item in block:
        inside = [
            (i, c) for i, c in enumerate(citations) if item.start <= c.start < item.end
        ]
        if not inside or inside[0][1].start - item.start > ITEM_LEAD:
            continue  # the item's own document was not recognised
        first, citation = inside[0]
        problems = found.setdefault(first, [])
        body = text[item.start : item.end].rstrip()
        problems += _punctuation(body, item)
        problems += _one_per_line(text, item, inside)
        problems += _order(citation, item, ranked)
        if not problems:
            del found[first]
    return found


def basis_block(text: str) -> list[BasisItem]:
    """The basis of issuance: the first block of "Căn cứ" items that is not a
    letter's reasoning. Later blocks (a form in an appendix, the legal grounds
    of a procedure in a table) are not the document's basis."""
    for block in _blocks(basis_items(text)):
        if not is_reasoning(text, block):
            return block
    return []


def _order(citation: Citation, item: BasisItem, ranked: list) -> list[Problem]:
    rank = legal_rank(citation)
    if rank is None:
        return []
    lower = [(line, c) for r, line, c in ranked if r > rank]
    ranked.append((rank, item.line, citation))
    if not lower:
        return []
    line, other = lower[0]
    return [
        Problem(
            ORDER,
            f"{_named(citation)} có hiệu lực pháp lý cao hơn "
            f"{_named(other)} (dòng {line}) nên phải đặt trước: căn cứ "
            "xếp từ văn bản có hiệu lực pháp lý cao đến thấp.",
        )
    ]


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
    """A second basis after a ";" on the same line.

    Not a second basis: a document amending the first one ("…; Nghị định số
    92/2017/NĐ-CP … sửa đổi, bổ sung …", same legal force), and the items of a
    list announced as one kind ("Căn cứ các Nghị định của Chính phủ: số …").
    A part starting again with "Căn cứ" always is one.
    """
    body = text[item.start : item.end].rstrip()
    listed = bool(_KIND_LIST.match(fold_issuer(body)))
    first_rank = legal_rank(inside[0][1])
    seen_parts = {-1}
    for _, citation in inside[1:]:
        offset = citation.start - item.start
        semicolon = body.rfind(";", 0, offset)
        if semicolon in seen_parts or semicolon >= len(body) - 1:
            continue  # a document named inside the description of another
        seen_parts.add(semicolon)
        end = body.find(";", offset)
        part = fold_issuer(body[semicolon + 1 : end if end != -1 else len(body)])
        lead = body[semicolon + 1 : offset].strip()
        if len(lead) > PART_LEAD and not _PART_OPENS.match(part):
            continue  # a ";" inside a description ("…khen thưởng; quy định…")
        if not _SECOND_BASIS.match(part):
            if listed:
                continue
            if _AMENDING.search(part) and legal_rank(citation) == first_rank:
                continue
        return [
            Problem(
                FORM,
                f"Dòng này có nhiều căn cứ ({_named(citation)} sau dấu “;”): "
                "mỗi căn cứ một dòng (Nghị định 30/2020/NĐ-CP, Phụ lục I).",
            )
        ]
    return []
