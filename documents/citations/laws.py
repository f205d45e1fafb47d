"""Laws cited by name: the gazetteer first, then a generic title rule.

A title runs from the capitalised word after "Luật" to the first cue that cannot
belong to a title: "số", "ngày", "năm 2022", "được", a comma followed by a
capitalised word ("Luật Quy hoạch, Luật Đầu tư"), "và" followed by another law
or "các" ("và các văn bản hướng dẫn"). A comma followed by a lower-case word
stays inside ("Luật Cán bộ, công chức"), which is how Vietnamese titles read.
"""

import re
from dataclasses import dataclass

from . import gazetteer
from .context import STOP_WORDS, TOKEN, is_stop
from .matchers import Hit, Source, finish
from .numbers import NumberHit, QpplNumber
from .vocab import QUERY_TYPE_ABBR, TYPE_BY_FOLD

_AMEND = re.compile(
    r"\s+sua\s+doi\s*,?\s*bo\s+sung(?:\s+mot\s+so\s+dieu)?(?:\s+(?:cua|tai))?\s+"
)


def _title_regex(title: str) -> str:
    """A folded title as a regex: any spacing, and "," or " - " or nothing
    between its parts ("Thi đua, khen thưởng" = "Thi đua - Khen thưởng")."""
    parts = [r"\s+".join(map(re.escape, part.split())) for part in title.split(",")]
    return r"\s*(?:,|\s-)?\s*".join(parts)


_TITLES = re.compile(
    "(?:" + "|".join(map(_title_regex, gazetteer.TITLE_PATTERNS)) + r")(?![a-z])"
)
_BARE_YEAR = re.compile(r"\s+(?P<year>(?:19|20)\d\d)(?![\d/])")
_NUMBER = re.compile(r"\s*,?\s*(?:so\s*:?\s*)?(?=\d)")
# "Trường Đại học Luật Hà Nội", "Công ty Luật …", "Khoa Luật": names, not laws;
# "XỬ LÝ KỶ LUẬT CÁN BỘ", "PHÁP LUẬT TRÊN ĐỊA BÀN" (a heading in capitals):
# the words "kỷ luật" and "pháp luật".
_NOT_A_LAW = re.compile(
    r"(?:hoc|cong ty|van phong|khoa|hang|doan|(?<![a-z])(?P<word>ky|phap))\s+$"
)
# "Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch",
# "… của các Luật về thuế": the amended laws counted, not named.
_LAW_COUNT = re.compile(r"(?:\d{1,3}|cac)\s+luat(?![a-z])")
_TITLE_TAIL = re.compile(
    r"(?P<tail>(?:\s+[^\W\d_]+){1,8}?)(?=\s+so\s*\d{1,5}\s?/\s?(?:19|20)\d\d)"
)
_DATED = re.compile(r"\s*,?\s*ngay\s*\d")
_NEXT_LAW = re.compile(r"\s*(?:,|va|,\s*va)\s+(?=(?:luat|bo\s+luat)\s)")
_LAW_WORD = re.compile(r"(?:bo\s+luat|luat)(?![a-z])")
_TITLE_STOP = STOP_WORDS | {
    "hiện",
    "khóa",
    "khoá",
    "thuộc",
    "còn",
    "các",
    "của",
    "không",
    "vừa",
    "đang",
    "đối",
    "bị",
    "phải",
    "sẽ",
    "nhưng",
    "hết",
}
_TITLE_PAIRS = frozenset(("sửa đổi", "bổ sung", "quy định", "hướng dẫn", "ban hành"))
_NEW_SENTENCE = re.compile(r" +Ngày\s")
_QPPL = QpplNumber()
MAX_TITLE_WORDS = 14
ISSUERS = {"Luật": "Quốc hội", "Bộ luật": "Quốc hội"}


@dataclass
class Member:
    """One law title in the text, with the number written after it if any."""

    start: int
    title_end: int
    end: int
    number: NumberHit | None
    year: str | None = None


def match_law(src: Source, start: int, end: int) -> list[Hit]:
    """Hits for a law cited by name at the type word ``src.folded[start:end]``."""
    amend = _AMEND.match(src.folded, end)
    if amend is not None:
        return _amending(src, start, end, amend.end())
    member = _member(src, start, end)
    if member is None:
        return []
    return [_law_hit(src, member, src.folded[start:end])]


