"""Heading forms the parser once garbled: a trích yếu opening "V/v", a
Công văn's "V/V" line in capitals, the pre-2004 heading that names its issuer
("QUYẾT ĐỊNH / CỦA BỘ TRƯỞNG BỘ …"), a place with a number ("Quận 1") and a
letter-spaced Thủ tướng's code; a Điều heading over 150 characters."""

from __future__ import annotations

import pytest

from documents.parsing import parse_document
from documents.parsing.hints import fill_from_record
from documents.parsing.spacing import respaced_symbol

_DECISION = (
    "ỦY BAN NHÂN DÂN TỈNH KON TUM\n\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 435/QĐ-UBND\n\nKon Tum, ngày 04 tháng 5 năm 2020\n\nQUYẾT ĐỊNH\n\n"
    "{heading}\n\nỦY BAN NHÂN DÂN TỈNH KON TUM\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n"
    "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Chương trình hành động của tỉnh Kon Tum.\n"
)
_LETTER = (
    "BỘ TÀI CHÍNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n\nSố: 1234/BTC-CST\n\n"
    "Hà Nội, ngày 5 tháng 3 năm 2025\n\n{subject}\n\n"
    "Kính gửi: Các đơn vị thuộc Bộ.\n\n"
    "Thực hiện Nghị định số 98/2023/NĐ-CP, Bộ Tài chính hướng dẫn như sau.\n"
)


@pytest.mark.parametrize(
    "heading, title",
    [
        (
            "V/V BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA TỈNH KON TUM",
            "V/v ban hành chương trình hành động của tỉnh Kon Tum",
        ),
        ("V/v ban hành Chương trình hành động", "V/v ban hành Chương trình hành động"),
        (
            "V/v: UBND TỈNH GIAO CHỈ TIÊU NĂM 2020",
            "V/v UBND tỉnh giao chỉ tiêu năm 2020",
        ),
    ],
)
def test_a_typed_heading_keeps_its_v_v(heading, title):
    assert parse_document(_DECISION.format(heading=heading)).title == title


def test_a_v_v_glued_to_its_first_word():
    doc = parse_document(_LETTER.format(subject="V/vban hành quy chế làm việc"))
    assert doc.title == "Ban hành quy chế làm việc"
    typed = parse_document(_DECISION.format(heading="V/VBAN HÀNH CHƯƠNG TRÌNH"))
    assert typed.title == "V/v ban hành chương trình"


def test_a_cong_van_subject_in_capitals_becomes_a_sentence():
    doc = parse_document(
        _LETTER.format(subject="V/V BAN HÀNH QUY CHẾ LÀM VIỆC CỦA BỘ TÀI CHÍNH")
    )
    assert doc.doc_type == "Công văn"
    assert doc.title == "Ban hành quy chế làm việc của Bộ Tài chính"
    written = parse_document(_LETTER.format(subject="V/v ban hành quy chế làm việc"))
    assert written.title == "Ban hành quy chế làm việc"


_OLD = (
    "BỘ XÂY DỰNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n\nSố: {code}\n\n"
    "Hà Nội, ngày 20 tháng 8 năm 2001\n\n{heading}\n\n"
    "Căn cứ Nghị định số 15/CP ngày 04 tháng 3 năm 1994 của Chính phủ;\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý.\n"
)


@pytest.mark.parametrize(
    "code, heading, kind, title",
    [
        (
            "04/2001/TT-BXD",
            "THÔNG TƯ\n\nCỦA BỘ XÂY DỰNG SỐ 04/2001/TT-BXD NGÀY 20 THÁNG 8 NĂM 2001 "
            "HƯỚNG DẪN BỔ SUNG VIỆC HỖ TRỢ NGƯỜI THAM GIA HOẠT ĐỘNG CÁCH MẠNG CẢI "
            "THIỆN NHÀ Ở THEO QUYẾT ĐỊNH SỐ 20/2000/QĐ-TTG NGÀY 3/2/2000 CỦA THỦ "
            "TƯỚNG CHÍNH PHỦ",
            "Thông tư",
            "Hướng dẫn bổ sung việc hỗ trợ người tham gia hoạt động cách mạng cải "
            "thiện nhà ở theo Quyết định số 20/2000/QĐ-TTg ngày 3/2/2000 của Thủ "
            "tướng Chính phủ",
        ),
        (
            "12/2001/QĐ-BXD",
            "QUYẾT ĐỊNH\n\nCỦA BỘ TRƯỞNG BỘ XÂY DỰNG VỀ VIỆC BAN HÀNH QUY CHẾ QUẢN LÝ",
            "Quyết định",
            "Về việc ban hành quy chế quản lý",
        ),
        (
            "12/2001/QĐ-BXD",
            "QUYẾT ĐỊNH CỦA BỘ TRƯỞNG BỘ XÂY DỰNG\n\nVỀ VIỆC BAN HÀNH QUY CHẾ QUẢN LÝ",
            "Quyết định",
            "Về việc ban hành quy chế quản lý",
        ),
        (
            "12/2001/QĐ-BXD",
            "QUYẾT ĐỊNH\n\nCủa Bộ trưởng Bộ Xây dựng\n\n"
            "Về việc ban hành Quy chế quản lý",
            "Quyết định",
            "Về việc ban hành Quy chế quản lý",
        ),
    ],
)
def test_an_old_heading_names_its_issuer_outside_the_title(code, heading, kind, title):
    doc = parse_document(_OLD.format(code=code, heading=heading))
    assert (doc.doc_type, doc.code, doc.title) == (kind, code, title)


