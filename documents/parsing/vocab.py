"""Vocabularies the parser matches against (domain.md §1.1, §1.4, §1.5).

Upper-case forms are matched on the folded text, so "UỶ"/"ỦY" spellings and
Eth look-alikes agree.
"""

from __future__ import annotations

from documents.text import fold

#: Type words as printed in the heading (ô 5a), longest first, with display names.
TYPE_WORDS: tuple[tuple[str, str], ...] = tuple(
    (fold(word), display)
    for word, display in sorted(
        {
            "THÔNG TƯ LIÊN TỊCH": "Thông tư liên tịch",
            "NGHỊ QUYẾT LIÊN TỊCH": "Nghị quyết liên tịch",
            "VĂN BẢN HỢP NHẤT": "Văn bản hợp nhất",
            "QUYẾT ĐỊNH": "Quyết định",
            "QUY ĐỊNH": "Quy định",
            "QUY CHẾ": "Quy chế",
            "NGHỊ QUYẾT": "Nghị quyết",
            "NGHỊ ĐỊNH": "Nghị định",
            "THÔNG TƯ": "Thông tư",
            "THÔNG BÁO": "Thông báo",
            "THÔNG CÁO": "Thông cáo",
            "THÔNG TRI": "Thông tri",
            "KẾ HOẠCH": "Kế hoạch",
            "CHỈ THỊ": "Chỉ thị",
            "CÔNG ĐIỆN": "Công điện",
            "CÔNG VĂN": "Công văn",
            "KẾT LUẬN": "Kết luận",
            "HƯỚNG DẪN": "Hướng dẫn",
            "BÁO CÁO": "Báo cáo",
            "TỜ TRÌNH": "Tờ trình",
            "CHƯƠNG TRÌNH": "Chương trình",
            "PHƯƠNG ÁN": "Phương án",
            "ĐỀ ÁN": "Đề án",
            "DỰ ÁN": "Dự án",
            "BIÊN BẢN": "Biên bản",
            "HỢP ĐỒNG": "Hợp đồng",
            "GIẤY MỜI": "Giấy mời",
            "GIẤY GIỚI THIỆU": "Giấy giới thiệu",
            "GIẤY ỦY QUYỀN": "Giấy ủy quyền",
            "GIẤY NGHỈ PHÉP": "Giấy nghỉ phép",
            "BẢN GHI NHỚ": "Bản ghi nhớ",
            "BẢN THỎA THUẬN": "Bản thỏa thuận",
            "BỘ LUẬT": "Bộ luật",
            "LUẬT": "Luật",
            "PHÁP LỆNH": "Pháp lệnh",
            "LỆNH": "Lệnh",
            "HIẾN PHÁP": "Hiến pháp",
            "ĐIỀU LỆ": "Điều lệ",
        }.items(),
        key=lambda item: -len(item[0]),
    )
)

#: Type codes of số ký hiệu (Phụ lục III + VBQPPL + Party), used only as a fallback
#: when the text has no type word.
TYPE_CODES: dict[str, str] = {
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QYĐ": "Quy định",
    "QĐI": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTR": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTR": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "KL": "Kết luận",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GUQ": "Giấy ủy quyền",
    "VBHN": "Văn bản hợp nhất",
    "CV": "Công văn",
}

#: Words that begin the name of an issuing body in a header line.
ORG_STARTS: tuple[str, ...] = tuple(
    fold(w)
    for w in (
        "ỦY BAN NHÂN DÂN",
        "UBND",
        "HỘI ĐỒNG NHÂN DÂN",
        "HĐND",
        "ỦY BAN THƯỜNG VỤ",
        "ỦY BAN",
        "HỘI ĐỒNG",
        "TỔNG CỤC",
        "CHI CỤC",
        "CỤC",
        "BỘ",
        "SỞ",
        "BAN",
        "VĂN PHÒNG",
        "TRUNG TÂM",
        "THUẾ",
        "HẢI QUAN",
        "KHO BẠC",
        "CHÍNH PHỦ",
        "THỦ TƯỚNG",
        "QUỐC HỘI",
        "TỈNH ỦY",
        "HUYỆN ỦY",
        "QUẬN ỦY",
        "THỊ ỦY",
        "THÀNH ỦY",
        "HUYỆN ỦY",
        "ĐẢNG ỦY",
        "ĐẢNG BỘ",
        "TÒA ÁN",
        "VIỆN KIỂM SÁT",
        "ĐẠI HỌC",
        "HỌC VIỆN",
    )
)

#: Words that start the locality half of a name split over two header lines.
LOCALITY_STARTS: tuple[str, ...] = tuple(
    fold(w)
    for w in (
        "TỈNH",
        "THÀNH PHỐ",
        "HUYỆN",
        "QUẬN",
        "THỊ XÃ",
        "THỊ TRẤN",
        "XÃ",
        "PHƯỜNG",
        "ĐẶC KHU",
        "KHU VỰC",
    )
)

#: Titles of the person or body in whose name a document is signed.
POSITION_WORDS: tuple[str, ...] = (
    "CHỦ TỊCH",
    "BỘ TRƯỞNG",
    "THỦ TƯỚNG",
    "TỔNG CỤC TRƯỞNG",
    "CỤC TRƯỞNG",
    "VỤ TRƯỞNG",
    "GIÁM ĐỐC",
    "TỔNG GIÁM ĐỐC",
    "CHÁNH VĂN PHÒNG",
    "TRƯỞNG BAN",
    "TRƯỞNG PHÒNG",
    "CHỦ NHIỆM",
    "BÍ THƯ",
    "VIỆN TRƯỞNG",
    "CHÁNH ÁN",
    "HIỆU TRƯỞNG",
    "THỦ TRƯỞNG",
    "TRƯỞNG",
    "CHỦ TỊCH NƯỚC",
    "TỔNG BÍ THƯ",
    "TỔNG KIỂM TOÁN",
)

#: Folded POSITION_WORDS, longest first.
POSITION_FOLDED: tuple[str, ...] = tuple(
    sorted({fold(w) for w in POSITION_WORDS}, key=len, reverse=True)
)

#: Deputy titles that follow "KT." in a flattened signature block.
DEPUTY_WORDS: tuple[str, ...] = ("PHÓ", "THỨ TRƯỞNG")
