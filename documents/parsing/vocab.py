"""Vocabularies the parser matches against: type words and codes (from
``documents.kinds``), issuing-body and locality words, signing positions.

Upper-case forms are matched on the folded text, so "UỶ"/"ỦY" spellings and
Eth look-alikes agree.
"""

from __future__ import annotations

from documents.kinds import KINDS, type_codes
from documents.text import fold

#: Type words as printed in the heading (ô 5a), folded, longest first, with
#: display names (``documents.kinds``).
TYPE_WORDS: tuple[tuple[str, str], ...] = tuple(
    (fold(kind.name), kind.name)
    for kind in sorted(
        (kind for kind in KINDS if kind.heading), key=lambda k: -len(k.name)
    )
)

#: Type codes of số ký hiệu (upper case), used only as a fallback when the text
#: has no type word.
TYPE_CODES: dict[str, str] = {}
for _code, _name in type_codes().items():
    TYPE_CODES.setdefault(_code.upper(), _name)

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

#: Folded POSITION_WORDS, longest first (ties alphabetical, whatever the hash seed).
POSITION_FOLDED: tuple[str, ...] = tuple(
    sorted({fold(w) for w in POSITION_WORDS}, key=lambda w: (-len(w), w))
)

#: Deputy titles that follow "KT." in a flattened signature block.
DEPUTY_WORDS: tuple[str, ...] = ("PHÓ", "THỨ TRƯỞNG")
