"""One name per issuing body: the parser's reading of ô 1 and the spelling the
vocabulary stores (``documents.issuers``), on headers of the shared 2025 set."""

from __future__ import annotations

import pytest

from documents.issuers import (
    canonical_body_name,
    central_party_body,
    issuing_body_name,
)
from documents.parsing import parse_document
from documents.parsing.places import local_issuer


def header(issuer_lines: str, code: str, kind: str = "QUYẾT ĐỊNH") -> str:
    return (
        f"{issuer_lines}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
        f"Hạnh phúc\n\nSố: {code}\n\nHuế, ngày 24 tháng 11 năm 2025\n\n{kind}\n\n"
        "PHÂN CẤP THẨM QUYỀN QUYẾT ĐỊNH XÁC LẬP QUYỀN SỞ HỮU TOÀN DÂN\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n\n"
        "Điều 1. Phạm vi\n\nQuyết định này quy định việc phân cấp."
    )


@pytest.mark.parametrize(
    ("written", "body"),
    [
        ("Uỷ ban nhân dân tỉnh Bắc Ninh", "Ủy ban nhân dân tỉnh Bắc Ninh"),
        ("Ủy ban nhân dân tỉnh Thanh Hoá", "Ủy ban nhân dân tỉnh Thanh Hóa"),
        ("UBND thành phố Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"),
        ("ỦY Ban Nhân Dân Tỉnh bắc ninh", "Ủy ban nhân dân tỉnh Bắc Ninh"),
        ("  Ủy ban nhân dân huyện Tam Đường, ", "Ủy ban nhân dân huyện Tam Đường"),
        ("Ủy ban nhân dân tỉnh Đồng\nNai.", "Ủy ban nhân dân tỉnh Đồng Nai"),
        ("Chủ tịch ủy ban nhân dân tỉnh Gia Lai", "Ủy ban nhân dân tỉnh Gia Lai"),
        ("Chủ tịch nhân dân thành phố Huế", "Ủy ban nhân dân thành phố Huế"),
        ("Bộ Văn hoá, Thể thao và du lịch", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("HĐND tỉnh Vĩnh Long", "Hội đồng nhân dân tỉnh Vĩnh Long"),
        ("Thuế tỉnh Tây Ninh", "Thuế tỉnh Tây Ninh"),
        ("Cục Hải quan", "Cục Hải quan"),
        # A unit named by a number writes its level with a capital (Nghị định
        # 30/2020/NĐ-CP, Phụ lục II); a unit named by a place does not.
        ("Ủy ban nhân dân quận 1", "Ủy ban nhân dân Quận 1"),
        ("UBND PHƯỜNG 15", "Ủy ban nhân dân Phường 15"),
        ("Uỷ ban nhân dân Phường Cao Lãnh", "Ủy ban nhân dân phường Cao Lãnh"),
    ],
)
def test_every_spelling_of_a_body_gives_its_one_name(written, body):
    assert canonical_body_name(written) == body


def test_a_signing_chu_tich_in_capitals_names_the_committee():
    assert issuing_body_name("CHỦ TỊCH NHÂN DÂN THÀNH PHỐ HUẾ") == (
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ"
    )
    assert issuing_body_name("Chủ tịch nước") == "Chủ tịch nước"


def test_central_party_units_take_the_name_of_the_table():
    assert central_party_body("BAN TỔ CHỨC", "BAN CHẤP HÀNH TRUNG ƯƠNG") == (
        "Ban Tổ chức Trung ương",
        None,
    )
    assert central_party_body("VĂN PHÒNG", "Ban Chấp hành Trung ương") == (
        "Văn phòng Trung ương Đảng",
        None,
    )
    assert central_party_body("BAN TUYÊN GIÁO", "TỈNH ỦY LAI CHÂU") == (
        "BAN TUYÊN GIÁO",
        "TỈNH ỦY LAI CHÂU",
    )


@pytest.mark.parametrize(
    ("lines", "code", "issuer"),
    [
        # corpus 123/2025/QĐ-CTUBND: the header's misprint of the Chủ tịch
        (
            "CHỦ TỊCH NHÂN DÂN THÀNH PHỐ HUẾ",
            "123/2025/QĐ-CTUBND",
            "Ủy ban nhân dân thành phố Huế",
        ),
        (
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH GIA LAI",
            "44/2025/QĐ-CTUBND",
            "Ủy ban nhân dân tỉnh Gia Lai",
        ),
    ],
)
def test_the_header_of_a_chu_tich_decision_names_the_committee(lines, code, issuer):
    doc = parse_document(header(lines, code))
    assert doc.issuer == issuer


@pytest.mark.parametrize(
    ("lines", "code", "issuer"),
    [
        (
            "BAN CHẤP HÀNH TRUNG ƯƠNG BAN TỔ CHỨC",
            "45-HD/BTCTW",
            "Ban Tổ chức Trung ương",
        ),
        (
            "BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG",
            "07-KL/VPTW",
            "Văn phòng Trung ương Đảng",
        ),
        (
            "BAN CHẤP HÀNH TRUNG ƯƠNG BAN TUYÊN GIÁO VÀ DÂN VẬN",
            "37-HD/BTGDVTW",
            "Ban Tuyên giáo và Dân vận Trung ương",
        ),
    ],
)
def test_a_central_party_unit_is_read_with_its_full_name(lines, code, issuer):
    text = (
        f"{lines}\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố {code}\n\n"
        "Hà Nội, ngày 21 tháng 11 năm 2025\n\nHƯỚNG DẪN\n\nMỘT SỐ NỘI DUNG VỀ CÁN BỘ\n\n"
        "Thực hiện Quy định số 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị.\n\n"
        "1. Nội dung hướng dẫn."
    )
    doc = parse_document(text)
    assert (doc.issuer, doc.issuer_parent) == (issuer, None)


def test_an_authority_line_of_a_truong_ban_names_the_ban():
    # corpus 172/QĐ-BCĐPTCNBD: no header, the authority line under the title
    text = (
        "QUYẾT ĐỊNH\n\nBAN HÀNH QUY CHẾ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA BAN CHỈ ĐẠO QUỐC "
        "GIA VỀ PHÁT TRIỂN NGÀNH CÔNG NGHIỆP BÁN DẪN\n\nTRƯỞNG BAN CHỈ ĐẠO QUỐC "
        "GIA VỀ PHÁT TRIỂN NGÀNH CÔNG NGHIỆP BÁN DẪN\n\nCăn cứ Luật Tổ chức Chính "
        "phủ ngày 18 tháng 02 năm 2025;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Quy chế."
    )
    doc = parse_document(text)
    assert doc.issuer == "Ban Chỉ đạo quốc gia về phát triển ngành công nghiệp bán dẫn"


def test_a_ctubnd_symbol_names_the_committee_of_the_place():
    url = "https://example.vn/Quyet-dinh-46-2025-QD-CTUBND-tai-san-cong-Tay-Ninh-682792.aspx"
    assert local_issuer(["CTUBND"], url, "") == "Ủy ban nhân dân tỉnh Tây Ninh"


def test_a_name_cut_by_its_cell_is_completed_from_the_symbol():
    # the first line of a two-line cell: "ỦY BAN THƯỜNG VỤ" / "QUỐC HỘI"
    text = (
        "| ỦY BAN THƯỜNG VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
        "Hạnh phúc |\n|---|---|\n| Số: 494/NQ-UBTVQH13 | Hà Nội, ngày 18 tháng 05 "
        "năm 2012 |\n\nNGHỊ QUYẾT\n\nVỀ KẾT QUẢ GIÁM SÁT\n\nCăn cứ Luật hoạt động "
        "giám sát của Quốc hội;\n\nQUYẾT NGHỊ:\n\nĐiều 1. Tán thành."
    )
    assert parse_document(text).issuer == "Ủy ban Thường vụ Quốc hội"


def test_a_unit_under_a_city_committee_is_read_with_the_city():
    # dev gold 1609/QĐ-TTPVHCC: every city has its Trung tâm phục vụ hành chính công
    doc = parse_document(
        header(
            "UBND THÀNH PHỐ HÀ NỘI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
            "1609/QĐ-TTPVHCC",
        )
    )
    assert doc.issuer == "Trung tâm phục vụ hành chính công thành phố Hà Nội"
    assert doc.issuer_parent == "UBND thành phố Hà Nội"
