"""Demo of publishing features: review workflow, version history, a replaced decree.

* The roles and the workflow "Duyệt văn bản" are assigned to the "Văn bản"
  section (``pages.workflow.workflow_assign_defaults``).
* Nghị định 98/2023/NĐ-CP is published twice, with change notes, so its page has
  a history and a comparison to show.
* Nghị định 152/2025/NĐ-CP replaces it from 01/7/2025: publishing it files a
  pending effect, which is confirmed through the real service
  (``pages.validity.effect_confirm``), so 98/2023 becomes "hết hiệu lực"
  with a timeline and a banner linking to 152/2025.

Idempotent: documents are found by identity, versions and effects are only
added when missing. Body texts are short excerpts for the demo.
"""

import datetime as dt

from documents.models import Field
from pages.bodytext import paragraph_html
from pages.demo.common import add_document, body, doc_type, signer
from pages.models import DocumentPage, LegalDocumentPage, PendingEffect
from pages.validity import effect_confirm, effects_detect
from pages.versioning import backfill_versions, publish_with_note
from pages.workflow import workflow_assign_defaults

SCOPE = (
    "Nghị định này quy định chi tiết thi hành một số điều của Luật Thi đua, "
    "khen thưởng."
)
ND98_NOTE = "Bổ sung căn cứ ban hành."
REPLACED_ON = dt.date(2025, 7, 1)


def _paragraphs(*lines: str) -> list[dict]:
    return [{"type": "paragraph", "value": paragraph_html(line)} for line in lines]


def nd98_fields() -> dict:
    """Nghị định 98/2023/NĐ-CP as first published (version 1)."""
    return {
        "title": "Nghị định quy định chi tiết thi hành một số điều của Luật Thi "
        "đua, khen thưởng",
        "document_type": doc_type("Nghị định", "qppl"),
        "number": 98,
        "symbol": "NĐ-CP",
        "is_normative": True,
        "issuing_body": body("chinh-phu"),
        "place": "Hà Nội",
        "issued_date": dt.date(2023, 12, 31),
        "status": "con_hieu_luc",
        "summary": "Quy định chi tiết thi hành một số điều của Luật Thi đua, "
        "khen thưởng",
        "signing_authority": "KT.",
        "signer_position": "Phó Thủ tướng",
        "signer": signer("Trần Lưu Quang", "Phó Thủ tướng", "chinh-phu"),
        "field": Field.objects.get(slug="thi-dua-khen-thuong"),
        "body": _paragraphs("(Trích.)", SCOPE),
    }


def nd152_fields() -> dict:
    """Nghị định 152/2025/NĐ-CP, which replaces 98/2023 from 01/7/2025."""
    return {
        "title": "Nghị định quy định về phân cấp, phân quyền trong lĩnh vực thi "
        "đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều "
        "của Luật Thi đua, khen thưởng",
        "document_type": doc_type("Nghị định", "qppl"),
        "number": 152,
        "symbol": "NĐ-CP",
        "is_normative": True,
        "issuing_body": body("chinh-phu"),
        "place": "Hà Nội",
        "issued_date": dt.date(2025, 6, 14),
        "effective_date": REPLACED_ON,
        "status": "con_hieu_luc",
        "summary": "Quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen "
        "thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi "
        "đua, khen thưởng",
        "signing_authority": "KT.",
        "signer_position": "Phó Thủ tướng",
        "field": Field.objects.get(slug="thi-dua-khen-thuong"),
        "legal_basis": "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;\n"
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
        "body": _paragraphs(
            "(Trích.)",
            "Nghị định này quy định về phân cấp, phân quyền trong lĩnh vực thi "
            "đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số "
            "điều của Luật Thi đua, khen thưởng.",
            "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.",
            "Nghị định này thay thế Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 "
            "năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của "
            "Luật Thi đua, khen thưởng.",
        ),
    }


def find_decree(number: int, year: int):
    return (
        LegalDocumentPage.objects.filter(number=number, year=year, symbol="NĐ-CP")
        .order_by("pk")
        .first()
    )


def ensure_decree(index, number: int, year: int, slug: str, fields: dict):
    existing = find_decree(number, year)
    if existing is not None:
        return existing.specific, False
    return add_document(index, DocumentPage, slug=slug, **fields)


def ensure_second_version(page) -> None:
    """Publish version 2 of 98/2023 with its change note, once."""
    if page.public_versions().count() >= 2:
        return
    page = page.specific
    page.legal_basis = (
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
    )
    publish_with_note(page=page, note=ND98_NOTE)


def confirm_replacement(new, old) -> None:
    """Detect 152/2025's effect on 98/2023 and confirm it (no user: the loader)."""
    effects_detect(source=new)
    effect = PendingEffect.objects.filter(
        source=new, target=old, status=PendingEffect.Status.PENDING
    ).first()
    if effect is not None:
        effect_confirm(effect=effect, user=None, date=REPLACED_ON)


def load_publishing_demo(index) -> list[str]:
    """Workflow, versions and the replaced decree; returns created page titles."""
    workflow_assign_defaults()
    backfill_versions(LegalDocumentPage.objects.all())
    created = []
    old, new_old = ensure_decree(
        index, 98, 2023, "nghi-dinh-98-2023-nd-cp", nd98_fields()
    )
    ensure_second_version(old)
    new, new_new = ensure_decree(
        index, 152, 2025, "nghi-dinh-152-2025-nd-cp", nd152_fields()
    )
    confirm_replacement(new, old)
    created += [old.title] if new_old else []
    created += [new.title] if new_new else []
    return created
