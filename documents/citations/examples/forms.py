"""Examples E01–E39: administrative, Party and legal-normative citation forms."""

import datetime

from ._shape import _CT, _KH, _NDCP, _QD, _TT, D2025, _c

FORMS: list[tuple[str, str, datetime.date | None, list[dict]]] = [
    (
        "E01",
        "Căn cứ Kế hoạch số 5324/KH-UBND ngày 27/12/2024 của UBND tỉnh Lai Châu "
        "về công tác thi đua, khen thưởng năm 2025.",
        D2025,
        [
            _c(
                _KH,
                5324,
                2024,
                "5324/KH-UBND",
                "2024-12-27",
                issuer="UBND tỉnh Lai Châu",
                relation="căn cứ",
            )
        ],
    ),
    (
        "E02",
        "Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới "
        "công tác TĐKT",
        D2025,
        [_c(_CT, 34, 2014, "34-CT/TW", "2014-04-07", issuer="Bộ Chính trị")],
    ),
    (
        "E03",
        "Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ",
        D2025,
        [_c(_CT, 19, 2021, "19/CT-TTg", "2021-07-16", issuer="Thủ tướng Chính phủ")],
    ),
    (
        "E04",
        "Chỉ thị số 09/CT-UBND ngày 11/8/2021 của Chủ tịch Ủy ban nhân dân tỉnh",
        D2025,
        [
            _c(
                _CT,
                9,
                2021,
                "09/CT-UBND",
                "2021-08-11",
                issuer="Chủ tịch Ủy ban nhân dân tỉnh",
            )
        ],
    ),
    (
        "E05",
        "Kế hoạch số 118/KH-UBND ngày 12/7/2024 của UBND huyện Tam Đường",
        D2025,
        [
            _c(
                _KH,
                118,
                2024,
                "118/KH-UBND",
                "2024-07-12",
                issuer="UBND huyện Tam Đường",
            )
        ],
    ),
    (
        "E06",
        "Số: /KH-UBND\n\nTam Đường, ngày tháng năm 2025",
        None,
        [
            _c(
                _KH,
                None,
                2025,
                "/KH-UBND",
                "2025",
                flags=["draft_no_number", "date_partial"],
            )
        ],
    ),
    (
        "E07",
        "Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành",
        D2025,
        [_c("Luật", 6, 2022, "06/2022/QH15", None, issuer="Quốc hội")],
    ),
    (
        "E08",
        "theo Nghị quyết Đại hội Đại biểu toàn quốc lần thứ XIII của Đảng",
        D2025,
        [],
    ),
    (
        "E09",
        "Căn cứ Luật Thi đua, khen thưởng\nngày 15 tháng 6 năm 2022;",
        D2025,
        [_c("Luật", 6, 2022, "06/2022/QH15", "2022-06-15", relation="căn cứ")],
    ),
    (
        "E11",
        "Căn cứ Thông tư số\n01/2024/TT-BNV ngày 24 tháng 02 năm 2024 của Bộ "
        "trưởng Bộ Nội vụ Quy định biện\npháp thi hành Nghị định số 98/2023/NĐ- CP "
        "ngày 31/12/2023 của Chính phủ",
        D2025,
        [
            _c(
                _TT,
                1,
                2024,
                "01/2024/TT-BNV",
                "2024-02-24",
                issuer="Bộ trưởng Bộ Nội vụ",
                relation="căn cứ",
            ),
            _c(
                _NDCP,
                98,
                2023,
                "98/2023/NĐ-CP",
                "2023-12-31",
                issuer="Chính phủ",
                flags=["symbol_repaired"],
            ),
        ],
    ),
    (
        "E13",
        "thay thế Quyết định số 1041/QĐ-UBND ngày 06 tháng 6 năm 2019 của Ủy ban "
        "nhân dân tỉnh Hà Nam",
        D2025,
        [
            _c(
                _QD,
                1041,
                2019,
                "1041/QĐ-UBND",
                "2019-06-06",
                issuer="Ủy ban nhân dân tỉnh Hà Nam",
                relation="thay thế",
            )
        ],
    ),
    (
        "E15",
        "Căn cứ Thông tư số 1/2024/TT-BNV ngày 24 tháng 02 năm 2024 của Bộ "
        "trưởng Bộ Nội vụ",
        D2025,
        [_c(_TT, 1, 2024, "1/2024/TT-BNV", "2024-02-24")],
    ),
    (
        "E17",
        "Thông tư số 05/2020/TT-BNV ngày 09 tháng 11 năm 2020 của Bộ trưởng Bộ "
        "Nội vụ về\nviệc bãi bỏ khoản 7 Điều 2 Thông tư số 12/2019/TT-BNV ngày 04 "
        "tháng 11 năm 2019",
        D2025,
        [
            _c(_TT, 5, 2020, "05/2020/TT-BNV", "2020-11-09"),
            _c(
                _TT,
                12,
                2019,
                "12/2019/TT-BNV",
                "2019-11-04",
                pinpoint="khoản 7 Điều 2",
                relation="bãi bỏ",
            ),
        ],
    ),
    (
        "E19",
        "tại Tờ trình số 2647/TTr-SNV ngày 15 tháng 10 năm 2021.",
        D2025,
        [_c("Tờ trình", 2647, 2021, "2647/TTr-SNV", "2021-10-15")],
    ),
    (
        "E21",
        "Căn cứ Nghị định số\n91/2017/NĐ-CP , ngày 31/7/2017 của Chính phủ",
        D2025,
        [_c(_NDCP, 91, 2017, "91/2017/NĐ-CP", "2017-07-31", issuer="Chính phủ")],
    ),
    (
        "E23",
        "thay\nthế Quyết định số 667/QĐ-UBND , ngày 29/3/2016 của Chủ tịch UBND tỉnh",
        D2025,
        [
            _c(
                _QD,
                667,
                2016,
                "667/QĐ-UBND",
                "2016-03-29",
                issuer="Chủ tịch UBND tỉnh",
                relation="thay thế",
            )
        ],
    ),
    (
        "E25",
        "Nghị định số 65/2014/NĐ- CP ngày 01/7/2014 của Chính phủ",
        D2025,
        [_c(_NDCP, 65, 2014, "65/2014/NĐ-CP", "2014-07-01", flags=["symbol_repaired"])],
    ),
    (
        "E27",
        "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26/11/2003;",
        D2025,
        [_c("Luật", 11, 2003, "11/2003/QH11", "2003-11-26")],
    ),
    (
        "E29",
        "Căn cứ Công văn 285/CCTTHC ngày 08 tháng 9 năm 2009 của Tổ công tác "
        "chuyên trách cải cách thủ tục hành chính của Thủ tướng Chính phủ",
        D2025,
        [
            _c(
                "Công văn",
                285,
                2009,
                "285/CCTTHC",
                "2009-09-08",
                issuer="Tổ công tác chuyên trách cải cách thủ tục hành chính của Thủ "
                "tướng Chính phủ",
            )
        ],
    ),
    (
        "E31",
        "BAN HÀNH KÈM THEO QUYẾT ĐỊNH SỐ 13/2018/QĐ-UBND NGÀY 27 THÁNG 4 NĂM "
        "2018 CỦA ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN",
        D2025,
        [
            _c(
                _QD,
                13,
                2018,
                "13/2018/QĐ-UBND",
                "2018-04-27",
                issuer="ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN",
                relation="kèm theo",
            )
        ],
    ),
    (
        "E33",
        "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;",
        D2025,
        [_c("Luật", 63, 2025, "63/2025/QH15", None, relation="căn cứ")],
    ),
    (
        "E35",
        "Số: 6/VBHN-BNV\nHà Nội, ngày 22 tháng 08 năm 2024",
        None,
        [_c("Văn bản hợp nhất", 6, 2024, "6/VBHN-BNV", "2024-08-22")],
    ),
    (
        "E37",
        "Chỉ thị số 02-CT/TU ngày 01/3/2016 của Tỉnh ủy Nghệ An",
        D2025,
        [_c(_CT, 2, 2016, "02-CT/TU", "2016-03-01", issuer="Tỉnh ủy Nghệ An")],
    ),
    (
        "E39",
        "Chỉ thị 34-CT/TW ngày 7/4/2014 của Bộ Chính trị",
        D2025,
        [_c(_CT, 34, 2014, "34-CT/TW", "2014-04-07", issuer="Bộ Chính trị")],
    ),
]
