"""Documents stored without their required metadata ("Cần bổ sung").

An import never turns a real document away: when the text does not yield the
số ký hiệu, the issuing body, the date or the type, the page is stored as a
draft without it. Nghị định 30/2020/NĐ-CP (Điều 8) makes these components of
every official document, so such a page cannot go live until an editor fills
them in: the page form refuses to publish or submit it, ``LegalDocumentPage``
refuses to publish a revision that lacks them (bulk publishing, scripts), and
the admin lists the pages that still need them.

The parser's sentences (``documents.parsing.flags``) name each gap; the import
keeps the sentences of its other checks in its log entry for the status panel.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Q

from documents.parsing.flags import MISSING_LABELS, MISSING_MESSAGES

#: Required fields, in the order of the page editor.
REQUIRED = ("document_type", "symbol", "issuing_body", "issued_date")


class IncompleteDocument(ValidationError):
    """Publishing a document that lacks required metadata (Vietnamese message)."""


def missing_fields(page) -> list[str]:
    """Keys of ``REQUIRED`` the page (or revision object) has no value for."""
    missing = []
    if not page.document_type_id:
        missing.append("document_type")
    if not (page.symbol or "").strip():
        missing.append("symbol")
    if not page.issuing_body_id:
        missing.append("issuing_body")
    if not page.issued_date and not page.issued_year:
        missing.append("issued_date")
    return missing


def missing_from_values(values: dict) -> list[str]:
    """The same test on form data (``cleaned_data``)."""
    missing = []
    if not values.get("document_type"):
        missing.append("document_type")
    if not (values.get("symbol") or "").strip():
        missing.append("symbol")
    if not values.get("issuing_body"):
        missing.append("issuing_body")
    if not values.get("issued_date") and not values.get("issued_year"):
        missing.append("issued_date")
    return missing


def labels(missing: list[str]) -> str:
    """ "số ký hiệu, cơ quan ban hành" for listings and messages."""
    return ", ".join(MISSING_LABELS[name] for name in missing)


def messages_for(missing: list[str]) -> list[str]:
    return [MISSING_MESSAGES[name] for name in missing]


def blocked_message(missing: list[str]) -> str:
    """Why a document cannot be published or sent for approval."""
    return (
        f"Chưa thể xuất bản hoặc gửi duyệt: văn bản còn thiếu {labels(missing)}. "
        "Hãy bổ sung rồi thử lại (có thể lưu nháp trong lúc chờ)."
    )


def check_publishable(page) -> None:
    """Raise ``IncompleteDocument`` when ``page`` lacks required metadata."""
    missing = missing_fields(page)
    if missing:
        raise IncompleteDocument(blocked_message(missing))


def clean_form(form) -> None:
    """Form check of the page editor: only "Lưu nháp" may keep the gaps.

    Wagtail defers required fields when saving a draft
    (``is_deferred_validation``); publishing, submitting for approval and
    approving validate everything, and then every gap is named.
    """
    if getattr(form, "is_deferred_validation", False):
        return
    values = form.cleaned_data
    # A value typed but refused (too long, wrong shape) has its own error.
    missing = [n for n in missing_from_values(values) if not _refused(form, n)]
    if not missing:
        return
    for name in missing:  # the keys are the page's (and form's) field names
        if name in form.fields and not form.has_error(name):
            form.add_error(name, MISSING_MESSAGES[name])
    form.add_error(None, blocked_message(missing))


def _refused(form, name: str) -> bool:
    """The field was filled in but its value did not pass the form's checks."""
    raw = form.data.get(form.add_prefix(name), "") if name in form.fields else ""
    return form.has_error(name) and bool(str(raw).strip())


def duplicate_message(existing) -> str:
    """Refusal of a document that would duplicate ``existing`` (same identity),
    with where to find it: its public page, or its editor for a draft."""
    from django.urls import reverse

    if existing.live:
        kind, where = "văn bản", f"trang /{existing.url_path.split('/', 2)[-1]}"
    else:  # a draft has no public page yet
        edit = reverse("wagtailadmin_pages:edit", args=[existing.pk])
        kind, where = "bản nháp văn bản", f"bản nháp chưa xuất bản, sửa tại {edit}"
    return (
        f"Đã có {kind} số {existing.code} của {existing.issuing_body}: "
        f"“{existing.title}” ({where}). Hãy cập nhật văn bản đó thay vì tạo trùng."
    )


def incomplete_q() -> Q:
    """Pages whose stored row lacks a required field."""
    return (
        Q(document_type__isnull=True)
        | Q(symbol="")
        | Q(issuing_body__isnull=True)
        | Q(issued_date__isnull=True, issued_year__isnull=True)
    )


FILTERS = {
    "document_type": Q(document_type__isnull=True),
    "symbol": Q(symbol=""),
    "issuing_body": Q(issuing_body__isnull=True),
    "issued_date": Q(issued_date__isnull=True, issued_year__isnull=True),
}


def incomplete_pages(missing: str | None = None):
    """Document pages not live that lack required metadata, newest first."""
    from pages.models import LegalDocumentPage

    q = FILTERS.get(missing) or incomplete_q()
    return (
        LegalDocumentPage.objects.filter(q)
        .select_related("document_type", "issuing_body")
        .order_by("-latest_revision_created_at", "-pk")
    )


def import_checks(page) -> list[str]:
    """Sentences the import left for this page (latest import log entry)."""
    from wagtail.models import PageLogEntry

    from pages.importing import IMPORT_ACTION

    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action=IMPORT_ACTION)
        .order_by("-timestamp", "-pk")
        .first()
    )
    checks = (entry.data or {}).get("checks") if entry else None
    return [str(c) for c in checks] if isinstance(checks, list) else []
