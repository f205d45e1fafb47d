"""Số ký hiệu parsing: the one ``parse_code`` of the portal.

:func:`parse_code` turns any written variant of a code or a user query
("34/CT-TW", "nd 98/2023", "Chỉ thị 34", "Luật Đất đai") into
:class:`~documents.citations.keys.CodeParts`, whose ``match_keys()`` meet the
keys of ``keys.code_lookup_keys`` exactly when the query names the document.
:func:`spaced_codes` finds the codes a query types with spaces for their
separators ("nghi quyet 48 nq cp").
"""

import re

from documents.issuers import NATIONAL_ABBREVIATIONS, abbreviation_key
from documents.kinds import LAW_TYPES, QPPL_TYPES
from documents.normalize import fold_same_length
from documents.text import nfc

from .extract import extract_citations
from .gazetteer import lookup_title
from .keys import CodeParts, canonical_symbol, is_party_issuer, is_qh_symbol
from .vocab import (
    QUERY_TYPE_ABBR,
    TYPE_BY_FOLD,
    type_from_code,
)

_SEG = r"[a-z][a-z0-9&]*"
_SYM = rf"{_SEG}(?:\s*[-/]\s*{_SEG})*"
_TYPE_ALT = "|".join(
    re.escape(word)
    for word in sorted([*TYPE_BY_FOLD, *QUERY_TYPE_ABBR], key=len, reverse=True)
)
_PREFIX = re.compile(rf"(?P<type>{_TYPE_ALT})(?![a-z])\s*(?:so\b\s*)*:?\s*")
_SO = re.compile(r"(?:so\b\s*)+:?\s*")
_PARTY = re.compile(
    rf"(?P<num>\d{{1,5}})\s*-?\s*(?P<ptype>[a-z]{{1,4}})\s*/\s*"
    rf"(?P<piss>{_SEG}(?:\s*-\s*{_SEG})*)"
)
_PARTY_SWAPPED = re.compile(
    rf"(?P<num>\d{{1,5}})\s*/\s*(?P<ptype>[a-z]{{1,4}})\s*[-/]\s*(?P<piss>{_SEG})"
)
_QPPL = re.compile(
    rf"(?P<num>\d{{1,5}})\s*/\s*(?P<year>(?:19|20)\d\d)(?:\s*/\s*(?P<sym>{_SYM}))?"
)
_ADMIN = re.compile(rf"(?P<num>\d{{1,5}})?\s*/\s*(?P<sym>{_SYM})")
_BARE = re.compile(r"(?P<num>\d{1,5})(?:\s+(?:nam\s+)?(?P<year>(?:19|20)\d\d))?")
#: Issuers a code typed with spaces may name: the national bodies and the
#: local councils and committees.
_SPACED_ISSUERS = NATIONAL_ABBREVIATIONS | {"UBND", "HDND"}


def _system_for(doc_type: str | None, symbol: str | None, year: int | None) -> str:
    if is_qh_symbol(symbol) or (doc_type in LAW_TYPES and not symbol):
        return "law"
    if year or doc_type in QPPL_TYPES:
        return "qppl"
    return "admin"


def parse_code(text: str) -> CodeParts | None:
    """Parse a bare số ký hiệu or a user query in any written variant.

    Accepts "34-CT/TW", "34/CT-TW", "34 ct/tw", "98/2023/ND-CP", "nd 98/2023",
    "Nghị định 98", "chi thi so 34-CT/TW", "1/2024/TT-BNV", "Số: /KH-UBND" …;
    returns None when the text holds no number and no symbol.
    """
    source = " ".join(nfc(text or "").split()).strip(" .;,")
    folded = fold_same_length(source)
    doc_type, pos = _type_prefix(folded)
    rest_f, rest = folded[pos:], source[pos:]
    if doc_type in LAW_TYPES and not re.match(r"\d", rest_f):
        return _parse_law_title(source) or _from_citation(source)
    return _parse_number_block(rest_f, rest, doc_type) or _from_citation(source)


