"""Số ký hiệu lookup for search, on top of ``documents.citations``.

``documents.citations.parse_code(query)`` recognises a document code written in
any variant ("34/CT-TW", "Chỉ thị 34", "nd 98/2023") and ``.match_keys()`` gives
the folded keys to look up; ``code_lookup_keys(...)`` gives the keys a document
is indexed under (``IndexEntry.code_keys``). The backends only compare the two
sets, so every spelling rule lives in the citations package.

Until that package is importable a small stand-in (``_fallback``) keeps the
search usable; it understands the common shapes of domain.md §1.3 only.
"""

from __future__ import annotations

import re

from .text import fold

try:  # pragma: no cover - depends on the citations package being present
    from documents.citations import code_lookup_keys as _code_lookup_keys
    from documents.citations import parse_code as _parse_code
except ImportError:  # pragma: no cover
    _parse_code = None
    _code_lookup_keys = None


def query_code_keys(text: str) -> list[str]:
    """Lookup keys of the document code the query names, or []."""
    if _parse_code is not None:
        try:
            parts = _parse_code(text)
        except Exception:  # noqa: BLE001 - a parser bug must not break search
            return []
        return list(parts.match_keys()) if parts else []
    return _fallback_query_keys(text)


def document_code_keys(**parts) -> list[str]:
    """Keys a document is indexed under (see ``code_lookup_keys``)."""
    if _code_lookup_keys is not None:
        return list(_code_lookup_keys(**parts))
    return _fallback_document_keys(**parts)


# --- stand-in until documents.citations lands --------------------------------

_TYPE_WORDS = {
    "chi thi": "ct",
    "nghi dinh": "nd",
    "quyet dinh": "qd",
    "nghi quyet": "nq",
    "ke hoach": "kh",
    "thong tu": "tt",
    "huong dan": "hd",
    "ket luan": "kl",
    "thong bao": "tb",
    "bao cao": "bc",
    "luat": "luat",
    "cong van": "cv",
}
_CODE = re.compile(
    r"(?P<num>\d{1,5})\s*(?:/\s*(?P<year>(?:19|20)\d\d))?\s*[-/ ]\s*"
    r"(?P<sym>[a-z]{1,8}(?:\s*[-/]\s*[a-z0-9]{1,10}){0,3})(?![a-z0-9])"
)
_TYPED = re.compile(
    r"(?P<type>"
    + "|".join(_TYPE_WORDS)
    + r"|"
    + "|".join(set(_TYPE_WORDS.values()))
    + r")\s+(?:so\s+)?(?P<num>\d{1,5})(?:\s*/\s*(?P<year>(?:19|20)\d\d))?(?![\d])"
)


def _fallback_document_keys(
    *,
    doc_type: str = "",
    number: str = "",
    year: int | None = None,
    symbol: str = "",
    system: str = "",
) -> list[str]:
    sym = [p for p in re.split(r"[-/\s]+", fold(symbol)) if p]
    kind = _TYPE_WORDS.get(fold(doc_type), sym[0] if sym else "")
    num = str(int(number)) if str(number).isdigit() else fold(str(number))
    keys = {f"code:{num}/{'/'.join(sym)}", f"type:{kind}/{num}"}
    if year:
        keys |= {f"type:{kind}/{num}/{year}", f"code:{num}/{year}/{'/'.join(sym)}"}
    return sorted(keys)


def _fallback_query_keys(text: str) -> list[str]:
    folded = fold(text)
    keys: list[str] = []
    for match in _CODE.finditer(folded):
        sym = [p for p in re.split(r"[-/\s]+", match["sym"]) if p]
        year = f"{match['year']}/" if match["year"] else ""
        keys.append(f"code:{int(match['num'])}/{year}{'/'.join(sym)}")
    for match in _TYPED.finditer(folded):
        kind = _TYPE_WORDS.get(match["type"], match["type"])
        year = f"/{match['year']}" if match["year"] else ""
        keys.append(f"type:{kind}/{int(match['num'])}{year}")
    return keys
