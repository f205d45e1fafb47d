"""The effect clause of a document: when the issuing text says it takes effect.

"Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025", "Quyết định
này có hiệu lực kể từ ngày ký (ban hành)", "... có hiệu lực thi hành kể từ ngày
15/3/2025", "... có hiệu lực sau 10 ngày kể từ ngày ký" (Luật Ban hành văn bản
quy phạm pháp luật: the final article, "Hiệu lực thi hành"). A Kế hoạch or
Công văn usually has none.

The rule (which sentence is the document's own clause):

- it is read in the body of the document only (between the căn cứ and the
  signature, ``document._read_tail``): an attached Quy chế/Quy định and the
  appendix after the signature are not the issuing text;
- its subject is the document's own kind, at the start of a sentence or an
  article ("Điều 3. Quyết định này …", "1. Nghị định này …"): "Quy chế này",
  "Hợp đồng này" (a regulation or a contract template speaking of itself) and
  "Nghị định số 98/2023/NĐ-CP có hiệu lực …" (another text) do not count, nor
  a sentence inside quotation marks (an amended text quoted). "<kind> này" may
  be followed by other words in the same sentence ("Hướng dẫn này thay thế …
  và có hiệu lực kể từ …"); a bare "<kind>" must be followed by "có hiệu lực";
- the date follows "có hiệu lực [thi hành] [kể] từ": a date written, or the
  day of signing ("ngày ký", "ngày ký ban hành", "ngày ban hành", "ngày được
  thông qua" of a resolution, whose date of issue is its date of adoption),
  or "sau N ngày" / "sau N tháng" counted from it; a clause wrapped before
  "có hiệu lực" is read with the line before, one wrapped before or inside its
  date with the next line, and a date's digits split by a
  space ("ngày 0 1 tháng 7 năm 20 25", letter-spaced scrapes) are joined. "Kể từ ngày Thông tư số …
  có hiệu lực" (tied to another text), "ngày đăng Công báo" and a clause
  without a date ("có hiệu lực thi hành.") give none;
- of several such clauses the last one counts (the final article follows the
  transitional provisions).

Without a known kind the main kinds of the portal count, with "này" only.
Pure: no database.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from documents.dates import (
    MAX_YEAR,
    MIN_YEAR,
    dmy_to_iso,
    match_date,
    match_printed,
)
from documents.kinds import KINDS
from documents.normalize import fold_same_length
from documents.text import fold

#: Kinds a document without a parsed type may name itself by ("… này").
MAIN_KINDS = (
    "bo luat",
    "luat",
    "phap lenh",
    "nghi quyet",
    "nghi dinh",
    "quyet dinh",
    "thong tu lien tich",
    "thong tu",
    "chi thi",
    "huong dan",
)
#: A sentence or article start: "Điều 3. [Hiệu lực và trách nhiệm thi hành] ",
#: "1. ", "a) ", "- " (a heading run into its first sentence by the scrape).
_START = (
    r"(?:^|(?<=[.!?])\s+)(?:dieu\s*\d+[a-z]?\s*[.:]\s*"
    r"(?:(?:hieu luc|dieu khoan|to chuc|trach nhiem)[a-z ,]{0,50}?"
    r"(?:thi hanh|thuc hien)\s+)?|\d+\s*[.)]\s*|[a-z]\)\s*|[-+•]\s*)?"
)
_RULE = re.compile(
    r"co hieu luc(?: thi hanh)?,?\s+(?:(?P<after>sau\s+(?P<n>\d{1,3})\s+(?P<unit>ngay|thang)"
    r"(?:\s*\(\s*(?P<days>\d{1,3})\s+ngay\s*\))?\s+)?(?:ke\s+)?(?:tu\s+)?)"
    r"(?P<day>ngay)"
)
#: A line that stops inside the clause, before or within its date: it is
#: read joined to the next line.
_WRAPPED = re.compile(
    r"co hieu luc(?: thi hanh)?,?(?:\s+sau\s+\d{1,3}\s+(?:ngay|thang))?"
    r"(?:\s+ke)?(?:\s+tu)?(?:\s+ngay[\d\s/.-]*(?:thang[\d\s]*)?)?\s*$"
)
_SIGNED = re.compile(r"ngay\s+(?:duoc\s+)?(?:ky|ban hanh|thong qua)\b")


@dataclass(frozen=True)
class EffectClause:
    """One effect clause: its subject kind (folded), the written date or the
    number of days/months after signing, and the sentence as written."""

    kind: str
    date: str | None = None
    days: int = 0
    months: int = 0
    text: str = ""


def find_effect_clauses(lines: list[str]) -> list[EffectClause]:
    """Every effect clause whose subject is a kind ("<kind> [này] … có hiệu
    lực … từ ngày …") in ``lines`` (the body of a document), in text order."""
    found: list[EffectClause] = []
    for i, line in enumerate(lines):
        folded = fold_same_length(line)
        if "co hieu luc" not in folded:
            continue
        before = fold_same_length(lines[i - 1]) if i > 0 else "co hieu luc"
        if folded.lstrip().startswith("co hieu luc") and "co hieu luc" not in before:
            # "Điều 3. Quyết định này" / "có hiệu lực từ ngày …".
            line = f"{lines[i - 1]} {line}"
            folded = fold_same_length(line)
        if i + 1 < len(lines) and _WRAPPED.search(folded):
            # "… có hiệu lực thi hành kể từ" / "ngày 01 tháng 7 năm 2025".
            line = f"{line} {lines[i + 1]}"
            folded = fold_same_length(line)
        for match in _SUBJECT.finditer(folded):
            clause = _clause(line, folded, match)
            if clause is not None:
                found.append(clause)
    return found


def own_clause(
    clauses: list[EffectClause], doc_type: str | None
) -> EffectClause | None:
    """The last clause whose subject is the document's kind (module rule)."""
    kind = fold(doc_type or "").strip()

    def own(clause: EffectClause) -> bool:
        base = clause.kind.removesuffix(" nay")
        if kind:
            return base == kind
        return clause.kind.endswith(" nay") and base in MAIN_KINDS

    mine = [c for c in clauses if own(c)]
    return mine[-1] if mine else None


def effective_date(clause: EffectClause | None, issued_date: str | None) -> str | None:
    """ISO date the clause gives: its written date, else the full date of issue
    plus its days or months; None when a needed date of issue is missing."""
    if clause is None:
        return None
    if clause.date:
        # A year before the date of issue: another text's date was read.
        earlier = _storable(issued_date) and clause.date[:4] < issued_date[:4]
        return clause.date if _storable(clause.date) and not earlier else None
    if not _storable(issued_date):
        return None
    issued = dt.date.fromisoformat(issued_date)
    return (
        _add_months(issued, clause.months) + dt.timedelta(days=clause.days)
    ).isoformat()


def given_date(value: str | None) -> str | None:
    """A record's own effective date ("15/03/2025" or ISO), if a full date;
    a publisher's "Đã biết" or "Đang cập nhật" is none."""
    value = (value or "").strip()
    iso = dmy_to_iso(value) or value
    return iso if _storable(iso) else None


def _storable(iso: str | None) -> bool:
    """A full ISO date in the years a page can store (``dates.MIN_YEAR``…)."""
    try:
        day = dt.date.fromisoformat(iso or "")
    except ValueError:
        return False
    return len(iso) == 10 and MIN_YEAR <= day.year <= MAX_YEAR


def resolve_effective_date(doc) -> str | None:
    """The effective date of a ``ParsedDocument`` from its clauses, type and
    date of issue (``fill_from_record`` calls it again once these are filled)."""
    return effective_date(own_clause(doc.effect_clauses, doc.doc_type), doc.issued_date)


def _kind_alternatives() -> str:
    kinds = {fold(kind.name) for kind in KINDS} | set(MAIN_KINDS)
    return "|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True))


_SUBJECT = re.compile(
    _START + rf"(?P<kind>(?:{_kind_alternatives()}))"
    r"(?:(?P<this>\s+nay\b)[^.;:!?\"]{0,250}?|\s+)(?=co hieu luc)",
    re.MULTILINE,
)


def _clause(line: str, folded: str, subject: re.Match) -> EffectClause | None:
    rule = _RULE.match(folded, subject.end())
    if rule is None:
        return None
    kind = subject.group("kind") + (" nay" if subject.group("this") else "")
    text = line[subject.start("kind") : _sentence_end(folded, rule.end())]
    at = rule.start("day")
    if rule.group("after"):
        if not _SIGNED.match(folded, at):
            return None
        n, unit, days = int(rule.group("n")), rule.group("unit"), rule.group("days")
        if unit == "ngay":
            return EffectClause(kind, days=n, text=text)
        if days:
            return EffectClause(kind, days=int(days), text=text)
        return EffectClause(kind, months=n, text=text)
    if _SIGNED.match(folded, at):
        return EffectClause(kind, text=text)
    hit = match_date(folded, at)
    if hit is None or hit.value is None or len(hit.value) != 10:
        # Digits split by a space ("ngày 0 1 tháng 7 năm 20 25").
        hit = match_printed(folded, at)
    if hit is None or hit.value is None or len(hit.value) != 10:
        return None
    return EffectClause(kind, date=hit.value, text=text)


_SENTENCE_END = re.compile(r"[.;](?:\s|$)")


def _sentence_end(folded: str, pos: int) -> int:
    match = _SENTENCE_END.search(folded, pos)
    return match.start() if match else len(folded)


def _add_months(day: dt.date, months: int) -> dt.date:
    if not months:
        return day
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )
