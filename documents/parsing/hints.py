"""What the text does not say, filled from the record's own metadata.

Scraped copies of documents often start below the header (no issuing body,
số ký hiệu or date), while the record they come in still names the document: a
publisher's attribute values (``heuristic`` dict or top-level keys such as
``so_ky_hieu``) and the address of the page it was taken from, whose slug
spells type, number, symbol and year ("Cong-van-7197-BKHCN-CDSQG-2025-...").

``fill_from_record`` fills only what the parse left empty, in this order of
trust (strongest first):

1. the text itself (``parse_document``), including the adoption clause of a
   resolution ("... thông qua ngày 16 tháng 6 năm 2025");
2. the record's explicit metadata (``heuristic`` / ``metadata`` dicts, then
   top-level Vietnamese or English keys);
3. the source URL's slug: type, number, symbol, year (``slugs.py``);
4. inference: the issuer a national symbol names (``issuers.py``), a local
   body's symbol (UBND, HĐND, Sở) at the place the address names, spelled as
   the text or the table of provinces writes it (``places.py``); the type its
   type code names.

The signer (name, position, signing authority) comes from the record's explicit
metadata only (``signer_hints.py``). The effective date: the record's own
("ngay_hieu_luc"), else the text's effect clause (``effect.py``).

A value that contradicts a stronger source is not taken: a code whose type code
names another kind than the known type, a date whose year is not the year of
the code or the URL, a date the text prints (a text without its header prints
only other dates: of the laws it cites, of events; the date of a cited law is
not the date of the citing document). Every value taken from a
weaker source adds a flag (``flags.py``) so that the editor checks it; the page
counts as complete. A value the record gives that was refused adds a flag too.

Pure: no database; the input document is not changed.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from documents.dates import dmy_to_iso
from documents.issuers import (
    NATIONAL_ABBREVIATIONS,
    issuer_from_symbol,
    issuer_segments,
)
from documents.text import fold

from .document import parse_document, set_code
from .effect import given_date, resolve_effective_date
from .heading import sentence_case
from .model import ParsedDocument, SourceRecord
from .names import display_name
from .places import is_placeless, local_issuer
from .signer_hints import fill_signer
from .slugs import KIND_NAMES, TYPE_BY_FOLD, subject_from_text, url_hints
from .subjects import Accents, address_subject
from .titlecase import restore_title_case
from .vocab import ORG_STARTS

#: Canonical hint → keys that carry it in a record, nested dicts first.
METADATA_KEYS: dict[str, tuple[str, ...]] = {
    "code": ("so_ky_hieu", "so_hieu", "document_number", "number_symbol"),
    "doc_type": ("loai_van_ban", "document_type", "type"),
    "issuer": (
        "co_quan_ban_hanh",
        "noi_ban_hanh",
        "issuing_body",
        "issuing_agency",
        "issuer",
    ),
    "issued_date": ("ngay_ban_hanh", "issued_date", "issue_date", "date_issued"),
    "title": ("trich_yeu", "subject", "title"),
    "signer_name": ("nguoi_ky", "signer_name", "signer", "signed_by"),
    "signer_position": ("chuc_vu_nguoi_ky", "chuc_vu", "chuc_danh", "signer_position"),
    "signing_authority": ("tham_quyen_ky", "signing_authority"),
    "effective_date": ("ngay_hieu_luc", "effective_date"),
}
#: Dicts of a record that hold metadata (a publisher's attribute values).
NESTED_KEYS = ("heuristic", "metadata", "meta", "attributes")

_ADOPTED = re.compile(
    r"thông qua\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------
# Reading the record


def record_metadata(record: Mapping[str, Any] | None) -> dict[str, str]:
    """Canonical hints (``METADATA_KEYS``) a record gives: a nested attribute
    dict first, then its top-level keys. Empty and non-text values are skipped."""
    found: dict[str, str] = {}
    if not isinstance(record, Mapping):
        return found
    sources = [record.get(k) for k in NESTED_KEYS] + [record]
    for source in sources:
        if not isinstance(source, Mapping):
            continue
        for hint, keys in METADATA_KEYS.items():
            for key in keys:
                value = source.get(key)
                if hint not in found and isinstance(value, str | int) and str(value):
                    found[hint] = " ".join(str(value).split())
    return found


# --------------------------------------------------------------------------
# Filling the parse


def parse_record(
    record: SourceRecord, accents: Accents | None = None
) -> ParsedDocument:
    """Parse a record's text (given fields win), then fill what the text did
    not give from the record's hints and source address (``accents``: a
    general source of diacritics for the address's words, ``subjects.py``)."""
    doc = parse_document(record.text, overrides=record.overrides)
    return fill_from_record(doc, record.text, record.hints, doc.source_url, accents)


