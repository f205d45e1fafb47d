"""``parse_document``: text of one document → ``ParsedDocument``.

The pipeline follows the order of the components on the page (Nghị định 30/2020/NĐ-CP, Điều 8 and Phụ lục I):
publisher table (if scraped) → header → type word and trích yếu → Kính gửi →
Căn cứ lines → body → Nơi nhận and signature → appendix. Each step reads a
window of normalised lines and says where it stopped.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from documents.dates import dmy_to_iso, find_date
from documents.issuers import completed_by_symbol, issuer_from_symbol
from documents.text import fold

from .effect import find_effect_clauses, resolve_effective_date
from .header import parse_header, split_issuer
from .heading import (
    clean_title,
    find_heading,
    is_authority_line,
    sentence_case,
)
from .legal_basis import read_legal_basis
from .lines import clean_lines, fold_head, is_upper, starts_folded
from .metadata import read_table
from .model import ParsedDocument
from .names import display_name
from .outline import build_outline
from .signature import (
    Signature,
    find_recipients,
    find_signature,
    read_addressees,
    signed_name,
)
from .titlecase import restore_title_case
from .vocab import ORG_STARTS, POSITION_FOLDED, TYPE_CODES, TYPE_WORDS

_INFER_ISSUER = re.compile(
    r"((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Sở [A-ZĐÀ-Ỹ]\w*"
    r"(?: [a-zà-ỹđ]\w*)*)\s+(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)"
    r"(?:\s+[A-ZĐÀ-Ỹ][\wà-ỹ]*)+)\s+(?:xây dựng|ban hành|triển khai|thông báo|"
    r"hướng dẫn|báo cáo|đề nghị|quyết định|yêu cầu)"
)
#: A Công văn answering a letter opens with its issuer: "Cục Thuế nhận được
#: công văn số ... của ...".
_REPLY_OPENING = re.compile(
    r"^((?:Tổng cục|Chi cục|Cục|Bộ|Sở|Ban|Văn phòng|Kho bạc|Bảo hiểm xã hội|Ủy ban|"
    r"Uỷ ban|Thanh tra|Thuế|Hải quan)(?: [\w,-]+){0,8}?) (?:đã )?nhận được "
)
_OVERRIDABLE = (
    "doc_type",
    "title",
    "code",
    "issuer",
    "issued_date",
    "slug",
    "source_url",
)


def parse_document(text: str, *, overrides: dict | None = None) -> ParsedDocument:
    """Parse one document; never raises on odd input, flags what it had to guess."""
    doc = ParsedDocument()
    lines = clean_lines(text or "")
    table, start = read_table(lines)
    pos = _read_header(doc, lines, start)
    pos = _read_addressees(doc, lines, pos)
    pos = read_legal_basis(doc, lines, pos)
    sig = _read_tail(doc, lines, pos)
    doc.signer_name = doc.signer_name or signed_name(text or "")
    _infer_missing(doc, lines, pos, sig.head if sig else None)
    _code_from_appendix(doc)
    _apply_table(doc, table)
    _issuer_fallbacks(doc, lines, pos)
    if not is_vietnamese(text or ""):
        doc.flag("not_vietnamese")
    _apply_overrides(doc, overrides or {})
    doc.effective_date = resolve_effective_date(doc)
    _attach_citations(doc)
    return doc


def _read_header(doc: ParsedDocument, lines: list[str], start: int) -> int:
    """Header fields, then the type word and title; returns the next line."""
    header = parse_header(lines, start)
    doc.issuer, doc.issuer_parent = split_issuer(header.issuer_lines)
    _set_code(doc, header.number_text, header.symbol, header.code)
    _set_code_year(doc, header.year_in_code)
    doc.place, doc.issued_date = header.place, header.issued_date
    if header.date_partial:
        doc.flag("date_partial")
    if not header.has_motto and not header.issuer_lines:
        doc.flag("no_header")
    pos = _read_type_and_title(doc, lines, header)
    if doc.symbol and doc.symbol.upper().startswith("VBHN"):
        # A consolidated text is named after the text it consolidates, kind
        # included: "BỘ LUẬT / HÌNH SỰ" under 01/VBHN-VPQH is the "Văn bản
        # hợp nhất Bộ luật Hình sự" (Luật Ban hành văn bản quy phạm pháp luật
        # 2015, Điều 4: the kinds; Pháp lệnh Hợp nhất văn bản 2012, Điều 6).
        if doc.doc_type and doc.doc_type != "Văn bản hợp nhất" and doc.title:
            doc.title = _consolidated_name(doc.doc_type, doc.title)
        doc.doc_type = "Văn bản hợp nhất"
    doc.issuer = completed_by_symbol(doc.issuer, doc.symbol, doc.doc_type)
    doc.issuer = display_name(doc.issuer)
    doc.issuer_parent = display_name(doc.issuer_parent)
    return _skip_authority(doc, lines, pos)


# Kinds whose title is a proper name, capitalised after the kind word.
_NAMED_KINDS = frozenset({"Luật", "Bộ luật", "Pháp lệnh"})


def _consolidated_name(kind: str, title: str) -> str:
    """ "Bộ luật" + "Hình sự" → "Bộ luật Hình sự"; "Quyết định" + "Về thực
    hiện chế độ …" → "Quyết định về thực hiện chế độ …"."""
    if kind not in _NAMED_KINDS and title[:1].isupper() and title[1:2].islower():
        title = title[0].lower() + title[1:]
    return f"{kind} {title}"