def _member(
    src: Source, start: int, type_end: int, *, inner: bool = False
) -> Member | None:
    """A law title after the type word at ``start``, with its number if any.

    The type word must be capitalised ("Luật", "LUẬT"), so "pháp luật Việt Nam"
    is no title. A lower-case title ("Luật tổ chức chính quyền địa phương") is
    accepted when the gazetteer knows it or a number or date follows it.
    """
    title_start = type_end + 1
    if src.text[type_end:title_start] != " " or not src.text[start].isupper():
        return None
    if src.folded.startswith("so", title_start) or _not_a_law(src, start):
        return None
    caps = src.text[start:type_end].isupper()
    found = _TITLES.match(src.folded, title_start)
    first = src.text[title_start : title_start + 1]
    if found is None and (
        not first.isalpha()
        or any(src.folded.startswith(t + " ", title_start) for t in TYPE_BY_FOLD)
    ):
        return None
    title_end = found.end() if found else scan_title(src, title_start, caps)
    if title_end <= title_start or (
        found is None and _abbreviation(src, title_start, title_end)
    ):
        return None
    if found is None:
        title_end = _extend_to_number(src, title_end)
    number, end = _number_after(src, title_end)
    year = None if number else _BARE_YEAR.match(src.folded, title_end)
    end = year.end() if year else end
    if found is None and not (first.isupper() or inner or number or _dated(src, end)):
        return None
    return Member(start, title_end, end, number, year.group("year") if year else None)


def _not_a_law(src: Source, start: int) -> bool:
    """Whether the word before "Luật" makes a name or another word of it
    ("Đại học Luật", "pháp luật"; not "Bộ Tư pháp" in the table cell before)."""
    found = _NOT_A_LAW.search(src.folded, max(0, start - 12), start)
    if found is None:
        return False
    return not found.group("word") or "\n" not in src.text[found.end("word") : start]


def _abbreviation(src: Source, start: int, end: int) -> bool:
    """A kind's abbreviation after "Luật" ("L Luật NQ Nghị quyết NĐ Nghị định",
    a table of abbreviations) is no title."""
    word = src.text[start:end]
    return word.isupper() and src.folded[start:end] in QUERY_TYPE_ABBR


def _extend_to_number(src: Source, pos: int) -> int:
    """Extend a title cut at a cue word when "số N/YYYY/…" follows it closely.

    "Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14": the
    number proves that the words up to it are still the title.
    """
    found = _TITLE_TAIL.match(src.folded, pos)
    if found is None or any(
        src.folded.startswith(t, found.start() + 1) for t in TYPE_BY_FOLD
    ):
        return pos
    return found.end("tail")


def _number_after(src: Source, pos: int) -> tuple[NumberHit | None, int]:
    gap = _NUMBER.match(src.folded, pos)
    if gap is None:
        return None, pos
    number = _QPPL.match(src.text, src.folded, gap.end())
    if number is None or not number.number:
        return None, pos
    return number, number.end


def _dated(src: Source, pos: int) -> bool:
    return _DATED.match(src.folded, pos) is not None


def scan_title(src: Source, pos: int, caps: bool, *, lower_ok: bool = False) -> int:
    """End of a generic law title starting at ``pos`` (see module docstring)."""
    tokens = list(TOKEN.finditer(src.folded, pos, min(len(src.folded), pos + 160)))
    end, words = pos, 0
    for index, token in enumerate(tokens):
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        if not _in_title(src, token, nxt, caps, words, lower_ok):
            break
        if "\n" in src.text[end : token.start()] and (
            caps or src.text[token.start()].isupper()
        ):
            break
        if token.group()[0].isalnum():
            words, end = words + 1, token.end()
        if words >= MAX_TITLE_WORDS:
            break
    return end


def _in_title(src: Source, token, nxt, caps: bool, words: int, lower_ok: bool) -> bool:
    """Generic titles stop at punctuation, "và" and cue words.

    Titles that contain commas or "và" are in the gazetteer, which is tried
    first; this rule only has to find the end of a plain title.
    """
    word = token.group()
    if not word[0].isalnum() or word.isdigit() or word == "va":
        return lower_ok and word == "va" and words > 0
    lower = src.text[token.start()].islower() or caps
    if lower and is_stop(src.text, token, nxt, _TITLE_STOP, _TITLE_PAIRS):
        return False
    upper_type = (
        src.text[token.start()].isupper()
        and words
        and any(src.folded.startswith(t, token.start()) for t in TYPE_BY_FOLD)
    )
    return not upper_type


