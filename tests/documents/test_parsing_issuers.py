"""Issuing bodies the header does not print, given metadata, and the Vietnamese
sentences for what the parser guessed.

Snippets copy real 2025 extractions: headers glued to underline rules, Công văn
scraped without their header, English translations, JSON Lines records.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from documents.issuers import issuer_from_symbol
from documents.parsing import parse_document
from documents.parsing.flags import (
    FLAG_MESSAGES,
    describe,
    flag_message,
    missing_fields,
)

PARSING = Path(__file__).resolve().parents[2] / "documents" / "parsing"

GLUED_RULES = (
    "CHÍNH PHỦ__________ Số: 170/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
    "NAMĐộc lập - Tự do - Hạnh phúc______________________\n\n"
    "NGHỊ ĐỊNH\n\nQuy định về tuyển dụng, sử dụng và quản lý công chức\n\n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n\n"
    "Chính phủ ban hành Nghị định quy định về tuyển dụng công chức.\n\n"
    "Điều 1. Phạm vi điều chỉnh\n\nNghị định này quy định về tuyển dụng."
)
REPLY_WITHOUT_HEADER = (
    "Kính gửi: Công ty TNHH Kinh doanh Phát triển Dự án Thuận Thành.\n\n"
    "Cục Hải quan nhận được công văn số 19/CV-TT-2025 ngày 6/10/2025 của Công ty "
    "về việc xác định mã số HS. Về vấn đề này, Cục Hải quan có ý kiến như sau:\n\n"
    "1. Về mã số HS.\n\nNơi nhận:\n\n- Như trên;\n\n- Lưu: VT, NVTHQ."
)
ENGLISH = (
    "THE GOVERNMENT OF VIETNAM\n\nTHE SOCIALIST REPUBLIC OF VIETNAM Independence - "
    "Freedom - Happiness\n\nNo. 301/2025/ND-CP\n\nHanoi, November 17, 2025\n\n"
    "DECREE\n\nAMENDMENTS TO GOVERNMENT'S DECREE NO. 38/2024/ND-CP DATED APRIL 05, "
    "2024 PRESCRIBING PENALTIES FOR ADMINISTRATIVE VIOLATIONS. "
    + "Pursuant to the Law on Government Organization and the Law on Handling of "
    "Administrative Violations, the Government promulgates this Decree. " * 4
)


def test_header_glued_to_underline_rules():
    doc = parse_document(GLUED_RULES)
    assert doc.code == "170/2025/NĐ-CP" and doc.code_year == 2025
    assert (doc.issuer, doc.issuer_parent) == ("Chính phủ", None)
    assert doc.doc_type == "Nghị định"
    assert doc.title == "Quy định về tuyển dụng, sử dụng và quản lý công chức"


def test_number_line_before_quoc_hieu_is_not_the_issuer():
    text = (
        "------------------ Số: 1661/NQ-UBTVQH15 | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
        "NAMĐộc lập - Tự do - Hạnh phúc------------------\n\nNGHỊ QUYẾT\n\n"
        "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Điện Biên năm 2025\n\n"
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\n\nCăn cứ Hiến pháp;\n\nQUYẾT NGHỊ:\n\n"
        "Điều 1. Sắp xếp."
    )
    doc = parse_document(text)
    assert doc.code == "1661/NQ-UBTVQH15"
    assert doc.issuer == "Ủy ban Thường vụ Quốc hội" and doc.issuer_parent is None


@pytest.mark.parametrize(
    "head",
    [
        "BỘ TÀI CHÍNH\n\nCỤC THUẾ\n\n",
        "BỘ TÀI CHÍNH\nCỤC THUẾ\n-------\n",
        "BỘ TÀI CHÍNH / CỤC THUẾ\n\n",
        "BỘ TÀI CHÍNH CỤC THUẾ\n\n",
    ],
)
def test_parent_ministry_above_the_body(head):
    text = (
        head + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 5615/CT-CS\nV/v Mẫu tờ khai\n\nHà Nội, ngày 02 tháng 12 năm 2025\n\n"
        "Kính gửi: Thuế tỉnh Tây Ninh.\n\nCục Thuế nhận được công văn."
    )
    doc = parse_document(text)
    assert (doc.issuer, doc.issuer_parent) == ("Cục Thuế", "Bộ Tài chính")
    assert doc.flags == []


@pytest.mark.parametrize(
    ("symbol", "doc_type", "expected"),
    [
        ("CT-CS", "Công văn", ("Cục Thuế", "Bộ Tài chính")),
        ("CHQ-GSQL", "Công văn", ("Cục Hải quan", "Bộ Tài chính")),
        ("TB-CHQ", "Thông báo", ("Cục Hải quan", "Bộ Tài chính")),
        ("QĐ-CT", "Quyết định", ("Cục Thuế", "Bộ Tài chính")),
        ("CT-TTg", "Chỉ thị", ("Thủ tướng Chính phủ", None)),
        ("NQ-UBTVQH15", "Nghị quyết", ("Ủy ban Thường vụ Quốc hội", None)),
        ("TT-BGDĐT", "Thông tư", ("Bộ Giáo dục và Đào tạo", None)),
        ("LS-XNC", "Công văn", ("Cục Lãnh sự", "Bộ Ngoại giao")),
        ("BKHCN-CĐSQG", "Công văn", ("Bộ Khoa học và Công nghệ", None)),
        # a Chỉ thị of a People's Committee: "CT" is its type, not Cục Thuế
        ("CT-UBND", "Chỉ thị", None),
        # local and ambiguous abbreviations name no single body
        ("UBND-ĐT", "Công văn", None),
        ("CV-BCĐ", "Công văn", None),
        # a Công văn's drafting unit is not its issuer
        ("UBND-CT", "Công văn", None),
        (None, None, None),
    ],
)
def test_national_issuer_from_symbol(symbol, doc_type, expected):
    assert issuer_from_symbol(symbol, doc_type) == expected


def test_issuer_from_symbol_when_header_missing():
    text = (
        "Kính gửi: Công ty Luật Anh Sĩ.\n\nVề vấn đề này, đề nghị thực hiện./.\n\n"
        "Nơi nhận:\n- Lưu: VT, CS.\n\nKT. CỤC TRƯỞNG PHÓ CỤC TRƯỞNG Đặng Ngọc Minh\n\n"
        "PHỤ LỤC (Kèm theo Công văn số 5535/CT-CS ngày 26 tháng 11 năm 2025 "
        "của Cục Thuế)"
    )
    doc = parse_document(text)
    assert doc.code == "5535/CT-CS" and doc.doc_type == "Công văn"
    assert (doc.issuer, doc.issuer_parent) == ("Cục Thuế", "Bộ Tài chính")
    assert "issuer_from_symbol" in doc.flags


def test_issuer_from_the_opening_of_a_reply():
    doc = parse_document(REPLY_WITHOUT_HEADER)
    assert doc.issuer == "Cục Hải quan" and "issuer_inferred" in doc.flags
    assert doc.symbol is None
    assert missing_fields(doc) == ["symbol", "issued_date"]


def test_issuer_from_publisher_table_only_when_it_names_a_body():
    table = (
        "# Số hiệu:\n\n5402/CT-CS\n\nLoại văn bản:\n\nCông văn\n\n"
        "Nơi ban hành:\n\n{}\n\nNgày ban hành:\n\n21/11/2025\n\n"
        "Tình trạng:\n\nĐã biết\n\nKính gửi: Thuế tỉnh Tây Ninh.\n\n1. Nội dung."
    )
    body = parse_document(table.format("Ban Chỉ đạo sắp xếp ĐVHC các cấp"))
    assert body.issuer == "Ban Chỉ đạo sắp xếp ĐVHC các cấp"
    assert "metadata_table" in body.flags
    place = parse_document(table.format("Tỉnh Tây Ninh"))
    assert place.issuer == "Cục Thuế"  # the place is not a body; the symbol is
    assert "issuer_from_symbol" in place.flags


def test_english_translation_is_flagged():
    doc = parse_document(ENGLISH)
    assert "not_vietnamese" in doc.flags
    assert "not_vietnamese" not in parse_document(GLUED_RULES).flags


class TestGivenMetadata:
    TEXT = (
        "QUỐC HỘI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh "
        "phúc\n\nLuật số: 73/2021/QH14\n\nLUẬT\n\nPHÒNG, CHỐNG MA TÚY\n\n"
        "Căn cứ Hiến pháp;\n\nĐiều 1. Phạm vi điều chỉnh"
    )

    def test_normative_code_keeps_its_year(self):
        doc = parse_document("Nội dung.", overrides={"code": "73/2021/QH14"})
        assert (doc.code, doc.number, doc.symbol) == ("73/2021/QH14", 73, "QH14")
        assert doc.code_year == 2021 and doc.is_normative

    def test_same_values_are_no_disagreement(self):
        given = {
            "doc_type": "Luật",
            "title": "Luật Phòng, chống ma túy",
            "code": "73/2021/QH14",
        }
        doc = parse_document(self.TEXT, overrides=given)
        assert doc.title == "Luật Phòng, chống ma túy"
        assert doc.conflicts == {} and "given_differs" not in doc.flags

    def test_given_values_win_and_disagreements_are_reported(self):
        given = {"code": "74/2021/QH14", "doc_type": "Luật"}
        doc = parse_document(self.TEXT, overrides=given)
        assert doc.code == "74/2021/QH14" and doc.number == 74
        assert doc.conflicts == {"code": ("74/2021/QH14", "73/2021/QH14")}
        sentences = describe(doc)
        assert any(
            "Số ký hiệu trong dữ liệu nhập (“74/2021/QH14”) khác với văn bản" in s
            for s in sentences
        )

    def test_given_issuer_replaces_a_guess(self):
        doc = parse_document(REPLY_WITHOUT_HEADER, overrides={"issuer": "Cục Thuế"})
        assert doc.issuer == "Cục Thuế" and "issuer_inferred" not in doc.flags
        assert doc.conflicts["issuer"] == ("Cục Thuế", "Cục Hải quan")


def _flags_in_source() -> set[str]:
    names = set()
    for path in PARSING.glob("*.py"):
        names.update(re.findall(r'\.flag\("([a-z_]+)"\)', path.read_text("utf-8")))
    return names


def test_every_parser_flag_has_a_vietnamese_sentence():
    flags = _flags_in_source()
    assert {"draft_no_number", "issuer_from_symbol", "not_vietnamese"} <= flags
    special = {"date_partial", "given_differs"}
    assert flags - special <= set(FLAG_MESSAGES)


def test_sentences_name_no_raw_flag():
    seed = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
    text = (seed / "ke-hoach-thi-dua-khen-thuong-2025-tam-duong.txt").read_text()
    doc = parse_document(text)
    sentences = describe(doc)
    assert "Văn bản chưa có số: điền số khi ban hành (ô “Số”)." in sentences
    assert any(s.startswith("Chỉ đọc được năm ban hành") for s in sentences)
    for sentence in sentences + [flag_message(f) for f in FLAG_MESSAGES]:
        assert not re.search(r"[a-z]+_[a-z]+", sentence), sentence


def test_missing_fields_come_first():
    doc = parse_document("Một đoạn văn không có phần đầu.")
    assert missing_fields(doc) == [
        "symbol",
        "issuing_body",
        "issued_date",
        "document_type",
    ]
    assert describe(doc)[0].startswith("Chưa có số ký hiệu")


@pytest.mark.parametrize(
    "header, issuer",
    [
        ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
        # The dash as typed: an en dash, or no spaces around it.
        ("BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
        ("BỘ LAO ĐỘNG-THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội"),
        ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("BỘ CÔNG THƯƠNG", "Bộ Công Thương"),
        ("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "Ủy ban Thường vụ Quốc hội"),
    ],
)
def test_a_national_body_in_capitals_keeps_its_own_spelling(header, issuer):
    """Real headers (2024 consolidated Thông tư of Bộ LĐTBXH; 2025 shared
    documents): "XÃ" is not the locality word here, nor is "Thương binh" lower
    case: the body's name is spelled as in the table of national bodies."""
    doc = parse_document(
        f"{header}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh "
        "phúc\n\nSố: 12/QĐ-BLĐTBXH\n\nHà Nội, ngày 05 tháng 3 năm 2024\n\n"
        "QUYẾT ĐỊNH\n\nVề việc giao dự toán\n\nĐiều 1. Giao dự toán.\n"
    )
    assert doc.issuer == issuer
