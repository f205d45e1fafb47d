"""Follow-up of the emulation plan: exemplars registered per unit and year.

The sample plan asks every agency to "đăng ký và xây dựng ít nhất 01 điển hình
tập thể, 01 điển hình cá nhân" a year. ``exemplar_report`` counts the exemplar
pages (drafts included: a registered exemplar need not be published yet) per
issuing body and year, and lists every local unit (district and commune bodies
still existing that year) with zero counts when it has registered none, so the
staff see who is missing. ``report_csv`` writes the same rows for Excel.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass

from django.db.models import Count, Q

from documents.models import IssuingBody
from pages.models import ExemplarKind, ExemplarPage


def can_see_report(user) -> bool:
    """Who follows the emulation plan: staff and superusers, and the portal's
    "Lãnh đạo duyệt" and "Quản trị" roles (Wagtail never sets ``is_staff``
    for them, so the report was closed to every role)."""
    from pages.workflow import ADMINS, APPROVERS

    if not user.is_active:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return user.groups.filter(name__in=[APPROVERS, ADMINS]).exists()


LOCAL_LEVELS = [IssuingBody.Level.DISTRICT, IssuingBody.Level.COMMUNE]
NO_BODY = "(chưa gán cơ quan, đơn vị)"
#: Status of the exemplars no unit is recorded for: they count for no unit yet.
NO_BODY_STATUS = "Chưa đủ thông tin: cần gán cơ quan, đơn vị đăng ký"
CSV_HEADER = [
    "Năm",
    "Cơ quan, đơn vị",
    "Điển hình tập thể",
    "Điển hình cá nhân",
    "Tổng số",
    "Đã công bố",
    "Tình trạng",
]


@dataclass(frozen=True)
class ReportRow:
    """One unit in one year."""

    year: int | None
    body: str
    collective: int = 0
    individual: int = 0
    published: int = 0

    @property
    def total(self) -> int:
        return self.collective + self.individual

    @property
    def status(self) -> str:
        if self.body == NO_BODY:
            return NO_BODY_STATUS
        if not self.total:
            return "Chưa có điển hình"
        if not self.collective:
            return "Thiếu điển hình tập thể"
        if not self.individual:
            return "Thiếu điển hình cá nhân"
        return "Đạt"

    @property
    def is_missing(self) -> bool:
        return self.total == 0


def exemplar_counts(year: int | None = None):
    """Counts per (year, issuing body) in one grouped query."""
    pages = ExemplarPage.objects.order_by()  # no ordering: it would split groups
    counts = pages.values("year", "issuing_body_id").annotate(
        collective=Count("pk", filter=Q(kind=ExemplarKind.COLLECTIVE)),
        individual=Count("pk", filter=Q(kind=ExemplarKind.INDIVIDUAL)),
        published=Count("pk", filter=Q(live=True)),
    )
    return counts.filter(year=year) if year else counts


def expected_units(year: int | None) -> list[IssuingBody]:
    """Local units that should register exemplars in ``year``."""
    if year is None:
        return []
    units = IssuingBody.objects.filter(level__in=LOCAL_LEVELS)
    return list(
        units.filter(
            Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=dt.date(year, 1, 1))
        )
    )


def exemplar_report(*, year: int | None = None) -> list[ReportRow]:
    """Rows per year (newest first) and unit (by name), units without any included."""
    counts = list(exemplar_counts(year))
    names = dict(
        IssuingBody.objects.filter(
            pk__in={c["issuing_body_id"] for c in counts}
        ).values_list("pk", "name")
    )
    years = {c["year"] for c in counts} | ({year} if year else set())
    rows = []
    for y in sorted(years, key=lambda v: -(v or 0)):
        found = {
            names.get(c["issuing_body_id"], NO_BODY): c
            for c in counts
            if c["year"] == y
        }
        for unit in expected_units(y):
            found.setdefault(unit.name, {})
        rows += [
            ReportRow(
                year=y,
                body=name,
                collective=c.get("collective", 0),
                individual=c.get("individual", 0),
                published=c.get("published", 0),
            )
            for name, c in sorted(found.items())
        ]
    return rows


def report_years() -> list[int]:
    """Years that have exemplars, newest first (for the year filter)."""
    years = ExemplarPage.objects.exclude(year=None).values_list("year", flat=True)
    return sorted(set(years), reverse=True)


def report_csv(rows: list[ReportRow]) -> bytes:
    """UTF-8 with a BOM, so Excel opens the Vietnamese text correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow(
            [
                row.year or "",
                row.body,
                row.collective,
                row.individual,
                row.total,
                row.published,
                row.status,
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")
