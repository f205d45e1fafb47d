"""Citation styles: small matcher classes, registered per anchor kind in ``registry``.

The pipeline (``extract``) finds anchors in the folded parse copy (a type word
or a code-shaped number) and asks the registered matchers, in order, for a
:class:`Hit`. Each matcher documents the real example it was built from.
"""

import datetime
import re
from dataclasses import dataclass, field

from documents.dates import DateHit, match_date
from documents.kinds import LAW_TYPES
from documents.normalize import clean
from documents.text import fold

from .context import scan_issuer
from .numbers import match_number
from .vocab import QUERY_TYPE_ABBR, TYPE_BY_FOLD

_SO = re.compile(r"\s*:?\s*(?P<so>(?:so(?![a-z])\s*:?\s*)+)?(?P<ph>[.…_ ]*)")
_PRE_ISSUER = re.compile(
    r"\s+cua\s+(?=\S)(?P<rest>[^\d;:.()]{1,70}?)\s*:?\s*(?=so(?![a-z]))"
)
# A short name between the type word and "số": "Kế hoạch hành động số …",
# "Báo cáo thẩm tra số …", "Báo cáo tiếp thu, giải trình số …".
_QUALIFIER = re.compile(
    r"(?P<qual>(?:\s+[a-z]+){1,6}?(?:\s*,\s*[a-z]+(?:\s+[a-z]+){0,2})?)"
    r"(?=\s+so(?![a-z])\s*:?\s*\d)"
)
_QUALIFIER_STOP = frozenset(
    "ve cua theo tai va ngay nam thang duoc da la co cac nay voi cho de trong "
    "den khi thi so hoac thuc trien mau bieu".split()
)
# Party numbers restart each term, so "(khóa XIV)" after the issuer is kept.
_TERM = re.compile(r"\s*(?P<term>\(\s*khoa\s+[ivxlc]+\s*\)|khoa\s+[ivxlc]+(?![a-z]))")
LAW_ISSUERS = {"Luật": "Quốc hội", "Bộ luật": "Quốc hội"}
_OF = re.compile(r"\s*,?\s*cua\s+")
_DATE_GAP = re.compile(r"\s*,?\s*(?:\(\s*)?")
_HEADER_GAP = re.compile(r"[^\d;]{0,60}?,\s*(?=ngay)")


@dataclass
class Hit:
    """A citation under construction (mutable until it becomes a Citation)."""

    start: int
    end: int
    doc_type: str | None
    number: str | None = None
    year: int | None = None
    symbol: str | None = None
    system: str = "admin"
    code: str | None = None
    date: str | None = None
    issuer: str | None = None
    pre_issuer: bool = False
    pinpoint: str | None = None
    relation: str | None = None
    flags: list[str] = field(default_factory=list)

    def compose(self) -> None:
        """Fill ``code`` from the parts, keeping the number as written."""
        if self.code or not self.symbol:
            return
        num = self.number or ""
        if self.system == "party":
            self.code = f"{num}-{self.symbol}"
        elif self.year and self.system in ("qppl", "law"):
            self.code = f"{num}/{self.year}/{self.symbol}"
        else:
            self.code = f"{num}/{self.symbol}"


@dataclass
class Source:
    """The text being parsed: original (NFC), folded copy and context date."""

    text: str
    folded: str
    context_date: datetime.date | None = None
    # Laws this text names with their year ("Luật Thi đua, khen thưởng ngày 15
    # tháng 6 năm 2022"), by title key: a later mention of the bare title means
    # the same law.
    named_laws: dict = field(default_factory=dict)


def is_so(text: str, pos: int) -> bool:
    """Whether the folded "so" at ``pos`` is the word "số" (not "Sở", "sổ")."""
    return text[pos + 1 : pos + 2].lower() not in ("ở", "ổ")


def attach_date(src: Source, hit: Hit, pos: int, *, header: bool = False) -> int:
    """Parse a date right after ``pos``; return the new end of the citation."""
    gap = _DATE_GAP.match(src.folded, pos)
    found = match_date(src.folded, gap.end())
    if found is None and header:
        place = _HEADER_GAP.match(src.folded, pos)
        found = match_date(src.folded, place.end()) if place else None
    if found is None:
        return pos
    _apply_date(hit, found)
    return found.end


def _apply_date(hit: Hit, found: DateHit) -> None:
    hit.date = found.value
    hit.flags.extend(found.flags)


def attach_issuer(src: Source, hit: Hit, pos: int) -> int:
    """Parse "của <issuer>" right after ``pos``; return the new end."""
    found = _OF.match(src.folded, pos)
    if found is None:
        return pos
    end, issuer = scan_issuer(src.text, src.folded, found.end())
    if issuer is None:
        return pos
    term = _TERM.match(src.folded, end)
    if term is not None and "khóa" not in issuer.lower():
        issuer = f"{issuer} {clean(src.text[term.start('term') : term.end('term')])}"
        end = term.end()
    hit.issuer = issuer
    return end


