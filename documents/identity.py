"""Identity keys of stored documents, computed like ``Citation.key``.

A citation resolves to a page when the citation's key is one of the page's
identity keys. ``documents.citations`` computes the key of a *cited* document;
this module builds the same key for a *stored* one by describing the page as a
``Citation`` value object, once per way the page can be cited (its issuer's
name, a law by number or by name). ``issuer_compatible`` is the looser test
used when the cited issuer is elliptic ("của Chủ tịch UBND tỉnh").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from documents.citations import Citation, code_lookup_keys
from documents.citations.model import fold_issuer
from documents.kinds import LAW_TYPES

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
