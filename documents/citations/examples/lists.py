"""Examples E41–E77 and the constructed C1/C2: lists, laws by name, damaged text."""

import datetime

from ._shape import _CT, _KH, _NDCP, _NQ, _QD, _TT, D2024, D2025, _c

MORE: list[tuple[str, str, datetime.date | None, list[dict]]] = [
    (
        "E41",
        "Ngày 31/7/2014, Tỉnh ủy Bắc Giang đã có Công văn số 841-CT/TW",
        D2025,
        [_c("Công văn", 841, 2014, "841-CT/TW", "2014-07-31")],
    ),
    (
        "E43",
        "tỉnh ủy tỉnh  Tiền Giang  đã ban  hành  Thông tư số 11 và Ủy  ban nhân "
        "nhân tỉnh Tiền Giang  ban hành  kế hoạch  số 169 và kế hoạch số 173",
        D2025,
        [
            _c(_TT, 11, None, None, None),
            _c(_KH, 169, None, None, None),
            _c(_KH, 173, None, None, None),
        ],
    ),
    (
        "E45",
        "Quyết định của Ban Bí thư số91-QĐ/TW, ngày 16-02-2004",
        D2025,
        [_c(_QD, 91, 2004, "91-QĐ/TW", "2004-02-16", issuer="Ban Bí thư")],
    ),
    (
        "E47",
        "Sau 10 năm thực hiện Nghị quyết 13-NQ/TƯ của Tỉnh ủy (khóa XIV)",
        D2025,
        [_c(_NQ, 13, None, "13-NQ/TƯ", None, issuer="Tỉnh ủy (khóa XIV)")],
    ),
    (
        "E49",
        "Chỉ thị số 03-CT/TW ngày 14.5.2011 của Bộ Chính trị",
        D2025,
        [_c(_CT, 3, 2011, "03-CT/TW", "2011-05-14")],
    ),
    (
        "E51",
        "ban hành kèm theo Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013 của Ban "
        "Chấp hành Trung ương Đoàn",
        D2025,
        [_c(_QD, 84, 2013, "84-QĐ/TWĐTN", "2013-02-22", relation="kèm theo")],
    ),
    (
        "E53",
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính "
        "phủ về công tác văn thư;",
        D2025,
        [_c(_NDCP, 30, 2020, "30/2020/NĐ-CP", "2020-03-05", issuer="Chính phủ")],
    ),
    (
        "E55",
        "Căn cứ Nghị định số 178/2007/NĐ-CP ngày 03 tháng 12 năm 2007 của Chính "
        "phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ, cơ "
        "quan ngang Bộ,",
        D2025,
        [_c(_NDCP, 178, 2007, "178/2007/NĐ-CP", "2007-12-03", issuer="Chính phủ")],
    ),
    # The year (2007) is in the sentence before this fragment, not in it.
    (
        "E57",
        "Chính phủ đã ban hành Nghị định số 01/NÐ-CPvề việc chuyển Tổng cục "
        "Thống kê vào Bộ Kế hoạch và Đầu tư",
        D2025,
        [_c(_NDCP, 1, None, "01/NĐ-CP", None)],
    ),
    (
        "E59",
        "Căn cứ khoản 10, Điều 45, Nghị định 91/2017 của Chính phủ",
        D2025,
        [
            _c(
                _NDCP,
                91,
                2017,
                None,
                None,
                pinpoint="khoản 10, Điều 45",
                issuer="Chính phủ",
            )
        ],
    ),
    (
        "E61",
        "Thực hiện quy định tại Khoản 2, Điều 46 Nghị định số 98/2023/NĐ-CP, "
        "ngày 31 tháng 12 năm 2023 của Chính phủ và khoản 5, Điều 84 của Luật Thi "
        "đua, khen thưởng",
        D2024,
        [
            _c(
                _NDCP,
                98,
                2023,
                "98/2023/NĐ-CP",
                "2023-12-31",
                pinpoint="khoản 2, Điều 46",
                relation="thực hiện",
            ),
            _c("Luật", 6, 2022, "06/2022/QH15", None, pinpoint="khoản 5, Điều 84"),
        ],
    ),
    (
        "E63",
        "Thông báo số 134/TB-VPCP ngày 4/5/2022",
        D2025,
        [_c("Thông báo", 134, 2022, "134/TB-VPCP", "2022-05-04")],
    ),
    (
        "E65",
        "Nghị quyết số 257/2025/QH15, Nghị quyết số 424/NQ-CP",
        D2025,
        [
            _c(_NQ, 257, 2025, "257/2025/QH15", None),
            _c(_NQ, 424, None, "424/NQ-CP", None),
        ],
    ),
    (
        "E67",
        "Nghị quyết số 51/2001/QH10 ngày 25 tháng 12 năm 2001 của Quốc hội khóa X",
        D2025,
        [_c(_NQ, 51, 2001, "51/2001/QH10", "2001-12-25", issuer="Quốc hội khóa X")],
    ),
    (
        "E69",
        "Quyết định số 891/QĐ-TTg ngày 17/7/2019 của Thủ tướng Chính phủ",
        D2025,
        [_c(_QD, 891, 2019, "891/QĐ-TTg", "2019-07-17")],
    ),
    (
        "E71",
        "(Ban hành kèm theo Quyết định số: /QĐ-STNMT ngày tháng năm 2021 của "
        "Giám đốc Sở Tài Nguyên và Môi Trường)",
        D2025,
        [
            _c(
                _QD,
                None,
                2021,
                "/QĐ-STNMT",
                "2021",
                issuer="Giám đốc Sở Tài Nguyên và Môi Trường",
                flags=["draft_no_number"],
            )
        ],
    ),
    (
        "E73",
        "Thông tư liên tịch 55/2005/TTLT-BNV-VPCP",
        D2025,
        [_c("Thông tư liên tịch", 55, 2005, "55/2005/TTLT-BNV-VPCP", None)],
    ),
    (
        "E75",
        "căn cứ khơản 3 Đìềủ 60 Nghị định số 152/2025/NĐ-CP ngàỵ 14/6/2025 củã "
        "Chính phủ",
        D2025,
        [
            _c(
                _NDCP,
                152,
                2025,
                "152/2025/NĐ-CP",
                "2025-06-14",
                pinpoint="khoản 3 Điều 60",
                relation="căn cứ",
            )
        ],
    ),
    (
        "E77",
        "Số: 15/QĐ-BNV; Số: 05/BNV-VP; Số: 12/UBND-VX",
        None,
        [
            _c(_QD, 15, None, "15/QĐ-BNV", None),
            _c("Công văn", 5, None, "05/BNV-VP", None),
            _c("Công văn", 12, None, "12/UBND-VX", None),
        ],
    ),
    (
        "C1",
        "Căn cứ các Nghị định của Chính phủ: số 98/2023/NĐ-CP ngày 31/12/2023 và "
        "số 152/2025/NĐ-CP ngày 14/6/2025;",
        D2025,
        [
            _c(_NDCP, 98, 2023, "98/2023/NĐ-CP", "2023-12-31", issuer="Chính phủ"),
            _c(
                _NDCP,
                152,
                2025,
                "152/2025/NĐ-CP",
                "2025-06-14",
                issuer="Chính phủ",
                relation="căn cứ",
            ),
        ],
    ),
    (
        "C2",
        "các Kế hoạch số 118/KH-UBND và số 5324/KH-UBND",
        D2025,
        [
            _c(_KH, 118, None, "118/KH-UBND", None, issuer=None),
            _c(_KH, 5324, None, "5324/KH-UBND", None, issuer=None),
        ],
    ),
]
