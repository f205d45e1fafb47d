"""Import of header-less records completed from their own metadata: the record's
attribute values and source address fill what the text lacks, flagged for the
editor; what truly lacks metadata stays a "Cần bổ sung" draft."""

import json

import pytest
from wagtail.models import PageLogEntry

from documents.parsing import read_records
from documents.parsing.flags import FLAG_MESSAGES, MISSING_MESSAGES
from pages import completeness
from pages.importing import IMPORT_ACTION, document_import
from pages.models import LegalDocumentPage

pytestmark = pytest.mark.django_db

TVPL = "https://thuvienphapluat.vn/cong-van/Linh-vuc/"
LETTER = (
    "Kính gửi: Các cơ quan, tổ chức trong hệ thống chính trị\n\n"
    "Ngày 15/10/2025, Cơ quan thường trực Ban Chỉ đạo đã có văn bản đề nghị "
    "số hóa hồ sơ, tài liệu.\n\nĐề nghị các cơ quan thực hiện./.\n\n"
    "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A"
)
CIRCULAR = (
    "THÔNG TƯ\n\nQUY ĐỊNH MỘT SỐ NỘI DUNG KỸ THUẬT TRONG HOẠT ĐỘNG DẦU KHÍ\n\n"
    "BỘ TRƯỞNG BỘ CÔNG THƯƠNG\n\n"
    "Căn cứ Luật Dầu khí ngày 14 tháng 11 năm 2022;\n\n"
    "Điều 1. Phạm vi điều chỉnh\n\nThông tư này quy định.\n\n"
    "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Hoàng Long"
)


@pytest.fixture
def import_rows(site_tree, tmp_path):
    """Write JSON Lines records and import each under the documents index."""
    _, index = site_tree

    def run(*rows, publish=True):
        path = tmp_path / "records.jsonl"
        lines = [json.dumps(row, ensure_ascii=False) for row in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return [
            document_import(record=record, parent=index, publish=publish)
            for record in read_records(path)
        ]

    return run


def test_headerless_record_becomes_complete_and_is_published(import_rows):
    (result,) = import_rows(
        {
            "id": "04a1d4cd730e7afe",
            "text": LETTER,
            "source_url": TVPL + "Cong-van-7197-BKHCN-CDSQG-2025-so-hoa-681234.aspx",
            "heuristic": {
                "so_ky_hieu": "7197/BKHCN-CĐSQG",
                "loai_van_ban": "Công văn",
                "ngay_ban_hanh": None,
                "co_quan_ban_hanh": None,
            },
        },
    )
    assert result.complete and result.published and result.missing == []
    page = LegalDocumentPage.objects.get(pk=result.page_id)
    assert page.live
    assert (page.number, page.symbol) == (7197, "BKHCN-CĐSQG")
    assert page.issuing_body.name == "Bộ Khoa học và Công nghệ"
    assert page.document_type.name == "Công văn"
    assert (page.issued_date, page.issued_year) == (None, 2025)
    for flag in ("code_from_metadata", "issuer_from_symbol", "year_from_url"):
        assert FLAG_MESSAGES[flag] in result.warnings
    entry = PageLogEntry.objects.get(page=page, action=IMPORT_ACTION)
    assert entry.data["checks"] == result.warnings
    assert page.pk not in completeness.incomplete_pages().values_list("pk", flat=True)


def test_wrong_heuristic_date_is_refused(import_rows):
    (result,) = import_rows(
        {
            "text": CIRCULAR,
            "source_url": TVPL + "Thong-tu-57-2025-TT-BCT-dau-khi-682789.aspx",
            "heuristic": {
                "so_ky_hieu": "57/2025/TT-BCT",
                "ngay_ban_hanh": "14/11/2022",
            },
        },
    )
    page = LegalDocumentPage.objects.get(pk=result.page_id)
    assert page.issued_date is None and page.issued_year == 2025
    assert page.code == "57/2025/TT-BCT" and page.live
    assert FLAG_MESSAGES["date_refused_year"] in result.warnings
    assert FLAG_MESSAGES["year_from_code"] in result.warnings


def test_record_that_truly_lacks_metadata_stays_in_the_listing(import_rows):
    (result,) = import_rows(
        {"text": LETTER, "heuristic": {"so_ky_hieu": None, "ngay_ban_hanh": None}},
    )
    assert not result.complete and not result.published
    assert result.missing == ["symbol", "issuing_body", "issued_date"]
    assert MISSING_MESSAGES["symbol"] in result.warnings
    page = LegalDocumentPage.objects.get(pk=result.page_id)
    assert not page.live
    assert page.pk in completeness.incomplete_pages().values_list("pk", flat=True)


def test_status_panel_shows_the_checks_of_a_completed_import(import_rows, client):
    from django.contrib.auth import get_user_model

    (result,) = import_rows(
        {
            "text": CIRCULAR,
            "source_url": TVPL + "Thong-tu-57-2025-TT-BCT-dau-khi-682789.aspx",
        },
        publish=False,
    )
    admin = get_user_model().objects.create_superuser("quantri", "q@x.vn", "x")
    client.force_login(admin)
    response = client.get(f"/admin/pages/{result.page_id}/edit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Cần bổ sung trước khi xuất bản" not in body
    assert "Số ký hiệu không có trong nội dung" in body


def test_signer_of_a_record_whose_text_stops_above_the_signature(import_rows):
    (result,) = import_rows(
        {
            "text": CIRCULAR.rsplit("\n\nKT.", 1)[0],
            "source_url": TVPL + "Thong-tu-57-2025-TT-BCT-dau-khi-682789.aspx",
            "heuristic": {
                "nguoi_ky": "Nguyễn Hoàng Long",
                "chuc_vu": "Thứ trưởng",
                "tham_quyen_ky": "KT.",
            },
        },
    )
    page = LegalDocumentPage.objects.get(pk=result.page_id)
    assert page.signer.name == "Nguyễn Hoàng Long"
    assert (page.signing_authority, page.signer_position) == ("KT.", "Thứ trưởng")
    assert FLAG_MESSAGES["signer_from_metadata"] in result.warnings
    assert page.live