def finish(
    src: Source, hit: Hit, pos: int, *, header: bool = False, dated: bool = True
) -> Hit:
    """Date, issuer, date-after-issuer; then year and code."""
    pos = attach_date(src, hit, pos, header=header) if dated else pos
    pos = attach_issuer(src, hit, pos) if not hit.issuer else pos
    if hit.date is None and hit.issuer and "date_blank" not in hit.flags:
        pos = attach_date(src, hit, pos)
    hit.end = pos
    if hit.year is None and hit.date:
        hit.year = int(hit.date[:4])
    hit.compose()
    return hit


class CitationMatcher:
    """Base class: ``match`` returns hits for the anchor at ``start``."""

    def match(self, src: Source, start: int, end: int) -> list[Hit]:
        raise NotImplementedError


class NumberedMatcher(CitationMatcher):
    """Type word, optional "của …", "số", number block, date, issuer.

    Real example (E01): ``Kế hoạch số 5324/KH-UBND ngày 27/12/2024 của UBND tỉnh
    Lai Châu``; also "Quyết định của Ban Bí thư số91-QĐ/TW, ngày 16-02-2004"
    (E45) and "Nghị định số 98/2023/NĐ- CP" (E11).
    """

    _next = re.compile(r"\s*(?:so|\d|cua\s|:|[.…_/])")

    def match(self, src: Source, start: int, end: int) -> list[Hit]:
        hit = Hit(start, end, TYPE_BY_FOLD[src.folded[start:end]])
        if not self._next.match(src.folded, end):
            if src.folded.find("so", end, end + 64) < 0:
                return []
            end = self._qualifier(src, start, end)
            if end == hit.end:
                return []
        pos = self._pre_issuer(src, hit, end)
        so = _SO.match(src.folded, pos)
        number = match_number(src.text, src.folded, so.end(), allow_bare=True)
        if number is None or not self._accept(src, number, bool(so.group("so"))):
            return []
        self._flags(src, hit, so, number)
        if src.text[start : hit.end].lower() != hit.doc_type.lower():
            hit.flags.append("ocr_noise")
        self._apply(hit, number)
        self._compound_type(src, hit, number.type_hint)
        if hit.doc_type in LAW_ISSUERS and hit.issuer is None:
            hit.issuer = LAW_ISSUERS[hit.doc_type]
        return [finish(src, hit, number.end)]

    @staticmethod
    def _compound_type(src: Source, hit: Hit, hint: str | None) -> None:
        """ "Thông báo kết luận số 45/TB-UBND" is a Thông báo: when the symbol's
        type word stands right before the matched one, it names the document."""
        if not hint or hint == hit.doc_type:
            return
        word = fold(hint)
        floor = max(0, hit.start - len(word) - 2)
        before = src.folded[floor : hit.start].rstrip()
        if before.endswith(word) and (floor + len(before) - len(word)) >= 0:
            hit.start = floor + len(before) - len(word)
            hit.doc_type = hint

    @staticmethod
    def _qualifier(src: Source, start: int, end: int) -> int:
        """End of a name like "hành động" in "Kế hoạch hành động số 459-KHHĐ/TU".

        The name stays on the type word's line, and what follows it is "số",
        not "Sở" (a department: "Tờ trình\n\nLãnh đạo Sở\n\n02 ngày" is a
        step of a procedure table); a form ("VĂN BẢN\n\nMẫu số 47") is no name.
        """
        found = _QUALIFIER.match(src.folded, end)
        if found is None or not src.text[start].isupper():
            return end
        words = re.findall(r"[a-z]+", found.group("qual"))
        qualifier = found.group("qual")
        if _QUALIFIER_STOP & set(words) or any(t in qualifier for t in TYPE_BY_FOLD):
            return end
        so = src.folded.index("so", found.end())
        if "\n" in qualifier or not is_so(src.text, so):
            return end
        return found.end()

    @staticmethod
    def _pre_issuer(src: Source, hit: Hit, pos: int) -> int:
        found = _PRE_ISSUER.match(src.folded, pos)
        if found is None or not src.text[hit.start].isupper():
            return pos
        rest = src.folded[found.start("rest") : found.end("rest")]
        if any(rest.startswith(word) for word in TYPE_BY_FOLD):
            return pos
        stop, issuer = scan_issuer(src.text, src.folded, found.start("rest"))
        if issuer is None or stop < found.end("rest") - 1:
            return pos
        hit.issuer = clean(src.text[found.start("rest") : found.end("rest")])
        hit.pre_issuer = True
        return found.end()

    @staticmethod
    def _accept(src: Source, number, has_so: bool) -> bool:
        if number.symbol or number.year or number.system == "party":
            return True
        if number.number is None:
            return False
        if has_so:
            return True
        # "Công văn 67 ngày 21-1-2020"; not "theo quy định: 05 ngày kể từ …",
        # a time limit after a lower-case "quy định".
        gap = _DATE_GAP.match(src.folded, number.end).end()
        return match_date(src.folded, gap) is not None

    @staticmethod
    def _flags(src: Source, hit: Hit, so: re.Match, number) -> None:
        words = so.group("so") or ""
        if not words:
            hit.flags.append("no_so")
        if words.count("so") > 1:
            hit.flags.append("so_repeated")
        if words and src.folded[so.end() - 1 : so.end()].isalnum():
            hit.flags.append("glued")
        if number.number is None:
            hit.flags.append("draft_no_number")

    @staticmethod
    def _apply(hit: Hit, number) -> None:
        hit.number, hit.year, hit.symbol = number.number, number.year, number.symbol
        hit.system = number.system
        hit.flags.extend(number.flags)
        if hit.doc_type in ("Văn bản", "Công văn") and number.type_hint:
            if hit.doc_type == "Văn bản" or number.type_hint == "Văn bản hợp nhất":
                hit.doc_type = number.type_hint
        elif hit.doc_type == "Văn bản" and number.symbol:
            hit.doc_type = "Công văn"
        if hit.doc_type in LAW_TYPES and number.system == "qppl" and number.year:
            hit.system = "law" if not number.symbol else number.system


