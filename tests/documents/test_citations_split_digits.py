"""A cited code whose digits a scrape split by a space ("số 9 8/2023/NĐ-CP",
"98/20 23/NĐ-CP"): read where the split is unambiguous (``citations.split``),
never where the digits may be two numbers."""

from __future__ import annotations

import pytest

from documents.citations import extract_citations


@pytest.mark.parametrize(
    "text, code, date",
    [
        (
            "Căn cứ Nghị định số 9 8/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;",
            "98/2023/NĐ-CP",
            "2023-12-31",
        ),
        ("Căn cứ Nghị định số 98/20 23/NĐ-CP của Chính phủ;", "98/2023/NĐ-CP", None),
        ("Căn cứ Nghị định 1 52/2025/NĐ-CP của Chính phủ;", "152/2025/NĐ-CP", None),
        (
            "Căn cứ Nghị định số 1 52/20 25/NĐ-CP ngày 01/7/2025;",
            "152/2025/NĐ-CP",
            "2025-07-01",
        ),
        ("theo Quyết định số 12 34/2025/QĐ-UBND", "1234/2025/QĐ-UBND", None),
    ],
)
def test_split_digits_of_a_code_are_read(text, code, date):
    (citation,) = extract_citations(text)
    assert (citation.code, citation.date) == (code, date)
    # The raw text keeps what the scrape printed.
    assert text[citation.start : citation.end] == citation.raw


@pytest.mark.parametrize(
    "text, codes",
    [
        # a row number before the code in a flattened table
        ("1 98/2023/NĐ-CP Nghị định quy định chi tiết", ["98/2023/NĐ-CP"]),
        # more digits than a number has
        ("Thông tư số 123 456/2025/TT-BTC", ["456/2025/TT-BTC"]),
        # a pinpoint's number, not after "số" or a kind
        ("theo khoản 2 Điều 5 98/2023/NĐ-CP", ["98/2023/NĐ-CP"]),
    ],
)
def test_digits_that_may_be_two_numbers_are_not_joined(text, codes):
    assert [c.code for c in extract_citations(text) if c.code] == codes
