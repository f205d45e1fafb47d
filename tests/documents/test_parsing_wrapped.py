"""Scraped headers from outside shared (docs/benchmarks.md, "Parser on documents
from outside shared", 2026-12-07): a date whose digits are split by a space, and
a header whose cells wrap inside a Markdown table."""

import pytest

from documents.dates import find_date
from documents.parsing import parse_document

SPLIT_DATE = """| CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
|---|---|
| Số: 12/2018/NĐ-CP | Hà Nội, ngày 20 tháng 0 7 năm 2018 |

NGHỊ ĐỊNH

QUY ĐỊNH CHẾ ĐỘ HỖ TRỢ ĐỐI VỚI NGƯỜI CÓ CÔNG

Căn cứ Luật tổ chức Chính phủ ngày 19 tháng 6 năm 2015;

Điều 1. Phạm vi điều chỉnh

| Nơi nhận: - Như trên; - Lưu: VT. | TM. CHÍNH PHỦ THỦ TƯỚNG Nguyễn Văn An |
|---|---|
"""

WRAPPED_CELLS = """|
**ỦY BAN NHÂN DÂN**
TỈNH LÂM ĐỒNG
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 2284/QĐ-UBND
|
*Lâm Đồng, ngày 25
tháng 11 năm 2025*
|
**QUYẾT ĐỊNH**
VỀ VIỆC CÔNG NHẬN XÃ, PHƯỜNG MIỀN NÚI
**ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG**
*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;*
**QUYẾT ĐỊNH:**
**Điều 1.** Công nhận các xã, phường miền núi.
|
Nơi nhận:
- Như Điều 1;
- Lưu: VT.
|
**TM. ỦY BAN NHÂN DÂN**
CHỦ TỊCH
Hồ Văn Mười
|
"""


def test_split_month_digits():
    assert find_date("Hà Nội, ngày 26 tháng 0 6 năm 2018").value == "2018-06-26"


def test_split_day_digits():
    assert find_date("ngày 1 5 tháng 3 năm 2023").value == "2023-03-15"


def test_split_year_digits():
    """A year split after its century; no other split of four digits is one."""
    assert find_date("ngày 05 tháng 3 năm 20 25").value == "2025-03-05"
    assert find_date("ngày 05 tháng 3 năm 30 25") is None


def test_split_digits_out_of_range_keep_the_year_only():
    assert find_date("ngày 12 tháng 3 2 năm 2020").value == "2020"


def test_header_date_with_split_digits():
    doc = parse_document(SPLIT_DATE)
    assert doc.issued_date == "2018-07-20"
    assert doc.code == "12/2018/NĐ-CP"


@pytest.mark.parametrize(
    "printed, code",
    [
        ("Số: 1 2/2018/NĐ-CP", "12/2018/NĐ-CP"),
        ("Số: 12/20 18/NĐ-CP", "12/2018/NĐ-CP"),
        ("Số: 1 52/2018/NĐ-CP", "152/2018/NĐ-CP"),
        ("Số: 12 /QĐ-UBND", "12/QĐ-UBND"),
    ],
)
def test_header_number_with_split_digits(printed, code):
    doc = parse_document(SPLIT_DATE.replace("Số: 12/2018/NĐ-CP", printed))
    assert doc.code == code


def test_header_wrapped_in_table_cells():
    doc = parse_document(WRAPPED_CELLS)
    assert doc.issued_date == "2025-11-25"
    assert doc.issuer == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert doc.code == "2284/QĐ-UBND"
    assert doc.signer_name == "Hồ Văn Mười"


GLUED_PAGE_TITLE = """Quyết định 35/QĐ-UBND năm 2020. ỦY BAN NHÂN DÂN TỈNH KON TUM -------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
Số: 35/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2020 ỦY BAN NHÂN DÂN TỈNH KON TUM
Căn cứ Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2020.
Nơi nhận:
- Như điều 1;
- Lưu VT.
TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An
"""

GLUED_LETTER = """Công văn 97/BKHĐT-QLKTTW năm 2019 hướng dẫn áp dụng Luật Doanh nghiệp do Bộ Kế hoạch và Đầu tư ban hành. BỘ KẾ HOẠCH VÀ ĐẦU TƯ ----------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
Số: 97/BKHĐT-QLKTTW V/v hướng dẫn áp dụng quy định tại Điều 162 Luật DN 2014 Hà Nội, ngày 23 tháng 5 năm 2019 Kính gửi: Tổng công ty Khí Việt Nam Phúc đáp Công văn số 615/KVN-PC ngày 3 tháng 4 năm 2019 của Tổng công ty, Bộ Kế hoạch và Đầu tư có ý kiến như sau:
1. Về chấp thuận các hợp đồng.
Nơi nhận:
- Như trên;
- Lưu: VT.
TL.
BỘ TRƯỞNG CHÁNH VĂN PHÒNG Nguyễn Đức An
"""


def test_page_title_glued_before_the_issuer():
    doc = parse_document(GLUED_PAGE_TITLE)
    assert doc.doc_type == "Quyết định"
    assert doc.issuer == "Ủy ban nhân dân tỉnh Kon Tum"
    assert doc.issued_date == "2020-05-04"
    # A trích yếu printed "V/V …" under the type word keeps it (unseen2 gold).
    assert doc.title.startswith("V/v ban hành kế hoạch cải cách hành chính năm 2020")


def test_date_glued_to_kinh_gui_and_place_after_a_year():
    doc = parse_document(GLUED_LETTER)
    assert doc.issued_date == "2019-05-23"
    assert doc.title == "Hướng dẫn áp dụng quy định tại Điều 162 Luật DN 2014"
    assert doc.issuer == "Bộ Kế hoạch và Đầu tư"


def test_signature_glued_to_the_filing_line():
    text = GLUED_LETTER.replace(
        "- Lưu: VT.\nTL.\nBỘ TRƯỞNG CHÁNH VĂN PHÒNG Nguyễn Đức An\n",
        "- Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng\n",
    )
    assert "Trung Anh" in text
    assert parse_document(text).signer_name == "Mai Tiến Dũng"
    # The block starts at its position, not at the filing code (review).
    text = GLUED_LETTER.replace(
        "- Lưu: VT.\nTL.\nBỘ TRƯỞNG CHÁNH VĂN PHÒNG Nguyễn Đức An\n",
        "- Lưu: VT. GIÁM ĐỐC Nguyễn Văn An\n",
    )
    parsed = parse_document(text)
    assert (parsed.signer_name, parsed.signer_position) == ("Nguyễn Văn An", "GIÁM ĐỐC")


def test_a_markdown_bullet_keeps_its_mark():
    """Only a lone italic mark glued to its text is dropped; "* Điều 5 …" is a
    bullet of an amending text's list (review)."""
    from documents.parsing.lines import clean_lines

    assert clean_lines("* Điều 5 được sửa đổi như sau:") == [
        "* Điều 5 được sửa đổi như sau:"
    ]
    assert clean_lines("*Lâm Đồng, ngày 25\ntháng 11 năm 2025*") == [
        "Lâm Đồng, ngày 25",
        "tháng 11 năm 2025",
    ]
