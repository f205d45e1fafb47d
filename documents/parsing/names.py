"""Display forms of body names printed in capitals in the header.

"ỦY BAN NHÂN DÂN TỈNH BẮC NINH" → "Ủy ban nhân dân tỉnh Bắc Ninh";
"BỘ TÀI CHÍNH" → "Bộ Tài chính". Acronyms ("UBND") keep their case; words after a
locality word are proper names and stay capitalised. A national body of
``documents.issuers`` keeps that table's spelling ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ
XÃ HỘI" → "Bộ Lao động - Thương binh và Xã hội", not "... và xã Hội").
"""

from __future__ import annotations

from documents.issuers import national_name
from documents.text import fold

from .heading import is_acronym
from .lines import is_upper

_LOCALITY = {"tinh", "huyen", "quan", "xa", "phuong", "tran", "khu", "pho"}
_LOCALITY_PAIRS = {("thanh", "pho"), ("thi", "xa"), ("thi", "tran"), ("dac", "khu")}
_HEADS = {"bo", "cuc", "so", "vu", "ban", "phong", "chi", "tong"}
_PROPER = {
    "chinh phu": "Chính phủ",
    "quoc hoi": "Quốc hội",
    "trung uong": "Trung ương",
    "viet nam": "Việt Nam",
    "dang": "Đảng",
    "huyen uy": "Huyện ủy",
    "tinh uy": "Tỉnh ủy",
    "thanh uy": "Thành ủy",
    "quan uy": "Quận ủy",
    "dang uy": "Đảng ủy",
    "dang bo": "Đảng bộ",
}


def display_name(name: str | None) -> str | None:
    """Readable case for an all-caps body name; other text is returned as is."""
    if not name or not is_upper(name):
        return name
    known = national_name(name)
    if known:
        return known
    tokens = name.split()
    out: list[str] = []
    proper = False
    for k, token in enumerate(tokens):
        f = fold(token).strip(",")
        out.append(_case(token, k, proper, out))
        proper = _starts_proper(tokens, k, f, proper)
    text = " ".join(out)
    return _fix_proper(text)


def _case(token: str, k: int, proper: bool, out: list[str]) -> str:
    if is_acronym(token):
        return token
    head = fold(out[0]) in _HEADS if out else False
    if k == 0 or proper or (k == 1 and head):
        return token[:1] + token[1:].lower()
    return token.lower()


def _starts_proper(tokens: list[str], k: int, f: str, proper: bool) -> bool:
    prev = fold(tokens[k - 1]) if k else ""
    if proper and not f.endswith(","):
        return True
    if f == "uy":
        return prev in {"huyen", "tinh", "thanh", "quan", "thi", "dang"}
    if (prev, f) in _LOCALITY_PAIRS or f in _LOCALITY:
        return f not in {"thanh", "thi", "dac"}
    return False


def _fix_proper(text: str) -> str:
    f = fold(text)
    for key, value in _PROPER.items():
        pos = f.find(key)
        while pos >= 0:
            text = text[:pos] + value + text[pos + len(value) :]
            pos = f.find(key, pos + 1)
    return text
