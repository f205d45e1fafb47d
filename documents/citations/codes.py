"""Số ký hiệu: canonical symbols, user-query parsing, composition and lookup keys.

One set of rules serves both sides of a lookup: :func:`code_lookup_keys` gives the
folded keys a stored document is indexed under, :func:`parse_code` turns any
written variant of a code or a user query ("34/CT-TW", "nd 98/2023",
"Chỉ thị 34") into :class:`CodeParts` whose ``match_keys()`` meet those keys
exactly when the query names the document. Numbers are compared as integers
(``1/2024`` ≡ ``01/2024``, domain.md §4.6).
"""

import re

from search.text import fold, nfc

from .model import CodeParts
from .normalize import HYPHENS, fold_same_length
from .vocab import (
    CANONICAL_SEGMENTS,
    LAW_TYPES,
    PARTY_ISSUERS,
    QPPL_TYPES,
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
_HYPHEN_MAP = {ord(c): "-" for c in HYPHENS}


def canonical_segment(segment: str) -> str:
    """One symbol segment in canonical case ("TTG" -> "TTg", "nd" -> "NĐ")."""
    canonical = CANONICAL_SEGMENTS.get(fold(segment))
    if canonical and (
        segment.upper() == canonical.upper() or fold(segment) == segment.casefold()
    ):
        return canonical
    return segment.upper()


def canonical_symbol(raw: str, *, party: bool = False) -> tuple[str, bool]:
    """Canonical symbol and whether it needed a structural repair.

    Removes inner spaces ("NĐ- CP"), maps hyphen variants and Eth, and turns a
    slash inside a state symbol into a hyphen ("TT/BNV" -> "TT-BNV"); a Party
    symbol keeps exactly one slash between type and issuer ("CT-TW" -> "CT/TW").
    """
    text = nfc(raw).translate(_HYPHEN_MAP)
    compact = re.sub(r"\s+", "", text)
    parts = re.split(r"([-/])", compact)
    segments = [canonical_segment(seg) for seg in parts[0::2] if seg]
    if party and len(segments) > 1:
        symbol = segments[0] + "/" + "-".join(segments[1:])
    else:
        symbol = "-".join(segments)
    repaired = compact != text or _separators(symbol) != _separators(compact)
    return symbol, repaired or "Ð" in raw


def _separators(symbol: str) -> str:
    return "".join(c for c in symbol if c in "-/")


def is_party_issuer(segment: str) -> bool:
    """True for Party / Youth Union issuer codes (TW, TU, TƯ, HU, TWĐTN …)."""
    return fold(segment) in PARTY_ISSUERS


def compose_code(
    *, number: int | None, year: int | None, symbol: str, system: str
) -> str:
    """Canonical số ký hiệu; numbers below 10 zero-padded as ND30 requires.

    >>> compose_code(number=98, year=2023, symbol="NĐ-CP", system="qppl")
    '98/2023/NĐ-CP'
    >>> compose_code(number=None, year=None, symbol="KH-UBND", system="admin")
    '/KH-UBND'
    """
    num = "" if number is None else f"{number:02d}"
    if system == "party":
        return f"{num}-{symbol}"
    if year and system in ("qppl", "law"):
        return f"{num}/{year}/{symbol}"
    return f"{num}/{symbol}"


def _code_key(number: int, year: int | None, symbol: str, system: str) -> str:
    """Folded code with the number unpadded, so "01/2024" meets "1/2024"."""
    folded = fold(symbol)
    if system == "party":
        return f"{number}-{folded}"
    if year and (system in ("qppl", "law") or _is_qh_symbol(symbol)):
        return f"{number}/{year}/{folded}"
    return f"{number}/{folded}"


def _is_qh_symbol(symbol: str | None) -> bool:
    return bool(symbol) and re.fullmatch(r"(?i)qh\d*", symbol) is not None


def code_lookup_keys(
    *,
    doc_type: str | None,
    number: int | None,
    year: int | None,
    symbol: str | None,
    system: str,
) -> list[str]:
    """Folded keys a stored document is indexed under (empty for drafts)."""
    if number is None:
        return []
    keys: list[str] = []
    kind = fold(doc_type) if doc_type else None
    if symbol:
        canonical, _ = canonical_symbol(symbol, party=system == "party")
        code_key = _code_key(number, year, canonical, system)
        keys.append(code_key)
        if kind and _is_qh_symbol(canonical):
            keys.append(f"{kind}|{code_key}")
    if kind:
        keys.append(f"{kind}|{number}")
        if year:
            keys.append(f"{kind}|{number}|{year}")
    if year and system in ("qppl", "law"):
        keys.append(f"{number}/{year}")
    return keys


def query_keys(parts: CodeParts) -> list[str]:
    """Most specific folded keys for a parsed query (see ``CodeParts``)."""
    if parts.number is None:
        return []
    kind = fold(parts.doc_type) if parts.doc_type else None
    if parts.symbol:
        key = _code_key(parts.number, parts.year, parts.symbol, parts.system)
        if kind and _is_qh_symbol(parts.symbol):
            return [f"{kind}|{key}"]
        return [key]
    if parts.year:
        return [
            f"{kind}|{parts.number}|{parts.year}"
            if kind
            else f"{parts.number}/{parts.year}"
        ]
    return [f"{kind}|{parts.number}"] if kind else []


def _system_for(doc_type: str | None, symbol: str | None, year: int | None) -> str:
    if _is_qh_symbol(symbol) or (doc_type in LAW_TYPES and not symbol):
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


def _from_citation(source: str) -> CodeParts | None:
    """Fallback for a whole citation ("Quyết định 1234/QĐ-UBND ngày 5/3/2024")."""
    from .extract import extract_citations

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
    from .gazetteer import lookup_title

    entry = lookup_title(source)
    if entry is None:
        return None
    return CodeParts(
        entry.doc_type, entry.number, entry.year, entry.symbol, entry.code, "law"
    )
