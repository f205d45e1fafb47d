"""The parse copy: a same-length, folded view of the source text.

Matchers run on a copy of the text in which every character is replaced by its
accent- and case-folded form (``documents.text.fold``, one character per character),
every whitespace character by a space and every hyphen variant by "-". Because
the copy has the same length as the text, an offset in the copy is an offset in
the source, and ``text[start:end]`` is always the raw span. Text that is not NFC
(decomposed input) is first composed with an explicit offset map.
"""

import unicodedata

from documents.text import fold, nfc

HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2212\u00ad"
_SPACES = "\t\n\r\x0b\x0c\u00a0\u2028\u2029\u200b\u202f\u3000"
_QUOTES = {"“": '"', "”": '"', "‘": "'", "’": "'"}


class _FoldTable(dict):
    """``str.translate`` table that folds each character once and caches it."""

    def __missing__(self, char_code: int) -> str:
        char = chr(char_code)
        folded = fold(char)
        value = folded if len(folded) == 1 else char.lower()[:1] or char
        if len(value) != 1:
            value = char
        self[char_code] = value
        return value


_TABLE = _FoldTable({ord(c): " " for c in _SPACES})
_TABLE.update({ord(c): "-" for c in HYPHENS})
_TABLE.update({ord(k): v for k, v in _QUOTES.items()})
_TABLE.update({ord("Ð"): "d", ord("ð"): "d", ord("*"): " "})


def fold_same_length(text: str) -> str:
    """Folded copy of ``text`` with exactly one output character per input one."""
    return text.translate(_TABLE)


def compose_with_map(text: str) -> tuple[str, list[int]]:
    """NFC-compose ``text``; return it with the source offset of each character.

    The returned list has one entry per composed character plus a final entry
    equal to ``len(text)``, so ``offsets[end]`` maps an exclusive end.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, []
    out: list[str] = []
    offsets: list[int] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index < len(text) and unicodedata.combining(text[index]):
            continue
        cluster = nfc(text[start:index])
        out.append(cluster)
        offsets.extend([start] * len(cluster))
        start = index
    offsets.append(len(text))
    return "".join(out), offsets


def clean(text: str) -> str:
    """NFC text with whitespace runs collapsed, for display values (issuers)."""
    return " ".join(nfc(text).translate({ord(c): "-" for c in HYPHENS}).split())
