"""What the text does not say, filled from the record's own metadata.

Scraped copies of documents often start below the header (no issuing body,
số ký hiệu or date), while the record they come in still names the document: a
publisher's attribute values (``heuristic`` dict or top-level keys such as
``so_ky_hieu``) and the address of the page it was taken from, whose slug
spells type, number, symbol and year ("Cong-van-7197-BKHCN-CDSQG-2025-...").

``fill_from_record`` fills only what the parse left empty, in this order of
trust (strongest first):

1. the text itself (``parse_document``), including the adoption clause of a
   resolution ("... thông qua ngày 16 tháng 6 năm 2025");
2. the record's explicit metadata (``heuristic`` / ``metadata`` dicts, then
   top-level Vietnamese or English keys);
3. the source URL's slug: type, number, symbol, year;
4. inference: the issuer a national symbol names (``issuers.py``), a local
   body's symbol (UBND, HĐND) at the place the address and the text both name
   (``places.py``), the type its type code names.

A value that contradicts a stronger source is not taken: a code whose type code
names another kind than the known type, a date whose year is not the year of
the code or the URL, a date the text prints beside another document (the date
of a cited law is not the date of the citing one). Every value taken from a
weaker source adds a flag (``flags.py``) so that the editor checks it; the page
counts as complete. A value the record gives that was refused adds a flag too.

Pure: no database; the input document is not changed.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from documents.dates import dmy_to_iso
from documents.kinds import KINDS
from documents.text import fold

from .document import parse_document, set_code
from .heading import restore_proper_names, sentence_case
from .issuers import NATIONAL_ABBREVIATIONS, issuer_from_symbol, issuer_segments
from .model import ParsedDocument, SourceRecord
from .names import display_name
from .places import is_placeless, local_issuer
from .vocab import ORG_STARTS, TYPE_CODES

#: Canonical hint → keys that carry it in a record, nested dicts first.
METADATA_KEYS: dict[str, tuple[str, ...]] = {
    "code": ("so_ky_hieu", "so_hieu", "document_number", "number_symbol"),
    "doc_type": ("loai_van_ban", "document_type", "type"),
    "issuer": (
        "co_quan_ban_hanh",
        "noi_ban_hanh",
        "issuing_body",
        "issuing_agency",
        "issuer",
    ),
    "issued_date": ("ngay_ban_hanh", "issued_date", "issue_date", "date_issued"),
    "title": ("trich_yeu", "subject", "title"),
}
#: Dicts of a record that hold metadata (a publisher's attribute values).
NESTED_KEYS = ("heuristic", "metadata", "meta", "attributes")

#: English names of kinds in translated copies' addresses ("Decree-301-2025-ND-CP").
ENGLISH_KINDS = {
    "decree": "Nghị định",
    "circular": "Thông tư",
    "joint circular": "Thông tư liên tịch",
    "decision": "Quyết định",
    "resolution": "Nghị quyết",
    "directive": "Chỉ thị",
    "law": "Luật",
    "ordinance": "Pháp lệnh",
    "official dispatch": "Công văn",
    "official letter": "Công văn",
    "plan": "Kế hoạch",
    "notice": "Thông báo",
    "conclusion": "Kết luận",
    "instruction": "Hướng dẫn",
    "telegram": "Công điện",
}
_KIND_NAMES = {fold(kind.name): kind.name for kind in KINDS if kind.name != "Văn bản"}
_SLUG_KINDS = sorted(
    [(fold(name).split(), name) for name in _KIND_NAMES.values()]
    + [(words.split(), name) for words, name in ENGLISH_KINDS.items()],
    key=lambda item: -len(item[0]),
)

#: Abbreviations written with Đ (an address slug loses it): the type codes, and
#: bodies and units whose abbreviation has a Đ (Hội đồng nhân dân, Bộ Giáo dục
#: và Đào tạo, Ban Chỉ đạo, Cục Chuyển đổi số quốc gia, Đảng ủy ...).
_WITH_D = (
    "HĐND",
    "BGDĐT",
    "SGDĐT",
    "BLĐTBXH",
    "SLĐTBXH",
    "BKHĐT",
    "SKHĐT",
    "BCĐ",
    "CĐSQG",
    "ĐU",
    "TĐKT",
    "ĐHQG",
    "ĐĐBQH",
)


def _spellings() -> dict[str, str]:
    """Folded upper-case abbreviation → its written form, where unambiguous
    ("QD" → "QĐ"; "HD" stays, as Hướng dẫn HD and Hợp đồng HĐ fold alike)."""
    from documents.kinds import type_codes

    forms: dict[str, set[str]] = {}
    written = [*type_codes(), *_WITH_D, "TTg", "UBND", "UBTVQH"]
    for form in written:
        forms.setdefault(fold(form).upper(), set()).add(form)
    return {key: next(iter(v)) for key, v in forms.items() if len(v) == 1}


_SPELLING = _spellings()
_TYPE_BY_FOLD = {fold(code).upper(): name for code, name in TYPE_CODES.items()}
_YEAR = re.compile(r"^(19|20)\d\d$")
_DIGITS = re.compile(r"^\d{1,6}$")
_TRAILING_ID = re.compile(r"-\d{5,}$")
_ADOPTED = re.compile(
    r"thông qua\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)",
    re.IGNORECASE,
)
_FILLERS = {"toan", "van", "so", "ban", "full", "text", "of", "no"}


# --------------------------------------------------------------------------
# Reading the record


def record_metadata(record: Mapping[str, Any] | None) -> dict[str, str]:
    """Canonical hints (``METADATA_KEYS``) a record gives: a nested attribute
    dict first, then its top-level keys. Empty and non-text values are skipped."""
    found: dict[str, str] = {}
    if not isinstance(record, Mapping):
        return found
    sources = [record.get(k) for k in NESTED_KEYS] + [record]
    for source in sources:
        if not isinstance(source, Mapping):
            continue
        for hint, keys in METADATA_KEYS.items():
            for key in keys:
                value = source.get(key)
                if hint not in found and isinstance(value, str | int) and str(value):
                    found[hint] = " ".join(str(value).split())
    return found


def url_hints(url: str | None) -> dict[str, Any]:
    """Type, code and year spelled by a source address's last segment.

    "…/Cong-van-7197-BKHCN-CDSQG-2025-so-hoa-…-681234.aspx" →
    {"doc_type": "Công văn", "code": "7197/BKHCN-CĐSQG", "year": 2025};
    "…/Thong-tu-57-2025-TT-BCT-…" → "57/2025/TT-BCT" (a legal-normative code
    keeps its year); "…/toan-van-nghi-quyet-so-1663-nq-ubtvqh15-…" →
    "1663/NQ-UBTVQH15". Empty when the slug names no known kind and number.
    """
    if not url:
        return {}
    path = unquote(urlsplit(url).path).rstrip("/")
    last = re.sub(r"\.(aspx|html?|php)$", "", path.rsplit("/", 1)[-1], flags=re.I)
    tokens = [t for t in _TRAILING_ID.sub("", last).split("-") if t]
    kind, pos = _slug_kind(tokens)
    if kind is None:
        return {}
    while pos < len(tokens) and fold(tokens[pos]) in _FILLERS:
        pos += 1
    if pos >= len(tokens) or not _DIGITS.match(tokens[pos]):
        return {"doc_type": kind}
    numbers = [tokens[pos]]  # the first number is the number, even "1973"
    pos += 1
    if pos + 1 < len(tokens) and _DIGITS.match(tokens[pos]):
        if not _is_year(tokens, pos):  # "66-8-2025-NQ-CP" is 66.8/2025/NQ-CP
            numbers.append(tokens[pos])
            pos += 1
    number = ".".join(numbers)
    if pos < len(tokens) and _is_year(tokens, pos):  # "57-2025-TT-BCT"
        year = int(tokens[pos])
        symbol = _symbol(tokens, pos + 1, normative=True)
        code = f"{number}/{year}/{symbol}" if symbol else None
    else:  # "7197-BKHCN-CDSQG-2025", "221-KL-TW-2025"
        symbol = _symbol(tokens, pos, normative=False)
        end = pos + len(symbol.split("-")) if symbol else pos
        year = int(tokens[end]) if end < len(tokens) and _is_year(tokens, end) else None
        code = _written_code(number, symbol) if symbol else None
    out: dict[str, Any] = {"doc_type": kind}
    if code:
        out["code"] = code
    if year:
        out["year"] = year
    return out


#: Party bodies: their documents are numbered "221-KL/TW" (Hướng dẫn
#: 36-HD/VPTW of the Văn phòng Trung ương Đảng on Party documents).
_PARTY_BODIES = frozenset(
    {"TW", "VPTW", "BTCTW", "BTGDVTW", "UBKTTW", "BDNTW", "BNCTW", "DUCA", "TU"}
    | {"HU", "DU", "QU", "THU", "BTVTU", "BCSD"}
)


def _written_code(number: str, symbol: str) -> str:
    """ "7197", "BKHCN-CĐSQG" → "7197/BKHCN-CĐSQG"; a Party body's document
    keeps the Party form: "221", "KL-TW" → "221-KL/TW"."""
    parts = symbol.split("-")
    issuer = re.sub(r"\d+$", "", fold(parts[-1]).upper())
    if (
        len(parts) == 2
        and issuer in _PARTY_BODIES
        and fold(parts[0]).upper() in _TYPE_BY_FOLD
    ):
        return f"{number}-{parts[0]}/{parts[1]}"
    return f"{number}/{symbol}"


def _slug_kind(tokens: list[str]) -> tuple[str | None, int]:
    """The kind named at the start of the slug (after "toan-van") and where it ends."""
    folded = [fold(t) for t in tokens]
    start = 2 if folded[:2] == ["toan", "van"] else 0
    for words, name in _SLUG_KINDS:
        if folded[start : start + len(words)] == words:
            return name, start + len(words)
    return None, 0


def _is_year(tokens: list[str], pos: int) -> bool:
    return bool(_YEAR.match(tokens[pos]))


def _symbol(tokens: list[str], pos: int, *, normative: bool) -> str:
    """The symbol's segments from ``pos``: written in capitals ("BKHCN",
    "UBTVQH15") or a known abbreviation in any case ("TTg", "nd", "cp")."""
    parts: list[str] = []
    while pos < len(tokens) and len(parts) < 4:
        token = tokens[pos]
        if _is_year(tokens, pos) or not _is_segment(token, first=not parts):
            break
        parts.append(_spelled(token))
        pos += 1
    if normative and parts and fold(parts[0]).upper() not in _TYPE_BY_FOLD:
        return ""
    return "-".join(parts)


def _is_segment(token: str, *, first: bool) -> bool:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]{0,11}", token):
        return False
    key = re.sub(r"\d+$", "", token.upper())
    if key in _SPELLING or key in NATIONAL_ABBREVIATIONS or key in _TYPE_BY_FOLD:
        return True
    return token.isupper() and len(token) >= 2


def _spelled(token: str) -> str:
    """ "CDSQG" → "CĐSQG", "nd" → "NĐ", "ttg" → "TTg", "ubtvqh15" → "UBTVQH15"."""
    upper = token.upper()
    key, term = re.match(r"(.*?)(\d*)$", upper).groups()
    if key in _SPELLING:
        return _SPELLING[key] + term
    return token if not token.islower() else upper


# --------------------------------------------------------------------------
# Filling the parse


def parse_record(record: SourceRecord) -> ParsedDocument:
    """Parse a record's text (given fields win), then fill what the text did
    not give from the record's hints and source address."""
    doc = parse_document(record.text, overrides=record.overrides)
    return fill_from_record(doc, record.text, record.hints, doc.source_url)


