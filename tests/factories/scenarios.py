"""Shared set-ups of the page tests: admin form data of a document page, and the
replaced decree (Nghị định 98/2023/NĐ-CP replaced by 152/2025/NĐ-CP from
01/7/2025) that the validity, legal-basis and review tests build on, and the
clock move of the scheduled-publishing tests."""

from __future__ import annotations

import datetime as dt

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from documents.models import IssuingBody

from .documents import document_type
from .pages import DocumentPageFactory

REPLACING_TEXT = (
    "Nghị định này thay thế Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 "
    "của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen "
    "thưởng."
)
EXPIRED_BASIS = (
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;"
)


def decree(index, number: int, year: int, **fields):
    """A published Nghị định of the Chính phủ under ``index``."""
    defaults = {
        "title": f"Nghị định {number}/{year}",
        "document_type": document_type("Nghị định", "qppl"),
        "number": number,
        "symbol": "NĐ-CP",
        "is_normative": True,
        "issuing_body": IssuingBody.objects.get(slug="chinh-phu"),
        "issued_date": dt.date(year, 6, 14),
        "slug": f"nd-{number}-{year}",
    }
    page = DocumentPageFactory(parent=index, **{**defaults, **fields})
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def replaced_decree(index, *, confirm: bool = True):
    """(old, new, effect): 98/2023 and 152/2025, whose publication files the
    pending effect "thay thế"; confirmed on 01/7/2025 unless ``confirm`` is False."""
    from pages.models import PendingEffect
    from pages.validity import effect_confirm

    old = decree(index, 98, 2023, issued_date=dt.date(2023, 12, 31))
    new = decree(
        index,
        152,
        2025,
        effective_date=dt.date(2025, 7, 1),
        body=[{"type": "paragraph", "value": f"<p>{REPLACING_TEXT}</p>"}],
    )
    effect = PendingEffect.objects.get(source=new, target=old)
    if confirm:
        effect_confirm(effect=effect, date=dt.date(2025, 7, 1))
    return old, new, effect


def plan_form_data(title: str, number: int, **extra) -> dict:
    """The page editor's POST data of a complete Kế hoạch of the Chính phủ."""
    data = {
        "title": title,
        "slug": f"ke-hoach-{number}",
        "document_type": document_type("Kế hoạch").pk,
        "number": number,
        "symbol": "KH-UBND",
        "issuing_body": IssuingBody.objects.get(slug="chinh-phu").pk,
        "place": "Hà Nội",
        "issued_date": "2025-03-14",
        "summary": title,
        "status": "con_hieu_luc",
        "signing_authority": "TM.",
        "signer_position": "Chủ tịch",
        "body": {"count": 0},
        "attachments": inline_formset([]),
        "tasks": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


def page_form_data(page, **extra) -> dict:
    """The page editor's POST data of ``page`` as stored (empty fields stay empty)."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "document_type": page.document_type_id or "",
        "number": page.number or "",
        "symbol": page.symbol,
        "issuing_body": page.issuing_body_id or "",
        "place": "",
        "issued_date": page.issued_date or "",
        "issued_year": "",
        "summary": page.summary,
        "status": "khong_xac_dinh",
        "signing_authority": "",
        "signer_position": "",
        "body": {"count": 0},
        "attachments": inline_formset([]),
        "tasks": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


def publish_when_due(page) -> None:
    """Move the approved go-live time of ``page`` into the past, as if time had
    passed, run ``publish_scheduled`` (the cron job) and reload ``page``."""
    past = timezone.now() - dt.timedelta(minutes=1)
    revision = page.revisions.get(approved_go_live_at__isnull=False)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    Page.objects.filter(pk=page.pk).update(go_live_at=past)
    call_command("publish_scheduled")
    page.refresh_from_db()