def spaced_codes(words: list[str]) -> list[str]:
    """The codes typed with spaces for separators, in order: "48 nq cp" →
    "48/nq-cp", "98 2023 nd cp" → "98/2023/nd-cp", "377 qđ tw" → "377/qđ-tw"
    (``parse_code`` reads each). The kind's abbreviation and a known issuer's
    must follow the number, so "98 nd giay khen" is no code. A law's code
    has no kind: its number, year and the National Assembly's symbol
    ("45 2019 qh14" → "45/2019/qh14").
    """
    codes, i = [], 0
    while i < len(words):
        year = i + 1 < len(words) and _is_year(words[i + 1])
        number = words[i : i + 2] if year else words[i : i + 1]
        kind, issuer = (words[i + len(number) : i + len(number) + 2] + ["", ""])[:2]
        if words[i].isdigit() and year and is_qh_symbol(kind) and kind[2:].isdigit():
            codes.append("/".join([*number, kind]))
            i += len(number) + 1
        elif (
            words[i].isdigit()
            and type_from_code(kind)
            and abbreviation_key(issuer) in _SPACED_ISSUERS
        ):
            codes.append("/".join(number) + f"/{kind}-{issuer}")
            i += len(number) + 2
        else:
            i += 1
    return codes


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def _from_citation(source: str) -> CodeParts | None:
    """Fallback for a whole citation ("Quyết định 1234/QĐ-UBND ngày 5/3/2024")."""
    found = [c for c in extract_citations(source) if c.number is not None]
    if len(found) != 1:
        return None
    cited = found[0]
    system = cited.system if cited.system != "law" or cited.symbol else "law"
    return CodeParts(
        cited.doc_type,
        cited.number,
        cited.year if cited.code else None,
        cited.symbol,
        cited.code,
        system,
    )


def _type_prefix(folded: str) -> tuple[str | None, int]:
    match = _PREFIX.match(folded)
    if match:
        word = match.group("type")
        return TYPE_BY_FOLD.get(word) or QUERY_TYPE_ABBR.get(word), match.end()
    so = _SO.match(folded)
    return None, so.end() if so else 0


def _parse_number_block(
    folded: str, source: str, doc_type: str | None
) -> CodeParts | None:
    for parser in (_party_parts, _qppl_parts, _admin_parts, _bare_parts):
        parts = parser(folded, source, doc_type)
        if parts is not None:
            return parts
    return None


def _party_parts(folded: str, source: str, doc_type: str | None) -> CodeParts | None:
    match = _PARTY.fullmatch(folded)
    swapped = match is None
    if swapped:
        match = _PARTY_SWAPPED.fullmatch(folded)
        if match is None or not is_party_issuer(match.group("piss")):
            return None
    elif "-" not in folded[: match.start("ptype")] and not is_party_issuer(
        match.group("piss").split("-")[0]
    ):
        return None
    ptype = source[match.start("ptype") : match.end("ptype")]
    piss = source[match.start("piss") : match.end("piss")]
    symbol, _ = canonical_symbol(f"{ptype}/{piss}", party=True)
    number = int(match.group("num"))
    doc_type = doc_type or type_from_code(ptype, party=True)
    code = f"{match.group('num')}-{symbol}"
    return CodeParts(doc_type, number, None, symbol, code, "party")


def _qppl_parts(folded: str, source: str, doc_type: str | None) -> CodeParts | None:
    match = _QPPL.fullmatch(folded)
    if match is None:
        return None
    number, year = int(match.group("num")), int(match.group("year"))
    symbol = code = None
    if match.group("sym"):
        symbol, _ = canonical_symbol(source[match.start("sym") : match.end("sym")])
        code = f"{match.group('num')}/{year}/{symbol}"
        doc_type = doc_type or type_from_code(re.split(r"-", symbol)[0])
    system = _system_for(doc_type, symbol, year)
    return CodeParts(doc_type, number, year, symbol, code, system)


def _admin_parts(folded: str, source: str, doc_type: str | None) -> CodeParts | None:
    match = _ADMIN.fullmatch(folded)
    if match is None:
        return None
    raw_symbol = source[match.start("sym") : match.end("sym")]
    symbol, _ = canonical_symbol(raw_symbol)
    first = symbol.split("-")[0]
    doc_type = doc_type or type_from_code(first) or "Công văn"
    number = int(match.group("num")) if match.group("num") else None
    code = f"{match.group('num') or ''}/{symbol}"
    return CodeParts(doc_type, number, None, symbol, code, "admin")


def _bare_parts(folded: str, source: str, doc_type: str | None) -> CodeParts | None:
    match = _BARE.fullmatch(folded)
    if match is None or doc_type is None:
        return None
    year = int(match.group("year")) if match.group("year") else None
    return CodeParts(
        doc_type,
        int(match.group("num")),
        year,
        None,
        None,
        _system_for(doc_type, None, year),
    )


def _parse_law_title(source: str) -> CodeParts | None:
    entry = lookup_title(source)
    if entry is None:
        return None
    return CodeParts(
        entry.doc_type, entry.number, entry.year, entry.symbol, entry.code, "law"
    )
