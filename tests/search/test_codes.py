"""The số ký hiệu a query names (``search.codes.query_code_keys``)."""

from __future__ import annotations

import pytest

from documents.citations import code_lookup_keys
from search.codes import query_code_keys


@pytest.mark.parametrize(
    "text, keys",
    [
        ("kế hoạch thực hiện nghị quyết 48 nq cp đồng tháp", ["48/nq-cp"]),
        ("nghi dinh 98 2023 nd cp giay khen", ["98/2023/nd-cp"]),
        ("Nghị định 98/2023/NĐ-CP", ["98/2023/nd-cp"]),
        ("quy dinh 377 qd tw", ["377-qd/tw"]),
        ("34 CT TW", ["34-ct/tw"]),
        # spaces around every separator; dashes for every separator
        ("98 / 2023 / NĐ - CP", ["98/2023/nd-cp"]),
        ("thông tư 15 / 2025 / TT-BNV", ["15/2025/tt-bnv"]),
        ("34-ct-tw", ["34-ct/tw"]),
        ("chi thi 34-ct-tw", ["34-ct/tw"]),
        ("98-2023-nd-cp", ["98/2023/nd-cp"]),
        ("quyết định bãi bỏ quyết định 09 2022 qđ ubnd và 08 2025", ["9/2022/qd-ubnd"]),
    ],
)
def test_a_code_typed_with_spaces_is_read_whole(text, keys):
    assert query_code_keys(text) == keys


@pytest.mark.parametrize(
    "text, keys",
    [
        # a kind's abbreviation followed by a subject word is no code
        ("nghi dinh 98 nd giay khen", ["nghi dinh|98"]),
        ("chi thi 34", ["chi thi|34"]),
        ("ke hoach 2025 tam duong", ["ke hoach|2025"]),
        ("thi dua khen thuong", []),
        ("covid-19 2025", []),
        ("thi đua / khen thưởng 2025", []),
    ],
)
def test_other_queries_keep_their_keys(text, keys):
    assert query_code_keys(text) == keys


LAW_45_KEYS = code_lookup_keys(
    doc_type="Luật", number=45, year=2019, symbol="QH14", system="law"
)


@pytest.mark.parametrize(
    "text",
    [
        "45/2019/QH14",
        "45-2019-qh14",
        "45-2019-QH14",
        "luat 45-2019-qh14",
        "45 2019 qh14",
    ],
)
def test_a_law_code_typed_with_dashes_or_spaces_names_the_law(text):
    keys = query_code_keys(text)
    assert keys == ["45/2019/qh14"]
    assert set(keys) <= set(LAW_45_KEYS)


def test_a_symbol_typed_in_any_case_names_one_document():
    document = code_lookup_keys(
        doc_type="Quyết định", number=123, year=None, symbol="QĐ-TTg", system="admin"
    )
    typed = ["123/QĐ-TTg", "123/QĐ-TTG", "123/qđ-ttg", "123/qd-ttg", "123-qd-ttg"]
    for text in typed:
        assert query_code_keys(text) == ["123/qd-ttg"], text
    assert "123/qd-ttg" in document