def fill_from_record(
    doc: ParsedDocument,
    text: str,
    metadata: Mapping[str, Any] | None = None,
    source_url: str | None = None,
) -> ParsedDocument:
    """A copy of ``doc`` with what the text did not give filled from the
    record (module docstring: order of trust, contradictions, flags).

    ``metadata`` holds canonical hints (``record_metadata``); ``source_url``
    defaults to the document's own.
    """
    out = copy.copy(doc)
    out.flags = list(doc.flags)
    out.conflicts = dict(doc.conflicts)
    meta = dict(metadata or {})
    url = url_hints(source_url or doc.source_url)
    _fill_code(out, meta, url)
    _fill_type(out, meta, url)
    _fill_issuer(out, meta, source_url or doc.source_url, text or "")
    _fill_date(out, text or "", meta, url)
    _fill_title(out, meta, text or "")
    return out


def _kind_of_code(code: str | None) -> str | None:
    """The kind a code's type part names ("57/2025/TT-BCT" → Thông tư), or None
    (a Công văn's symbol starts with its issuer: "7197/BKHCN-CĐSQG")."""
    if not code:
        return None
    symbol = code.rsplit("/", 1)[-1]
    head = re.split(r"[-–]", symbol)[0]
    return _TYPE_BY_FOLD.get(fold(head).upper())


