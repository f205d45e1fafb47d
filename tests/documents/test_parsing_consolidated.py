"""A consolidated text (văn bản hợp nhất, số ký hiệu N/VBHN-…) keeps the kind
of the text it consolidates in its title."""

from __future__ import annotations

import pytest

from documents.parsing import parse_document


@pytest.mark.parametrize(
    "heading, title",
    [
        ("BỘ LUẬT\n\nHÌNH SỰ", "Bộ luật Hình sự"),
        ("LUẬT AN NINH MẠNG", "Luật An ninh mạng"),
        (
            "QUYẾT ĐỊNH VỀ THỰC HIỆN CHẾ ĐỘ ĐỐI VỚI QUÂN NHÂN",
            "Quyết định về thực hiện chế độ đối với quân nhân",
        ),
    ],
)
def test_a_consolidated_text_is_named_after_the_text_it_consolidates(heading, title):
    """Under a VBHN số ký hiệu the heading names the consolidated text with
    its own kind: the kind is "Văn bản hợp nhất", the title keeps the other."""
    doc = parse_document(
        "VĂN PHÒNG QUỐC HỘI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
        "Hạnh phúc\n\nSố: 01/VBHN-VPQH\n\nHà Nội, ngày 10 tháng 7 năm 2017\n\n"
        f"{heading}\n\nĐiều 1. Phạm vi điều chỉnh\n\nVăn bản này quy định về chế độ.\n"
    )
    assert (doc.doc_type, doc.code) == ("Văn bản hợp nhất", "01/VBHN-VPQH")
    assert doc.title == title


_CONSOLIDATED = (
    "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
    "Độc lập - Tự do - Hạnh phúc\n\nSố: 836/VBHN-BLĐTBXH\n\nHà Nội, ngày 05 tháng 3 "
    "năm 2024\n\nTHÔNG TƯ\n\nHƯỚNG DẪN CHẾ ĐỘ BẢO HIỂM Y TẾ ĐỐI VỚI THANH NIÊN XUNG "
    "PHONG\n\nThông tư số 24/2009/TT-BLĐTBXH ngày 10 tháng 07 năm 2009 của Bộ trưởng "
    "Bộ Lao động - Thương binh và Xã hội, có hiệu lực kể từ ngày 24 tháng 8 năm "
    "2009, được sửa đổi, bổ sung bởi:\n\nThông tư số 08/2023/TT-BLĐTBXH ngày 29 "
    "tháng 8 năm 2023 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội, có hiệu "
    "lực kể từ ngày 12 tháng 10 năm 2023.\n\nCăn cứ Quyết định số 170/2008/QĐ-TTg "
    "ngày 18 tháng 12 năm 2008 của Thủ tướng Chính phủ về chế độ bảo hiểm y tế;\n\n"
    "Căn cứ Nghị định số 106/2012/NĐ-CP ngày 20 tháng 12 năm 2012 của Chính phủ;\n\n"
    "Điều 1. Đối tượng\n\nThanh niên xung phong thời kỳ kháng chiến chống Pháp.\n"
)


def test_the_legal_basis_under_a_consolidation_note_is_read():
    """Real 2024 consolidated Thông tư (836/VBHN-BLĐTBXH): the note naming the
    consolidated texts stands between the title and the Căn cứ lines; those are
    still the legal basis, and the note opens the body."""
    doc = parse_document(_CONSOLIDATED)
    assert [c.code for c in doc.legal_basis] == ["170/2008/QĐ-TTg", "106/2012/NĐ-CP"]
    assert doc.body_blocks[0]["text"].startswith("Thông tư số 24/2009/TT-BLĐTBXH")
    assert not any("Căn cứ" in b.get("text", "") for b in doc.body_blocks)


def test_a_note_before_cac_cu_outside_a_consolidated_text_is_not_skipped():
    """Only a Văn bản hợp nhất carries the note: elsewhere a paragraph under
    the title is the body, and a later "Căn cứ" is not taken as the basis."""
    text = _CONSOLIDATED.replace("836/VBHN-BLĐTBXH", "24/2009/TT-BLĐTBXH")
    assert parse_document(text).legal_basis == []