@pytest.mark.parametrize(
    "heading, kind, title",
    [
        # the type word and its issuer on one line, not in capitals
        (
            "Quyết định của Bộ trưởng Bộ Xây dựng về việc ban hành Quy chế quản lý",
            "Quyết định",
            "Về việc ban hành Quy chế quản lý",
        ),
        # neither a number nor "về": cut after the header's issuer
        (
            "THÔNG TƯ\n\nCỦA BỘ TRƯỞNG BỘ XÂY DỰNG HƯỚNG DẪN THỰC HIỆN CHẾ ĐỘ",
            "Thông tư",
            "Hướng dẫn thực hiện chế độ",
        ),
        # another body than the header's: where it ends is not known
        (
            "THÔNG TƯ\n\nCỦA BỘ TÀI CHÍNH HƯỚNG DẪN THỰC HIỆN CHẾ ĐỘ",
            "Thông tư",
            "Của Bộ Tài chính hướng dẫn thực hiện chế độ",
        ),
    ],
)
def test_an_old_heading_in_other_forms(heading, kind, title):
    doc = parse_document(_OLD.format(code="12/2001/QĐ-BXD", heading=heading))
    assert (doc.doc_type, doc.title) == (kind, title)


def test_a_numbered_district_is_the_place():
    doc = parse_document(
        "ỦY BAN NHÂN DÂN QUẬN 1\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 12/QĐ-UBND\n\n"
        "Quận 1, ngày 5 tháng 3 năm 2025\n\nQUYẾT ĐỊNH\n\n"
        "Về việc thành lập tổ công tác\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    assert (doc.place, doc.issued_date) == ("Quận 1", "2025-03-05")
    assert doc.title == "Về việc thành lập tổ công tác"


@pytest.mark.parametrize(
    "symbol, rest, expected",
    [
        ("QĐ-TT", " g", "QĐ-TTg"),
        ("QĐ-T", " Tg", "QĐ-TTg"),
        ("CT-T", " T G", "CT-TTg"),
        ("NQ-HĐ", " ND", "NQ-HĐND"),
        ("TT-B", " TC", "TT-BTC"),
        ("QĐ-BN", " V", "QĐ-BNV"),
        ("QĐ-TTg", " Hà Nội", "QĐ-TTg"),
        ("QĐ-TTG", "", "QĐ-TTg"),
        ("TT-BDTTG", "", "TT-BDTTG"),
        ("QĐ-UB", " ngày", "QĐ-UB"),
    ],
)
def test_a_letter_spaced_symbol_keeps_the_mixed_case_of_ttg(symbol, rest, expected):
    assert respaced_symbol(symbol, rest) == expected


def test_a_letter_spaced_ttg_in_the_header():
    doc = parse_document(
        "THỦ TƯỚNG CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 06/QĐ-T Tg\n\n"
        "Hà Nội, ngày 02 tháng 01 năm 2025\n\nQUYẾT ĐỊNH\n\n"
        "Phê duyệt Đề án\n\nTHỦ TƯỚNG CHÍNH PHỦ\n\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"
    )
    assert doc.code == "06/QĐ-TTg"


def test_a_records_trich_yeu_in_capitals_keeps_codes_bodies_and_kinds():
    """A headerless scrape whose record gives the trích yếu in capitals: once
    lowered, the cited kind, the Thủ tướng's "TTg" and the body keep their case
    (``titlecase.restore_title_case``, as for a heading)."""
    text = (
        "Kính gửi: Sở Xây dựng các tỉnh.\n\nĐề nghị các Sở thực hiện./.\n\n"
        "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A"
    )
    url = (
        "https://thuvienphapluat.vn/van-ban/Linh-vuc/"
        "Cong-van-2428-BXD-QLN-2013-ho-tro-nguoi-co-cong-ve-nha-o-681234.aspx"
    )
    given = {
        "title": "V/V HỖ TRỢ NGƯỜI CÓ CÔNG VỀ NHÀ Ở THEO QUYẾT ĐỊNH SỐ "
        "22/2013/QĐ-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ"
    }
    filled = fill_from_record(parse_document(text), text, given, url)
    assert filled.title == (
        "Hỗ trợ người có công về nhà ở theo Quyết định số 22/2013/QĐ-TTg "
        "của Thủ tướng Chính phủ"
    )


def test_a_long_article_heading_stays_the_heading():
    """A Điều's heading without closing punctuation is its heading however
    long (Luật An ninh mạng, Điều 16: 245 characters); a line that closes
    with "." stays the Điều's first paragraph."""
    heading = (
        "Phòng ngừa, xử lý thông tin trên không gian mạng có nội dung tuyên truyền"
        " chống Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam; kích động gây bạo loạn,"
        " phá rối an ninh, gây rối trật tự công cộng; làm nhục, vu khống; xâm phạm"
        " trật tự quản lý kinh tế"
    )
    text = "\n".join(
        [
            "QUỐC HỘI",
            "Luật số: 24/2018/QH14",
            "LUẬT",
            "AN NINH MẠNG",
            f"Điều 16. {heading}",
            "1. Thông tin trên không gian mạng có nội dung tuyên truyền chống Nhà nước.",
            "Điều 17. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2019.",
        ]
    )
    articles = {a["number"]: a for a in parse_document(text).articles}
    assert articles["16"]["title"] == heading
    assert articles["16"]["text"].startswith("1. Thông tin")
    assert articles["17"]["title"] is None
    assert articles["17"]["text"].startswith("Luật này có hiệu lực")