_NORMATIVE = re.compile(r"^[\d.]+/(?:19|20)\d\d/")


def _contradicts(code: str, kind: str | None) -> bool:
    """Whether ``code`` cannot be the code of a document of ``kind``: its type
    part names another kind, or a Công văn would carry a legal-normative code
    (Nghị định 30/2020/NĐ-CP, Phụ lục III: a Công văn's symbol is "issuer -
    unit")."""
    named = _kind_of_code(code)
    if not kind or named == "Văn bản hợp nhất":  # consolidates a text of any kind
        return False
    if kind == "Công văn":
        if _NORMATIVE.match(code):
            return True
        head = re.split(r"[-–]", code.rsplit("/", 1)[-1])[0]
        national = re.sub(r"\d+$", "", fold(head).upper()) in NATIONAL_ABBREVIATIONS
        return bool(named) and not national and fold(head).upper() != "CV"
    return bool(named) and fold(named) != fold(kind)


def _read_code(value: str) -> ParsedDocument | None:
    probe = ParsedDocument()
    set_code(probe, value)
    return probe if probe.symbol and probe.number is not None else None


def _fill_code(doc: ParsedDocument, meta: dict, url: dict) -> None:
    if doc.code or doc.symbol:
        return
    kind = doc.doc_type or _known_kind(meta.get("doc_type")) or url.get("doc_type")
    for source, value in (("metadata", meta.get("code")), ("url", url.get("code"))):
        probe = _read_code(value) if value else None
        if probe is None:
            continue
        if _contradicts(probe.code, kind):
            doc.flag(f"code_refused_{source}")
            continue
        for name in ("number", "number_text", "symbol", "code", "is_normative"):
            setattr(doc, name, getattr(probe, name))
        doc.code_year = probe.code_year
        if doc.symbol.upper().startswith("VBHN"):  # as ``parse_document`` reads it
            doc.doc_type = "Văn bản hợp nhất"
        doc.flag(f"code_from_{source}")
        return


