"""Document parser on the seed plan and real-shaped snippets.

Every snippet copies the way real extractions flatten the printed form
(Nghị định 30/2020/NĐ-CP, Phụ lục I): header columns on one line, "Số:" split from its value, all-caps
titles with the enacting authority glued on, flattened signature blocks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from documents.parsing import parse_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
SEED = FIXTURES / "ke-hoach-thi-dua-khen-thuong-2025-tam-duong.txt"


@pytest.fixture(scope="module")
def seed():
    return parse_document(SEED.read_text("utf-8"))


class TestSeedPlan:
    """The sample plan parses completely."""

    def test_header(self, seed):
        assert seed.doc_type == "Kế hoạch"
        assert seed.number is None and "draft_no_number" in seed.flags
        assert (seed.symbol, seed.code) == ("KH-UBND", "/KH-UBND")
        assert (seed.place, seed.issued_date) == ("Tam Đường", "2025")
        assert "date_partial" in seed.flags
        assert seed.title == "Công tác thi đua, khen thưởng năm 2025"

    def test_issuer_inferred_from_body(self, seed):
        assert seed.issuer == "UBND huyện Tam Đường"
        assert "issuer_inferred" in seed.flags

    def test_signature_without_markdown(self, seed):
        assert seed.signing_authority == "TM."
        assert seed.signer_position == "CHỦ TỊCH"
        assert seed.signer_name == "Sùng Lữ Páo"

    def test_legal_basis(self, seed):
        assert seed.legal_basis_lines == [
            "Căn cứ Kế hoạch số 5324/KH-UBND ngày 27/12/2024 của UBND tỉnh Lai "
            "Châu về công tác thi đua, khen thưởng năm 2025."
        ]
        codes = [c.code for c in seed.legal_basis]
        assert codes == ["5324/KH-UBND"]
        assert seed.legal_basis[0].relation == "căn cứ"

    def test_recipients(self, seed):
        assert len(seed.recipients) == 8
        assert seed.recipients[0] == "Hội đồng TĐKT tỉnh"
        assert seed.recipients[-1] == "Lưu: VT, NV"

    def test_outline(self, seed):
        parts = [s["number"] for s in seed.sections if s["kind"] == "part"]
        assert parts == ["I", "II", "III"]
        items = [s["number"] for s in seed.sections if s["kind"] == "item"]
        assert items == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]
        anchors = [s["anchor"] for s in seed.sections]
        assert len(anchors) == len(set(anchors))
        assert seed.sections[0] == {
            "kind": "part",
            "number": "I",
            "title": "MỤC ĐÍCH, YÊU CẦU",
            "anchor": "muc-i",
            "level": 2,
        }

    def test_body_blocks_in_order(self, seed):
        first = seed.body_blocks[0]
        assert first["type"] == "paragraph"
        assert first["text"].startswith("UBND huyện Tam Đường xây dựng Kế hoạch")
        heading = seed.body_blocks[1]
        assert heading == {
            "type": "heading",
            "level": 2,
            "number": "I.",
            "text": "MỤC ĐÍCH, YÊU CẦU",
            "anchor": "muc-i",
        }
        texts = " ".join(b.get("text", "") for b in seed.body_blocks)
        assert "Nơi nhận" not in texts and "Sùng Lữ Páo" not in texts

    def test_to_dict_keys(self, seed):
        data = seed.to_dict()
        assert list(data) == [
            "doc_type", "number", "symbol", "code", "issuer", "issuer_parent",
            "place", "issued_date", "effective_date", "title", "signing_authority",
            "signer_position", "signer_name", "legal_basis", "recipients",
            "articles", "sections", "flags",
        ]  # fmt: skip
        assert data["legal_basis"][0]["code"] == "5324/KH-UBND"


PROVINCE_DECISION = """ỦY BAN NHÂN DÂN TỈNH BẮC NINH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc

Số: 471/QĐ-UBND

Bắc Ninh, ngày 28 tháng 11 năm 2025

QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT DANH MỤC ĐỊA ĐIỂM TỔ CHỨC HỘI CHỢ TRÊN ĐỊA BÀN TỈNH \
BẮC NINH NĂM 2026 ỦY BAN NHÂN DÂN TỈNH BẮC NINH

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;

