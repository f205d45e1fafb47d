"""A local issuing body from its symbol and the place a record names.

The symbols of local bodies (UBND, HĐND, CTUBND: Ủy ban nhân dân, Hội đồng nhân
dân and its Chủ tịch) are the same in every province, so the symbol names the
kind of body but not which one. Legal-database addresses end their slug with
the place ("…-an-sinh-xa-hoi-Ha-Noi-682772.aspx"); the text, which names its
own province with accents ("trên địa bàn Thành phố Hà Nội"), or the table of
provinces spells it: "Hội đồng nhân dân thành phố Hà Nội".

Pure: no database.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from documents.text import fold

#: Local body abbreviations (folded, upper case) → the body's name before its
#: level and place (Luật Tổ chức chính quyền địa phương 2025, Điều 4).
LOCAL_BODIES = {
    "UBND": "Ủy ban nhân dân",
    "HDND": "Hội đồng nhân dân",
    # "QĐ-CTUBND": the Chủ tịch signs for the Ủy ban nhân dân, the issuing body
    "CTUBND": "Ủy ban nhân dân",
    # Provincial departments (Nghị định 45/2025/NĐ-CP, Điều 9)
    "SNV": "Sở Nội vụ",
    "STC": "Sở Tài chính",
    "STP": "Sở Tư pháp",
    "SYT": "Sở Y tế",
    "SXD": "Sở Xây dựng",
    "SCT": "Sở Công Thương",
    "SGDDT": "Sở Giáo dục và Đào tạo",
    "SKHCN": "Sở Khoa học và Công nghệ",
    "SNNMT": "Sở Nông nghiệp và Môi trường",
    "SVHTTDL": "Sở Văn hóa, Thể thao và Du lịch",
    "SVHTT": "Sở Văn hóa và Thể thao",
    "SDTTG": "Sở Dân tộc và Tôn giáo",
    "SNGV": "Sở Ngoại vụ",
}
#: The 34 provincial units from 1 July 2025 (Nghị quyết 202/2025/QH15);
#: True for a centrally governed city (thành phố trực thuộc trung ương).
PROVINCES: dict[str, bool] = {
    **dict.fromkeys(
        ("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"), True
    ),
    **dict.fromkeys(
        (
            "Lai Châu",
            "Điện Biên",
            "Sơn La",
            "Lạng Sơn",
            "Quảng Ninh",
            "Thanh Hóa",
            "Nghệ An",
            "Hà Tĩnh",
            "Cao Bằng",
            "Tuyên Quang",
            "Lào Cai",
            "Thái Nguyên",
            "Phú Thọ",
            "Bắc Ninh",
            "Hưng Yên",
            "Ninh Bình",
            "Quảng Trị",
            "Quảng Ngãi",
            "Gia Lai",
            "Khánh Hòa",
            "Lâm Đồng",
            "Đắk Lắk",
            "Đồng Nai",
            "Tây Ninh",
            "Vĩnh Long",
            "Đồng Tháp",
            "Cà Mau",
            "An Giang",
        ),  # fmt: skip
        False,
    ),
}
_BY_FOLD = {
    fold(name): ("thành phố" if city else "tỉnh", name)
    for name, city in PROVINCES.items()
}
#: An issuer name that names a local body but no place ("Ủy ban nhân dân").
_PLACELESS = frozenset(fold(name) for name in LOCAL_BODIES.values())
_NAMED_PLACE = re.compile(
    r"\b(tỉnh|thành phố|Tỉnh|Thành phố|THÀNH PHỐ|TỈNH)[ \t]+"
    r"((?:[A-ZĐÀ-Ỹ][\wà-ỹ]*)(?:[ \t]+[A-ZĐÀ-Ỹ][\wà-ỹ]*){0,3})"
)
_TRAILING_ID = re.compile(r"-\d{5,}$")


def is_placeless(issuer: str | None) -> bool:
    """ "Ủy ban nhân dân" alone names no body."""
    return bool(issuer) and " ".join(fold(issuer).split()) in _PLACELESS


def local_body_kind(segments: list[str]) -> str | None:
    """The local body an issuer segment of a symbol names, or None."""
    for segment in segments:
        key = re.sub(r"\d+$", "", fold(segment).upper())
        if key in LOCAL_BODIES:
            return LOCAL_BODIES[key]
    return None


def places_in_text(text: str, limit: int = 60000) -> dict[str, tuple[str, str]]:
    """Folded place name → (level, place as written) for every "tỉnh X" /
    "thành phố X" of the text, with each run of capitalised words also cut
    after two or more words ("tỉnh Đồng Nai Quyết" gives "Đồng Nai")."""
    found: dict[str, tuple[str, str]] = {}
    for match in _NAMED_PLACE.finditer(text[:limit]):
        level = "tỉnh" if fold(match.group(1)) == "tinh" else "thành phố"
        words = [
            w if not w.isupper() else w[:1] + w[1:].lower()
            for w in match.group(2).split()
        ]
        for n in range(min(2, len(words)), len(words) + 1):
            found.setdefault(fold(" ".join(words[:n])), (level, " ".join(words[:n])))
    return found


def slug_words(url: str | None) -> list[str]:
    """The words of an address's last segment, folded, without its page id."""
    if not url:
        return []
    path = unquote(urlsplit(url).path).rstrip("/")
    last = re.sub(r"\.(aspx|html?|php)$", "", path.rsplit("/", 1)[-1], flags=re.I)
    return [fold(t) for t in _TRAILING_ID.sub("", last).split("-") if t]


def slug_place(url: str | None, places: dict[str, tuple[str, str]]) -> tuple | None:
    """The last place of ``places`` the slug names (slugs end with the place of
    a local document: "…-Dong-Nai", "…-Cao-Bang-giai-doan-2021-2025")."""
    words = slug_words(url)
    for end in range(len(words), 0, -1):
        for n in (4, 3, 2, 1):
            if n <= end and len(key := " ".join(words[end - n : end])) > 2:
                if key in places:
                    return places[key]
    return None


def local_issuer(segments: list[str], url: str | None, text: str) -> str | None:
    """ "Hội đồng nhân dân thành phố Hà Nội" when a segment names a local body
    and the address's slug names a place that the text names, or one of the 34
    provinces and cities."""
    kind = local_body_kind(segments)
    if kind is None:
        return None
    found = slug_place(url, {**_BY_FOLD, **places_in_text(text)})
    if found is None:
        return None
    level, place = found
    return f"{kind} {level} {place}"
