"""Identity keys of stored documents, computed like ``Citation.key``.

A citation resolves to a page when the citation's key is one of the page's
identity keys. ``documents.citations`` computes the key of a *cited* document;
this module builds the same key for a *stored* one by describing the page as a
``Citation`` value object, once per way the page can be cited (its issuer's
name, a law by number or by name). ``issuer_compatible`` is the looser test
used when the cited issuer is elliptic ("của Chủ tịch UBND tỉnh").
``symbol_clean`` checks and normalises the Ký hiệu an editor types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from documents.citations import Citation, code_lookup_keys, parse_code
from documents.citations.model import fold_issuer
from documents.citations.vocab import CANONICAL_SEGMENTS, TYPE_CODES
from documents.dates import MAX_YEAR, MIN_YEAR
from documents.kinds import LAW_TYPES
from documents.normalize import HYPHENS
from documents.text import nfc

#: Titles of the person who signs for a body, dropped before comparing issuers.
POSITION_PREFIXES = (
    "pho chu tich ",
    "chu tich ",
    "bo truong ",
    "thu truong ",
    "pho giam doc ",
    "giam doc ",
    "truong ban ",
    "chanh van phong ",
    "tong bi thu ",
)


#: Columns ``DocumentIdentity.from_values`` reads.
IDENTITY_VALUES = (
    "pk",
    "title",
    "number",
    "year",
    "symbol",
    "code",
    "is_normative",
    "document_type__name",
    "document_type__family",
    "issuing_body__name",
)


def document_system(family: str, is_normative: bool) -> str:
    """The numbering system of a stored document: its type's family, except that
    an administrative type issued as a legal-normative act (a Quyết định of a
    UBND with a year in its code) is numbered as "qppl"."""
    return "qppl" if family == "admin" and is_normative else family


@dataclass(frozen=True)
class DocumentIdentity:
    """What identifies one stored document, read from a page (or its values)."""

    page_id: int
    doc_type: str
    number: int | None
    year: int | None
    symbol: str
    code: str
    issuer: str
    system: str
    title: str = ""

    @classmethod
    def from_page(cls, page) -> DocumentIdentity:
        return cls(
            page_id=page.pk,
            doc_type=page.document_type.name,
            number=page.number,
            year=page.year,
            symbol=page.symbol,
            code=page.code,
            issuer=page.issuing_body.name,
            system=str(page.system),
            title=page.title,
        )

    @classmethod
    def from_values(cls, row: dict) -> DocumentIdentity:
        """From a ``values()`` row of ``IDENTITY_VALUES`` (no model loading)."""
        system = document_system(row["document_type__family"], row["is_normative"])
        return cls(
            page_id=row["pk"],
            doc_type=row["document_type__name"],
            number=row["number"],
            year=row["year"],
            symbol=row["symbol"],
            code=row["code"],
            issuer=row["issuing_body__name"],
            system=system,
            title=row["title"],
        )

    def _as_citation(self, *, law_by_name: bool = False, code: bool = True):
        return Citation(
            raw=self.title,
            start=0,
            end=len(self.title),
            doc_type=self.doc_type,
            number=self.number if code else None,
            year=self.year,
            symbol=(self.symbol or None) if code else None,
            code=(self.code or None) if code else None,
            date=None,
            issuer=self.issuer,
            pinpoint=None,
            relation=None,
            flags=("law_by_name",) if law_by_name else (),
        )

    def keys(self) -> frozenset[str]:
        """Every ``Citation.key`` that names this document (memoised)."""
        return _identity_keys(self)

    def _compute_keys(self) -> frozenset[str]:
        keys = {self._as_citation().key}
        if self.doc_type in LAW_TYPES:
            keys.add(self._as_citation(law_by_name=True).key)
            keys.add(self._as_citation(law_by_name=True, code=False).key)
        return frozenset(key for key in keys if not key.startswith("draft|"))

    def code_keys(self) -> list[str]:
        """Folded số ký hiệu keys (``code_lookup_keys``), for loose matching."""
        return list(_code_keys(self))

    def _compute_code_keys(self) -> tuple[str, ...]:
        return tuple(
            code_lookup_keys(
                doc_type=self.doc_type,
                number=self.number,
                year=self.year,
                symbol=self.symbol or None,
                system=self.system,
            )
        )


@lru_cache(maxsize=50_000)
def _identity_keys(identity: DocumentIdentity) -> frozenset[str]:
    return identity._compute_keys()


@lru_cache(maxsize=50_000)
def _code_keys(identity: DocumentIdentity) -> tuple[str, ...]:
    return identity._compute_code_keys()


def citation_code_keys(citation) -> list[str]:
    """``code_lookup_keys`` of a cited code (a Citation or a stored row)."""
    system = citation.system if isinstance(citation, Citation) else None
    if system is None:
        system = _system_of(citation.code or "", citation.symbol or "")
    if system == "law":
        system = "qppl"
    try:
        return code_lookup_keys(
            doc_type=citation.doc_type or None,
            number=citation.number,
            year=citation.year,
            symbol=citation.symbol or None,
            system=system,
        )
    except Exception:  # noqa: BLE001 - a malformed symbol only loses the lookup
        return []


def _system_of(code: str, symbol: str) -> str:
    if "-" in code.split("/")[0]:
        return "party"
    if code.count("/") >= 2 or symbol.upper().startswith("QH"):
        return "qppl"
    return "admin"


def shown_code(code: str | None) -> str:
    """The số ký hiệu to show beside a title: "" for a document without a
    number (a draft), whose stored code is its header form "/KH-UBND" (or
    "-CT/TW" for a Party document), printed only on its own "Số:" line."""
    code = code or ""
    return "" if code.startswith(("/", "-")) else code


def bare_issuer(issuer: str | None) -> str:
    """Folded issuer without the signer's title ("Bộ trưởng Bộ Nội vụ" → "bo noi vu")."""
    folded = fold_issuer(issuer)
    for prefix in POSITION_PREFIXES:
        if folded.startswith(prefix) and len(folded) > len(prefix):
            return folded[len(prefix) :]
    return folded