def _read_type_and_title(doc: ParsedDocument, lines: list[str], header) -> int:
    heading = find_heading(lines, header.end, doc.issuer)
    if heading is None or header.vv_end > heading.end:
        doc.title = _sentence(header.subject_vv)
        if doc.title and is_upper(doc.title):
            # "V/V BAN HÀNH QUY CHẾ …" → "Ban hành quy chế …", names restored.
            body = "\n".join(lines[header.vv_end :])
            doc.title = restore_title_case(sentence_case(doc.title), body)
        if doc.title:
            return header.vv_end
        return _untyped_title(doc, lines, header.vv_end)
    doc.doc_type, doc.title = heading.doc_type, heading.title
    pos = heading.end
    if heading.remainder:
        pos -= 1
        lines[pos] = heading.remainder
    if heading.title_was_upper and doc.title:
        doc.title = restore_title_case(doc.title, "\n".join(lines[pos:]))
    return pos


def _untyped_title(doc: ParsedDocument, lines: list[str], pos: int) -> int:
    """No type word and no "V/v": a short line right before "Căn cứ" is the title,
    and the type comes from the code's type part (flagged ``type_from_code``)."""
    if pos < len(lines) and starts_folded(lines[pos], "kinh gui"):
        return pos
    head = (doc.symbol or "").split("-")[0].split("/")[0]
    if head.upper() in TYPE_CODES and head.upper() != "CV":
        doc.doc_type = TYPE_CODES[head.upper()]
        doc.flag("type_from_code")
    nxt = lines[pos + 1] if pos + 1 < len(lines) else ""
    if pos < len(lines) and len(lines[pos]) < 300 and fold(nxt).startswith("can cu"):
        doc.title = clean_title(lines[pos], doc.issuer)[0]
        return pos + 1
    return pos


def _set_code(doc: ParsedDocument, number: str | None, symbol, code) -> None:
    doc.symbol, doc.code, doc.number_text = symbol, code, number
    doc.number = int(float(number)) if number and number[0].isdigit() else None
    if code and not number:
        doc.flag("draft_no_number")
    elif "draft_no_number" in doc.flags:
        doc.flags.remove("draft_no_number")


def _sentence(text: str | None) -> str | None:
    if not text:
        return None
    return text[:1].upper() + text[1:]


def _skip_authority(doc: ParsedDocument, lines: list[str], pos: int) -> int:
    """Skip the enacting-authority line(s) under the title; when the header gave
    no issuer, take it from there ("CHÍNH PHỦ", "TRƯỞNG BAN CHỈ ĐẠO ...")."""
    while pos < len(lines) and is_upper(lines[pos]) and len(lines[pos]) < 160:
        f = fold_head(lines[pos], 200)
        nxt = lines[pos + 1] if pos + 1 < len(lines) else ""
        known = doc.issuer and fold(doc.issuer) in f
        if not (
            known or f.startswith(POSITION_FOLDED) or is_authority_line(lines[pos], nxt)
        ):
            break
        if not doc.issuer:
            doc.issuer = display_name(_without_position(lines[pos]))
            doc.flag("issuer_inferred")
        pos += 1
    return pos


def _without_position(line: str) -> str:
    """The body an authority line names: "GIÁM ĐỐC SỞ X" → "SỞ X"; a Trưởng
    ban heads a Ban ("TRƯỞNG BAN CHỈ ĐẠO …" → "BAN CHỈ ĐẠO …")."""
    f = fold(line)
    for word in POSITION_FOLDED:
        if f.startswith(word + " "):
            keep = len("truong ") if word == "truong ban" else len(word)
            return line[keep:].strip()
    return line


