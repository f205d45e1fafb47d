"""Effects of new documents on the validity of older ones.

When a document is published (``pages.publishing``), :func:`effects_detect`
reads the citation rows the graph has just stored for it and, for each
reference introduced by "thay thế", "bãi bỏ" or "sửa đổi, bổ sung" that
resolved to a document on the portal, files a :class:`PendingEffect`. Nothing else happens until a person confirms it in the
admin ("Hiệu lực chờ xác nhận"); :func:`effect_confirm` then writes a
:class:`ValidityEvent` with the new document as evidence, publishes a new
version of the target with its status and expiry date updated, and logs
``documents.effect_confirmed`` in Wagtail's audit log.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log

from documents.choices import EffectKind, Relation
from pages.models.citations import DocumentCitation
from pages.models.documents import MAX_DATE, MAX_YEAR, MIN_YEAR, year_day
from pages.models.history import PendingEffect, RevisionNote, ValidityEvent
from pages.models.timeline import ENDING_KINDS

logger = logging.getLogger(__name__)

EFFECT_BY_RELATION = {
    Relation.REPLACES: EffectKind.REPLACED,
    Relation.REPEALS: EffectKind.REPEALED,
    Relation.AMENDS: EffectKind.AMENDED,
}


# Detecting effects --------------------------------------------------------


def effect_rows(page):
    """Stored citations of ``page`` that change the validity of a document on
    the portal: "thay thế", "bãi bỏ", "sửa đổi, bổ sung", resolved to a page."""
    return (
        DocumentCitation.objects.filter(
            source_id=page.pk,
            relation__in=list(EFFECT_BY_RELATION),
            target__isnull=False,
        )
        .exclude(target_id=page.pk)
        .order_by("origin", "position")
    )


def effects_detect(*, source) -> list[PendingEffect]:
    """File a pending effect for each validity-changing citation of ``source``.

    Reads the citation rows the graph stored and resolved for ``source``
    (``pages.graph``); nothing is extracted again.
    """
    created = []
    day = source.effective_date or source.issued_date
    for row in effect_rows(source):
        effect, new = PendingEffect.objects.get_or_create(
            source_id=source.pk,
            target_id=row.target_id,
            kind=EFFECT_BY_RELATION[row.relation],
            defaults={
                "partial": bool(row.pinpoint),
                "citation_text": row.raw[:1000],
                "date": day,
            },
        )
        created += [effect] if new else []
    return created


def effects_detect_safely(*, source) -> list[PendingEffect]:
    """:func:`effects_detect` that never breaks a publication (errors are logged)."""
    try:
        with transaction.atomic():
            return effects_detect(source=source)
    except Exception:
        logger.exception("Effect detection failed for page %s", source.pk)
        return []


# Status on a day -----------------------------------------------------------
#
# The dates win over the stored status when they decide it: a document whose
# expiry date has come is "Hết hiệu lực", one whose validity has not begun is
# "Chưa có hiệu lực", and one between the two is "Còn hiệu lực" even if it
# was saved as "Chưa có hiệu lực" or "Hết hiệu lực" with a later expiry date:
# time passes, and nobody re-saves a document on the day it begins or ends.
# Validity begins on the effective date, else on the date of issue (it cannot
# be in force before it was signed). A document known only by its year of
# issue was signed on some day of that year: its validity began on 1 January
# of that year at the earliest (before, it is "Chưa có hiệu lực") and is known
# to have begun only on 31 December (:func:`known_start`). An unsigned draft
# (no number, no date) saved as "Còn hiệu lực" is "Chưa có hiệu lực".
# Otherwise ("Hết hiệu lực một phần", "Không xác định", a "Hết hiệu lực" with
# no date, no dates at all) the stored status stands. The badge, the banner,
# the list filter and the API all read the status through these functions.
#
# In force on a day (``in_force_on`` of /van-ban/, /tim-kiem/ and both APIs):
# its start is known to lie on or before that day (:func:`known_start`) and
# its status that day is neither "Hết hiệu lực" nor "Chưa có hiệu lực". So a
# document without any date or year is never listed as in force on a day, nor
# one known only by its year before that year has ended: the portal cannot
# say it was in force then. ``LegalDocumentQuerySet.in_force_on``
# (:func:`known_start_q` and :func:`status_q`) and
# ``LegalDocumentPage.is_in_force_on`` (:func:`is_in_force_on`) are this rule;
# the search index's filter is SQL of its own (search/ is a lower layer) over
# :func:`indexed_start`, and tests/search/test_in_force_sql.py holds it to
# :func:`is_in_force_on`.


def earliest_start(page) -> dt.date | None:
    """The first day ``page`` can have been in force: its effective date, else
    its date of issue, else 1 January of its year of issue (None without)."""
    return page.effective_date or page.issued_date or year_day(page.issued_year, 1, 1)


def known_start(page) -> dt.date | None:
    """The first day ``page`` is known to have begun: as :func:`earliest_start`,
    but 31 December of a year known without its day (signed by then)."""
    return page.effective_date or page.issued_date or year_day(page.issued_year, 12, 31)


def status_on(page, day: dt.date | None = None) -> str:
    """The validity status of ``page`` on ``day`` (today by default)."""
    from documents.choices import ValidityStatus as S

    day = day or timezone.localdate()
    start = earliest_start(page)
    if page.expiry_date and page.expiry_date <= day:
        return S.EXPIRED
    if start and start > day:
        return S.NOT_YET
    if page.status == S.IN_FORCE and is_unsigned_draft(page):
        return S.NOT_YET
    if page.status == S.NOT_YET and page.effective_date:
        return S.IN_FORCE
    if page.status == S.EXPIRED and page.expiry_date:
        return S.IN_FORCE
    return page.status


def is_in_force_on(page, day: dt.date) -> bool:
    """Whether ``page`` is listed as in force on ``day`` (the rule above)."""
    from documents.choices import ValidityStatus as S

    start = known_start(page)
    begun = bool(start and start <= day)
    return begun and status_on(page, day) not in (S.EXPIRED, S.NOT_YET)


def _year_q(day: dt.date) -> tuple[Q, Q, Q]:
    """Rows known only by their year (within MIN_YEAR–MAX_YEAR, as
    ``year_day`` reads it): all of them, those whose year begins after ``day``,
    and those whose year has ended by ``day`` (31 December included)."""
    only_year = Q(
        effective_date__isnull=True,
        issued_date__isnull=True,
        issued_year__gte=MIN_YEAR,
        issued_year__lte=MAX_YEAR,
    )
    last_ended = day.year if (day.month, day.day) == (12, 31) else day.year - 1
    return (
        only_year,
        only_year & Q(issued_year__gt=day.year),
        only_year & Q(issued_year__lte=last_ended),
    )


def status_q(status: str, day: dt.date | None = None) -> Q:
    """Rows whose :func:`status_on` ``day`` is ``status`` (the same rule in SQL)."""
    from documents.choices import ValidityStatus as S

    day = day or timezone.localdate()
    ended = Q(expiry_date__lte=day)
    running = Q(expiry_date__isnull=True) | Q(expiry_date__gt=day)
    undated = Q(effective_date__isnull=True)
    only_year, year_ahead, _ = _year_q(day)
    future = Q(effective_date__gt=day) | (undated & Q(issued_date__gt=day)) | year_ahead
    no_start = undated & Q(issued_date__isnull=True) & ~only_year
    begun = (
        Q(effective_date__lte=day)
        | (undated & Q(issued_date__lte=day))
        | (only_year & ~year_ahead)
        | no_start
    )
    draft = Q(number__isnull=True, issued_date__isnull=True) & undated
    if status == S.EXPIRED:
        return ended | (Q(status=S.EXPIRED, expiry_date__isnull=True) & begun)
    if status == S.NOT_YET:
        stored = Q(status=S.NOT_YET, effective_date__isnull=True)
        return running & (future | stored | (Q(status=S.IN_FORCE) & draft))
    if status == S.IN_FORCE:
        signed = Q(status=S.IN_FORCE) & ~draft
        began = Q(status=S.NOT_YET, effective_date__isnull=False)
        ends_later = Q(status=S.EXPIRED, expiry_date__isnull=False)
        return running & begun & (signed | began | ends_later)
    return running & begun & Q(status=status)


def known_start_q(day: dt.date) -> Q:
    """Rows whose :func:`known_start` is ``day`` or before (the same in SQL)."""
    _, _, year_ended = _year_q(day)
    return (
        Q(effective_date__lte=day)
        | Q(effective_date__isnull=True, issued_date__lte=day)
        | year_ended
    )


def indexed_start(page) -> dt.date | None:
    """The day from which the search index lists ``page`` as in force (its
    ``in_force_on`` filter, until the expiry date): :func:`known_start`, or
    None when the stored status alone keeps it out of force on every day
    ("Chưa có hiệu lực" without an effective date, "Hết hiệu lực" without an
    expiry date, an unsigned draft saved as "Còn hiệu lực"). The filter then
    needs neither the status of the day the entry was indexed nor any other
    column."""
    from documents.choices import ValidityStatus as S

    never = (
        (page.status == S.NOT_YET and not page.effective_date)
        or (page.status == S.EXPIRED and not page.expiry_date)
        or (page.status == S.IN_FORCE and is_unsigned_draft(page))
    )
    return None if never else known_start(page)


def is_unsigned_draft(page) -> bool:
    """No number and no date: a draft published before it is signed."""
    return page.number is None and not page.issued_date and not page.effective_date


def date_errors(page) -> dict[str, str]:
    """Field errors of a document's dates when it is saved (Vietnamese).

    A document is signed on its date of issue, so that date cannot be after
    today (an unsigned draft keeps only its year). "Hết hiệu lực" needs the
    date it ended: without it the page could not say since when, and no
    listing by date could place it.
    """
    from documents.choices import ValidityStatus

    today = timezone.localdate()
    errors = {}
    if page.issued_date and today < page.issued_date <= MAX_DATE:
        errors["issued_date"] = (
            f"Ngày ban hành {page.issued_date:%d/%m/%Y} là ngày trong tương lai: "
            "văn bản được ký vào ngày ban hành nên không thể ghi ngày sau hôm nay. "
            "Văn bản chưa ký: để trống ngày, chỉ điền Năm ban hành."
        )
    if page.status == ValidityStatus.EXPIRED and not page.expiry_date:
        errors["expiry_date"] = (
            "Văn bản hết hiệu lực cần có ngày hết hiệu lực (ngày/tháng/năm)."
        )
    return errors


# Applying effects ---------------------------------------------------------


def _target_fields(effect: PendingEffect, day: dt.date) -> dict:
    """Metadata changes a confirmed effect makes on its target."""
    from documents.choices import ValidityStatus

    if effect.kind not in ENDING_KINDS:
        return {}
    started = day <= timezone.localdate()
    if effect.partial:
        return {"status": ValidityStatus.PARTLY_EXPIRED} if started else {}
    fields = {"expiry_date": day}
    if started:
        fields["status"] = ValidityStatus.EXPIRED
    return fields


def effect_note(effect: PendingEffect) -> str:
    label = effect.get_kind_display().lower()
    code = effect.source.code or effect.source.title
    scope = " một phần" if effect.partial else ""
    return f"Cập nhật hiệu lực: {label}{scope} {effect.source.document_type} {code}."


def republish_with(page, fields: dict, *, note: str, user=None) -> None:
    """Publish a new version of ``page`` (from its live content) with ``fields``.

    A draft in progress keeps its edits: it is saved again on top, with the
    same fields, so the editor continues from it.
    """
    live = type(page).objects.get(pk=page.pk).specific
    draft = live.get_latest_revision() if live.has_unpublished_changes else None
    for name, value in fields.items():
        setattr(live, name, value)
    revision = live.save_revision(user=user, clean=False)
    RevisionNote.objects.attach(revision, note)
    if live.live:
        revision.publish(user=user)
    if draft is not None and live.live:
        obj = draft.as_object()
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save_revision(user=user, clean=False)


def effect_date_error(effect: PendingEffect, day: dt.date) -> str | None:
    """Why ``day`` cannot be the date of ``effect`` (Vietnamese), or None.

    The date lies in the years documents can have, and not before the affected
    document began: its effective date, else its date of issue (an expiry
    before the effective date is refused by the page itself).
    """
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        return f"Ngày có tác động phải trong khoảng năm {MIN_YEAR}–{MAX_YEAR}."
    target = effect.target
    start = target.effective_date or target.issued_date
    if start and day < start:
        what = "có hiệu lực" if target.effective_date else "ban hành"
        return (
            f"Ngày có tác động ({day:%d/%m/%Y}) không thể trước ngày {what} "
            f"của văn bản bị tác động ({start:%d/%m/%Y})."
        )
    return None


@transaction.atomic
def effect_confirm(
    *, effect: PendingEffect, user=None, date: dt.date | None = None
) -> ValidityEvent:
    """Apply a pending effect: timeline event, new target version, audit log.

    Raises ``ValidationError`` (nothing changed) when the date is not possible.
    """
    if effect.status != PendingEffect.Status.PENDING:
        raise ValueError("Tác động này đã được xử lý.")
    day = date or effect.date or timezone.localdate()
    error = effect_date_error(effect, day)
    if error:
        raise ValidationError(error)
    note = effect_note(effect)
    event = ValidityEvent.objects.create(
        page=effect.target,
        date=day,
        kind=effect.kind,
        source=effect.source,
        note=note,
        confirmed_by=user,
        confirmed_at=timezone.now(),
    )
    fields = _target_fields(effect, day)
    if fields:
        republish_with(effect.target.specific, fields, note=note, user=user)
    _decide(effect, PendingEffect.Status.CONFIRMED, user)
    _log(effect, "documents.effect_confirmed", user, date=day)
    return event


@transaction.atomic
def effect_reject(*, effect: PendingEffect, user=None) -> None:
    """Dismiss a pending effect; nothing changes on the target."""
    if effect.status != PendingEffect.Status.PENDING:
        raise ValueError("Tác động này đã được xử lý.")
    _decide(effect, PendingEffect.Status.REJECTED, user)
    _log(effect, "documents.effect_rejected", user)


def _decide(effect: PendingEffect, status: str, user) -> None:
    effect.status = status
    effect.decided_by = user if user and user.is_authenticated else None
    effect.decided_at = timezone.now()
    effect.save(update_fields=["status", "decided_by", "decided_at"])


def _log(effect: PendingEffect, action: str, user, date=None) -> None:
    data = {
        "kind": effect.kind,
        "kind_label": effect.get_kind_display(),
        "source_id": effect.source_id,
        "source_title": str(effect.source),
        "partial": effect.partial,
        "date": date.isoformat() if date else None,
    }
    log(instance=effect.target.specific, action=action, user=user, data=data)
