"""A title printed in capitals keeps, once lowered, the case of the codes,
bodies and cited kinds it names (real 2013 and 2014 headings)."""

from __future__ import annotations

from documents.parsing import parse_document

_HEADER = (
    "BAN CHỈ ĐẠO QUỐC GIA VỀ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ\n\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n\n"
    "Số: 252/KH-BCĐQG1237\n\nHà Nội, ngày 11 tháng 11 năm 2013\n\nKẾ HOẠCH\n\n"
)


def _title(heading: str, body: str) -> str | None:
    return parse_document(_HEADER + heading + "\n\n" + body).title


def test_codes_bodies_and_cited_kinds_keep_their_case():
    """252/KH-BCĐQG1237 of 2013: the body spells the code "1237/QĐ-TTg"."""
    title = _title(
        "TRIỂN KHAI THỰC HIỆN QUYẾT ĐỊNH SỐ 1237/QĐ-TTG NGÀY 27 THÁNG 7 NĂM 2013 "
        "CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ VIỆC PHÊ DUYỆT ĐỀ ÁN",
        "Căn cứ Quyết định số 1237/QĐ-TTg ngày 27 tháng 7 năm 2013 của Thủ tướng "
        "Chính phủ về việc phê duyệt Đề án;\n\nA. MỤC ĐÍCH, YÊU CẦU\n",
    )
    assert title == (
        "Triển khai thực hiện Quyết định số 1237/QĐ-TTg ngày 27 tháng 7 năm 2013 "
        "của Thủ tướng Chính phủ về việc phê duyệt đề án"
    )


def test_a_code_the_body_writes_only_in_capitals_keeps_the_ttg_of_the_table():
    """3210/QĐ-UBND of 2014: its annex repeats the heading in capitals; the
    Thủ tướng's code is "TTg" all the same."""
    title = _title(
        "VỀ HƯỚNG DẪN THỰC HIỆN QUYẾT ĐỊNH SỐ 22/2013/QĐ-TTG CỦA BỘ XÂY DỰNG",
        "Điều 1. Ban hành kế hoạch.\n\nKẾ HOẠCH THỰC HIỆN QUYẾT ĐỊNH SỐ "
        "22/2013/QĐ-TTG\n",
    )
    assert title == (
        "Về hướng dẫn thực hiện Quyết định số 22/2013/QĐ-TTg của Bộ Xây dựng"
    )


def test_a_body_name_is_matched_with_its_diacritics():
    """ "đang" is not "Đảng", "nhà nước" alone is no body; "Mặt trận Tổ quốc
    Việt Nam" and "Bộ Nông nghiệp và Môi trường" are."""
    title = _title(
        "VỀ CÔNG TÁC ĐANG TRIỂN KHAI CỦA MẶT TRẬN TỔ QUỐC VIỆT NAM VÀ BỘ NÔNG "
        "NGHIỆP VÀ MÔI TRƯỜNG TRONG CƠ QUAN NHÀ NƯỚC",
        "Điều 1. Triển khai.\n",
    )
    assert title == (
        "Về công tác đang triển khai của Mặt trận Tổ quốc Việt Nam và Bộ Nông "
        "nghiệp và Môi trường trong cơ quan nhà nước"
    )


def test_a_body_name_inside_a_longer_noun_stays_lower_case():
    """'phi chính phủ' (non-governmental) and 'chi cục thuế' (a sub-department)
    name no body; a Thủ tướng's code after a slash keeps its TTg."""
    title = _title(
        "VỀ QUẢN LÝ CÁC TỔ CHỨC PHI CHÍNH PHỦ NƯỚC NGOÀI VÀ CHI CỤC THUẾ KHU VỰC, "
        "CHI CỤC HẢI QUAN THEO CÔNG VĂN SỐ 1234/TTG-KTTH",
        "Điều 1. Triển khai.\n",
    )
    assert title == (
        "Về quản lý các tổ chức phi chính phủ nước ngoài và chi cục thuế khu vực, "
        "chi cục hải quan theo Công văn số 1234/TTg-KTTH"
    )