def _read_addressees(doc: ParsedDocument, lines: list[str], pos: int) -> int:
    if pos < len(lines) and starts_folded(lines[pos], "kinh gui"):
        doc.recipients, pos, rest = read_addressees(lines, pos, doc.issuer)
        if rest:
            pos -= 1
            lines[pos] = rest
        if not doc.doc_type:
            doc.doc_type = "Công văn"
    elif not doc.doc_type and (doc.title or _code_without_type(doc)):
        doc.doc_type = "Công văn"
    return pos


def _code_without_type(doc: ParsedDocument) -> bool:
    head = (doc.symbol or "").split("-")[0].split("/")[0].upper()
    return bool(doc.symbol) and head not in TYPE_CODES


def _read_tail(doc: ParsedDocument, lines: list[str], pos: int) -> Signature | None:
    sig = find_signature(lines, pos)
    recipients, rec_last = find_recipients(lines, pos, len(lines))
    rec_first = _first_index(lines, pos, "noi nhan")
    ends = [i for i in (rec_first, sig.start if sig else -1) if i >= pos]
    body_end = min(ends) if ends else len(lines)
    outline = build_outline(lines[pos:body_end])
    doc.sections, doc.articles = outline.sections, outline.articles
    doc.body_blocks = outline.blocks
    doc.effect_clauses = find_effect_clauses(lines[pos:body_end])
    doc.recipients = doc.recipients + recipients
    if sig:
        doc.signing_authority = sig.authority
        doc.signer_position, doc.signer_name = sig.position, sig.name
    _read_appendix(doc, lines, max(rec_last, sig.end if sig else -1, body_end - 1))
    return sig


def _first_index(lines: list[str], start: int, prefix: str) -> int:
    for i in range(start, len(lines)):
        if starts_folded(lines[i], prefix):
            return i
    return -1


def _read_appendix(doc: ParsedDocument, lines: list[str], last: int) -> None:
    rest = lines[last + 1 :]
    if not rest:
        return
    doc.appendix = "\n".join(rest)
    doc.body_blocks.append(
        {"type": "appendix", "title": rest[0][:200], "text": doc.appendix}
    )


def _infer_missing(
    doc: ParsedDocument, lines: list[str], pos: int, head: str | None
) -> None:
    """Issuer from the body ("UBND huyện X xây dựng ...") or "TM. <body>"."""
    if doc.issuer:
        return
    window = " ".join(lines[max(0, pos - 2) : pos + 20])
    match = _INFER_ISSUER.search(window)
    if match:
        doc.issuer = match.group(1)
    elif head:
        doc.issuer = display_name(head)
    if doc.issuer:
        doc.flag("issuer_inferred")


_ATTACHED_TO = re.compile(
    r"\(\s*(?:Ban hành\s+)?Kèm theo\s+(?P<type>(?:[^\W\d_]+\s+){1,3})số:?\s*(?P<code>\d[\w./-]*[^\W\d_]"
    r"[\w/-]*)\s*,?\s*(?P<date>ngày[^)]{4,40})",
    re.IGNORECASE,
)


def _code_from_appendix(doc: ParsedDocument) -> None:
    """An appendix names its own document: "(Kèm theo Công văn số 174/CV-BCĐ
    ngày 02 tháng 12 năm 2025 ...)" (Phụ lục I, III.1). Used only when the
    header gave no code, flagged ``code_from_appendix``."""
    if doc.code or not doc.appendix:
        return
    match = _ATTACHED_TO.search(doc.appendix[:3000])
    if not match:
        return
    _code_from_table(doc, match.group("code"))
    found = find_date(match.group("date"))
    if found and not doc.issued_date:
        doc.issued_date = found.value
    if not doc.doc_type:
        doc.doc_type = _type_named(match.group("type"))
    doc.flag("code_from_appendix")


def _type_named(words: str) -> str | None:
    """ "Thông tư " → "Thông tư" when the words are a known type name."""
    folded = fold(words).strip()
    return next((name for word, name in TYPE_WORDS if folded == word), None)


def _issuer_fallbacks(doc: ParsedDocument, lines: list[str], pos: int) -> None:
    """No issuer in the header, the body or the table: a national body named by
    the symbol (flag ``issuer_from_symbol``), else the opening of a reply
    ("Cục Hải quan nhận được công văn ...", flag ``issuer_inferred``)."""
    if doc.issuer:
        return
    found = issuer_from_symbol(doc.symbol, doc.doc_type)
    if found:
        doc.issuer, doc.issuer_parent = found
        doc.flag("issuer_from_symbol")
        return
    for line in lines[pos : pos + 4]:
        match = _REPLY_OPENING.match(line)
        if match:
            doc.issuer = match.group(1)
            doc.flag("issuer_inferred")
            return


