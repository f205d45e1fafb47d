"""Digits of a cited code split by a stray space in scraped text.

Scrapes of letter-spaced PDFs print "Nghị định số 9 8/2023/NĐ-CP",
"98/20 23/NĐ-CP" or "Nghị định 1 52/2025/NĐ-CP". The parse copy (same length
as the text) is repaired by moving the space out of the number, so that the
matchers, which allow a space before a code's slash, read the whole number:
"9 8/2023" → "98 /2023", "98/20 23/nđ-cp" → "98/2023 /nđ-cp". Offsets and the
text are unchanged; a citation's ``raw`` keeps the split digits.

Only where the split is unambiguous:

- a year split once ("20 23", "2 023") between a number's slash and a
  symbol's slash: no other reading has two digit groups there;
- a number split once right after "số" or a type word ("Nghị định 1
  52/2025/NĐ-CP") and before a legal-normative code's "/year/symbol": a
  number elsewhere ("1 98/2023/NĐ-CP" in a flattened table, its row number
  first) may be another number followed by the code.
"""

import re

from .vocab import TYPE_BY_FOLD

_TYPES = "|".join(re.escape(w) for w in sorted(TYPE_BY_FOLD, key=len, reverse=True))
_YEAR = re.compile(
    r"(?<![a-z0-9])(?P<num>\d{1,5}\s?/\s?)"
    r"(?P<year>(?=[12])(?:\d \d{3}|\d\d \d\d|\d{3} \d))(?=\s?/\s?[a-z])"
)
_YEAR_HINT = re.compile(r"/\s?[12]\d{0,2} \d")
_NUMBER_HINT = re.compile(r"\d \d{1,4}\s?/\s?(?:19|20)\d\d")
_NUMBER = re.compile(
    rf"(?:(?<![a-z])so\s*:?\s*|(?<![a-z])(?:{_TYPES})\s+)"
    r"(?P<a>\d{1,4}) (?P<b>\d{1,4})(?=\s?/\s?(?:19|20)\d\d\s?/\s?[a-z])"
)


def join_split_digits(folded: str) -> str:
    """The parse copy with split code digits joined (module docstring)."""
    # Cheap look-outs first: most texts have neither shape.
    if _YEAR_HINT.search(folded):
        folded = _YEAR.sub(_joined_year, folded)
    if _NUMBER_HINT.search(folded):
        folded = _NUMBER.sub(_joined_number, folded)
    return folded


def _joined_year(match: re.Match) -> str:
    year = match.group("year").replace(" ", "")
    if not year.startswith(("19", "20")):
        return match.group(0)
    return match.group("num") + year + " "


def _joined_number(match: re.Match) -> str:
    a, b = match.group("a"), match.group("b")
    if len(a) + len(b) > 5:
        return match.group(0)
    head = match.group(0)[: match.start("a") - match.start()]
    return f"{head}{a}{b} "
