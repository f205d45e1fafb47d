"""Letter-spaced scrapes (documents/parsing/spacing.py): pieces are rejoined
only where they spell a name of a closed list."""

import pytest

from documents.parsing import parse_document
from documents.parsing.spacing import (
    join_surname,
    respaced_body,
    respaced_place,
    respaced_symbol,
)

SPACED = """| ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |
|---|---|
| Số: 210/QĐ - U B ND | T hành phố Hồ Chí M inh, ngày 28 tháng 6 năm 2014 |

QUYẾT ĐỊNH

VỀ BAN HÀNH KẾ HOẠCH HỖ TRỢ NGƯỜI CÓ CÔNG VỀ NHÀ Ở

CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH

Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hỗ trợ người có công về nhà ở./.

| Nơi nhận: - Như Điều 1; - L ư u : V T. | KT. CHỦ TỊ CH P HÓ CHỦ T Ị CH Ngu y ễn Hữu Tín |
|---|---|
"""


def test_letter_spaced_header_and_signer():
    doc = parse_document(SPACED)
    assert doc.code == "210/QĐ-UBND"
    assert doc.issued_date == "2014-06-28"
    assert doc.issuer == "Ủy ban nhân dân thành phố Hồ Chí Minh"
    assert doc.signer_name == "Nguyễn Hữu Tín"


@pytest.mark.parametrize(
    "line, name",
    [
        (
            "B Ộ LAO ĐỘNG - THƯƠNG BINH V À X Ã HỘI",
            "Bộ Lao động - Thương binh và Xã hội",
        ),
        ("ỦY B AN NHÂN D Â N TỈNH LAI C HÂU", "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"),
    ],
)
def test_spaced_body_names(line, name):
    assert respaced_body(line) == name


@pytest.mark.parametrize(
    "line",
    ["ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "BỘ TÀI CHÍNH", "SỞ Y TẾ", "ỦY BAN NHÂN DÂN"],
)
def test_names_spaced_as_written_stay(line):
    assert respaced_body(line) == line


def test_surname_pieces_join_only_into_a_surname():
    tokens = "CHỦ TỊCH Đặ ng Văn Minh".split()
    assert join_surname(tokens, 4) == 2
    assert tokens[2:] == ["Đặng", "Văn", "Minh"]
    # "ăn" + "Hà" spell no surname; a real surname is never joined further.
    for text, k in (("CHỦ TỊCH ông Văn Hà", 3), ("CHỦ TỊCH Lê Hà Minh", 3)):
        tokens = text.split()
        assert join_surname(tokens, k) == k
        assert tokens == text.split()


def test_spaced_place_and_symbol():
    assert respaced_place("T hành phố Hồ Chí M inh") == "Thành phố Hồ Chí Minh"
    assert respaced_place("Phường Bến Nghé") is None
    assert respaced_symbol("QĐ-U", " B ND") == "QĐ-UBND"
    # Pieces that join into no known abbreviation are left alone.
    assert respaced_symbol("QĐ-UB", " HÀ NỘI") == "QĐ-UB"
    assert respaced_symbol("QĐ-X", " B ND") == "QĐ-X"
    # A known last part is never extended.
    assert respaced_symbol("QĐ-UBND", " HN") == "QĐ-UBND"