def fill_from_record(
    doc: ParsedDocument,
    text: str,
    metadata: Mapping[str, Any] | None = None,
    source_url: str | None = None,
    accents: Accents | None = None,
) -> ParsedDocument:
    """A copy of ``doc`` with what the text did not give filled from the
    record (module docstring: order of trust, contradictions, flags).

    ``metadata`` holds canonical hints (``record_metadata``); ``source_url``
    defaults to the document's own; ``accents`` gives diacritics to the
    address's subject words the text does not spell (``subjects.py``).
    """
    out = copy.copy(doc)
    out.flags = list(doc.flags)
    out.conflicts = dict(doc.conflicts)
    meta = dict(metadata or {})
    url = url_hints(source_url or doc.source_url)
    _fill_code(out, meta, url)
    _fill_type(out, meta, url)
    _fill_issuer(out, meta, source_url or doc.source_url, text or "")
    _fill_date(out, text or "", meta, url)
    _fill_title(out, meta, url, text or "", accents)
    fill_signer(out, meta)
    # the record's own date first, else the text's clause (type or date filled)
    given = given_date(meta.get("effective_date"))
    out.effective_date = given or resolve_effective_date(out)
    return out


def _kind_of_code(code: str | None) -> str | None:
    """The kind a code's type part names ("57/2025/TT-BCT" → Thông tư), or None
    (a Công văn's symbol starts with its issuer: "7197/BKHCN-CĐSQG")."""
    if not code:
        return None
    symbol = code.rsplit("/", 1)[-1]
    head = re.split(r"[-–]", symbol)[0]
    return TYPE_BY_FOLD.get(fold(head).upper())


_NORMATIVE = re.compile(r"^[\d.]+/(?:19|20)\d\d/")


def _contradicts(code: str, kind: str | None) -> bool:
    """Whether ``code`` cannot be the code of a document of ``kind``: its type
    part names another kind, or a Công văn would carry a legal-normative code
    (Nghị định 30/2020/NĐ-CP, Phụ lục III: a Công văn's symbol is "issuer -
    unit")."""
    named = _kind_of_code(code)
    if not kind or named == "Văn bản hợp nhất":  # consolidates a text of any kind
        return False
    if kind == "Công văn":
        if _NORMATIVE.match(code):
            return True
        head = re.split(r"[-–]", code.rsplit("/", 1)[-1])[0]
        national = re.sub(r"\d+$", "", fold(head).upper()) in NATIONAL_ABBREVIATIONS
        return bool(named) and not national and fold(head).upper() != "CV"
    return bool(named) and fold(named) != fold(kind)


def _read_code(value: str) -> ParsedDocument | None:
    probe = ParsedDocument()
    set_code(probe, value)
    return probe if probe.symbol and probe.number is not None else None


def _fill_code(doc: ParsedDocument, meta: dict, url: dict) -> None:
    if doc.code or doc.symbol:
        return
    kind = doc.doc_type or _known_kind(meta.get("doc_type")) or url.get("doc_type")
    for source, value in (("metadata", meta.get("code")), ("url", url.get("code"))):
        probe = _read_code(value) if value else None
        if probe is None:
            continue
        if _contradicts(probe.code, kind):
            doc.flag(f"code_refused_{source}")
            continue
        for name in ("number", "number_text", "symbol", "code", "is_normative"):
            setattr(doc, name, getattr(probe, name))
        doc.code_year = probe.code_year
        if doc.symbol.upper().startswith("VBHN"):  # as ``parse_document`` reads it
            doc.doc_type = "Văn bản hợp nhất"
        doc.flag(f"code_from_{source}")
        return


def _known_kind(value: str | None) -> str | None:
    """ "QUYẾT ĐỊNH" / "Quyết định" → "Quyết định"; None for other text."""
    if not value:
        return None
    return KIND_NAMES.get(" ".join(fold(value).split()))


def _fill_type(doc: ParsedDocument, meta: dict, url: dict) -> None:
    if doc.doc_type:
        return
    candidates = (
        ("metadata", _known_kind(meta.get("doc_type"))),
        ("url", url.get("doc_type")),
    )
    for source, kind in candidates:
        if kind and not (doc.code and _contradicts(doc.code, kind)):
            doc.doc_type = kind
            doc.flag(f"type_from_{source}")
            return
    named = _kind_of_code(doc.code)
    if named and named != "Công văn":
        doc.doc_type = named
        doc.flag("type_from_code")


def _clean_body(value: str | None) -> str | None:
    """A body name from an attribute value: header rules, a "Số: …" run into
    it and a place alone ("Tỉnh Bắc Ninh") removed; None when not a body."""
    if not value:
        return None
    name = re.split(r"\bS[ốỐoO]\s*:|[_|]{2,}|-{3,}", value)[0]
    name = " ".join(name.strip(" -_|*").split())
    words = fold(name).split()
    if not any(words[: len(w.split())] == w.split() for w in ORG_STARTS):
        return None
    return display_name(name)


def _fill_issuer(doc: ParsedDocument, meta: dict, url: str | None, text: str) -> None:
    """Metadata, then the national body the symbol names, then a local body of
    the symbol at the place the address and the text name (``places.py``). An
    issuer read as a local body without its place ("Ủy ban nhân dân") counts as
    missing."""
    placeless = is_placeless(doc.issuer)
    if doc.issuer and not placeless:
        return
    name = _clean_body(meta.get("issuer"))
    if name and not is_placeless(name):
        doc.issuer, doc.issuer_parent = name, None
        doc.flag("issuer_from_metadata")
        return
    found = None if placeless else issuer_from_symbol(doc.symbol, doc.doc_type)
    if found:
        doc.issuer, doc.issuer_parent = found
        doc.flag("issuer_from_symbol")
        return
    local = local_issuer(issuer_segments(doc.symbol, doc.doc_type), url, text)
    if local:
        doc.issuer, doc.issuer_parent = local, None
        doc.flag("issuer_from_place")


