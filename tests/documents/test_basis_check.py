"""The pure legal-basis check: citations and cited-document facts in, problems out."""

import datetime as dt

import pytest

from documents.basis import (
    CitedDocument,
    IssuerFacts,
    Link,
    ValidityStep,
    basis_items,
    check_text,
)

DEMO = "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;"
ND152 = Link("152/2025/NĐ-CP", "/van-ban/nd-152/", "Nghị định 152", "Nghị định")
ND98 = CitedDocument(
    code="98/2023/NĐ-CP",
    doc_type="Nghị định",
    issuer="Chính phủ",
    system="qppl",
    issued_date=dt.date(2023, 12, 31),
    year=2023,
    expiry_date=dt.date(2025, 7, 1),
    steps=(ValidityStep(dt.date(2025, 7, 1), "thay_the", ND152),),
    url="/van-ban/nd-98/",
)
KH = CitedDocument(
    code="5324/KH-UBND",
    doc_type="Kế hoạch",
    issuer="Ủy ban nhân dân tỉnh Lai Châu",
    issued_date=dt.date(2024, 12, 27),
    year=2024,
    url="/van-ban/kh-5324/",
)
PORTAL = {"98/2023/NĐ-CP": [ND98], "5324/KH-UBND": [KH]}


def lookup(citations):
    return [PORTAL.get(c.code, []) for c in citations]


def kinds(report):
    return [[p.kind for p in f.problems] for f in report.findings]


def check(text, on, **kwargs):
    return check_text(text, on=dt.date.fromisoformat(on), lookup=lookup, **kwargs)


def test_demo_line_expired_after_replacement_names_the_new_decree():
    report = check(DEMO, "2025-08-01")
    [finding] = report.findings
    [problem] = finding.problems
    assert problem.kind == "expired"
    assert problem.suggestion.code == "152/2025/NĐ-CP"
    assert problem.suggestion.url == "/van-ban/nd-152/"
    assert "152/2025/NĐ-CP" in problem.message and "01/07/2025" in problem.message
    assert report.needs_acknowledgement


def test_demo_line_passes_before_the_replacement():
    report = check(DEMO, "2025-06-20")
    assert kinds(report) == [[]]
    assert not report.needs_acknowledgement


@pytest.mark.parametrize(
    "line, kind",
    [
        (DEMO.replace("ngày 31 tháng 12", "ngày 30 tháng 12"), "date_mismatch"),
        (DEMO.replace("Nghị định số", "Thông tư số"), "type_mismatch"),
        (DEMO.replace("của Chính phủ", "của Bộ Tài chính"), "issuer_mismatch"),
        (DEMO.replace("98/2023", "97/2023"), "not_found"),
    ],
)
def test_one_error_is_flagged_with_its_kind(line, kind):
    assert kinds(check(line, "2025-06-20")) == [[kind]]


def test_date_mismatch_says_what_it_should_read():
    line = DEMO.replace("ngày 31 tháng 12", "ngày 30 tháng 12")
    [problem] = check(line, "2025-06-20").findings[0].problems
    assert "ngày 31 tháng 12 năm 2023" in problem.message
    assert problem.suggestion.url == "/van-ban/nd-98/"


def test_not_found_offers_the_search():
    line = DEMO.replace("98/2023", "97/2023")
    report = check(line, "2025-06-20", search_url=lambda q: f"/tim-kiem/?q={q}")
    [problem] = report.findings[0].problems
    assert problem.suggestion.to_dict() == {
        "code": "97/2023/NĐ-CP",
        "url": "/tim-kiem/?q=97/2023/NĐ-CP",
    }
    assert not report.needs_acknowledgement


def test_a_vague_issuer_contradicts_nothing_but_a_named_one_does():
    kh = "Căn cứ Kế hoạch số 5324/KH-UBND ngày 27/12/2024 của UBND tỉnh;"
    assert kinds(check(kh, "2025-03-01")) == [[]]
    vague = DEMO.replace("của Chính phủ", "của Bộ")
    assert kinds(check(vague, "2025-06-20")) == [[]]
    ministry = DEMO.replace("của Chính phủ", "của Thủ tướng Chính phủ")
    assert kinds(check(ministry, "2025-06-20")) == [[]]


def test_administrative_code_of_another_body_is_another_document():
    line = "Căn cứ Kế hoạch số 5324/KH-UBND ngày 27/12/2024 của UBND tỉnh Sơn La;"
    assert kinds(check(line, "2025-03-01")) == [["not_found"]]
    own = line.replace("Sơn La", "Lai Châu")
    assert kinds(check(own, "2025-03-01")) == [[]]


