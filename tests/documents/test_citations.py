"""Citation extraction on real strings (no database needed)."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents.citations import (
    Citation,
    extract_citations,
)
from documents.citations.examples import EXAMPLES
from documents.citations.model import CITATION_FIELDS

D2025 = datetime.date(2025, 3, 1)


def one(text: str, **kwargs) -> Citation:
    found = extract_citations(text, **kwargs)
    assert len(found) == 1, [c.raw for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [pytest.param(t, c, e, id=i) for i, t, c, e in EXAMPLES],
)
def test_domain_examples_parse_as_documented(text, context, expected):
    found = extract_citations(text, context_date=context)
    assert len(found) == len(expected), [c.raw for c in found]
    for citation, want in zip(found, expected, strict=True):
        assert text[citation.start : citation.end] == citation.raw
        for field, value in want.items():
            if field == "flags":
                assert set(value) <= set(citation.flags)
            else:
                assert getattr(citation, field) == value, field


class TestForms:
    """Individual forms and repairs, each with the real string it comes from."""

    def test_party_number_without_hyphen_is_repaired(self):
        citation = one("Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013")
        assert citation.code == "84-QĐ/TWĐTN"
        assert "symbol_repaired" in citation.flags

    def test_space_inside_symbol_is_repaired(self):
        citation = one("Nghị định số 65/2014/NĐ- CP ngày 01/7/2014 của Chính phủ")
        assert (citation.symbol, citation.code) == ("NĐ-CP", "65/2014/NĐ-CP")

    def test_slash_instead_of_hyphen_is_repaired(self):
        citation = one("Thông tư số 01/2024/TT/BNV ngày 24/02/2024")
        assert citation.code == "01/2024/TT-BNV"
        assert "symbol_repaired" in citation.flags

    def test_dash_variants_and_spaces_in_pdf_text(self):
        citation = one("Nghị định số 98 / 2023 / NĐ – CP ngày 31/12/2023")
        assert (citation.code, citation.date) == ("98/2023/NĐ-CP", "2023-12-31")
        assert one("Nghị định số 98/2023/NĐ\u2011CP").code == "98/2023/NĐ-CP"

    def test_double_so_and_glued_so(self):
        assert "so_repeated" in one("Kế hoạch số số 118/KH-UBND").flags
        glued = one("Quyết định của Ban Bí thư số91-QĐ/TW, ngày 16-02-2004")
        assert glued.number == 91 and glued.issuer == "Ban Bí thư"

    def test_eth_and_glued_word(self):
        citation = one("Nghị định số 01/NÐ-CPvề việc chuyển Tổng cục Thống kê")
        assert citation.code == "01/NĐ-CP"
        assert citation.raw == "Nghị định số 01/NÐ-CP"
        assert "glued" in citation.flags

    def test_mixed_case_code_glued_to_cua(self):
        citation = one("Căn cứ Quyết định số 35/2025/QĐ-TTgcủa Thủ tướng Chính phủ")
        assert citation.code == "35/2025/QĐ-TTg"
        assert citation.issuer == "Thủ tướng Chính phủ"

    def test_four_date_forms_and_partial_dates(self):
        dates = [
            one(f"Quyết định số 891/QĐ-TTg {tail}").date
            for tail in (
                "ngày 17/7/2019",
                "ngày 17-7-2019",
                "ngày 17.7.2019",
                "ngày 17 tháng 7 năm 2019",
                "năm 2019",
                "ngày tháng năm 2019",
                "ngày  tháng 7 năm 2019",
            )
        ]
        assert dates == ["2019-07-17"] * 4 + ["2019", "2019", "2019-07"]

    def test_blank_draft_date_gives_no_date(self):
        citation = one("Căn cứ Quyết định số..../QĐ-UBND ngày...tháng … năm ...")
        assert citation.number is None and citation.date is None
        assert "draft_no_number" in citation.flags

    def test_bare_number_needs_so_or_a_date(self):
        assert one("Công văn số 67 ngày 21-1-2020").number == 67
        assert extract_citations("Kế hoạch 05 năm (2021-2025)") == []

    def test_name_between_type_word_and_so(self):
        citation = one(
            "triển khai Kế hoạch hành động số 459-KHHĐ/TU ngày 21 tháng 5 năm 2025 "
            "của Thành ủy Thành phố về thực hiện"
        )
        assert (citation.doc_type, citation.code) == ("Kế hoạch", "459-KHHĐ/TU")
        assert citation.issuer == "Thành ủy Thành phố"

    def test_form_and_standard_numbers_are_not_documents(self):
        assert extract_citations("kê khai theo mẫu số 01/XĐTMS/TXNK Phụ lục VI") == []
        assert extract_citations("đạt QCVN 01:2018/BYT và TCCS 661:2018/BVTV") == []

    def test_code_without_type_word_takes_type_from_symbol(self):
        citation = one("xăng RON95, số 367/BTC-QLG ngày 06 tháng 4 năm 2018 về")
        assert (citation.doc_type, citation.date) == ("Công văn", "2018-04-06")
        assert "no_type" in citation.flags

    def test_own_number_in_a_flattened_header_is_flagged(self):
        citation = one("UBND TỈNH LAI CHÂU   Số: 123/QĐ-UBND   Lai Châu, ngày 5/3/2025")
        assert "header" in citation.flags and citation.date == "2025-03-05"

    def test_compound_type_name(self):
        citation = one("Căn cứ Thông báo kết luận số 45/TB-UBND ngày 3/3/2025;")
        assert citation.raw.startswith("Thông báo kết luận số 45")
        assert (citation.doc_type, citation.relation) == ("Thông báo", "căn cứ")

    def test_abbreviated_type_word(self):
        citation = one("DA đã có trong QĐ số 270/QĐ-TTg ngày 02/4/2024")
        assert citation.raw.startswith("QĐ số 270/QĐ-TTg")
        assert "type_abbreviated" in citation.flags

    def test_no_citation_without_number(self):
        text = "theo Nghị quyết Đại hội Đại biểu toàn quốc lần thứ XIII của Đảng"
        assert extract_citations(text) == []


class TestLawsByName:
    def test_title_with_comma_and_and(self):
        citation = one("Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;")
        assert citation.code == "11/2003/QH11"

    def test_shared_title_resolved_by_context_date(self):
        text = "Luật Thi đua, khen thưởng"
        old = one(text, context_date=datetime.date(2010, 1, 1))
        new = one(text, context_date=D2025)
        assert (old.code, new.code) == ("15/2003/QH11", "06/2022/QH15")
        assert "resolved_by_context" in new.flags

    def test_bare_title_means_the_law_the_text_named_with_its_year(self):
        # Nghị định 98/2023/NĐ-CP (26/12/2023) is based on the 2022 law, in
        # force from 2024: its body's "Luật Thi đua, khen thưởng" is that law,
        # not the 2003 one in force on the decree's date.
        text = (
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
            "Điều 1. Nghị định này quy định chi tiết Luật Thi đua, khen thưởng."
        )
        day = datetime.date(2023, 12, 26)
        basis, body = extract_citations(text, context_date=day)
        assert (basis.code, body.code) == ("06/2022/QH15", "06/2022/QH15")
        assert "resolved_by_antecedent" in body.flags
        alone = one(
            "Điều 1. Quy định chi tiết Luật Thi đua, khen thưởng.", context_date=day
        )
        assert alone.code == "15/2003/QH11"

    def test_two_laws_of_one_title_named_leave_the_date_to_decide(self):
        text = (
            "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; "
            "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; "
            "theo Luật Thi đua, khen thưởng"
        )
        found = extract_citations(text, context_date=D2025)
        assert [c.code for c in found] == [
            "15/2003/QH11",
            "06/2022/QH15",
            "06/2022/QH15",
        ]
        assert "resolved_by_context" in found[-1].flags

    def test_context_date_may_be_an_iso_string(self):
        citation = one("Luật Thi đua, khen thưởng", context_date="2010-05-01")
        assert citation.code == "15/2003/QH11"

    def test_year_in_text_wins_over_context(self):
        citation = one(
            "Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003",
            context_date=D2025,
        )
        assert citation.code == "15/2003/QH11"

    def test_new_style_number_without_date(self):
        citation = one("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;")
        assert (citation.number, citation.year, citation.date) == (72, 2025, None)

    def test_unknown_title_is_kept_unresolved(self):
        citation = one("Căn cứ Luật Di sản văn hóa ngày 23 tháng 11 năm 2024;")
        assert citation.raw == "Luật Di sản văn hóa ngày 23 tháng 11 năm 2024"
        assert citation.year == 2024 and citation.code is None

    def test_amending_law_with_a_list_of_titles(self):
        text = (
            "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu "
            "tư, Luật Đầu tư theo phương thức đối tác công tư và Luật Đấu thầu số "
            "57/2024/QH15;"
        )
        citation = one(text)
        assert citation.code == "57/2024/QH15"
        assert citation.raw.startswith("Luật sửa đổi") and "amending_law" in (
            citation.flags
        )

    def test_amended_laws_with_their_own_numbers(self):
        text = (
            "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, "
            "Luật Nhà ở số 27/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15;"
        )
        codes = [c.code for c in extract_citations(text)]
        assert codes == [None, "31/2024/QH15", "27/2023/QH15", "32/2024/QH15"]

    def test_ordinance_title_runs_up_to_its_number(self):
        citation = one(
            "Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14;"
        )
        assert (citation.doc_type, citation.code) == ("Pháp lệnh", "02/2020/UBTVQH14")

    @pytest.mark.parametrize(
        "text",
        [
            "Luật Thi đua - Khen thưởng năm 2022",
            "Luật Thi đua khen thưởng 2022",
            "Luật TĐKT năm 2022",
        ],
    )
    def test_title_variants_and_bare_year(self, text):
        assert one(text).code == "06/2022/QH15"

    def test_and_the_guiding_documents_is_not_a_citation(self):
        text = "Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành"
        assert one(text, context_date=D2025).raw == "Luật Thi đua, khen thưởng"

    def test_lower_case_law_is_not_a_title(self):
        assert extract_citations("theo quy định của pháp luật Việt Nam") == []


class TestContext:
    def test_issuer_stops_at_trich_yeu(self):
        citation = one(
            "Căn cứ Nghị định số 186/2025/NĐ-CP của Chính phủ quy định chi tiết"
        )
        assert citation.issuer == "Chính phủ"

    def test_issuer_keeps_nested_cua(self):
        citation = one(
            "Công văn 285/CCTTHC ngày 08 tháng 9 năm 2009 của Tổ công tác chuyên "
            "trách cải cách thủ tục hành chính của Thủ tướng Chính phủ"
        )
        assert citation.issuer.endswith("của Thủ tướng Chính phủ")

    @pytest.mark.parametrize(
        ("text", "pinpoint"),
        [
            ("Căn cứ khoản 10, Điều 45, Nghị định 91/2017", "khoản 10, Điều 45"),
            ("tại Khoản 2, Điều 46 Nghị định số 98/2023/NĐ-CP", "khoản 2, Điều 46"),
            ("khơản 3 Đìềủ 60 Nghị định số 152/2025/NĐ-CP", "khoản 3 Điều 60"),
            (
                "Căn cứ khoản 1 Điều 4, điểm d khoản 4 Điều 9 Nghị định số "
                "123/2020/NĐ-CP",
                "khoản 1 Điều 4, điểm d khoản 4 Điều 9",
            ),
        ],
    )
    def test_pinpoints(self, text, pinpoint):
        assert one(text).pinpoint == pinpoint

    @pytest.mark.parametrize(
        ("prefix", "relation"),
        [
            ("Căn cứ", "căn cứ"),
            ("Thực hiện", "thực hiện"),
            ("thay\nthế", "thay thế"),
            ("sửa đổi, bổ sung một số điều của", "sửa đổi, bổ sung"),
            ("bãi bỏ", "bãi bỏ"),
            ("hướng dẫn thi hành", "hướng dẫn"),
            ("ban hành kèm theo", "kèm theo"),
            ("về việc triển khai", None),
        ],
    )
    def test_relations(self, prefix, relation):
        assert one(f"{prefix} Quyết định số 1041/QĐ-UBND").relation == relation

    def test_list_items_after_semicolon_inherit_the_relation(self):
        text = (
            "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính "
            "phủ về kiểm soát thủ tục hành chính; Nghị định số 92/2017/NĐ-CP"
        )
        assert [c.relation for c in extract_citations(text)] == ["căn cứ"] * 2

    def test_nested_citation_in_trich_yeu_has_no_relation(self):
        text = (
            "Căn cứ Thông tư số 01/2024/TT-BNV của Bộ trưởng Bộ Nội vụ Quy định "
            "biện pháp thi hành Nghị định số 98/2023/NĐ-CP"
        )
        assert [c.relation for c in extract_citations(text)] == ["căn cứ", None]

    def test_elliptic_list_distributes_type_and_issuer(self):
        text = (
            "các Quyết định của Thủ tướng Chính phủ: số 891/QĐ-TTg, số 19/QĐ-TTg "
            "và số 20/QĐ-TTg"
        )
        found = extract_citations(text)
        assert [c.number for c in found] == [891, 19, 20]
        assert {c.issuer for c in found} == {"Thủ tướng Chính phủ"}
        assert {c.doc_type for c in found} == {"Quyết định"}


def test_to_dict_has_exactly_the_public_keys():
    data = one("Chỉ thị số 19/CT-TTg ngày 16/7/2021").to_dict()
    assert tuple(data) == CITATION_FIELDS and len(data) == 13
    assert isinstance(data["flags"], list)


def test_offsets_survive_decomposed_input():
    import unicodedata

    text = unicodedata.normalize(
        "NFD", "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020"
    )
    citation = one(text)
    assert text[citation.start : citation.end] == citation.raw
    assert citation.doc_type == "Nghị định" and citation.date == "2020-03-05"


_PIECES = st.sampled_from(
    [
        "Căn cứ ",
        "Nghị định ",
        "số ",
        "số: ",
        "98/2023/NĐ-CP",
        "34-CT/TW",
        "/KH-UBND",
        " ngày 31/12/2023",
        " ngày tháng năm ",
        "của Chính phủ",
        "Luật ",
        "Thi đua, ",
        "khen thưởng",
        "khoản 2, Điều 46 ",
        "và ",
        ", ",
        ";\n",
        "Ð",
        "\u0301",
        "LUẬT ",
        "các Kế hoạch ",
        "Số: ",
        "12",
        "/",
        "-",
        " ",
    ]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=20))
def test_never_raises_and_offsets_match(parts):
    text = "".join(parts)
    for citation in extract_citations(text, context_date=D2025):
        assert text[citation.start : citation.end] == citation.raw
        assert 0 <= citation.start < citation.end <= len(text)
        assert len(citation.to_dict()) == 13
