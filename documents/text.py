"""Vietnamese text normalisation shared by indexing, querying and citation parsing.

Every comparison of Vietnamese text in the portal goes through these functions, so
that the index and the query agree:

- ``nfc``: Unicode NFC plus the Eth look-alike (Ð→Đ) that old converters emit.
- ``normalize_tones``: one tone placement ("hoà" → "hòa", "thuỷ" → "thủy") while
  keeping diacritics, for the exact-accent field.
- ``fold``: accent-insensitive form (đ→d, all marks removed, case-folded).
- ``words`` / ``index_tokens``: syllable tokens, in the exact (tone-normalised,
  lower-case) and folded forms, aligned one to one, as the backends index them.
"""

import re
import unicodedata
from functools import lru_cache

_ETH = str.maketrans({"Ð": "Đ", "ð": "đ"})
_D = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})

# Combining tone marks (grave, acute, hook above, tilde, dot below).
_TONES = "\u0300\u0301\u0309\u0303\u0323"
# Old style puts the tone on the second vowel of "oa", "oe", "uy" when nothing
# follows ("hoà", "khoẻ", "thuỷ"); new style puts it on the first ("hòa").
_OLD_TONE = re.compile(
    rf"(?i)(?<![gq])([oO])([aAeE])([{_TONES}])(?![a-zA-Z\u0300-\u036f])"
    rf"|(?<=[qQ])([uU])([yY])([{_TONES}])(?![a-zA-Z\u0300-\u036f])"
    rf"|(?<![qQ])([uU])([yY])([{_TONES}])(?![a-zA-Z\u0300-\u036f])"
)


def nfc(text: str) -> str:
    """NFC with Ð (U+00D0, Eth) mapped to Đ (U+0110)."""
    if "Ð" in text or "ð" in text:  # rare; ``translate`` is slow on long texts
        text = text.translate(_ETH)
    return unicodedata.normalize("NFC", text)


def _move_tone(match: re.Match) -> str:
    if match.group(1):
        return match.group(1) + match.group(3) + match.group(2)
    if match.group(4):  # "quỷ" keeps the tone on y: "qu" is a consonant.
        return match.group(4) + match.group(5) + match.group(6)
    return match.group(7) + match.group(9) + match.group(8)


def normalize_tones(text: str) -> str:
    """Rewrite old-style tone placement to the new style, keeping diacritics."""
    decomposed = unicodedata.normalize("NFD", nfc(text))
    return unicodedata.normalize("NFC", _OLD_TONE.sub(_move_tone, decomposed))


def fold(text: str) -> str:
    """Accent- and case-insensitive form: fold("Đường Hồ") == "duong ho"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", stripped).casefold()


fold_word = lru_cache(maxsize=200_000)(fold)
fold_word.__doc__ = (
    "``fold`` of one word, cached: index and snippets fold the same words often."
)


def has_diacritics(text: str) -> bool:
    """True when folding changes the text's letters (not merely its case)."""
    return fold(text) != text.casefold()


_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Syllable tokens (letters and digits; punctuation and "_" separate)."""
    return _WORD.findall(text)


def index_tokens(text: str) -> tuple[list[str], list[str]]:
    """(exact, folded) token lists of ``text``, aligned one to one.

    The exact form keeps diacritics with one tone placement and lower case
    ("Hoà" → "hòa"); the folded form drops them ("hoa"). Searching the folded
    form makes queries accent-insensitive; the exact form lets accented queries
    rank exact-accent matches higher.
    """
    exact = words(normalize_tones(text).casefold())
    return exact, [fold_word(token) for token in exact]
