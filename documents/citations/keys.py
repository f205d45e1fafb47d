"""Số ký hiệu keys: canonical symbols, composed codes and the folded lookup keys.

One set of rules serves both sides of a lookup: :func:`code_lookup_keys` gives the
folded keys a stored document is indexed under, and ``CodeParts.match_keys()``
(a parsed code or query, see ``codes.parse_code``) gives the keys that meet them
exactly when the query names the document. Numbers are compared as integers
(``1/2024`` ≡ ``01/2024``).
"""

import re
from dataclasses import dataclass

from documents.normalize import HYPHENS
from documents.text import fold, nfc

from .vocab import CANONICAL_SEGMENTS, PARTY_ISSUERS

_HYPHEN_MAP = {ord(c): "-" for c in HYPHENS}


@dataclass(frozen=True)
class CodeParts:
    """A parsed số ký hiệu or user query ("34-CT/TW", "nd 98/2023", "Chỉ thị 34").

    ``system`` is "admin", "qppl", "party" or "law". Missing parts are None; use
    :meth:`match_keys` to look the query up in an index built with
    :func:`documents.citations.code_lookup_keys`.
    """

    doc_type: str | None
    number: int | None
    year: int | None
    symbol: str | None
    code: str | None
    system: str

    def match_keys(self) -> list[str]:
        """Folded lookup keys this query should match, most specific only."""
        return query_keys(self)


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
    if year and (system in ("qppl", "law") or is_qh_symbol(symbol)):
        return f"{number}/{year}/{folded}"
    return f"{number}/{folded}"


def is_qh_symbol(symbol: str | None) -> bool:
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
        if kind and is_qh_symbol(canonical):
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
        if kind and is_qh_symbol(parts.symbol):
            return [f"{kind}|{key}"]
        return [key]
    if parts.year:
        return [
            f"{kind}|{parts.number}|{parts.year}"
            if kind
            else f"{parts.number}/{parts.year}"
        ]
    return [f"{kind}|{parts.number}"] if kind else []
