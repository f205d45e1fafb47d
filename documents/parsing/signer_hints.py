"""The signer (ô 7b/7c of Nghị định 30/2020/NĐ-CP, Phụ lục I) filled from the
record when the text has no signature block.

Scraped copies often stop above the signature, while the publisher's attribute
table still names the signer ("Người ký: Phạm Thị Minh Hiền"). ``fill_signer``
takes such a value only where the text gave none, as ``hints.fill_from_record``
does for the code, type, date and issuer, and refuses a value that cannot be a
signer: a place or an administrative level that scrapers put in the field
("Xã Khe Tre", "Cấp Tỉnh", "Vĩnh Long"), a body's name, a run of words that is
not a person's name, a name without its accents. The position and the signing authority (TM., KT., TL.,
TUQ., Q.) are taken with the name when the record gives them; a position that
names no title of office and an authority that contradicts the position (KT. is
signed by a deputy: Nghị định 30/2020/NĐ-CP, Điều 13 khoản 3) are refused. Each
value taken or refused adds a flag (``flags.py``), so the editor checks it.

Pure: no database.
"""

from __future__ import annotations

import unicodedata

from documents.text import fold

from .model import ParsedDocument
from .places import PROVINCES
from .vocab import DEPUTY_WORDS, POSITION_FOLDED

#: Signing authorities as the page stores them, by their folded spellings.
AUTHORITIES = {
    "tm": "TM.",
    "t/m": "TM.",
    "kt": "KT.",
    "k/t": "KT.",
    "tl": "TL.",
    "t/l": "TL.",
    "tuq": "TUQ.",
    "q": "Q.",
}
#: Words that open a place or an administrative level, not a person's name
#: (with their diacritics: "Quận" is a district, "Quản" a family name).
_NOT_A_NAME_START = {"xã", "phường", "tỉnh", "huyện", "quận", "cấp", "thôn", "ấp"}
_NOT_A_NAME_PAIRS = {("thành", "phố"), ("thị", "xã"), ("thị", "trấn"), ("đặc", "khu")}
_PROVINCES = {fold(name) for name in PROVINCES}
_DEPUTIES = tuple(fold(word) for word in DEPUTY_WORDS)


def person_name(value: str | None) -> str | None:
    """``value`` as a signer's name ("Phạm Thị  Minh Hiền" → "Phạm Thị Minh
    Hiền"), or None when it cannot be one: two to six capitalised words of
    letters, not a place, a province or an administrative level, written with
    its accents (an English translation's "Nguyen Chi Dung" would enter the
    signer vocabulary as a second, unaccented person)."""
    words = unicodedata.normalize("NFC", value or "").split()
    if not 2 <= len(words) <= 6:
        return None
    if not all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words):
        return None
    lower = [w.lower() for w in words]
    if lower[0] in _NOT_A_NAME_START or tuple(lower[:2]) in _NOT_A_NAME_PAIRS:
        return None
    name = " ".join(words)
    if fold(name) in _PROVINCES or fold(name) == name.casefold():
        return None  # a province, or a name spelled without its accents
    return name


def _position(value: str | None) -> str | None:
    """A title of office ("Phó Chủ tịch", "BỘ TRƯỞNG"), or None."""
    text = " ".join((value or "").split())
    if not text or len(text) > 100:
        return None
    folded = fold(text)
    return text if any(word in folded for word in POSITION_FOLDED) else None


def _authority(value: str | None, position: str | None) -> str | None:
    """The canonical authority ("kt." → "KT."), None when unknown or when KT.
    goes with a position that is not a deputy's."""
    found = AUTHORITIES.get(fold((value or "").strip()).rstrip(". "))
    if found == "KT." and position and not fold(position).startswith(_DEPUTIES):
        return None
    return found


def fill_signer(doc: ParsedDocument, meta: dict) -> None:
    """Fill the signer of ``doc`` from the record's hints (``signer_name``,
    ``signer_position``, ``signing_authority``) when the text named no signer."""
    given = meta.get("signer_name")
    if doc.signer_name or not given:
        return
    name = person_name(given)
    if name is None:
        doc.flag("signer_refused_metadata")
        return
    doc.signer_name = name
    doc.flag("signer_from_metadata")
    _fill_title(doc, meta)


def _fill_title(doc: ParsedDocument, meta: dict) -> None:
    """Position and authority of a signer taken from the record; the text's
    own position (a block that printed the title but not the name) is kept."""
    given_position = meta.get("signer_position")
    position = _position(given_position)
    refused = bool(given_position) and position is None
    if position and not doc.signer_position:
        doc.signer_position = position
    given_authority = meta.get("signing_authority")
    authority = _authority(given_authority, doc.signer_position)
    refused = refused or (bool(given_authority) and authority is None)
    if authority and not doc.signing_authority:
        doc.signing_authority = authority
    if refused:
        doc.flag("signer_title_refused_metadata")
