"""Vocabularies shared by the citation matchers and the code parser.

Type words and abbreviations come from ``documents.kinds`` (Phụ lục III of
Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW, legal-normative kinds). All
lookups are keyed by the folded form (``documents.text.fold``) so that "ND", "nđ"
and "NĐ" meet in one entry.
"""

from documents.kinds import (
    CODE_ALIASES,
    KINDS,
    party_codes,
    type_codes,
)
from documents.text import fold

# Canonical type words, longest first so that alternations prefer the long form.
TYPE_WORDS: tuple[str, ...] = tuple(
    sorted((kind.name for kind in KINDS if kind.cited), key=len, reverse=True)
)
TYPE_BY_FOLD: dict[str, str] = {fold(word): word for word in TYPE_WORDS}

# Type abbreviation (as written canonically) -> type word.
TYPE_CODES: dict[str, str] = type_codes()
# Folded abbreviation -> canonical spelling (restores Đ and mixed case).
# A folded form shared by two codes keeps the first ("da" is ĐA, Đề án; "hd" HD).
_FOLDED_CODES: dict[str, str] = {}
for _code in TYPE_CODES:
    _FOLDED_CODES.setdefault(fold(_code), _code)
CANONICAL_SEGMENTS: dict[str, str] = {
    **_FOLDED_CODES,
    "hd": "HD",
    "ttg": "TTg",
    "trs": "TrS",
    "hdnd": "HĐND",
    "tdkt": "TĐKT",
    "btdkttw": "BTĐKTTW",
    "twdtn": "TWĐTN",
    "du": "ĐU",
}
# Codes the type word may be abbreviated to in user queries ("nd 98/2023").
QUERY_TYPE_ABBR: dict[str, str] = {
    folded: TYPE_CODES[code]
    for folded, code in _FOLDED_CODES.items()
    if code not in CODE_ALIASES and len(code) > 1  # "l 5" is not Lệnh 5
}

# Issuer codes that mark a Party / Youth Union symbol ("34-CT/TW", "02-CT/TU").
PARTY_ISSUERS = frozenset(
    ("tw", "tu", "hu", "du", "qu", "vptw", "twdtn", "dtn", "cb", "bcstd", "dct")
)
PARTY_TYPES: dict[str, str] = {fold(code): name for code, name in party_codes().items()}

# Abbreviations expanded before folding issuer names for identity keys.
ISSUER_ABBR: dict[str, str] = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "tw": "trung uong",
    "tp": "thanh pho",
    "tp.": "thanh pho",
    "bch": "ban chap hanh",
    "tdkt": "thi dua, khen thuong",
}


def type_from_code(segment: str, *, party: bool = False) -> str | None:
    """Type word an abbreviation stands for ("NĐ" -> "Nghị định")."""
    key = fold(segment)
    if party:
        return PARTY_TYPES.get(key)
    canonical = CANONICAL_SEGMENTS.get(key)
    return TYPE_CODES.get(canonical) if canonical else None
