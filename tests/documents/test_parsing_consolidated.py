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
