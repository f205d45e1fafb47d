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
from documents.text import fold, normalize_tones

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


# -- One name per body -------------------------------------------------------

#: Abbreviations a header or an attribute table writes for a local body's name.
_LOCAL_ABBREVIATIONS = {"ubnd": "Ủy ban nhân dân", "hdnd": "Hội đồng nhân dân"}
#: Level words of a place ("tỉnh Bắc Ninh", "thành phố Huế"), folded.
_LEVELS = (
    "thanh pho",
    "thi xa",
    "thi tran",
    "dac khu",
    "tinh",
    "huyen",
    "quan",
    "xa",
    "phuong",
)
_LOCAL_HEADS = ("uy ban nhan dan", "hoi dong nhan dan")
_STRAY = " \t*-–—_|=:;,.\"'“”‘’()[]"


def _same_case(words: str, like: str) -> str:
    """``words`` in capitals when ``like`` is written in capitals."""
    return words.upper() if like.isupper() else words


def issuing_body_name(name: str) -> str:
    """The body a header's ô 1 names, its own case kept.

    A Chủ tịch Ủy ban nhân dân signs for the Ủy ban nhân dân: "CHỦ TỊCH ỦY
    BAN NHÂN DÂN TỈNH ĐỒNG THÁP" (and the misprint "CHỦ TỊCH NHÂN DÂN THÀNH PHỐ
    HUẾ") name the body "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP".
    """
    words = name.split()
    folded = fold(name).split()
    if folded[:2] != ["chu", "tich"] or folded[2:3] not in (["uy"], ["nhan"], ["ubnd"]):
        return name
    if folded[2:4] == ["nhan", "dan"]:
        return " ".join(_same_case("Ủy ban", name).split() + words[2:])
    return " ".join(words[2:])


def _written_out(name: str) -> str:
    """ "UBND thành phố Hà Nội" → "Ủy ban nhân dân thành phố Hà Nội"."""
    words = name.split()
    full = _LOCAL_ABBREVIATIONS.get(fold(words[0])) if words else None
    if full is None:
        return name
    return " ".join([_same_case(full, " ".join(words[1:]) or "x"), *words[1:]])


def canonical_body_name(name: str) -> str:
    """The one spelling of a body's name, whatever the source wrote.

    New-style tone marks ("Uỷ"/"Hoá" → "Ủy"/"Hóa", as the admin's glossary
    writes them), one space, no stray punctuation around it, the signing
    Chủ tịch and "UBND"/"HĐND" read as the body (``issuing_body_name``), the
    national table's spelling of a national body ("Bộ Văn hoá, Thể thao và du
    lịch" → "Bộ Văn hóa, Thể thao và Du lịch"), and a local council's generic
    words and level in lower case, its place's words capitalised ("ỦY Ban Nhân
    Dân Tỉnh bắc ninh" → "Ủy ban nhân dân tỉnh Bắc Ninh"). Expects a name in
    display case (a header in capitals goes through ``parsing.names`` first).
    """
    name = normalize_tones(" ".join(name.split())).strip(_STRAY)
    name = _written_out(issuing_body_name(name))
    known = national_name(name)
    if known:
        return known
    return _local_case(name)


def _local_case(name: str) -> str:
    """A local council's generic words and level in lower case, its place's
    words capitalised; a place named by a number capitalises its level too
    ("Ủy ban nhân dân Quận 1", "Phường 15": Nghị định 30/2020/NĐ-CP, Phụ lục
    II, writes the level of a unit named by a number with a capital)."""
    folded = fold(name)
    head = next((h for h in _LOCAL_HEADS if folded.startswith(h + " ")), None)
    if head is None:
        return name
    words = name.split()[len(head.split()) :]
    rest = folded.split()[len(head.split()) :]
    level = next((lv for lv in _LEVELS if rest[: len(lv.split())] == lv.split()), "")
    size = len(level.split())
    if not level or len(rest) == size:
        return name
    head_words = " ".join(name.split()[: len(head.split())]).lower()
    level_words = " ".join(words[:size]).lower()
    if all(w.isdigit() for w in rest[size:]):
        level_words = level_words.capitalize()
    place = [
        w if w[:1].isupper() and not w.isupper() else w.capitalize()
        for w in words[size:]
    ]
    return f"{head_words.capitalize()} {level_words} {' '.join(place)}"


def central_party_body(issuer: str, parent: str | None) -> tuple[str, str | None]:
    """(name, parent) of a body printed under "BAN CHẤP HÀNH TRUNG ƯƠNG".

    A central Party body prints the Ban Chấp hành above its own short name
    ("BAN TỔ CHỨC", "VĂN PHÒNG"); the body is the "Ban Tổ chức Trung ương",
    the "Văn phòng Trung ương Đảng" of the table, without a parent. Other
    pairs are returned as given.
    """
    if parent is None or fold(parent).strip() != "ban chap hanh trung uong":
        return issuer, parent
    for suffix in (" Trung ương", " Trung ương Đảng"):
        known = national_name(issuer + suffix)
        if known:
            return known, None
    return issuer, parent


_PLACE = re.compile(
    r"\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+.+$",
    re.IGNORECASE,
)
_LOCAL_PARENTS = ("uy ban nhan dan ", "hoi dong nhan dan ", "ubnd ", "hdnd ")


def with_parent_place(name: str, parent_name: str) -> str:
    """A unit named without its place under a local body names it: "Trung tâm
    phục vụ hành chính công" under "UBND thành phố Hà Nội" is the "Trung tâm
    phục vụ hành chính công thành phố Hà Nội" (every city has one), its "Văn
    phòng" the "Văn phòng UBND thành phố Hà Nội"; the name's case is kept."""
    local = fold(parent_name).startswith(_LOCAL_PARENTS)
    place = _PLACE.search(parent_name) if local else None
    if place is None or _PLACE.search(name):
        return name
    if fold(name) == "van phong":
        return f"{name} {parent_name}"
    return f"{name} {place.group(0)}"


def completed_by_symbol(
    issuer: str | None, symbol: str | None, doc_type: str | None = None
) -> str | None:
    """The national body the symbol names when the header printed the start
    of its name only, the rest lost with its cell's second line ("ỦY BAN
    THƯỜNG VỤ" over 494/NQ-UBTVQH13 → "Ủy ban Thường vụ Quốc hội")."""
    found = issuer_from_symbol(symbol, doc_type) if issuer else None
    start = _name_key(issuer or "")
    if found and len(start.split()) > 1 and _name_key(found[0]).startswith(start + " "):
        return found[0]
    return issuer