def _known_kind(value: str | None) -> str | None:
    """ "QUYẾT ĐỊNH" / "Quyết định" → "Quyết định"; None for other text."""
    if not value:
        return None
    return _KIND_NAMES.get(" ".join(fold(value).split()))


def _fill_type(doc: ParsedDocument, meta: dict, url: dict) -> None:
    if doc.doc_type:
        return
    candidates = (
        ("metadata", _known_kind(meta.get("doc_type"))),
        ("url", url.get("doc_type")),
    )
    for source, kind in candidates:
        if kind and not (doc.code and _contradicts(doc.code, kind)):
            doc.doc_type = kind
            doc.flag(f"type_from_{source}")
            return
    named = _kind_of_code(doc.code)
    if named and named != "Công văn":
        doc.doc_type = named
        doc.flag("type_from_code")


def _clean_body(value: str | None) -> str | None:
    """A body name from an attribute value: header rules, a "Số: …" run into
    it and a place alone ("Tỉnh Bắc Ninh") removed; None when not a body."""
    if not value:
        return None
    name = re.split(r"\bS[ốỐoO]\s*:|[_|]{2,}|-{3,}", value)[0]
    name = " ".join(name.strip(" -_|*").split())
    words = fold(name).split()
    if not any(words[: len(w.split())] == w.split() for w in ORG_STARTS):
        return None
    return display_name(name)


