"""Law titles and their numbers, for laws cited by name (domain.md §1.7, §2.3).

Laws are cited by title, often without number ("Căn cứ Luật Thi đua, khen thưởng
ngày 15 tháng 6 năm 2022"). Titles contain commas and "và", so the matcher first
tries these titles longest first; an unknown title is still cut by the generic
title rule in ``matchers``. Several laws share a title (2003 and 2022 Luật Thi
đua, khen thưởng): :func:`resolve` picks one by the number, year or date written
next to the title, else by the citing document's date.
"""

import datetime
import re
from dataclasses import dataclass

from search.text import fold

AMENDING_PREFIX = "Luật sửa đổi, bổ sung một số điều của"


@dataclass(frozen=True)
class LawEntry:
    """One law: canonical title, aliases and its số ký hiệu."""

    title: str
    number: int
    year: int
    symbol: str
    date: str | None = None
    in_force: str | None = None
    aliases: tuple[str, ...] = ()
    doc_type: str = "Luật"

    @property
    def code(self) -> str:
        """Canonical code, number zero-padded ("06/2022/QH15")."""
        return f"{self.number:02d}/{self.year}/{self.symbol}"


_TDKT = "Luật Thi đua, khen thưởng"
_CQDP = "Luật Tổ chức chính quyền địa phương"
_AMEND = AMENDING_PREFIX
LAWS: tuple[LawEntry, ...] = (
    LawEntry(_TDKT, 6, 2022, "QH15", "2022-06-15", "2024-01-01", ("Luật TĐKT",)),
    LawEntry(_TDKT, 15, 2003, "QH11", "2003-11-26", "2004-07-01", ("Luật TĐKT",)),
    LawEntry(f"{_AMEND} {_TDKT}", 47, 2005, "QH11", "2005-06-14"),
    LawEntry(f"{_AMEND} {_TDKT}", 39, 2013, "QH13", "2013-11-16"),
    LawEntry(
        "Luật Ban hành văn bản quy phạm pháp luật",
        80,
        2015,
        "QH13",
        "2015-06-22",
        aliases=("Luật Ban hành VBQPPL",),
    ),
    LawEntry(
        "Luật Ban hành văn bản quy phạm pháp luật",
        64,
        2025,
        "QH15",
        "2025-02-19",
        "2025-04-01",
        ("Luật Ban hành VBQPPL",),
    ),
    LawEntry(_CQDP, 77, 2015, "QH13", "2015-06-19", aliases=("Luật TCCQĐP",)),
    LawEntry(_CQDP, 72, 2025, "QH15", "2025-06-16", aliases=("Luật TCCQĐP",)),
    LawEntry(
        f"{_AMEND} Luật Tổ chức Chính phủ và {_CQDP}", 47, 2019, "QH14", "2019-11-22"
    ),
    LawEntry("Luật Tổ chức Chính phủ", 76, 2015, "QH13", "2015-06-19"),
    LawEntry("Luật Tổ chức Chính phủ", 63, 2025, "QH15", "2025-02-18"),
    LawEntry(
        "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân",
        11,
        2003,
        "QH11",
        "2003-11-26",
        aliases=("Luật Tổ chức HĐND và UBND",),
    ),
    LawEntry("Luật Lưu trữ", 1, 2011, "QH13", "2011-11-11"),
    LawEntry("Luật Lưu trữ", 33, 2024, "QH15", "2024-06-21"),
)

# Titles (no number known) that contain commas or "và"; they only guide cutting.
EXTRA_TITLES: tuple[str, ...] = (
    "Luật Cán bộ, công chức",
    "Luật Phòng, chống tham nhũng",
    "Luật Quản lý, sử dụng tài sản công",
    "Luật Phòng, chống thiên tai",
    "Luật Xử lý vi phạm hành chính",
)


def title_key(text: str) -> str:
    """Folded title without number, date or punctuation: the lookup key."""
    folded = fold(text)
    folded = re.split(r"\s(?:so\s*\d|ngay\s|nam\s+\d|\d)", folded)[0]
    folded = folded.replace("hdnd", "hoi dong nhan dan")
    folded = folded.replace("ubnd", "uy ban nhan dan")
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


_BY_TITLE: dict[str, list[LawEntry]] = {}
for _entry in LAWS:
    for _name in (_entry.title, *_entry.aliases):
        _BY_TITLE.setdefault(title_key(_name), []).append(_entry)

# Folded titles (without the leading "luat "), longest first, for the matcher.
TITLE_PATTERNS: tuple[str, ...] = tuple(
    sorted(
        {
            fold(name).split(" ", 1)[1]
            for entry in LAWS
            for name in (entry.title, *entry.aliases)
        }
        | {fold(t).split(" ", 1)[1] for t in EXTRA_TITLES},
        key=len,
        reverse=True,
    )
)


def candidates(title: str) -> list[LawEntry]:
    """Gazetteer entries whose title or alias equals ``title`` (folded)."""
    return list(_BY_TITLE.get(title_key(title), ()))


def resolve(
    title: str,
    *,
    year: int | None = None,
    context_date: datetime.date | None = None,
) -> tuple[LawEntry | None, bool]:
    """The law a title names, and whether the citing date decided it.

    A year written in the citation wins; otherwise the latest law in force (or
    issued) on ``context_date``; otherwise the latest law with that title.
    """
    entries = candidates(title)
    if year is not None:
        return next((e for e in entries if e.year == year), None), False
    if not entries:
        return None, False
    ordered = sorted(entries, key=lambda e: e.date or str(e.year), reverse=True)
    if context_date is None or len(ordered) == 1:
        return ordered[0], False
    day = context_date.isoformat()
    for entry in ordered:
        if (entry.in_force or entry.date or str(entry.year)) <= day:
            return entry, True
    return ordered[-1], True


def lookup_title(text: str) -> LawEntry | None:
    """Entry for a free-text law query ("Luật thi đua khen thưởng 2022")."""
    year_match = re.search(r"\b(19|20)\d\d\b", text)
    year = int(year_match.group(0)) if year_match else None
    key = title_key(re.sub(r"\b(19|20)\d\d\b", " ", text)).replace(",", "")
    for name, entries in _BY_TITLE.items():
        if name.replace(",", "") == key:
            return resolve(entries[0].title, year=year)[0]
    return None