def test_not_yet_in_force_and_amended():
    amended = CitedDocument(
        code="98/2023/NĐ-CP",
        doc_type="Nghị định",
        issuer="Chính phủ",
        system="qppl",
        issued_date=dt.date(2023, 12, 31),
        effective_date=dt.date(2024, 3, 1),
        steps=(ValidityStep(dt.date(2024, 9, 1), "sua_doi", ND152),),
    )
    PORTAL["98/2023/NĐ-CP"] = [amended]
    try:
        assert kinds(check(DEMO, "2024-01-15")) == [["not_yet_in_force"]]
        assert kinds(check(DEMO, "2024-06-01")) == [[]]
        report = check(DEMO, "2024-10-01")
        assert kinds(report) == [["amended"]]
        assert report.findings[0].problems[0].suggestion.code == "152/2025/NĐ-CP"
        assert not report.needs_acknowledgement
    finally:
        PORTAL["98/2023/NĐ-CP"] = [ND98]


def test_issuer_dissolved_names_the_successor():
    district = IssuerFacts(
        "Ủy ban nhân dân huyện Tam Đường",
        dt.date(2025, 7, 1),
        ("Ủy ban nhân dân xã Tam Đường",),
    )
    report = check(DEMO, "2025-07-15", issuer=district)
    assert report.issuer_problem.kind == "issuer_dissolved"
    assert "nay là Ủy ban nhân dân xã Tam Đường" in report.issuer_problem.message
    assert report.lines()[-1]["problems"][0]["kind"] == "issuer_dissolved"
    assert check(DEMO, "2025-06-20", issuer=district).issuer_problem is None


def test_json_line_shape():
    [row] = check(DEMO, "2025-08-01").lines()
    assert set(row) == {"line", "raw", "code", "problems"}
    assert row["line"] == 1 and row["code"] == "98/2023/NĐ-CP"
    assert set(row["problems"][0]) == {"kind", "message", "suggestion"}
    assert set(row["problems"][0]["suggestion"]) == {"code", "url"}


def test_order_higher_legal_force_first():
    text = (
        "Căn cứ Kế hoạch số 5324/KH-UBND ngày 27/12/2024 của UBND tỉnh Lai Châu;\n"
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n" + DEMO
    )
    report = check(text, "2025-03-01")
    order = [[p.kind for p in f.problems if p.kind == "order"] for f in report.findings]
    assert order == [[], ["order"], ["order"]]
    assert report.findings[1].line == 2


def test_form_one_basis_per_line_and_punctuation():
    text = (
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ; "
        "Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ;\n"
        "Căn cứ Kế hoạch số 5324/KH-UBND ngày 27/12/2024 của UBND tỉnh Lai Châu,\n"
        "Theo đề nghị của Trưởng phòng Nội vụ."
    )
    report = check(text, "2025-03-01")
    form = [[p for p in f.problems if p.kind == "form"] for f in report.findings]
    assert [len(f) for f in form] == [1, 0, 1]
    assert "mỗi căn cứ một dòng" in form[0][0].message
    assert "dấu chấm phẩy" in form[2][0].message


def test_basis_running_over_lines_is_one_item():
    text = (
        "Căn cứ Thông tư số\n01/2024/TT-BNV ngày 24 tháng 02 năm 2024 của Bộ trưởng "
        "Bộ Nội vụ;\nCăn cứ Kế hoạch số 5324/KH-UBND ngày 27/12/2024 của UBND tỉnh "
        "Lai Châu."
    )
    items = basis_items(text)
    assert [(i.line, i.followed) for i in items] == [(1, True), (3, False)]
    report = check(text, "2025-03-01")
    assert all(p.kind != "form" for p in report.problems)


@pytest.mark.parametrize(
    "text", ["", "   ", "không có căn cứ nào", "Số: 12/QĐ-UBND", "\x00\ufffd" * 50]
)
def test_text_without_citations_has_no_findings(text):
    assert check(text, "2025-03-01").findings == []


def test_a_lone_reasoning_sentence_is_not_a_basis_block():
    text = (
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ, Sở Nội vụ "
        "trả lời như sau\n\nViệc khen thưởng thực hiện theo quy định."
    )
    report = check(text, "2025-03-01")
    assert all(p.kind != "form" for p in report.problems)


def test_issuer_names_compare_by_words_not_punctuation():
    from documents.basis.rules import issuers_agree

    assert issuers_agree("Chính Phủ", "CHÍNH PHỦ__________")
    assert issuers_agree("UBND tỉnh Lai Châu", "Ủy ban nhân dân tỉnh Lai Châu.")
    assert not issuers_agree("Bộ Tài chính", "Chính phủ")


