"""Dates as written in Vietnamese documents: the one date parser of the portal.

"ngày 05 tháng 3 năm 2020", "ngày 28/11/2025", the Party "ngày 01-10-1997",
"tháng 3 năm 2020" and a draft's "ngày … tháng … năm 2025" become ISO strings
that may be partial: "YYYY-MM-DD", "YYYY-MM" or "YYYY". The patterns run on the
folded same-length copy of the text (``documents.normalize``), so "ngày",
"NGÀY" and "ngàỵ" look alike and offsets are offsets in the source.

The citation extractor reads a date at a given position (``match_date``) or
before a citation (``leading_date``); the document parser looks for the first
full or partial date of a line (``find_date``) and reads attribute tables
(``dmy_to_iso``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from documents.normalize import fold_same_length

#: Years a document on the portal can have: its year of issue and every date
#: (issue, effective, expiry), the page's validators (migrations 0009, 0010),
#: the admin and public year filters, the documents API and ``manage.py
#: search`` read them. The parser below reads a wider window (``to_iso``):
#: a text may cite a document older than any the portal stores.
MIN_YEAR, MAX_YEAR = 1945, 2100

_Y = r"(?P<y>(?:19|20)\d\d)(?!\d)"
_BLANK = r"[\s.…_/]*"
NUMERIC = re.compile(
    r"ngay\s*(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*" + _Y
)
WORDS = re.compile(
    rf"ngay\s*(?P<d>\d{{1,2}})?{_BLANK}thang\s*(?P<m>\d{{1,2}})?{_BLANK}nam"
    rf"(?:\s*{_Y}|{_BLANK})"
)
MONTH_YEAR = re.compile(rf"(?:thang\s*(?P<m>\d{{1,2}})\s*)?nam\s*{_Y}")
ALL = (NUMERIC, WORDS, MONTH_YEAR)
# Sentence-initial "Ngày 31/7/2014, ..." before a citation.
LEADING = re.compile(
    r"(?:^|[.;:]\s*)ngay\s*(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*"
    r"(?P=sep)\s*(?P<y>(?:19|20)\d\d)\s*,[^.;]*$"
)
# A line's printed date: "ngày" with a year ("ngày … tháng … năm 2025" counts).
# A day or month may be printed with its digits split by one space ("tháng 0 6",
# "ngày 1 5": scrapes of letter-spaced PDFs); between "ngày" and "tháng" (or
# "tháng" and "năm") two digits can only be one number; so can a year split
# after its century ("năm 20 25").
_PRINTED = re.compile(
    r"ngay\s*[.…_]*\s*(?P<d>\d ?\d|\d)?\s*[.…_]*\s*thang\s*[.…_]*\s*(?P<m>\d ?\d|\d)?"
    r"\s*[.…_]*\s*nam\s*(?P<y>\d{4}|(?:19|20) \d\d(?!\d))"
    r"|ngay\s*(?P<d2>\d{1,2})\s*(?P<s>[/.-])\s*(?P<m2>\d{1,2})\s*(?P=s)\s*(?P<y2>\d{4})"
)
_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


@dataclass(frozen=True)
class DateHit:
    """A parsed date: ISO value (or None when blank), span and flags."""

    value: str | None
    start: int
    end: int
    flags: tuple[str, ...] = ()

    @property
    def partial(self) -> bool:
        return self.value is not None and len(self.value) < 10


def to_iso(year: str, month: str | None, day: str | None) -> str | None:
    """ISO date from parts; drops the parts that are blank or out of range.

    None when the year is outside 1900–2100 (wider than ``MIN_YEAR``–``MAX_YEAR``:
    a cited document may be older than any document the portal stores).
    """
    y = int(year)
    if not 1900 <= y <= 2100:
        return None
    if not month or not 1 <= int(month) <= 12:
        return f"{y:04d}"
    if not day or not 1 <= int(day) <= 31:
        return f"{y:04d}-{int(month):02d}"
    return f"{y:04d}-{int(month):02d}-{int(day):02d}"


def iso_date(day: str | None, month: str | None, year: str | None) -> DateHit:
    """ISO string for the parts that are present; missing parts make it partial."""
    value = to_iso(year, month, day) if year is not None else None
    if value is None:
        return DateHit(None, 0, 0, ("date_blank",))
    if len(value) == 4:
        return DateHit(value, 0, 0, ("date_partial",) if day or month else ())
    return DateHit(value, 0, 0, () if len(value) == 10 else ("date_partial",))


def match_date(folded: str, pos: int) -> DateHit | None:
    """A date starting exactly at ``pos`` in the folded text, or None."""
    for pattern in ALL:
        match = pattern.match(folded, pos)
        if match:
            groups = match.groupdict()
            hit = iso_date(groups.get("d"), groups.get("m"), groups.get("y"))
            flags = hit.flags
            if pattern is WORDS and hit.value and not (groups["d"] and groups["m"]):
                flags = tuple(dict.fromkeys((*flags, "date_partial")))
            return DateHit(hit.value, match.start(), match.end(), flags)
    return None


def leading_date(folded: str, start: int, end: int) -> DateHit | None:
    """A sentence-initial "Ngày d/m/yyyy," between ``start`` and ``end``."""
    match = LEADING.search(folded, start, end)
    if match is None:
        return None
    hit = iso_date(match.group("d"), match.group("m"), match.group("y"))
    return DateHit(hit.value, match.start("d"), match.end("y"), ("date_before",))


def find_date(text: str) -> DateHit | None:
    """The first printed date of ``text`` ("ngày" … with a year), or None.

    ``start``/``end`` are offsets in ``text``; ``partial`` is true for a draft's
    "ngày … tháng … năm 2025" and any date missing its day or month.
    """
    match = _PRINTED.search(fold_same_length(text))
    if match is None:
        return None
    return _printed_hit(match)


def match_printed(folded: str, pos: int) -> DateHit | None:
    """A printed date ("ngày" … with a year, a day or month or year split by
    a space as ``find_date`` reads it) starting exactly at ``pos`` of the
    folded text, or None."""
    match = _PRINTED.match(folded, pos)
    return _printed_hit(match) if match else None


def _printed_hit(match: re.Match) -> DateHit | None:
    if match.group("y"):
        parts = match.group("y", "m", "d")
    else:
        parts = match.group("y2", "m2", "d2")
    value = to_iso(*(part and part.replace(" ", "") for part in parts))
    if value is None:
        return None
    return DateHit(value, match.start(), match.end())


def dmy_to_iso(text: str) -> str | None:
    """ "28/11/2025" → "2025-11-28" (publisher attribute tables)."""
    match = _DMY.match(text or "")
    if not match:
        return None
    day, month, year = match.groups()
    return to_iso(year, month, day)