def _law_hit(src: Source, member: Member, kind: str) -> Hit:
    doc_type = TYPE_BY_FOLD.get(kind, "Luật")
    hit = Hit(member.start, member.end, doc_type, issuer=ISSUERS.get(doc_type))
    hit.system = "law"
    hit.flags.append("law_by_name")
    if member.number is not None:
        number = member.number
        hit.number, hit.year, hit.symbol = number.number, number.year, number.symbol
        hit.flags.extend(number.flags)
        return finish(src, hit, member.end)
    if member.year:
        hit.date, hit.year = member.year, int(member.year)
    # "… dự án Pháp lệnh sửa đổi Pháp lệnh Cảnh sát môi trường Ngày 21/11/2025,
    # Chính phủ …": a capitalised "Ngày" after a bare title starts a sentence.
    finish(
        src, hit, member.end, dated=_NEW_SENTENCE.match(src.text, member.end) is None
    )
    title = src.folded[member.start : member.title_end]
    _resolve(src, hit, title)
    return hit


def _resolve(src: Source, hit: Hit, title: str) -> None:
    """Resolve a law cited by title: its written year, else the same title
    named with a year earlier in this text (one law only), else the citing
    document's date (the law in force that day)."""
    year = int(hit.date[:4]) if hit.date else None
    key = gazetteer.title_key(title)
    earlier = src.named_laws.get(key, set())
    if year is None and len(earlier) == 1:
        entry, by_context = next(iter(earlier)), False
        hit.flags.append("resolved_by_antecedent")
    else:
        entry, by_context = gazetteer.resolve(
            title, year=year, context_date=src.context_date
        )
    if entry is not None and year is not None:
        src.named_laws.setdefault(key, set()).add(entry)
    if entry is None:
        if gazetteer.candidates(title) or year is None:
            hit.flags.append("unresolved")
        return
    hit.number, hit.year = f"{entry.number:02d}", entry.year
    hit.symbol, hit.code = entry.symbol, entry.code
    if by_context:
        hit.flags.append("resolved_by_context")


def _amending(src: Source, start: int, type_end: int, prefix_end: int) -> list[Hit]:
    """An amending law: "Luật sửa đổi, bổ sung một số điều của" and the laws it
    amends, the whole title being its name."""
    known = _TITLES.match(src.folded, type_end + 1)
    members = [] if known else _members(src, prefix_end)
    if not members:
        return [_counted(src, start, type_end, prefix_end, known)]
    if any(m.number for m in members[:-1]):
        # Each amended law carries its number: they are cited too, inside the
        # title, which runs to the last one's name.
        hit = Hit(start, prefix_end, "Luật", issuer="Quốc hội", system="law")
        hit.flags += ["law_by_name", "amending_law", "unresolved"]
        inner = [_law_hit(src, m, "luat") for m in members if m.number]
        hit.end = _trim(src, members[-1].title_end)
        return [hit, *inner]
    last = members[-1]
    whole = Member(start, last.title_end, last.end, last.number)
    hit = _law_hit(src, whole, "luat")
    hit.flags.append("amending_law")
    return [hit]


def _counted(src: Source, start: int, type_end: int, prefix_end: int, known) -> Hit:
    """An amending law whose title is in the gazetteer, or that counts the laws
    it amends ("… của 37 luật có liên quan đến quy hoạch"), or another."""
    if known is not None:
        title_end = known.end()
    else:
        lead = _LAW_COUNT.match(src.folded, prefix_end)
        title_end = scan_title(
            src, lead.end() if lead else prefix_end, False, lower_ok=True
        )
        title_end = max(title_end, lead.end() if lead else prefix_end)
    number, end = _number_after(src, title_end)
    year = None if number else _BARE_YEAR.match(src.folded, title_end)
    end = year.end() if year else end
    member = Member(start, title_end, end, number, year.group("year") if year else None)
    hit = _law_hit(src, member, src.folded[start:type_end])
    hit.flags.append("amending_law")
    return hit


def _members(src: Source, pos: int) -> list[Member]:
    members: list[Member] = []
    while True:
        word = _LAW_WORD.match(src.folded, pos)
        member = _member(src, pos, word.end(), inner=True) if word else None
        if member is None:
            return members
        members.append(member)
        nxt = _NEXT_LAW.match(src.folded, member.end)
        if nxt is None:
            return members
        pos = nxt.end()


def _trim(src: Source, end: int) -> int:
    while end > 0 and src.text[end - 1].isspace():
        end -= 1
    return end
