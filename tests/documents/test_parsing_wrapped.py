"""Scraped headers from outside shared (docs/benchmarks.md, "Parser on documents
from outside shared", 2026-12-07): a date whose digits are split by a space, and
a header whose cells wrap inside a Markdown table."""

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


def test_split_digits_out_of_range_keep_the_year_only():
    assert find_date("ngày 12 tháng 3 2 năm 2020").value == "2020"


def test_header_date_with_split_digits():
    doc = parse_document(SPLIT_DATE)
    assert doc.issued_date == "2018-07-20"
    assert doc.code == "12/2018/NĐ-CP"


def test_header_wrapped_in_table_cells():
    doc = parse_document(WRAPPED_CELLS)
    assert doc.issued_date == "2025-11-25"
    assert doc.issuer == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert doc.code == "2284/QĐ-UBND"
    assert doc.signer_name == "Hồ Văn Mười"
