"""Số ký hiệu lookup for search, on top of ``documents.citations``.

``documents.citations.parse_code(text)`` recognises a document code written in
any variant ("34/CT-TW", "Chỉ thị 34", "nd 98/2023") and ``.match_keys()`` gives
the folded keys to look up; ``code_lookup_keys(...)`` gives the keys a document
is indexed under (``IndexEntry.code_keys``). The backends only compare the two
sets, so every spelling rule lives in the citations package.

``parse_code`` reads a whole string as a code, while users mix a code with a
subject ("nghi dinh 98 giay khen"); ``query_code_keys`` therefore tries the
word spans of the query that hold a digit, longest first. Staff also type a
code with spaces for its separators ("nghi quyet 48 nq cp", "98 2023 nd cp"):
``documents.citations.spaced_codes`` reads those first; spaces around a slash
("98 / 2023 / NĐ - CP") are dropped, and a code written with dashes for every
separator ("34-ct-tw") is read as if they were spaces, last.
"""

from __future__ import annotations

import re

from documents.citations import parse_code, spaced_codes

MAX_SPAN = 6
MAX_WORDS = 24


def _spans(words: list[str]):
    """(start, end) word spans holding a digit, longest first, then leftmost."""
    for length in range(min(MAX_SPAN, len(words)), 0, -1):
        for start in range(len(words) - length + 1):
            if any(ch.isdigit() for w in words[start : start + length] for ch in w):
                yield start, start + length


def query_code_keys(text: str) -> list[str]:
    """Lookup keys of the document code the query names, or []."""
    if not any(ch.isdigit() for ch in text):
        return []
    text = re.sub(r"\s*/\s*", "/", text)  # "98 / 2023 / NĐ - CP"
    words = text.split()[:MAX_WORDS]
    candidates = [
        *spaced_codes(words),
        *(" ".join(words[start:end]) for start, end in _spans(words)),
        # Dashes for every separator ("34-ct-tw"), read as spaces.
        *spaced_codes(text.replace("-", " ").split()[:MAX_WORDS]),
    ]
    for candidate in candidates:
        try:
            parts = parse_code(candidate)
        except Exception:  # noqa: BLE001 - a parser bug must not break search
            continue
        if parts is not None and parts.number is not None:
            return list(parts.match_keys())
    return []


#: The citing tier of a document citing the code in its legal basis (its
#: indexed ``cites_basis`` hold the code's keys: the citation graph's "basis"
#: citations), and of one citing it elsewhere (its body: only its ``cites``
#: hold them). A query naming only the code lists them in this order after
#: the code's own document, on every backend.
CITES_IN_BASIS = 2
CITES_IN_BODY = 1


def citing_tier(
    keys: list[str], kind: str, cites: list[str], cites_basis: list[str]
) -> int:
    """``CITES_IN_BASIS``, ``CITES_IN_BODY`` or 0 (not a document citing
    one of ``keys``), from an entry's indexed terms."""
    wanted = set(keys)
    if kind != "document" or not wanted:
        return 0
    if wanted.intersection(cites_basis):
        return CITES_IN_BASIS
    if wanted.intersection(cites):
        return CITES_IN_BODY
    return 0