_LETTER = re.compile(r"[^\W\d_]")


def is_vietnamese(text: str, sample: int = 20000) -> bool:
    """Vietnamese prose has a letter with a diacritic in most words; an English
    translation has almost none (names and the copyright notice aside)."""
    letters = _LETTER.findall(text[:sample])
    if len(letters) < 200:
        return True
    marked = sum(1 for c in letters if not c.isascii())
    return marked / len(letters) >= 0.05


def _looks_like_body(name: str) -> bool:
    words = fold(name).split()
    return any(words[: len(w.split())] == w.split() for w in ORG_STARTS)


def _apply_table(doc: ParsedDocument, table: dict[str, str]) -> None:
    used = False
    issuer = table.get("issuer")
    if issuer and not doc.issuer and _looks_like_body(issuer):
        doc.issuer, used = display_name(issuer), True
    for key in ("code", "signer_name", "issued_date", "doc_type"):
        if table.get(key) and not getattr(doc, key):
            used = True
            if key == "code":
                _code_from_table(doc, table["code"])
            else:
                setattr(doc, key, table[key])
    if used:
        doc.flag("metadata_table")


def set_code(doc: ParsedDocument, code: str) -> None:
    """Number, symbol, code and code year of ``doc`` from a written code
    ("57/2025/TT-BCT", "7197/BKHCN-CĐSQG")."""
    _code_from_table(doc, code)


def _code_from_table(doc: ParsedDocument, code: str) -> None:
    from .header import _NUMBER, Header, _set_number

    match = _NUMBER.search("Số: " + code)
    if not match:
        doc.code = code
        return
    header = Header()
    _set_number(header, match)
    _set_code(doc, header.number_text, header.symbol, header.code)
    _set_code_year(doc, header.year_in_code)


def _set_code_year(doc: ParsedDocument, year: str | None) -> None:
    doc.is_normative = year is not None
    doc.code_year = int(year) if year else None


def _apply_overrides(doc: ParsedDocument, overrides: dict[str, Any]) -> None:
    """Given metadata always wins; a code is re-split (keeping the year of a
    legal-normative code), a dd/mm/yyyy date made ISO. A given value that
    disagrees with what the text says is recorded in ``conflicts`` (flag
    ``given_differs``)."""
    for key in _OVERRIDABLE:
        value = overrides.get(key)
        if value in (None, ""):
            continue
        value = " ".join(str(value).split())
        before = getattr(doc, key)
        if key == "code":
            _code_from_table(doc, value)
        elif key == "issued_date":
            doc.issued_date = dmy_to_iso(value) or value
            if "date_partial" in doc.flags and len(doc.issued_date) == 10:
                doc.flags.remove("date_partial")
        elif key == "issuer":
            doc.issuer, doc.issuer_parent = value, None
            doc.flags[:] = [
                f
                for f in doc.flags
                if f not in ("issuer_inferred", "issuer_from_symbol")
            ]
        else:
            setattr(doc, key, value)
        after = getattr(doc, key)
        if before and key in _COMPARED and _differs(key, before, after, doc):
            doc.conflicts[key] = (str(after), str(before))
            doc.flag("given_differs")


_COMPARED = ("doc_type", "title", "code", "issuer", "issued_date")


def _differs(key: str, parsed: str, given: str, doc: ParsedDocument) -> bool:
    """Whether a given value says something else than the text (case, accents,
    spacing and a repeated type word at the start of a title do not count)."""
    a, b = fold(str(parsed)), fold(str(given))
    if key == "title" and doc.doc_type:
        kind = fold(doc.doc_type) + " "
        a, b = a.removeprefix(kind), b.removeprefix(kind)
    if key == "code":
        a, b = a.replace(" ", ""), b.replace(" ", "")
    return " ".join(a.split()) != " ".join(b.split())


def _attach_citations(doc: ParsedDocument) -> None:
    from documents.citations import extract_citations

    for line in doc.legal_basis_lines:
        try:
            found = extract_citations(line, context_date=doc.issued_date)
        except Exception:  # noqa: BLE001 - a citation bug must not lose the document
            doc.flag("citations_failed")
            return
        doc.legal_basis.extend(_as_basis(c) for c in found)


def _as_basis(citation: Any) -> Any:
    """Every citation of a Căn cứ line has the relation "căn cứ"."""
    if getattr(citation, "relation", None) == "căn cứ":
        return citation
    if dataclasses.is_dataclass(citation):
        return dataclasses.replace(citation, relation="căn cứ")
    return citation
