"""Identity keys, parse_code, compose_code and lookup keys (no database needed)."""

import pytest

from documents.citations import (
    Citation,
    CodeParts,
    code_lookup_keys,
    compose_code,
    parse_code,
    spaced_codes,
)
from tests.documents.test_citations import one


class TestKeys:
    def test_same_symbol_from_different_issuers_never_merges(self):
        e01 = one("Kế hoạch số 118/KH-UBND ngày 27/12/2024 của UBND tỉnh Lai Châu")
        e05 = one("Kế hoạch số 118/KH-UBND ngày 12/7/2024 của UBND huyện Tam Đường")
        assert e01.key != e05.key

    def test_party_citation_variants_share_a_key(self):
        e02 = one("Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về TĐKT")
        e39 = one("Chỉ thị 34-CT/TW ngày 7/4/2014 của Bộ Chính trị")
        assert e02.key == e39.key

    def test_zero_padding_does_not_change_the_key(self):
        e11 = one("Thông tư số\n01/2024/TT-BNV ngày 24 tháng 02 năm 2024 của Bộ trưởng")
        e15 = one("Thông tư số 1/2024/TT-BNV ngày 24 tháng 02 năm 2024")
        assert e11.key == e15.key

    def test_issuer_abbreviation_is_expanded_in_admin_keys(self):
        short = one("Kế hoạch số 5/KH-UBND ngày 2/1/2025 của UBND tỉnh Sơn La")
        long = one(
            "Kế hoạch số 05/KH-UBND ngày 02/01/2025 của Ủy ban nhân dân tỉnh Sơn La"
        )
        assert short.key == long.key

    def test_party_key_keeps_the_term(self):
        xiv = one("Nghị quyết 13-NQ/TƯ của Tỉnh ủy (khóa XIV)")
        xv = one("Nghị quyết số 13-NQ/TƯ của Tỉnh ủy khóa XV")
        assert xiv.issuer == "Tỉnh ủy (khóa XIV)"
        assert xiv.key != xv.key
        assert xiv.key == one("Nghị quyết số 13-NQ/TU của Tỉnh ủy khóa XIV").key

    def test_unresolved_law_key_ignores_the_pinpoint(self):
        pinpointed = one("khoản 2 Điều 30 Luật Đất đai năm 2024")
        plain = one("Căn cứ Luật Đất đai năm 2024;")
        assert pinpointed.key == plain.key

    def test_law_by_name_keys_by_gazetteer_number(self):
        by_name = one("Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022")
        by_number = one("Luật Thi đua, khen thưởng số 06/2022/QH15")
        bare = one("được sửa đổi bởi Luật số 6/2022/QH15")
        stored = Citation(
            "",
            0,
            0,
            "Luật",
            6,
            2022,
            "QH15",
            "06/2022/QH15",
            None,
            None,
            None,
            None,
            (),
        )
        assert by_name.key == by_number.key == bare.key == stored.key

    def test_law_and_resolution_of_the_national_assembly_differ(self):
        law = one("Luật số 64/2025/QH15")
        resolution = one("Nghị quyết số 64/2025/QH15")
        assert law.key != resolution.key


class TestCodes:
    @pytest.mark.parametrize(
        "query",
        ["34-CT/TW", "34/CT-TW", "34 CT/TW", "34-ct/tw", "chi thi so 34-CT/TW"],
    )
    def test_party_code_variants(self, query):
        parts = parse_code(query)
        assert (parts.code, parts.system, parts.doc_type) == (
            "34-CT/TW",
            "party",
            "Chỉ thị",
        )
        assert parts.match_keys() == ["34-ct/tw"]

    @pytest.mark.parametrize(
        "query", ["98/2023/NĐ-CP", "98/2023/ND-CP", "98/2023/nd-cp"]
    )
    def test_qppl_code_variants(self, query):
        parts = parse_code(query)
        assert (parts.number, parts.year, parts.symbol) == (98, 2023, "NĐ-CP")

    @pytest.mark.parametrize(
        ("query", "keys"),
        [
            ("nd 98/2023", ["nghi dinh|98|2023"]),
            ("Nghị định 98/2023", ["nghi dinh|98|2023"]),
            ("Nghị định 98", ["nghi dinh|98"]),
            ("Chỉ thị 34", ["chi thi|34"]),
            ("5324/KH-UBND", ["5324/kh-ubnd"]),
            ("1/2024/TT-BNV", ["1/2024/tt-bnv"]),
            ("01/2024/TT-BNV", ["1/2024/tt-bnv"]),
        ],
    )
    def test_query_keys(self, query, keys):
        assert parse_code(query).match_keys() == keys

    def test_queries_meet_the_document_keys(self):
        decree = code_lookup_keys(
            doc_type="Nghị định", number=98, year=2023, symbol="NĐ-CP", system="qppl"
        )
        directive = code_lookup_keys(
            doc_type="Chỉ thị", number=34, year=2014, symbol="CT/TW", system="party"
        )
        for query in ("98/2023/nd-cp", "nd 98/2023", "Nghị định 98"):
            assert set(parse_code(query).match_keys()) & set(decree)
            assert not set(parse_code(query).match_keys()) & set(directive)
        for query in ("34/CT-TW", "Chỉ thị 34"):
            assert set(parse_code(query).match_keys()) & set(directive)
        assert not set(parse_code("34-CT/TU").match_keys()) & set(directive)

    def test_whole_citation_as_query(self):
        parts = parse_code("Quyết định 1234/QĐ-UBND ngày 5/3/2024")
        assert parts.match_keys() == ["1234/qd-ubnd"]

    def test_draft_and_nonsense(self):
        draft = parse_code("Số: /KH-UBND")
        assert draft.number is None and draft.match_keys() == []
        assert parse_code("hello") is None and parse_code("") is None

    def test_law_title_query(self):
        parts = parse_code("Luật Thi đua, khen thưởng 2022")
        assert parts == CodeParts("Luật", 6, 2022, "QH15", "06/2022/QH15", "law")

    def test_compose_code_pads_small_numbers(self):
        assert compose_code(number=9, year=None, symbol="CT-UBND", system="admin") == (
            "09/CT-UBND"
        )
        assert compose_code(number=98, year=2023, symbol="NĐ-CP", system="qppl") == (
            "98/2023/NĐ-CP"
        )
        assert compose_code(number=34, year=None, symbol="CT/TW", system="party") == (
            "34-CT/TW"
        )
        assert compose_code(
            number=None, year=None, symbol="KH-UBND", system="admin"
        ) == ("/KH-UBND")


@pytest.mark.parametrize(
    "words, codes",
    [
        ("nghi quyet 48 nq cp", ["48/nq-cp"]),
        ("98 2023 nđ cp giay khen", ["98/2023/nđ-cp"]),
        ("377 QĐ TW và 09 2022 qd ubnd", ["377/QĐ-TW", "09/2022/qd-ubnd"]),
        ("98 nd giay khen", []),  # a subject word, not an issuer, after the kind
        ("48 cp nq", []),  # the kind comes before the issuer
        ("2025 tam duong", []),
        # a law's code: number, year and the National Assembly's symbol
        ("bo luat 45 2019 qh14 dieu 35", ["45/2019/qh14"]),
        ("45 2019 qh", []),
        ("45 qh14", []),
    ],
)
def test_spaced_codes(words, codes):
    assert spaced_codes(words.split()) == codes
    assert all(parse_code(code).number is not None for code in codes)
