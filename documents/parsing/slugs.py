"""Type, number, symbol and year spelled by a source address's slug.

Legal-database addresses name the document they hold:
"…/Cong-van-7197-BKHCN-CDSQG-2025-so-hoa-…-681234.aspx" is Công văn
7197/BKHCN-CĐSQG of 2025, "…/Thong-tu-57-2025-TT-BCT-…" Thông tư 57/2025/TT-BCT
(a legal-normative code keeps its year), "…/toan-van-nghi-quyet-so-1663-nq-
ubtvqh15-…" Nghị quyết 1663/NQ-UBTVQH15. A slug loses the Đ of a symbol; it is
restored where the abbreviation is known ("QD" → "QĐ", "CDSQG" → "CĐSQG").

Pure: no database.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

from documents.issuers import NATIONAL_ABBREVIATIONS
from documents.kinds import KINDS, type_codes
from documents.text import fold

from .vocab import TYPE_CODES

#: English names of kinds in translated copies' addresses ("Decree-301-2025-ND-CP").
ENGLISH_KINDS = {
    "decree": "Nghị định",
    "circular": "Thông tư",
    "joint circular": "Thông tư liên tịch",
    "decision": "Quyết định",
    "resolution": "Nghị quyết",
    "directive": "Chỉ thị",
    "law": "Luật",
    "ordinance": "Pháp lệnh",
    "official dispatch": "Công văn",
    "official letter": "Công văn",
    "plan": "Kế hoạch",
    "notice": "Thông báo",
    "conclusion": "Kết luận",
    "instruction": "Hướng dẫn",
    "telegram": "Công điện",
}
#: Folded kind name → kind name.
KIND_NAMES = {fold(kind.name): kind.name for kind in KINDS if kind.name != "Văn bản"}
_SLUG_KINDS = sorted(
    [(fold(name).split(), name) for name in KIND_NAMES.values()]
    + [(words.split(), name) for words, name in ENGLISH_KINDS.items()],
    key=lambda item: -len(item[0]),
)

#: Abbreviations written with Đ (an address slug loses it): the type codes, and
#: bodies and units whose abbreviation has a Đ (Hội đồng nhân dân, Bộ Giáo dục
#: và Đào tạo, Ban Chỉ đạo, Cục Chuyển đổi số quốc gia, Đảng ủy ...).
_WITH_D = (
    "HĐND",
    "BGDĐT",
    "SGDĐT",
    "BLĐTBXH",
    "SLĐTBXH",
    "BKHĐT",
    "SKHĐT",
    "BCĐ",
    "CĐSQG",
    "ĐU",
    "TĐKT",
    "ĐHQG",
    "ĐĐBQH",
)


def _spellings() -> dict[str, str]:
    """Folded upper-case abbreviation → its written form, where unambiguous
    ("QD" → "QĐ"; "HD" stays, as Hướng dẫn HD and Hợp đồng HĐ fold alike)."""
    forms: dict[str, set[str]] = {}
    written = [*type_codes(), *_WITH_D, "TTg", "UBND", "UBTVQH"]
    for form in written:
        forms.setdefault(fold(form).upper(), set()).add(form)
    return {key: next(iter(v)) for key, v in forms.items() if len(v) == 1}


_SPELLING = _spellings()
#: Folded upper-case type code → kind ("QD" → Quyết định).
TYPE_BY_FOLD = {fold(code).upper(): name for code, name in TYPE_CODES.items()}
_YEAR = re.compile(r"^(19|20)\d\d$")
_DIGITS = re.compile(r"^\d{1,6}$")
_TRAILING_ID = re.compile(r"-\d{5,}$")
#: Words between a kind and its number in a slug ("nghi-quyet-so-1663").
_FILLERS = {"so", "no"}


def url_hints(url: str | None) -> dict[str, Any]:
    """Type, code and year spelled by a source address's last segment.

    "…/Cong-van-7197-BKHCN-CDSQG-2025-so-hoa-…-681234.aspx" →
    {"doc_type": "Công văn", "code": "7197/BKHCN-CĐSQG", "year": 2025};
    "…/Thong-tu-57-2025-TT-BCT-…" → "57/2025/TT-BCT" (a legal-normative code
    keeps its year); "…/toan-van-nghi-quyet-so-1663-nq-ubtvqh15-…" →
    "1663/NQ-UBTVQH15". Empty when the slug names no known kind and number.
    """
    if not url:
        return {}
    path = unquote(urlsplit(url).path).rstrip("/")
    last = re.sub(r"\.(aspx|html?|php)$", "", path.rsplit("/", 1)[-1], flags=re.I)
    tokens = [t for t in _TRAILING_ID.sub("", last).split("-") if t]
    kind, pos = _slug_kind(tokens)
    if kind is None:
        return {}
    while pos < len(tokens) and fold(tokens[pos]) in _FILLERS:
        pos += 1
    if pos >= len(tokens) or not _DIGITS.match(tokens[pos]):
        return {"doc_type": kind}
    numbers = [tokens[pos]]  # the first number is the number, even "1973"
    pos += 1
    if pos + 1 < len(tokens) and _DIGITS.match(tokens[pos]):
        if not _is_year(tokens, pos):  # "66-8-2025-NQ-CP" is 66.8/2025/NQ-CP
            numbers.append(tokens[pos])
            pos += 1
    number = ".".join(numbers)
    if pos < len(tokens) and _is_year(tokens, pos):  # "57-2025-TT-BCT"
        year = int(tokens[pos])
        symbol = _symbol(tokens, pos + 1, normative=True)
        code = f"{number}/{year}/{symbol}" if symbol else None
        rest = pos + 1 + len(symbol.split("-"))
    else:  # "7197-BKHCN-CDSQG-2025", "221-KL-TW-2025"
        symbol = _symbol(tokens, pos, normative=False)
        rest = pos + len(symbol.split("-")) if symbol else pos
        year = (
            int(tokens[rest]) if rest < len(tokens) and _is_year(tokens, rest) else None
        )
        rest += 1 if year else 0
        code = _written_code(number, symbol) if symbol else None
    out: dict[str, Any] = {"doc_type": kind}
    if code:
        out["code"] = code
        if tokens[rest:]:
            out["subject"] = tokens[rest:]
    if year:
        out["year"] = year
    return out


_WORD = re.compile(r"[^\W_]+")


def subject_from_text(words: list[str], text: str) -> str | None:
    """The slug's subject words as the text writes them ("cong-bo-thu-tuc-hanh-
    chinh" → "công bố thủ tục hành chính"), or None when a word is not in the
    text. Each run of slug words is matched to the longest run of text words
    with the same folded form, so "bai-bo" is "bãi bỏ" where the text says so
    and "Bộ" where it says "Bộ"; a single word must be spelled one way only. A
    slug word that starts with a capital (a name: "Ha-Noi") keeps its capital.
    """
    found, folded, at = text_words(text)
    wanted = [fold(w) for w in words]
    out: list[str] = []
    for i, best, start in longest_runs(wanted, folded, at):
        if best == 0:
            return None
        if best == 1 and len({found[k].lower() for k in at[wanted[i]]}) > 1:
            return None
        out.extend(found[start : start + best])
    subject = " ".join(letter_case(w, slug) for w, slug in zip(out, words, strict=True))
    return cited_codes(subject)


def text_words(text: str) -> tuple[list[str], list[str], dict[str, list[int]]]:
    """The words of ``text`` (its first 300,000 characters), their folded
    forms, and where each folded form stands."""
    found = _WORD.findall((text or "")[:300000])
    folded = [fold(w) for w in found]
    at: dict[str, list[int]] = {}
    for k, word in enumerate(folded):
        at.setdefault(word, []).append(k)
    return found, folded, at


def longest_runs(wanted: list[str], folded: list[str], at: dict[str, list[int]]):
    """Left to right over the folded words ``wanted``: (i, n, start) where the
    text's words from ``start`` fold to ``wanted[i : i + n]``, the longest such
    run (n = 0 and start = -1 when the text lacks ``wanted[i]``)."""
    i = 0
    while i < len(wanted):
        best, start = 0, -1
        for k in at.get(wanted[i], []):
            n = 1
            while (
                i + n < len(wanted)
                and k + n < len(folded)
                and folded[k + n] == wanted[i + n]
            ):
                n += 1
            if n > best:
                best, start = n, k
        yield i, best, start
        i += max(best, 1)


def cited_codes(subject: str) -> str:
    """ "sửa đổi Nghị định 38 2024 NĐ CP" → "sửa đổi Nghị định 38/2024/NĐ-CP"."""
    return _CITED_CODE.sub(r"\1/\2/\3-\4", subject)


#: A legal-normative code the slug spells without its slashes: "44 2021 TT BGTVT".
_CITED_CODE = re.compile(
    r"\b(\d{1,4}) ((?:19|20)\d\d) ([A-ZĐ]{1,6}) ([A-ZĐ][\w]{1,12})\b"
)


def letter_case(word: str, slug: str) -> str:
    """``word`` in the case the slug writes it: a capital for a name ("Ha-Noi"),
    capitals for an abbreviation, else lower case."""
    if slug[:1].isupper() and not slug.isupper():
        return word[:1].upper() + word[1:].lower()
    return word if word.isupper() and len(slug) > 1 and slug.isupper() else word.lower()


#: Party bodies: their documents are numbered "221-KL/TW" (Hướng dẫn
#: 36-HD/VPTW of the Văn phòng Trung ương Đảng on Party documents).
_PARTY_BODIES = frozenset(
    {"TW", "VPTW", "BTCTW", "BTGDVTW", "UBKTTW", "BDNTW", "BNCTW", "DUCA", "TU"}
    | {"HU", "DU", "QU", "THU", "BTVTU", "BCSD"}
)


def _written_code(number: str, symbol: str) -> str:
    """ "7197", "BKHCN-CĐSQG" → "7197/BKHCN-CĐSQG"; a Party body's document
    keeps the Party form: "221", "KL-TW" → "221-KL/TW"."""
    parts = symbol.split("-")
    issuer = re.sub(r"\d+$", "", fold(parts[-1]).upper())
    if (
        len(parts) == 2
        and issuer in _PARTY_BODIES
        and fold(parts[0]).upper() in TYPE_BY_FOLD
    ):
        return f"{number}-{parts[0]}/{parts[1]}"
    return f"{number}/{symbol}"


def _slug_kind(tokens: list[str]) -> tuple[str | None, int]:
    """The kind named at the start of the slug (after "toan-van") and where it ends."""
    folded = [fold(t) for t in tokens]
    start = 2 if folded[:2] == ["toan", "van"] else 0
    for words, name in _SLUG_KINDS:
        if folded[start : start + len(words)] == words:
            return name, start + len(words)
    return None, 0


def _is_year(tokens: list[str], pos: int) -> bool:
    return bool(_YEAR.match(tokens[pos]))


def _symbol(tokens: list[str], pos: int, *, normative: bool) -> str:
    """The symbol's segments from ``pos``: written in capitals ("BKHCN",
    "UBTVQH15") or a known abbreviation in any case ("TTg", "nd", "cp")."""
    parts: list[str] = []
    while pos < len(tokens) and len(parts) < 4:
        token = tokens[pos]
        if _is_year(tokens, pos) or not _is_segment(token, first=not parts):
            break
        parts.append(spelled(token))
        pos += 1
    if normative and parts and fold(parts[0]).upper() not in TYPE_BY_FOLD:
        return ""
    return "-".join(parts)


def _is_segment(token: str, *, first: bool) -> bool:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]{0,11}", token):
        return False
    key = re.sub(r"\d+$", "", token.upper())
    if key in _SPELLING or key in NATIONAL_ABBREVIATIONS or key in TYPE_BY_FOLD:
        return True
    return token.isupper() and len(token) >= 2


def spelled(token: str) -> str:
    """ "CDSQG" → "CĐSQG", "nd" → "NĐ", "ttg" → "TTg", "ubtvqh15" → "UBTVQH15"."""
    upper = token.upper()
    key, term = re.match(r"(.*?)(\d*)$", upper).groups()
    if key in _SPELLING:
        return _SPELLING[key] + term
    return token if not token.islower() else upper