Căn cứ Nghị định số 81/2018/NĐ-CP ngày 22/5/2018 của Chính phủ;

Theo đề nghị của Giám đốc Sở Công Thương tỉnh Bắc Ninh.

QUYẾT ĐỊNH:

Điều 1. Phê duyệt danh mục địa điểm tổ chức hội chợ tại tỉnh Bắc Ninh.

Điều 2. Quyết định có hiệu lực kể từ ngày ký./.

Nơi nhận:

- Như Điều 2;

- Lưu: VT, KTTH.

TM. ỦY BAN NHÂN DÂN

KT. CHỦ TỊCH PHÓ CHỦ TỊCH Phạm Văn Thịnh

PHỤ LỤC DANH MỤC ĐỊA ĐIỂM TỔ CHỨC HỘI CHỢ
"""


def test_one_line_header_and_glued_authority():
    doc = parse_document(PROVINCE_DECISION)
    assert doc.issuer == "Ủy ban nhân dân tỉnh Bắc Ninh"
    assert doc.issuer_parent is None
    assert (doc.code, doc.number, doc.symbol) == ("471/QĐ-UBND", 471, "QĐ-UBND")
    assert doc.issued_date == "2025-11-28" and doc.place == "Bắc Ninh"
    assert doc.title == (
        "Về việc phê duyệt danh mục địa điểm tổ chức hội chợ trên địa bàn tỉnh "
        "Bắc Ninh năm 2026"
    )
    assert len(doc.legal_basis_lines) == 2
    assert [c.code for c in doc.legal_basis][-1] == "81/2018/NĐ-CP"
    assert {c.relation for c in doc.legal_basis} == {"căn cứ"}


def test_tm_kt_signature_and_appendix():
    doc = parse_document(PROVINCE_DECISION)
    assert doc.signing_authority == "KT."
    assert doc.signer_position == "PHÓ CHỦ TỊCH"
    assert doc.signer_name == "Phạm Văn Thịnh"
    assert doc.recipients == ["Như Điều 2", "Lưu: VT, KTTH"]
    assert doc.appendix.startswith("PHỤ LỤC DANH MỤC")
    assert doc.body_blocks[-1]["type"] == "appendix"


def test_two_line_district_header():
    text = (
        "UBND TỈNH LAI CHÂU\nUBND HUYỆN TAM ĐƯỜNG\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 118/KH-UBND\nTam Đường, ngày 12 tháng 7 năm 2024\n"
        "KẾ HOẠCH\nXây dựng và nhân rộng các mô hình tiêu biểu\n"
        "I. MỤC ĐÍCH\n1. Mục đích\nNội dung.\n"
    )
    doc = parse_document(text)
    assert doc.issuer == "UBND huyện Tam Đường"
    assert doc.issuer_parent == "UBND tỉnh Lai Châu"
    assert doc.issued_date == "2024-07-12"
    assert doc.title == "Xây dựng và nhân rộng các mô hình tiêu biểu"


def test_parent_and_issuer_on_one_line_cong_van():
    text = (
        "BỘ TÀI CHÍNH CỤC THUẾ\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 5330/CT-CS V/v Chính sách thuế TNCN\n\n"
        "Hà Nội, ngày 19 tháng 11 năm 2025\n\n"
        "Kính gửi: Thuế tỉnh Hà Tĩnh.\n\n"
        "Cục Thuế nhận được công văn của Thuế tỉnh Hà Tĩnh./.\n\n"
        "Nơi nhận:\n\n- Như trên;\n\n- Lưu: VT, CS.\n\n"
        "TL. CỤC TRƯỞNG\n\n"
        "KT. TRƯỞNG BAN BAN CHÍNH SÁCH, THUẾ QUỐC TẾ PHÓ TRƯỞNG BAN Mạnh Thị Tuyết Mai"
    )
    doc = parse_document(text)
    assert (doc.issuer, doc.issuer_parent) == ("Cục Thuế", "Bộ Tài chính")
    assert doc.doc_type == "Công văn"
    assert doc.title == "Chính sách thuế TNCN"
    assert doc.code == "5330/CT-CS"
    assert doc.recipients[0] == "Thuế tỉnh Hà Tĩnh"
    assert "Lưu: VT, CS" in doc.recipients
    assert doc.signing_authority == "KT."
    assert doc.signer_position == "PHÓ TRƯỞNG BAN"
    assert doc.signer_name == "Mạnh Thị Tuyết Mai"


def test_header_flattened_into_one_line():
    text = (
        "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - "
        "Tự do - Hạnh phúc Số: 12/QĐ-UBND Lai Châu, ngày 05 tháng 3 năm 2025\n"
        "QUYẾT ĐỊNH\nVề việc thành lập Hội đồng\nĐiều 1. Thành lập./.\n"
        "CHỦ TỊCH\nGiàng A Tính"
    )
    doc = parse_document(text)
    assert doc.issuer == "Ủy ban nhân dân tỉnh Lai Châu"
    assert (doc.code, doc.place, doc.issued_date) == (
        "12/QĐ-UBND",
        "Lai Châu",
        "2025-03-05",
    )
    assert doc.doc_type == "Quyết định"
    assert doc.signer_name == "Giàng A Tính"


def test_markdown_header_table():
    text = (
        "| ỦY BAN NHÂN DÂN TỈNH LAI CHÂU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "|---|---|\n| **SỞ NỘI VỤ** | **Độc lập - Tự do - Hạnh phúc** |\n"
        "| Số: 45/TB-SNV | *Lai Châu, ngày 10/01/2025* |\n\n**THÔNG BÁO**\n\n"
        "**Kết quả xét tuyển công chức**\n\nNội dung./.\n\n**GIÁM ĐỐC**\n\n"
        "**Nguyễn Văn Bình**"
    )
    doc = parse_document(text)
    assert (doc.issuer, doc.issuer_parent) == (
        "Sở Nội vụ",
        "Ủy ban nhân dân tỉnh Lai Châu",
    )
    assert (doc.code, doc.issued_date) == ("45/TB-SNV", "2025-01-10")
    assert (doc.doc_type, doc.title) == ("Thông báo", "Kết quả xét tuyển công chức")
    assert (doc.signer_position, doc.signer_name) == ("GIÁM ĐỐC", "Nguyễn Văn Bình")


def test_old_scrape_with_rules_cells_and_glued_signature():
    text = (
        "CHÍNH PHỦ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - "
        "Hạnh phúc---------------\n\nSố: 158/2025/NĐ-CP\n\nNGHỊ ĐỊNH\n\n"
        "Quy định chi tiết Luật Bảo hiểm xã hội\n\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n\n"
        "Điều 1. Phạm vi điều chỉnh\n\nNội dung./.\n\n"
        "- Lưu: VT, KTTH(2b) | TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)"
        "Hồ Đức Phớc"
    )
    doc = parse_document(text)
    assert (doc.issuer, doc.code, doc.doc_type) == (
        "Chính phủ",
        "158/2025/NĐ-CP",
        "Nghị định",
    )
    assert doc.title == "Quy định chi tiết Luật Bảo hiểm xã hội"
    assert (doc.signing_authority, doc.signer_position) == ("KT.", "PHÓ THỦ TƯỚNG")
    assert doc.signer_name == "Hồ Đức Phớc"


def test_authority_line_gives_issuer_when_header_is_missing():
    text = (
        "NGHỊ QUYẾT\nVỀ PHÁT ĐỘNG PHONG TRÀO TOÀN DÂN BẢO VỆ MÔI TRƯỜNG\n"
        "CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"
        "QUYẾT NGHỊ:\nĐiều 1. Phát động phong trào./.\n"
        "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\nPhạm Minh Chính"
    )
    doc = parse_document(text)
    assert doc.title == "Về phát động phong trào toàn dân bảo vệ môi trường"
    assert doc.issuer == "Chính phủ" and "issuer_inferred" in doc.flags
    assert len(doc.legal_basis_lines) == 1
    assert (doc.signer_position, doc.signer_name) == ("THỦ TƯỚNG", "Phạm Minh Chính")


def test_kinh_gui_glued_to_first_sentence():
    text = (
        "BỘ TÀI CHÍNH CỤC THUẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 5282/CT-CS V/v chính sách thuế GTGT\nHà Nội, ngày 18 tháng 11 năm 2025\n"
        "Kính gửi: Thuế tỉnh Quảng Ninh Cục Thuế nhận được công văn số "
        "1108/QNI-QLDN2 ngày 22/9/2025 của Thuế tỉnh Quảng Ninh.\n"
        "- Tại Điều 5 Luật Thuế GTGT quy định.\n"
    )
    doc = parse_document(text)
    assert doc.recipients == ["Thuế tỉnh Quảng Ninh"]
    assert doc.body_blocks[0]["text"].startswith("Cục Thuế nhận được công văn số")
    assert doc.body_blocks[1]["text"].startswith("- Tại Điều 5")


def test_party_header():
    doc = parse_document((FIXTURES / "party-chi-thi.txt").read_text("utf-8"))
    assert doc.doc_type == "Chỉ thị"
    assert (doc.code, doc.number, doc.symbol) == ("12-CT/HU", 12, "CT/HU")
    assert doc.issuer == "Huyện ủy Tam Đường"
    assert doc.issuer_parent == "Đảng bộ tỉnh Lai Châu"
    assert doc.title == "Về tăng cường lãnh đạo công tác thi đua, khen thưởng"
    assert (doc.signing_authority, doc.signer_position) == ("TM.", "PHÓ BÍ THƯ")
    assert doc.signer_name == "Tẩn Văn Cường"


QPPL = """HỘI ĐỒNG NHÂN DÂN TỈNH VĨNH LONG

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc

