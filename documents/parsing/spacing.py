"""Letter-spaced scrapes: words printed with stray spaces inside them.

Some scraped copies space the letters of a word apart ("ỦY B AN NHÂN D Â N
T HÀNH P HỐ HỒ C H Í M I NH", "Ngu y ễn Hữu Tín", "Đặ ng Văn Minh"). Every
Vietnamese syllable is a word, so pieces cannot be rejoined by their look
alone ("Đặ ng" and "ăn uống" are both two syllables). Two closed lists make it
safe where they apply:

- a body name whose letters, spaces ignored, are exactly those of a national
  body (``documents.issuers``) or of "Ủy ban nhân dân" / "Hội đồng nhân dân"
  + tỉnh / thành phố + a province (``places.PROVINCES``) takes that name;
- a signer's name whose first pieces join into a surname of ``SURNAMES``
  ("Ngu y ễn" → "Nguyễn") is rejoined; nothing else in it is touched;
- a place before the date ("T hành phố Hồ Chí M inh, ngày …") that spells a
  province of ``places.PROVINCES``, and a symbol's last part followed by
  capital pieces ("QĐ - U B ND") that join into a known body abbreviation
  (``places.LOCAL_BODIES``, ``documents.issuers``) are rejoined.
"""

from __future__ import annotations

from functools import lru_cache

from documents.issuers import national_body, national_names
from documents.text import fold, nfc

from .places import LOCAL_BODIES, PROVINCES

#: Common Vietnamese family names (most frequent first).
SURNAMES = frozenset(
    nfc(name)
    for name in (
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý "
        "Đào Đoàn Đinh Lâm Mai Trịnh Trương Lương Lưu Hà Tạ Cao Chu Châu Tô Tôn "
        "Thái Lại Quách Vương Kiều Triệu Phùng Mạc Nông Hứa Đàm Khổng Từ Giang "
        "Thân Đồng Doãn Diệp Lục Nghiêm Tống Hầu Khúc Bạch Tăng Mẫn Lã Ninh Lò"
    ).split()
)
_LOCAL_BODIES = ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")


def _key(text: str) -> str:
    """Letters only, folded: spaces and dashes ignored."""
    return "".join(ch for ch in fold(text).casefold() if ch.isalnum())


@lru_cache(maxsize=1)
def _known_bodies() -> dict[str, str]:
    known = {_key(name): name for name in national_names()}
    for body in _LOCAL_BODIES:
        for place, city in PROVINCES.items():
            level = "THÀNH PHỐ" if city else "TỈNH"
            known[_key(f"{body} {level} {place}")] = f"{body} {level} {place.upper()}"
    return known


def respaced_body(line: str) -> str:
    """The known body name a letter-spaced line spells, else the line as is.
    A line already spaced like the name is returned unchanged (its case kept)."""
    name = _known_bodies().get(_key(line))
    if name is None or _words(line) == _words(name):
        return line
    return name


def _words(text: str) -> list[str]:
    return fold(text).casefold().replace("-", " - ").split()


def join_surname(tokens: list[str], k: int) -> int:
    """Where a signer's name starts once a letter-spaced surname before index
    ``k`` ("Ngu", "y", "ễn" before "Hữu Tín") is rejoined in ``tokens`` (in
    place); ``k`` when the pieces before it spell no surname."""
    for size in (2, 3, 4):
        start = k - size
        if start < 0:
            break
        pieces = tokens[start:k]
        if not pieces[0][:1].isupper() or any(not p.isalpha() for p in pieces):
            continue
        if any(p[:1].isupper() for p in pieces[1:]) or pieces[0] in SURNAMES:
            continue
        joined = nfc("".join(pieces))
        if joined in SURNAMES:
            tokens[start:k] = [joined]
            return start
    return k


@lru_cache(maxsize=1)
def _known_places() -> dict[str, str]:
    known = {}
    for place, city in PROVINCES.items():
        known[_key(place)] = place
        known[_key(f"{'Thành phố' if city else 'Tỉnh'} {place}")] = (
            f"{'Thành phố' if city else 'Tỉnh'} {place}"
        )
    return known


def respaced_place(text: str) -> str | None:
    """The province a letter-spaced place spells ("T hành phố Hồ Chí M inh"),
    or None."""
    return _known_places().get(_key(text))


def _known_abbreviation(text: str) -> bool:
    key = fold(text).upper()
    return key in LOCAL_BODIES or national_body(key) is not None


#: Body abbreviations written in mixed case (Nghị định 30/2020/NĐ-CP, Phụ
#: lục III: the Thủ tướng's "TTg"), by their upper-case key.
_MIXED_CASE = {"TTG": "TTg"}


def respaced_symbol(symbol: str, rest: str) -> str:
    """ "QĐ-U" followed by " B ND" → "QĐ-UBND" when the last part of the symbol
    and the letter pieces after it join into a known body abbreviation and
    the last part alone is none; else the symbol as is. The pieces keep the
    case they are written in ("QĐ-T" + " Tg" → "QĐ-TTg"), and a last part or
    join spelled all in capitals takes the mixed case of the code table
    ("QĐ-TTG" → "QĐ-TTg")."""
    last = symbol.rsplit("-", 1)[-1]
    if last in _MIXED_CASE:  # "QĐ-TTG" printed in a heading's capitals
        return symbol[: len(symbol) - len(last)] + _MIXED_CASE[last]
    if not last.isalpha() or _known_abbreviation(last):
        return symbol
    pieces = []
    for token in rest.split()[:4]:
        # A capital piece ("B", "ND", "Tg") or one lower-case letter ("g").
        if not token.isalpha() or len(token) > 3:
            break
        if not (token[:1].isupper() or len(token) == 1):
            break
        pieces.append(token)
    for n in range(len(pieces), 0, -1):
        joined = last + "".join(pieces[:n])
        if _known_abbreviation(joined):
            joined = _MIXED_CASE.get(joined, joined)
            return symbol[: len(symbol) - len(last)] + joined
    return symbol
