"""The value object of the citation engine: ``Citation``.

It is a frozen dataclass so it can be hashed, compared and shared between
threads. Identity keys: a legal-normative document
is identified by its code alone, an administrative one also by its issuer (every
UBND issues ``…/KH-UBND``), a Party one by its issuer and year (numbers restart
each term), a law cited by name by its gazetteer number.
"""

import re
from dataclasses import dataclass

from documents.kinds import LAW_TYPES
from documents.text import fold

from .gazetteer import title_key
from .vocab import ISSUER_ABBR

CITATION_FIELDS = (
    "raw",
    "start",
    "end",
    "doc_type",
    "number",
    "year",
    "symbol",
    "code",
    "date",
    "issuer",
    "pinpoint",
    "relation",
    "flags",
)


def fold_issuer(issuer: str | None) -> str:
    """Folded issuer, abbreviations expanded ("UBND" -> "uy ban nhan dan")."""
    if not issuer:
        return "?"
    words = re.sub(r"[,()]", " ", fold(issuer)).split()
    return " ".join(ISSUER_ABBR.get(word, word) for word in words)


def _fold_or(value: str | None) -> str:
    return fold(value) if value else "?"


@dataclass(frozen=True)
class Citation:
    """One reference to another document found in running text.

    ``raw`` is the exact source span ``text[start:end]``; the other fields are the
    parse of that span. ``code`` keeps the number as written in
    the source ("09/CT-UBND", "1/2024/TT-BNV") while ``number`` is its integer.
    """

    raw: str
    start: int
    end: int
    doc_type: str | None
    number: int | None
    year: int | None
    symbol: str | None
    code: str | None
    date: str | None
    issuer: str | None
    pinpoint: str | None
    relation: str | None
    flags: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """The 13 public fields as a JSON-ready dict (``flags`` as a list)."""
        data = {name: getattr(self, name) for name in CITATION_FIELDS}
        data["flags"] = list(self.flags)
        return data

    @property
    def system(self) -> str:
        """ "party", "law", "qppl" or "admin", read from the type and the code."""
        if self.code and "-" in self.code.split("/")[0]:
            return "party"
        if self.doc_type in LAW_TYPES:
            return "law"
        if (self.code and self.code.count("/") >= 2) or _is_qh(self.symbol):
            return "qppl"
        return "admin"

    @property
    def key(self) -> str:
        """Canonical identity key: equal keys mean the same cited document.

        A code with a year identifies its document alone, whatever route found
        it (a law by name resolved through the gazetteer, "Luật số …", a stored
        page); an administrative code also needs its issuer, a Party code its
        issuer and year; a law known only by title keys on title and year.
        """
        kind, system = _fold_or(self.doc_type), self.system
        number = "?" if self.number is None else str(self.number)
        symbol, year = _fold_or(self.symbol), "?" if self.year is None else self.year
        issuer = fold_issuer(self.issuer)
        if system == "law" and (self.number is None or not self.symbol):
            return f"law|{kind}|{_law_title(self.raw)}|{year}"
        if self.number is None:
            return f"draft|{kind}|{symbol}|{issuer}|{year}"
        if system == "party":
            return f"party|{kind}|{number}|{symbol}|{issuer}|{year}"
        if system in ("law", "qppl"):
            return f"qppl|{kind}|{number}|{year}|{symbol}"
        return f"admin|{kind}|{number}|{year}|{symbol}|{issuer}"


def _is_qh(symbol: str | None) -> bool:
    return bool(symbol) and fold(symbol).startswith("qh")


def _law_title(raw: str) -> str:
    """Folded title of a law cited by name, without its number or date."""
    return title_key(raw)