Số:

21/2025/NQ-HĐND

Vĩnh Long, ngày 18 tháng 11 năm 2025

NGHỊ QUYẾT QUY ĐỊNH MỨC HỖ TRỢ ĐỐI VỚI TRẺ EM MẦM NON

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh

1. Nghị quyết này quy định mức hỗ trợ.

a) Trẻ em mầm non;

Điều 2. Đối tượng áp dụng

Trẻ em và giáo viên mầm non.

Chương II
MỨC HỖ TRỢ

Điều 3. Mức hỗ trợ

Mức hỗ trợ 160.000 đồng/trẻ/tháng./.

Nơi nhận:

- Lưu: VT.

CHỦ TỊCH Nguyễn Minh Dũng
"""


def test_qppl_chapters_and_articles():
    doc = parse_document(QPPL)
    assert doc.is_normative and doc.code == "21/2025/NQ-HĐND"
    assert doc.symbol == "NQ-HĐND" and doc.number == 21
    assert doc.title == "Quy định mức hỗ trợ đối với trẻ em mầm non"
    assert [(a["number"], a["title"]) for a in doc.articles] == [
        ("1", "Phạm vi điều chỉnh"),
        ("2", "Đối tượng áp dụng"),
        ("3", "Mức hỗ trợ"),
    ]
    assert doc.articles[0]["anchor"] == "dieu-1"
    assert "a) Trẻ em mầm non;" in doc.articles[0]["text"]
    chapters = [
        (s["number"], s["title"]) for s in doc.sections if s["kind"] == "chapter"
    ]
    assert chapters == [("I", "QUY ĐỊNH CHUNG"), ("II", "MỨC HỖ TRỢ")]
    kinds = [b["type"] for b in doc.body_blocks]
    assert kinds.count("article") == 3
    assert (doc.signing_authority, doc.signer_position) == ("", "CHỦ TỊCH")
    assert doc.signer_name == "Nguyễn Minh Dũng"


@pytest.mark.parametrize(
    ("block", "authority", "position", "name"),
    [
        ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nSùng Lữ Páo", "TM.", "CHỦ TỊCH", "Sùng Lữ Páo"),
        ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Thượng tướng Lê Huy Vịnh", "KT.", "THỨ TRƯỞNG",
         "Lê Huy Vịnh"),
        ("TL. BỘ TRƯỞNG\nCHÁNH VĂN PHÒNG\nNguyễn Văn An", "TL.", "CHÁNH VĂN PHÒNG",
         "Nguyễn Văn An"),
        ("TUQ. CHỦ TỊCH\nGIÁM ĐỐC SỞ NỘI VỤ\nTrần Thị Bình", "TUQ.",
         "GIÁM ĐỐC SỞ NỘI VỤ", "Trần Thị Bình"),
        ("TUQ. CHỦ TỊCH UBND TỈNH\nGIÁM ĐỐC SỞ NỘI VỤ\nLê Thị Hoa", "TUQ.",
         "GIÁM ĐỐC SỞ NỘI VỤ", "Lê Thị Hoa"),
        ("TL.\n\nCỤC TRƯỞNG\n\nKT. TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HQ PHÓ TRƯỞNG BAN "
         "Nguyễn Anh Tài", "KT.", "PHÓ TRƯỞNG BAN", "Nguyễn Anh Tài"),
        ("KT.\n\nCHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Xuân Tân", "KT.", "PHÓ CHỦ TỊCH",
         "Hoàng Xuân Tân"),
        ("Q. GIÁM ĐỐC\nLê Văn Cường", "Q.", "GIÁM ĐỐC", "Lê Văn Cường"),
        ("**TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\nLò Văn Hùng", "KT.",
         "PHÓ CHỦ TỊCH", "Lò Văn Hùng"),
    ],
)  # fmt: skip
def test_signature_styles(block, authority, position, name):
    text = f"Số: 01/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc thử\nNội dung./.\n{block}\n"
    doc = parse_document(text)
    assert (doc.signing_authority, doc.signer_position, doc.signer_name) == (
        authority,
        position,
        name,
    )


def test_body_heading_ending_in_a_title_is_not_the_signature():
    text = (
        "Số: 01/KH-UBND\nKẾ HOẠCH\nThử nghiệm\nI. MỤC ĐÍCH\n"
        "II. TRÁCH NHIỆM CỦA CHỦ TỊCH\nNội dung\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLò Văn A Páo\n"
    )
    doc = parse_document(text)
    assert (doc.signing_authority, doc.signer_name) == ("TM.", "Lò Văn A Páo")
    assert [s["title"] for s in doc.sections] == [
        "MỤC ĐÍCH",
        "TRÁCH NHIỆM CỦA CHỦ TỊCH",
    ]


def test_publisher_attribute_table_fills_gaps():
    text = (
        "# Số hiệu:\n\n6316/BVHTTDL-VP\n\nLoại văn bản:\n\nCông văn\n\n"
        "Người ký:\n\nNguyễn Thanh Sơn\n\nNgày ban hành:\n\n21/11/2025\n\n"
        "Tình trạng:\n\nĐã biết\n\nKính gửi: Thủ trưởng các cơ quan thuộc Bộ\n\n"
        "1. Nội dung.\n\nNơi nhận:\n\n- Lưu: VT.\n\n"
        "TL. BỘ TRƯỞNG\n\nKT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG Nguyễn Thanh Sơn"
    )
    doc = parse_document(text)
    assert doc.code == "6316/BVHTTDL-VP" and doc.number == 6316
    assert doc.issued_date == "2025-11-21" and doc.doc_type == "Công văn"
    assert doc.signer_name == "Nguyễn Thanh Sơn"
    assert "metadata_table" in doc.flags


def test_code_from_own_appendix_when_header_missing():
    text = (
        "Kính gửi: Các bộ, ngành\n\nĐề nghị thực hiện./.\n\nNơi nhận:\n- Lưu: VT.\n\n"
        "KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN Phạm Thị Thanh Trà\n\n"
        "PHỤ LỤC ĐỀ XUẤT KIẾN NGHỊ (Kèm theo Công văn số 174/CV-BCĐ ngày 02 tháng"
        " 12 năm 2025 của Ban Chỉ đạo)"
    )
    doc = parse_document(text)
    assert (doc.code, doc.issued_date) == ("174/CV-BCĐ", "2025-12-02")
    assert doc.doc_type == "Công văn" and "code_from_appendix" in doc.flags
    assert doc.signer_name == "Phạm Thị Thanh Trà"