def _fill_issuer(doc: ParsedDocument, meta: dict, url: str | None, text: str) -> None:
    """Metadata, then the national body the symbol names, then a local body of
    the symbol at the place the address and the text name (``places.py``). An
    issuer read as a local body without its place ("Ủy ban nhân dân") counts as
    missing."""
    placeless = is_placeless(doc.issuer)
    if doc.issuer and not placeless:
        return
    name = _clean_body(meta.get("issuer"))
    if name and not is_placeless(name):
        doc.issuer, doc.issuer_parent = name, None
        doc.flag("issuer_from_metadata")
        return
    found = None if placeless else issuer_from_symbol(doc.symbol, doc.doc_type)
    if found:
        doc.issuer, doc.issuer_parent = found
        doc.flag("issuer_from_symbol")
        return
    local = local_issuer(issuer_segments(doc.symbol, doc.doc_type), url, text)
    if local:
        doc.issuer, doc.issuer_parent = local, None
        doc.flag("issuer_from_place")


_PRINTED_DATE = re.compile(
    r"ngay\s*(\d{1,2})\s*(?:thang|/|-|\.)\s*(\d{1,2})\s*(?:nam|/|-|\.)\s*(\d{4})"
    r"|\b(\d{1,2})/(\d{1,2})/(\d{4})\b"
)


def printed_dates(text: str) -> set[str]:
    """ISO dates the text prints ("ngày 14 tháng 11 năm 2022", "15/10/2025")."""
    found = set()
    for match in _PRINTED_DATE.finditer(fold(text)):
        d, m, y = match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)
        iso = dmy_to_iso(f"{d}/{m}/{y}")
        if iso:
            found.add(iso)
    return found


def _fill_date(doc: ParsedDocument, text: str, meta: dict, url: dict) -> None:
    if doc.issued_date:
        return
    year = doc.code_year or url.get("year")
    adopted = list(_ADOPTED.finditer(text[-6000:]))
    if adopted:
        d, m, y = adopted[-1].groups()
        iso = dmy_to_iso(f"{d}/{m}/{y}")
        if iso and (year is None or int(y) == year):
            doc.issued_date = iso
            doc.flag("date_from_adoption")
            return
    given = meta.get("issued_date")
    iso = dmy_to_iso(given) if given else None
    if given and iso is None and re.fullmatch(r"\d{4}-\d\d-\d\d", given):
        iso = given
    if iso:
        if year is not None and int(iso[:4]) != year:
            doc.flag("date_refused_year")
        elif iso in printed_dates(text):
            doc.flag("date_refused_cited")
        else:
            doc.issued_date = iso
            doc.flag("date_from_metadata")
            return
    if year:
        doc.issued_date = str(year)
        doc.flag("year_from_code" if doc.code_year else "year_from_url")


def _fill_title(doc: ParsedDocument, meta: dict, text: str) -> None:
    title = meta.get("title")
    if doc.title or not title or not 8 <= len(title) <= 600:
        return
    title = re.sub(r"^\s*V/v\s*:?\s*", "", title, flags=re.IGNORECASE).strip()
    if fold(title).startswith(("can cu", "kinh gui", "so:")):
        return
    if title.isupper():
        title = restore_proper_names(sentence_case(title), text)
    doc.title = title[:1].upper() + title[1:]
    doc.flag("title_from_metadata")
