"""Dates as printed in Vietnamese documents, to ISO strings that may be partial.

"ngày 05 tháng 3 năm 2020" → "2020-03-05"; a draft's "ngày tháng năm 2025" →
"2025"; "ngày 28/11/2025" and Party "ngày 01-10-1997" → full dates.
"""

from __future__ import annotations

import re

_WORDS = re.compile(
    r"ng[àa]y\s*[.…_]*\s*(?P<d>\d{1,2})?\s*[.…_]*\s*th[áa]ng\s*[.…_]*\s*(?P<m>\d{1,2})?"
    r"\s*[.…_]*\s*n[ăa]m\s*(?P<y>\d{4})",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"ng[àa]y\s*(?P<d>\d{1,2})\s*(?P<s>[/.-])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<y>\d{4})",
    re.IGNORECASE,
)
_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def find_date(text: str) -> tuple[re.Match, str, bool] | None:
    """First printed date in ``text``: (match, ISO string, is_partial)."""
    matches = [m for m in (_WORDS.search(text), _NUMERIC.search(text)) if m]
    if not matches:
        return None
    match = min(matches, key=lambda m: m.start())
    iso = to_iso(match.group("y"), match.group("m"), match.group("d"))
    if iso is None:
        return None
    return match, iso, len(iso) < 10


def to_iso(year: str, month: str | None, day: str | None) -> str | None:
    """ISO date from parts; drops parts that are blank or out of range."""
    y = int(year)
    if not 1900 <= y <= 2100:
        return None
    if not month or not 1 <= int(month) <= 12:
        return f"{y:04d}"
    if not day or not 1 <= int(day) <= 31:
        return f"{y:04d}-{int(month):02d}"
    return f"{y:04d}-{int(month):02d}-{int(day):02d}"


def dmy_to_iso(text: str) -> str | None:
    """ "28/11/2025" → "2025-11-28" (publisher attribute tables)."""
    match = _DMY.match(text or "")
    if not match:
        return None
    day, month, year = match.groups()
    return to_iso(year, month, day)
