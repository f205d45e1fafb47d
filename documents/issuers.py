"""National issuing bodies by the abbreviation in their số ký hiệu.

Under Nghị định 30/2020/NĐ-CP (Phụ lục III) a symbol is "type code - issuer"
("19/CT-TTg", "110/2025/TT-BTC") and a Công văn's symbol is "issuer - drafting
unit" ("5537/CT-CS": Cục Thuế, Ban Chính sách). Abbreviations of local bodies
(UBND, HĐND, SNV ...) are shared by every province and name no single body, so
this table holds only national bodies whose abbreviation is unique. Entries
were collected from the headers and citations of real 2025 documents (the Cục
Thuế and Cục Hải quan of Bộ Tài chính after Quyết định 381/QĐ-BTC and
382/QĐ-BTC of 2025, the ministries after Nghị định 25–48/2025/NĐ-CP) plus the
bodies abolished in 2025 whose documents are still cited (BTTTT, BTNMT,
BNNPTNT, BLĐTBXH, BKHĐT, BGTVT, UBDT).

Keys are folded (``fold``, upper case), values are (name, parent name or None).
"""

from __future__ import annotations

import re

from documents.kinds import type_codes
from documents.text import fold

_BTC = "Bộ Tài chính"
_NATIONAL: dict[str, tuple[str, str | None]] = {
    # Quốc hội, Chủ tịch nước, Chính phủ and their offices
    "QH": ("Quốc hội", None),
    "UBTVQH": ("Ủy ban Thường vụ Quốc hội", None),
    "VPQH": ("Văn phòng Quốc hội", None),
    "CTN": ("Chủ tịch nước", None),
    "VPCTN": ("Văn phòng Chủ tịch nước", None),
    "CP": ("Chính phủ", None),
    "TTG": ("Thủ tướng Chính phủ", None),
    "VPCP": ("Văn phòng Chính phủ", None),
    # Ministries and ministry-level bodies (2025)
    "BNV": ("Bộ Nội vụ", None),
    "BTC": (_BTC, None),
    "BTP": ("Bộ Tư pháp", None),
    "BYT": ("Bộ Y tế", None),
    "BXD": ("Bộ Xây dựng", None),
    "BCT": ("Bộ Công Thương", None),
    "BCA": ("Bộ Công an", None),
    "BQP": ("Bộ Quốc phòng", None),
    "BNG": ("Bộ Ngoại giao", None),
    "BGDDT": ("Bộ Giáo dục và Đào tạo", None),
    "BKHCN": ("Bộ Khoa học và Công nghệ", None),
    "BVHTTDL": ("Bộ Văn hóa, Thể thao và Du lịch", None),
    "BNNMT": ("Bộ Nông nghiệp và Môi trường", None),
    "BDTTG": ("Bộ Dân tộc và Tôn giáo", None),
    "NHNN": ("Ngân hàng Nhà nước Việt Nam", None),
    "TTCP": ("Thanh tra Chính phủ", None),
    "KTNN": ("Kiểm toán nhà nước", None),
    "TANDTC": ("Tòa án nhân dân tối cao", None),
    "VKSTC": ("Viện kiểm sát nhân dân tối cao", None),
    "BHXH": ("Bảo hiểm xã hội Việt Nam", None),
    # Bodies abolished or merged in 2025, still cited
    "BTTTT": ("Bộ Thông tin và Truyền thông", None),
    "BTNMT": ("Bộ Tài nguyên và Môi trường", None),
    "BNNPTNT": ("Bộ Nông nghiệp và Phát triển nông thôn", None),
    "BLDTBXH": ("Bộ Lao động - Thương binh và Xã hội", None),
    "BKHDT": ("Bộ Kế hoạch và Đầu tư", None),
    "BGTVT": ("Bộ Giao thông vận tải", None),
    "UBDT": ("Ủy ban Dân tộc", None),
    # Departments that issue in their own name
    "CT": ("Cục Thuế", _BTC),
    "TCT": ("Tổng cục Thuế", _BTC),
    "CHQ": ("Cục Hải quan", _BTC),
    "TCHQ": ("Tổng cục Hải quan", _BTC),
    "KBNN": ("Kho bạc Nhà nước", _BTC),
    "UBCKNN": ("Ủy ban Chứng khoán Nhà nước", _BTC),
    "LS": ("Cục Lãnh sự", "Bộ Ngoại giao"),
    "VTLTNN": ("Cục Văn thư và Lưu trữ nhà nước", "Bộ Nội vụ"),
    # Party and mass organisations with one central body
    "TW": ("Ban Chấp hành Trung ương", None),
    "BTCTW": ("Ban Tổ chức Trung ương", None),
    "BTGDVTW": ("Ban Tuyên giáo và Dân vận Trung ương", None),
    "VPTW": ("Văn phòng Trung ương Đảng", None),
    "BTDKTTW": ("Ban Thi đua - Khen thưởng Trung ương", "Bộ Nội vụ"),
    "MTTW": ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", None),
}

#: The abbreviations of the table, folded and upper case.
NATIONAL_ABBREVIATIONS: frozenset[str] = frozenset(_NATIONAL)
_TYPE_KEYS = frozenset(fold(code).upper() for code in type_codes())
_TERM = re.compile(r"\d+$")


_DASH = re.compile(r"\s*[-‐‒–—―]\s*")


def _name_key(name: str) -> str:
    """Folded, lower case, one space; any dash with or without spaces around
    it ("Lao động – Thương binh", "ĐỘNG-THƯƠNG") written " - "."""
    return " ".join(_DASH.sub(" - ", fold(name).casefold()).split())


_BY_NAME: dict[str, str] = {
    _name_key(name): name for pair in _NATIONAL.values() for name in pair if name
}


def national_names() -> frozenset[str]:
    """Every name of the table, bodies and parents, as written."""
    return frozenset(_BY_NAME.values())


def national_name(name: str) -> str | None:
    """The table's spelling of a national body named in any case
    ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" → "Bộ Lao động - Thương binh và
    Xã hội"), or None when no body of the table has that name."""
    return _BY_NAME.get(_name_key(name))


def abbreviation_key(segment: str) -> str:
    """ "UBTVQH15" → "UBTVQH", "BGDĐT" → "BGDDT" (the table's key form)."""
    return _TERM.sub("", fold(segment).upper())


def national_body(abbreviation: str) -> tuple[str, str | None] | None:
    """(name, parent) of the national body with this abbreviation, or None."""
    return _NATIONAL.get(abbreviation_key(abbreviation))


def issuer_segments(symbol: str | None, doc_type: str | None = None) -> list[str]:
    """The symbol's segments that may name the issuer, most likely first.

    A Công văn names its issuer first and its drafting unit after ("CT-CS"), so
    only the first segment counts; other documents name it after the type code
    ("CT-TTg", "TT-BTC"), so a leading type code is dropped.
    """
    if not symbol:
        return []
    segments = [s for s in re.split(r"[-/]", symbol) if s]
    if doc_type == "Công văn":
        if segments and abbreviation_key(segments[0]) == "CV":
            return segments[1:2]
        return segments[:1]
    if segments and abbreviation_key(segments[0]) in _TYPE_KEYS:
        segments = segments[1:]
    return list(reversed(segments))


def issuer_from_symbol(
    symbol: str | None, doc_type: str | None = None
) -> tuple[str, str | None] | None:
    """(name, parent) of the national body the symbol names, or None."""
    for segment in issuer_segments(symbol, doc_type):
        found = national_body(segment)
        if found:
            return found
    return None
