"""The number block (DOCNUM) of a citation: small matchers, one per shape.

Each matcher reads the folded parse copy at a position and returns a
:class:`NumberHit`; the original text is used only to canonicalise the symbol.
Shapes follow Nghị định 30/2020/NĐ-CP (Điều 8, Phụ lục III), Hướng dẫn
36-HD/VPTW (Party codes) and Luật 64/2025/QH15 (legal-normative codes).
"""

import re
from dataclasses import dataclass, field

from documents.normalize import HYPHENS

from .keys import canonical_symbol, is_party_issuer
from .vocab import PARTY_TYPES, type_from_code

SEG = r"[a-z][a-z0-9&]*"
SYM = rf"{SEG}(?:(?:-|/| -|- |/ | /| - ){SEG})*"
N = r"\d{1,5}"
_SEPARATOR = re.compile(rf"(\s?[-/{HYPHENS}]\s?)")
_MIXED = frozenset(("ttg", "ttr", "ctr", "qyd", "qdi", "trs"))
_MIXED_CODES = ("TTg", "TTr", "CTr", "QyĐ", "QĐi", "TrS")
_GLUE = re.compile(r"^([A-ZĐ0-9&]+?)([a-zđà-ỹ]{2,}.*)$")


@dataclass
class NumberHit:
    """Parsed number block: number as written, year, canonical symbol, family."""

    start: int
    end: int
    number: str | None
    year: int | None
    symbol: str | None
    system: str
    type_hint: str | None = None
    flags: list[str] = field(default_factory=list)


def clean_symbol(text: str, start: int, end: int) -> tuple[int, list[str]]:
    """End of the real symbol inside ``text[start:end]`` and repair flags.

    Cuts a glued word ("CPvề" -> "CP") and a trailing lower-case word that a
    spaced separator pulled in ("UBND - về").
    """
    flags: list[str] = []
    parts = _SEPARATOR.split(text[start:end])
    pos = start
    for index, part in enumerate(parts):
        if index % 2 == 1:
            pos += len(part)
            continue
        if index and not _joins(parts[index - 1], part, text[pos + len(part) :]):
            return pos - len(parts[index - 1]), flags
        cut = _glue_cut(part)
        if cut:
            flags.append("glued")
            return pos + cut, flags
        pos += len(part)
    return end, flags


def _joins(separator: str, part: str, after: str) -> bool:
    """Whether ``part`` still belongs to the symbol after ``separator``.

    After a spaced separator the part must start upper-case ("NĐ- CP"); with a
    space on both sides ("NĐ – CP", PDF text) it must be a short upper-case code
    not followed by another capitalised word (an all-caps title).
    """
    if " " not in separator:
        return True
    if not part[:1].isupper():
        return False
    if separator.count(" ") < 2:
        return True
    return part.isupper() and len(part) <= 8 and not re.match(r"\s+[A-ZĐ]", after)


def _glue_cut(part: str) -> int:
    """Length of the code at the start of a segment glued to a word, else 0."""
    for mixed in _MIXED_CODES:
        if part.startswith(mixed) and len(part) > len(mixed) + 1:
            rest = part[len(mixed) :]
            return len(mixed) if rest[:2].islower() else 0
    glued = _GLUE.match(part)
    if glued and part.lower() not in _MIXED and glued.group(1)[-1:].isalpha():
        return len(glued.group(1))
    return 0


class NumberMatcher:
    """Base class: ``pattern`` is matched at a position of the folded text."""

    pattern: re.Pattern
    system = "admin"

    def match(self, text: str, folded: str, pos: int) -> NumberHit | None:
        """Return a hit starting at ``pos`` or None."""
        found = self.pattern.match(folded, pos)
        return self.build(text, found) if found else None

    def build(self, text: str, found: re.Match) -> NumberHit | None:
        raise NotImplementedError