class BareCodeMatcher(CitationMatcher):
    """A số ký hiệu without type word; the type comes from the symbol.

    Real example (E77, Nghị định 30/2020 Phụ lục I): ``Số: 15/QĐ-BNV; Số:
    05/BNV-VP; Số: 12/UBND-VX``; a header draft ``Số: /KH-UBND`` (E06).
    """

    _header = re.compile(r"so\s*:?\s*$")

    # Form and standard numbers look like codes: "mẫu số 01/XĐTMS/TXNK",
    # "TCCS 661:2018/BVTV", "QCVN 01:2018/BYT".
    _not_a_document = re.compile(r"(?:mau|bieu|mau so|bieu so|\d\s?:)\s*$")

    def match(self, src: Source, start: int, end: int) -> list[Hit]:
        if self._not_a_document.search(src.folded, max(0, start - 10), start):
            return []
        at = end if src.folded.startswith("so", start) else start
        number = match_number(src.text, src.folded, at, allow_bare=False)
        if number is None or not number.symbol:
            return []
        if number.number is None and src.folded[start:end].strip()[:2] != "so":
            return []
        hit = Hit(start, end, number.type_hint, flags=["no_type"])
        if hit.doc_type is None and number.system == "admin":
            hit.doc_type = "Công văn"
        NumberedMatcher._apply(hit, number)
        if number.number is None:
            hit.flags.append("draft_no_number")
        header = self._is_header(src, start)
        if header:
            hit.flags.append("header")
            so = src.folded.rfind("so", max(0, start - 10), start + 2)
            hit.start = so if so >= 0 else start
        else:
            self._abbreviated_type(src, hit)
        return [finish(src, hit, number.end, header=header)]

    _abbr = re.compile(r"(?<![a-z])(?P<abbr>[a-z]{2,3})\s*(?:so(?![a-z])\s*:?\s*)?$")

    def _abbreviated_type(self, src: Source, hit: Hit) -> None:
        """Take in an abbreviated type word before the code ("QĐ số 270/QĐ-TTg")."""
        found = self._abbr.search(src.folded, max(0, hit.start - 12), hit.start)
        if found is None or not src.text[found.start()].isupper():
            return
        kind = QUERY_TYPE_ABBR.get(found.group("abbr"))
        if kind is None:
            return
        hit.start, hit.doc_type = found.start(), hit.doc_type or kind
        hit.flags = [f for f in hit.flags if f != "no_type"] + ["type_abbreviated"]

    def _is_header(self, src: Source, start: int) -> bool:
        """True for "Số: …" at the start of a line (or after ";", E77)."""
        floor = max(0, start - 10)
        found = self._header.search(src.folded, floor, start)
        if src.folded.startswith("so", start):
            found_at = start
        elif found is not None:
            found_at = found.start()
        else:
            return False
        before = src.text[max(0, found_at - 40) : found_at].rstrip(" \t")
        if before == "" or before.endswith(("\n", ";", "|")):
            return True
        word = src.text[found_at : found_at + 2]
        colon = ":" in src.folded[found_at:start]
        return word in ("Số", "SỐ") and colon  # a flattened header row