def test_order_is_read_within_one_block():
    text = (
        "Căn cứ Kế hoạch số 5324/KH-UBND ngày 27/12/2024 của UBND tỉnh Lai Châu.\n\n"
        "Điều 1. Nội dung.\n\n" + DEMO
    )
    report = check(text, "2025-03-01")
    assert all(p.kind != "order" for p in report.problems)


def form_kinds(text, on="2025-12-01"):
    report = check(text, on)
    return [
        (f.line, p.kind)
        for f in report.findings
        for p in f.problems
        if p.kind in ("form", "order")
    ]


def test_a_document_and_its_amendments_on_one_line_are_one_basis():
    text = (
        "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát "
        "thủ tục hành chính; Nghị định số 92/2017/NĐ-CP ngày 07/8/2017 của Chính phủ "
        "sửa đổi, bổ sung một số điều của các nghị định liên quan;\n"
        "Căn cứ các Nghị định của Chính phủ: số 45/2020/NĐ-CP ngày 08/4/2020; "
        "số 42/2022/NĐ-CP ngày 24/6/2022;\n"
        "Theo đề nghị của Giám đốc Sở Tư pháp."
    )
    assert form_kinds(text) == []


def test_two_different_bases_on_one_line_are_reported():
    distinct = (
        "Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ; Nghị định "
        "số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ về dịch vụ công trực tuyến;\n"
        "Theo đề nghị của Giám đốc Sở Tư pháp."
    )
    again = (
        "Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017; Căn cứ Thông tư số "
        "03/2025/TT-VPCP ngày 15/9/2025 sửa đổi, bổ sung;\n"
        "Theo đề nghị của Giám đốc Sở Tư pháp."
    )
    assert form_kinds(distinct) == [(1, "form")]
    assert form_kinds(again) == [(1, "form")]


def test_a_semicolon_inside_a_description_is_not_a_second_basis():
    text = (
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ quy định về "
        "phân cấp trong lĩnh vực thi đua, khen thưởng; quy định chi tiết một số điều "
        "của Luật Thi đua, khen thưởng số 06/2022/QH15;\n"
        "Theo đề nghị của Giám đốc Sở Nội vụ."
    )
    assert form_kinds(text) == []


def test_a_letters_reasoning_is_not_a_basis_block():
    text = (
        "Căn cứ khoản 1 Điều 15 Luật Thuế giá trị gia tăng số 48/2024/QH15.\n\n"
        "Căn cứ khoản 4 Điều 24 Nghị định số 181/2025/NĐ-CP ngày 01/7/2025 của "
        "Chính phủ.\n\n"
        "Căn cứ các quy định trên, Cục Thuế trả lời như sau."
    )
    assert form_kinds(text) == []


def test_only_the_first_block_is_the_basis_of_issuance():
    text = (
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
        "Theo đề nghị của Trưởng phòng Nội vụ.\n\n"
        "Điều 1. Ban hành mẫu kèm theo.\n\nMẫu số 01\n\n"
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ\n"
        "Căn cứ Luật …………;"
    )
    assert form_kinds(text) == []


def test_order_of_central_and_local_documents():
    ministry_then_local = (
        "Căn cứ Quyết định số 3361/QĐ-BCT ngày 18/11/2025 của Bộ trưởng Bộ Công Thương;\n"
        "Căn cứ Quyết định số 15/2025/QĐ-UBND ngày 22/10/2025 của UBND tỉnh Đắk Lắk;\n"
        "Theo đề nghị của Giám đốc Sở Công Thương."
    )
    assert form_kinds(ministry_then_local) == []
    two_circulars = (
        "Căn cứ Thông tư số 10/2025/TT-BNV ngày 19/6/2025 của Bộ trưởng Bộ Nội vụ;\n"
        "Căn cứ Thông tư số 02/2025/TT-BDTTG ngày 24/6/2025 của Bộ trưởng Bộ Dân tộc "
        "và Tôn giáo;\nTheo đề nghị của Giám đốc Sở Nội vụ."
    )
    assert form_kinds(two_circulars) == []
    law_after_decree = (
        "Căn cứ Nghị định số 83/2014/NĐ-CP ngày 03/9/2014 của Chính phủ;\n"
        "Căn cứ Luật Giá số 16/2023/QH15 ngày 19 tháng 6 năm 2023 của Quốc hội;\n"
        "Theo đề nghị của Vụ trưởng Vụ Thị trường trong nước."
    )
    assert form_kinds(law_after_decree) == [(2, "order")]


def test_a_range_broken_across_a_blank_line_goes_on():
    text = (
        "Căn cứ Quyết định số 2232/QĐ-TTg ngày 28/12/2020 của Thủ tướng Chính phủ về "
        "Chương trình giai đoạn 2021\n\n- 2025”;\n\n"
        "Theo đề nghị của Giám đốc Sở Y tế."
    )
    assert form_kinds(text) == []
