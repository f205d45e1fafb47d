"""The effect clause: when the issuing text says it takes effect
(``documents.parsing.effect``, officer walk #4)."""

import pytest

from documents.parsing import parse_document
from documents.parsing.effect import effective_date, find_effect_clauses, own_clause
from documents.parsing.hints import fill_from_record

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n\nSố: 215/QĐ-UBND\n\n"
    "Lào Cai, ngày 20 tháng 01 năm 2025\n\nQUYẾT ĐỊNH\n\n"
    "Về việc ban hành Quy chế làm việc\n\nỦY BAN NHÂN DÂN TỈNH LÀO CAI\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n\n"
    "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.\n\n"
)
TAIL = (
    "\n\nĐiều 3. Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này./.\n\n"
    "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\n"
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A"
)


def decision(clause: str, after: str = "") -> str:
    return HEAD + clause + TAIL + after


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "2025-01-20"),
        (
            "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.",
            "2025-01-20",
        ),
        ("Điều 2. Quyết định này có hiệu lực từ ngày ban hành.", "2025-01-20"),
        (
            "Điều 2. Hiệu lực thi hành\n\n"
            "Quyết định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.",
            "2025-07-01",
        ),
        (
            "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 15/3/2025.",
            "2025-03-15",
        ),
        ("Điều 2. Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.", "2025-01-30"),
        (
            "Điều 2. Hiệu lực và trách nhiệm thi hành Quyết định này có hiệu lực "
            "thi hành kể từ ngày 01 tháng 02 năm 2025, thay thế Quyết định số "
            "12/QĐ-UBND ngày 05/01/2020.",
            "2025-02-01",
        ),
    ],
)
def test_the_documents_own_clause_gives_its_effective_date(clause, expected):
    assert parse_document(decision(clause)).effective_date == expected


@pytest.mark.parametrize(
    "clause",
    [
        "Điều 2. Quyết định này có hiệu lực thi hành.",  # no date
        # tied to another text: its date is not written here
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày Thông tư số "
        "36/2025/TT-BKHCN ngày 26 tháng 11 năm 2025 có hiệu lực.",
        # another text's clause, quoted
        "Điều 2. Nghị định số 98/2023/NĐ-CP có hiệu lực từ ngày 01 tháng 8 năm 2023.",
        'Điều 2. Sửa đổi như sau: "Quyết định này có hiệu lực từ ngày 01/01/2024."',
        # the attached regulation speaking of itself
        "Điều 2. Quy chế này có hiệu lực từ ngày 01 tháng 3 năm 2025.",
        # a template's blank date
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ... tháng ... năm ...",
    ],
)
def test_no_date_from_a_clause_that_is_not_the_documents_own(clause):
    assert parse_document(decision(clause)).effective_date is None


@pytest.mark.parametrize(
    "clause, expected",
    [
        # wrapped over two lines (a scrape keeps the printed line breaks)
        (
            "Điều 2. Quyết định này có hiệu lực thi hành kể từ\n\n"
            "ngày 01 tháng 7 năm 2025.",
            "2025-07-01",
        ),
        (
            "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 7\n"
            "năm 2025.",
            "2025-07-01",
        ),
        ("Điều 2. Quyết định này có hiệu lực từ ngày\n15/3/2025.", "2025-03-15"),
        ("Điều 2. Quyết định này\ncó hiệu lực từ ngày 15/3/2025.", "2025-03-15"),
        # digits split by a space (letter-spaced PDF scrapes)
        (
            "Điều 2. Quyết định này có hiệu lực kể từ ngày 0 1 tháng 0 7 năm 2025.",
            "2025-07-01",
        ),
        (
            "Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 7 năm 20 25.",
            "2025-07-01",
        ),
    ],
)
def test_a_wrapped_or_split_clause_gives_its_date(clause, expected):
    assert parse_document(decision(clause)).effective_date == expected


def test_a_clause_ending_its_line_without_a_date_takes_none_from_the_next():
    doc = parse_document(
        decision(
            "Điều 2. Quyết định này có hiệu lực thi hành\n\n"
            "Điều 3. Thay thế Quyết định số 12/QĐ-UBND ngày 01 tháng 7 năm 2020."
        )
    )
    assert doc.effective_date is None


def test_a_clause_after_the_signature_is_not_read():
    attached = "\n\nQUY CHẾ\n\nĐiều 9. Quyết định này có hiệu lực từ ngày 01/6/2025."
    doc = parse_document(decision("Điều 2. Giao Sở Nội vụ hướng dẫn.", attached))
    assert doc.effective_date is None


def test_the_last_clause_of_the_body_counts():
    clauses = find_effect_clauses(
        [
            "1. Thông tư này có hiệu lực từ ngày 01 tháng 02 năm 2025.",
            "2. Thông tư này có hiệu lực thi hành kể từ ngày 15/02/2025.",
        ]
    )
    assert own_clause(clauses, "Thông tư").date == "2025-02-15"
    assert own_clause(clauses, "Nghị định") is None


def test_signing_needs_a_full_date_of_issue():
    (clause,) = find_effect_clauses(
        ["Điều 3. Quyết định này có hiệu lực kể từ ngày ký."]
    )
    assert effective_date(clause, "2025-11-18") == "2025-11-18"
    assert effective_date(clause, "2025") is None
    (months,) = find_effect_clauses(["Luật này có hiệu lực sau 2 tháng kể từ ngày ký."])
    assert effective_date(months, "2025-12-31") == "2026-02-28"


def test_the_records_own_date_wins_and_a_filled_date_of_issue_is_used():
    text = decision("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.")
    text = text.replace(", ngày 20 tháng 01 năm 2025", "")  # a scrape without it
    doc = parse_document(text)
    assert doc.effective_date is None
    filled = fill_from_record(doc, text, {"issued_date": "20/01/2025"})
    assert filled.issued_date == "2025-01-20" and filled.effective_date == "2025-01-20"
    given = fill_from_record(doc, text, {"effective_date": "01/02/2025"})
    assert given.effective_date == "2025-02-01"
    assert (
        fill_from_record(doc, text, {"effective_date": "Đã biết"}).effective_date
        is None
    )


def test_a_date_years_before_the_date_of_issue_is_another_texts():
    """ "Quyết định này thay thế Quyết định số 20/2019/QĐ-UBND … có hiệu lực từ
    ngày 15 tháng 3 năm 2019": the date is the replaced text's (review); a date
    earlier in the year of issue (a budget year's start) stays."""
    (clause,) = find_effect_clauses(
        [
            "Điều 2. Quyết định này có hiệu lực từ ngày 15 tháng 3 năm 2019.",
        ]
    )
    assert effective_date(clause, "2025-06-20") is None
    (budget,) = find_effect_clauses(
        ["Điều 2. Quyết định này có hiệu lực từ ngày 01 tháng 01 năm 2025."]
    )
    assert effective_date(budget, "2025-06-20") == "2025-01-01"