def issuer_compatible(cited: str | None, body_name: str) -> bool:
    """True unless the cited issuer names a different body than ``body_name``.

    An elliptic issuer matches a fuller name that starts with it ("UBND tỉnh"
    matches "Ủy ban nhân dân tỉnh Lai Châu"); an unknown one matches anything.
    """
    if not cited:
        return True
    short, full = bare_issuer(cited), fold_issuer(body_name)
    return full == short or full.startswith(short + " ")


# Ký hiệu typed by an editor ---------------------------------------------------

#: Codes written in mixed case (TTr, CTr, QyĐ, TTg, QĐi …), by their upper case.
_MIXED_CASE = {
    code.upper(): code
    for code in (*CANONICAL_SEGMENTS.values(), *TYPE_CODES)
    if code != code.upper()
}
_HYPHEN_MAP = {ord(c): "-" for c in HYPHENS}
#: One abbreviation: Latin letters (Đ is the only accented one), then digits.
_SEGMENT = re.compile(r"[A-Za-zĐđ][A-Za-zĐđ0-9&]*")
SYMBOL_SHAPE_MESSAGE = (
    "Ký hiệu chưa đúng dạng: các chữ viết tắt in hoa nối bằng dấu gạch nối (-), "
    "không có khoảng trắng, không có số văn bản, ví dụ KH-UBND, QĐ-UBND, "
    "UBND-VP (công văn); văn bản của Đảng: CT/TW."
)


class SymbolError(ValueError):
    """A Ký hiệu that is not one (the message says what to type)."""


def symbol_clean(raw: str | None, *, family: str | None = None) -> str:
    """The Ký hiệu in the shape of Nghị định 30/2020/NĐ-CP, Phụ lục I, II.3, or
    ``SymbolError``: abbreviations (a letter, then letters or digits: QH15)
    joined by hyphens; a Party symbol (``family`` "party") has one slash between
    type and issuer (CT/TW). Obvious variants are repaired: case ("kh-ubnd" →
    KH-UBND, "ttr-snv" → TTr-SNV), spaces ("KH UBND", "NĐ- CP"), dash variants,
    a slash in a state symbol ("TT/BNV" → TT-BNV). The number, and a VBQPPL's
    year (taken from the date), never belong here: "45/KH-UBND" is refused."""
    text = nfc(raw or "").translate(_HYPHEN_MAP).strip(" .;,:/")
    if not text:
        return ""
    if text[0].isdigit():
        raise SymbolError(_number_message(text))
    text = re.sub(r"\s+", "-", re.sub(r"\s*([-/])\s*", r"\1", text))
    parts = re.split(r"([-/])", text)
    segments, separators = parts[0::2], parts[1::2]
    for segment in segments:
        if segment.isdigit():
            raise SymbolError(
                f"Ký hiệu không ghi số hay năm ({segment}): nhập số vào ô Số; "
                "năm ban hành lấy từ ngày ban hành."
            )
        if not _SEGMENT.fullmatch(segment):
            raise SymbolError(SYMBOL_SHAPE_MESSAGE)
    segments = [_MIXED_CASE.get(seg.upper(), seg.upper()) for seg in segments]
    if family == "party" and separators:
        slash = separators.index("/") if "/" in separators else 0
        separators = ["/" if i == slash else "-" for i in range(len(separators))]
    elif family is not None:
        separators = ["-"] * len(separators)
    return "".join(
        seg + sep for seg, sep in zip(segments, [*separators, ""], strict=True)
    )


def code_parts_clean(
    number: int | None, symbol: str | None, family: str | None
) -> tuple[str, dict[str, str]]:
    """(normalised Ký hiệu, errors by field) of a Số and Ký hiệu typed together."""
    errors = {}
    if number is not None and number < 1:
        errors["number"] = "Số văn bản phải từ 1 trở lên."
    try:
        symbol = symbol_clean(symbol, family=family)
    except SymbolError as error:
        errors["symbol"] = str(error)
    return symbol or "", errors


def _number_message(text: str) -> str:
    parts = parse_code(text)
    if parts is None or parts.number is None or not parts.symbol:
        number = re.match(r"\d+", text)
        return (
            f"Nhập số vào ô Số ({number.group()}); ô Ký hiệu chỉ ghi chữ viết tắt, "
            "ví dụ KH-UBND."
            + (_YEAR_NOTE if number and _is_year(int(number.group())) else "")
        )
    message = f"Nhập số vào ô Số ({parts.number}); ô Ký hiệu chỉ ghi {parts.symbol}."
    if parts.year or _is_year(parts.number):
        message += _YEAR_NOTE
    return message


_YEAR_NOTE = (
    " Năm ban hành lấy từ ngày ban hành: với văn bản quy phạm pháp luật, đánh dấu "
    "“văn bản quy phạm pháp luật” để số ký hiệu có năm (98/2023/NĐ-CP)."
)


def _is_year(value: int) -> bool:
    return MIN_YEAR <= value <= MAX_YEAR
