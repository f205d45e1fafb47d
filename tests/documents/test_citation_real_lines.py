"""Real legal-basis lines of public documents, checked by hand."""

import datetime

import pytest

from documents.citations import extract_citations

# Real legal-basis lines (public documents in the shared corpus), checked by hand.
REAL_LINES = [
    (
        "Căn cứ khoản 1 Điều 4, điểm d khoản 4 Điều 9 Nghị định số 123/2020/NĐ-CP "
        "ngày 19/10/2020 của Chính phủ quy định về nguyên tắc lập, quản lý, sử dụng "
        "hóa đơn, chứng từ, thời điểm lập hóa đơn;",
        [
            (
                "Nghị định",
                123,
                2020,
                "123/2020/NĐ-CP",
                "2020-10-19",
                "Chính phủ",
                "căn cứ",
            ),
        ],
    ),
    (
        "Căn cứ Thông tư liên tịch số 39/2014/TTLT-BCT-BTC ngày 29 tháng 10 năm 2014 "
        "của Liên Bộ Công Thương - Tài chính quy định về phương pháp tính giá cơ sở;",
        [
            (
                "Thông tư liên tịch",
                39,
                2014,
                "39/2014/TTLT-BCT-BTC",
                "2014-10-29",
                "Liên Bộ Công Thương - Tài chính",
                "căn cứ",
            ),
        ],
    ),
    (
        "Căn cứ Nghị định số 80/2023/NĐ-CP ngày 17 tháng 11 năm 2023 của Chính phủ "
        "sửa đổi, bổ sung một số điều của Nghị định số 95/2021/NĐ-CP ngày 01 tháng 11 "
        "năm 2021 và Nghị định số 83/2014/NĐ-CP ngày 03 tháng 9 năm 2014 của Chính "
        "phủ về kinh doanh xăng dầu;",
        [
            (
                "Nghị định",
                80,
                2023,
                "80/2023/NĐ-CP",
                "2023-11-17",
                "Chính phủ",
                "căn cứ",
            ),
            (
                "Nghị định",
                95,
                2021,
                "95/2021/NĐ-CP",
                "2021-11-01",
                None,
                "sửa đổi, bổ sung",
            ),
            (
                "Nghị định",
                83,
                2014,
                "83/2014/NĐ-CP",
                "2014-09-03",
                "Chính phủ",
                "sửa đổi, bổ sung",
            ),
        ],
    ),
    (
        "Căn cứ Kế hoạch số 17/KH-UBND ngày 11/8/2025 của UBND tỉnh về thực hiện Nghị "
        "quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ và Kế hoạch số 07-KH/TU ngày "
        "25/7/2025 của Ban thường vụ Tỉnh ủy về thực hiện Nghị quyết số 57-NQ/TW ngày "
        "22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi "
        "mới sáng tạo và chuyển đổi số quốc gia;",
        [
            ("Kế hoạch", 17, 2025, "17/KH-UBND", "2025-08-11", "UBND tỉnh", "căn cứ"),
            (
                "Nghị quyết",
                71,
                2025,
                "71/NQ-CP",
                "2025-04-01",
                "Chính phủ",
                "thực hiện",
            ),
            (
                "Kế hoạch",
                7,
                2025,
                "07-KH/TU",
                "2025-07-25",
                "Ban thường vụ Tỉnh ủy",
                "thực hiện",
            ),
            (
                "Nghị quyết",
                57,
                2024,
                "57-NQ/TW",
                "2024-12-22",
                "Bộ Chính trị",
                "thực hiện",
            ),
        ],
    ),
    (
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa "
        "đổi, bổ sung bởi Luật số 87/2025/QH15;",
        [
            ("Luật", 64, 2025, "64/2025/QH15", None, "Quốc hội", "căn cứ"),
            ("Luật", 87, 2025, "87/2025/QH15", None, "Quốc hội", "sửa đổi, bổ sung"),
        ],
    ),
    (
        "Căn cứ Nghị quyết số 76/2025/UBTVQH15 ngày 14 tháng 4 năm 2025 của Ủy ban "
        "Thường vụ Quốc hội về việc sắp xếp đơn vị hành chính năm 2025;",
        [
            (
                "Nghị quyết",
                76,
                2025,
                "76/2025/UBTVQH15",
                "2025-04-14",
                "Ủy ban Thường vụ Quốc hội",
                "căn cứ",
            ),
        ],
    ),
    (
        "Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, "
        "Chủ nhiệm Văn phòng Chính phủ hướng dẫn nghiệp vụ kiểm soát thủ tục hành "
        "chính;",
        [
            (
                "Thông tư",
                2,
                2017,
                "02/2017/TT-VPCP",
                "2017-10-31",
                "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
                "căn cứ",
            ),
        ],
    ),
    (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; Căn cứ "
        "Luật Quản lý thuế ngày 13 tháng 6 năm 2019;",
        [
            ("Luật", 72, 2025, "72/2025/QH15", "2025-06-16", "Quốc hội", "căn cứ"),
            ("Luật", None, 2019, None, "2019-06-13", "Quốc hội", "căn cứ"),
        ],
    ),
    (
        "Căn cứ Thông tư liên tịch 88/2016/TTLT/BTC-BTNMT ngày 22 tháng 6 năm 2016 "
        "của Liên Bộ trưởng Bộ Tài chính và Bộ trưởng Bộ Tài nguyên và Môi trường quy "
        "định",
        [
            (
                "Thông tư liên tịch",
                88,
                2016,
                "88/2016/TTLT-BTC-BTNMT",
                "2016-06-22",
                "Liên Bộ trưởng Bộ Tài chính và Bộ trưởng Bộ Tài nguyên và Môi trường",
                "căn cứ",
            ),
        ],
    ),
    (
        "Căn cứ Quyết định số 35/2025/QĐ-TTgcủa Thủ tướng Chính phủ sửa đổi, bổ sung "
        "một số điều của Quyết định số 39/2021/QĐ-TTg ngày 30 tháng 12 năm 2021 của "
        "Thủ tướng Chính phủ",
        [
            (
                "Quyết định",
                35,
                2025,
                "35/2025/QĐ-TTg",
                None,
                "Thủ tướng Chính phủ",
                "căn cứ",
            ),
            (
                "Quyết định",
                39,
                2021,
                "39/2021/QĐ-TTg",
                "2021-12-30",
                "Thủ tướng Chính phủ",
                "sửa đổi, bổ sung",
            ),
        ],
    ),
    (
        "Căn cứ Thông tư số 89-TC/TCT ngày 09/11/1993 của Bộ Tài chính hướng dẫn thi "
        "hành Nghị định số 74/CP ngày 25/10/1993 của Chính phủ",
        [
            ("Thông tư", 89, 1993, "89-TC/TCT", "1993-11-09", "Bộ Tài chính", "căn cứ"),
            ("Nghị định", 74, 1993, "74/CP", "1993-10-25", "Chính phủ", "hướng dẫn"),
        ],
    ),
    (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật "
        "Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
        [
            ("Luật", 47, 2019, "47/2019/QH14", "2019-11-22", "Quốc hội", "căn cứ"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), REAL_LINES)
def test_real_legal_basis_lines(text, expected):
    found = extract_citations(text, context_date=datetime.date(2025, 12, 1))
    fields = ("doc_type", "number", "year", "code", "date", "issuer", "relation")
    assert [tuple(getattr(c, f) for f in fields) for c in found] == expected