class PartyNumber(NumberMatcher):
    """Party and Youth Union numbers: ``34-CT/TW``, ``84 QĐ/TWĐTN`` (E02, E51)."""

    pattern = re.compile(
        rf"(?P<num>{N})(?P<sep>\s?-\s?|\s)?(?P<ptype>[a-z]{{1,4}})\s?/\s?"
        rf"(?P<piss>{SEG}(?:\s?-\s?{SEG})?)(?![a-z0-9])"
    )
    system = "party"

    def __init__(self, *, typed: bool = True) -> None:
        self.typed = typed

    def build(self, text: str, found: re.Match) -> NumberHit | None:
        ptype, piss = found.group("ptype"), found.group("piss").split("-")[0].strip()
        hyphen = "-" in (found.group("sep") or "")
        known = ptype in PARTY_TYPES or not self.typed
        if not (is_party_issuer(piss) or (hyphen and known)):
            return None
        if not text[found.start("ptype")].isupper():
            return None
        raw = text[found.start("ptype") : found.end("piss")]
        symbol, repaired = canonical_symbol(raw, party=True)
        flags = [] if hyphen and not repaired else ["symbol_repaired"]
        return NumberHit(
            found.start(),
            found.end(),
            found.group("num"),
            None,
            symbol,
            "party",
            type_from_code(ptype, party=True),
            flags,
        )


class QpplNumber(NumberMatcher):
    """Legal-normative numbers with a year: ``98/2023/NĐ-CP``, ``91/2017`` (E59)."""

    pattern = re.compile(
        rf"(?P<num>{N})?\s?/\s?(?P<year>(?:19|20)\d\d)(?![\d])"
        rf"(?:\s?/\s?(?P<sym>{SYM}))?"
    )
    system = "qppl"

    def build(self, text: str, found: re.Match) -> NumberHit | None:
        end, symbol, flags, hint = found.end("year"), None, [], None
        if found.group("sym"):
            sym_end, flags = clean_symbol(text, found.start("sym"), found.end("sym"))
            raw = text[found.start("sym") : sym_end]
            if raw[:1].isupper() or raw.isupper():
                symbol, repaired = canonical_symbol(raw)
                flags += ["symbol_repaired"] if repaired else []
                end, hint = sym_end, type_from_code(symbol.split("-")[0])
        return NumberHit(
            found.start(),
            end,
            found.group("num"),
            int(found.group("year")),
            symbol,
            "qppl",
            hint,
            flags,
        )


class AdminNumber(NumberMatcher):
    """Administrative numbers: ``5324/KH-UBND``, ``285/CCTTHC``, draft ``/KH-UBND``."""

    pattern = re.compile(rf"(?P<num>{N})?\s?/\s?(?P<sym>{SYM})")

    def build(self, text: str, found: re.Match) -> NumberHit | None:
        sym_end, flags = clean_symbol(text, found.start("sym"), found.end("sym"))
        raw = text[found.start("sym") : sym_end]
        if not raw[:1].isupper() or len(raw) < 2:
            return None
        symbol, repaired = canonical_symbol(raw)
        flags += ["symbol_repaired"] if repaired else []
        return NumberHit(
            found.start(),
            sym_end,
            found.group("num"),
            None,
            symbol,
            "admin",
            type_from_code(symbol.split("-")[0]),
            flags,
        )


class BareNumber(NumberMatcher):
    """A number without symbol: ``kế hoạch số 169`` (E43), ``số 67 ngày …``."""

    pattern = re.compile(rf"(?P<num>{N})(?![\d/]|[.,-]\d|\s?%)")

    def build(self, text: str, found: re.Match) -> NumberHit | None:
        return NumberHit(
            found.start(),
            found.end(),
            found.group("num"),
            None,
            None,
            "admin",
            None,
            ["number_only"],
        )


MATCHERS: tuple[NumberMatcher, ...] = (
    PartyNumber(typed=False),
    QpplNumber(),
    AdminNumber(),
    BareNumber(),
)
BARE_MATCHERS: tuple[NumberMatcher, ...] = (PartyNumber(), QpplNumber(), AdminNumber())


def match_number(
    text: str, folded: str, pos: int, *, allow_bare: bool = True
) -> NumberHit | None:
    """First number block at ``pos`` (Party, then QPPL, admin, bare).

    After a type word (``allow_bare``) any "N-XX/YYY" counts ("89-TC/TCT", an
    old Bộ Tài chính number); without one only real Party codes do.
    """
    for matcher in MATCHERS if allow_bare else BARE_MATCHERS:
        hit = matcher.match(text, folded, pos)
        if hit is not None:
            if hit.system == "qppl" and hit.symbol and hit.symbol.startswith("QH"):
                hit.system = "law"
            return hit
    return None