_WORD = re.compile(r"[^\W_]+")
_PRINTED_DATE = re.compile(
    r"ngay\s*(\d{1,2})\s*(?:thang|/|-|\.)\s*(\d{1,2})\s*(?:nam|/|-|\.)\s*(\d{4})"
    r"|\b(\d{1,2})/(\d{1,2})/(\d{4})\b"
)


def printed_dates(text: str) -> set[str]:
    """ISO dates the text prints ("ngày 14 tháng 11 năm 2022", "15/10/2025")."""
    found = set()
    for match in _PRINTED_DATE.finditer(fold(text)):
        d, m, y = match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)
        iso = dmy_to_iso(f"{d}/{m}/{y}")
        if iso:
            found.add(iso)
    return found


def _fill_date(doc: ParsedDocument, text: str, meta: dict, url: dict) -> None:
    if doc.issued_date:
        return
    year = doc.code_year or url.get("year")
    adopted = list(_ADOPTED.finditer(text[-6000:]))
    if adopted:
        d, m, y = adopted[-1].groups()
        iso = dmy_to_iso(f"{d}/{m}/{y}")
        if iso and (year is None or int(y) == year):
            doc.issued_date = iso
            doc.flag("date_from_adoption")
            return
    given = meta.get("issued_date")
    iso = dmy_to_iso(given) if given else None
    if given and iso is None and re.fullmatch(r"\d{4}-\d\d-\d\d", given):
        iso = given
    if iso:
        if year is not None and int(iso[:4]) != year:
            doc.flag("date_refused_year")
        elif iso in printed_dates(text):
            doc.flag("date_refused_cited")
        else:
            doc.issued_date = iso
            doc.flag("date_from_metadata")
            return
    if year:
        doc.issued_date = str(year)
        doc.flag("year_from_code" if doc.code_year else "year_from_url")


#: A trích yếu says what the document is about; a line that cites a numbered
#: document ("Quyết định số 2496/QĐ-BVHTTDL ngày …"), speaks of the document
#: itself ("Nghị quyết này quy định …") or opens its body is not one.
_NOT_A_SUBJECT = re.compile(
    r"^(?:can cu|kinh gui|so:|(?:\w+(?: \w+)? )?(?:so \d|nay\b)|dieu \d|stt\b)"
)


#: An address subject of this many words or more can contradict a given
#: trích yếu.
MIN_SUBJECT_WORDS = 4


def _agrees(title: str, words: list[str]) -> bool:
    """Whether a trích yếu the record gives can be the one the address spells:
    they share a pair of adjacent words (folded), or the address spells too
    few words to tell. A publisher's guess taken from a table cell of a text
    without its header ("Quyết định điều chuyển tài sản công", a procedure the
    annex lists) shares none with the subject the address gives ("cong bo thu
    tuc hanh chinh noi bo nganh Tai chinh Dong Nai")."""
    folded = _WORD.findall(fold(" ".join(words)))
    if sum(1 for w in folded if not w.isdigit()) < MIN_SUBJECT_WORDS:
        return True
    given = _WORD.findall(fold(title))
    pairs = set(zip(folded, folded[1:], strict=False))
    return bool(pairs & set(zip(given, given[1:], strict=False)))


def _fill_title(
    doc: ParsedDocument, meta: dict, url: dict, text: str, accents: Accents | None
) -> None:
    """The record's trích yếu, else the address's subject words, with the
    diacritics the text gives them, else those ``accents`` gives, else
    without (``subjects.address_subject``; flagged by where they come from).
    A translation's text spells no Vietnamese word; an address in the
    translation's language (its words all in the text) gives no trích yếu."""
    if doc.title:
        return
    title = re.sub(r"^\s*V/v\s*:?\s*", "", meta.get("title") or "", flags=re.I)
    title = " ".join(title.split())
    words = url.get("subject") or []
    if title and not _agrees(title, words):
        doc.flag("title_refused_metadata")
        title = ""
    if 8 <= len(title) <= 600 and not _NOT_A_SUBJECT.match(fold(title)):
        if title.isupper():
            title = restore_title_case(sentence_case(title), text)
        doc.title = title[:1].upper() + title[1:]
        doc.flag("title_from_metadata")
        return
    translated = "not_vietnamese" in doc.flags
    if translated and subject_from_text(words, text):
        return  # the address is in the translation's language: no trích yếu
    found = address_subject(words, "" if translated else text, accents)
    if found is None or len(found.text) < 8:
        return
    doc.title = found.text[:1].upper() + found.text[1:]
    if found.from_text_only:
        doc.flag("title_from_url")
    elif found.unaccented:
        doc.flag("title_from_url_unaccented")
    else:
        doc.flag("title_from_url_guessed")
