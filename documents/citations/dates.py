"""Dates written next to a citation: the four forms of domain.md §2.3.

All patterns run on the folded parse copy (see ``normalize``), so "ngày",
"ngàỵ" and "NGÀY" look alike. A date is returned as "YYYY-MM-DD", "YYYY-MM" or
"YYYY" (partial and draft dates such as "ngày tháng năm 2025").
"""

import re
from dataclasses import dataclass

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
# Sentence-initial "Ngày 31/7/2014, ..." before a citation (E41).
LEADING = re.compile(
    r"(?:^|[.;:]\s*)ngay\s*(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*"
    r"(?P=sep)\s*(?P<y>(?:19|20)\d\d)\s*,[^.;]*$"
)


@dataclass(frozen=True)
class DateHit:
    """A parsed date: ISO value (or None when blank), span and flags."""

    value: str | None
    start: int
    end: int
    flags: tuple[str, ...] = ()


def iso_date(day: str | None, month: str | None, year: str | None) -> DateHit | None:
    """ISO string for the parts that are present; None parts make it partial."""
    if year is None:
        return DateHit(None, 0, 0, ("date_blank",))
    if month is None or not 1 <= int(month) <= 12:
        return DateHit(year, 0, 0, ("date_partial",) if day or month else ())
    if day is None or not 1 <= int(day) <= 31:
        return DateHit(f"{year}-{int(month):02d}", 0, 0, ("date_partial",))
    return DateHit(f"{year}-{int(month):02d}-{int(day):02d}", 0, 0)


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
