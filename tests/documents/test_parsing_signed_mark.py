"""A scraped copy of an old document prints its signer as "Name (Đã ký)" with
no position above it (04/2001/TT-BXD of Bộ Xây dựng, 2001)."""

from __future__ import annotations

import pytest

from documents.parsing import parse_document

_TEXT = (
    "| BỘ XÂY DỰNG ******** | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
    "Hạnh phúc ******** |\n|---|---|\n| Số: 04/2001/TT-BXD | Hà Nội, ngày 20 "
    "tháng 8 năm 2001 |\n\nTHÔNG TƯ\n\nHƯỚNG DẪN BỔ SUNG VIỆC HỖ TRỢ CẢI THIỆN NHÀ "
    "Ở\n\nThông tư này có hiệu lực thi hành kể từ ngày ký.\n\n{tail}"
)


@pytest.mark.parametrize(
    "tail",
    [
        "|  | Nguyễn Mạnh Kiểm (Đã ký) |\n|---|---|\n",
        "Nguyễn Mạnh Kiểm\n(đã ký)\n",
        "KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Mạnh Kiểm (Đã ký)\n",
    ],
)
def test_the_name_before_a_signed_mark_is_the_signer(tail):
    assert parse_document(_TEXT.format(tail=tail)).signer_name == "Nguyễn Mạnh Kiểm"


def test_a_one_letter_middle_name_is_kept():
    tail = "Giàng A Tính (Đã ký)\n"
    assert parse_document(_TEXT.format(tail=tail)).signer_name == "Giàng A Tính"


def test_a_position_in_title_case_is_not_taken_for_a_name():
    tail = "Phó Chủ Tịch Nguyễn Văn Hải (Đã ký)\n"
    assert (
        parse_document(_TEXT.format(tail=tail)).signer_name != "Chủ Tịch Nguyễn Văn Hải"
    )


def test_a_signed_mark_after_lower_case_words_names_nobody():
    tail = "Nơi nhận:\n- Như trên (đã ký);\n- Lưu VT.\n"
    assert parse_document(_TEXT.format(tail=tail)).signer_name is None
