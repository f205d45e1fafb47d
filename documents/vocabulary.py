"""Map parsed metadata to the vocabularies: document types, issuing bodies, signers.

The importer and the admin preview share these look-ups. Unknown issuing bodies
are created with a level guessed from their name (tỉnh/huyện/xã, Bộ, Đảng ...)
so an import never stops on a body the portal has not seen yet.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.utils.text import slugify

from documents.citations.model import fold_issuer
from documents.issuers import (
    canonical_body_name,
    issuer_segments,
    national_body,
    with_parent_place,
)
from documents.models import DocumentType, IssuingBody, IssuingBodyAlias, Signer
from documents.parsing.names import display_name
from documents.parsing.places import LOCAL_BODIES
from documents.text import fold

Level = IssuingBody.Level

PARTY_WORDS = (
    "dang ",
    "tinh uy",
    "thanh uy",
    "huyen uy",
    "quan uy",
    "thi uy",
    "dang uy",
    "chi bo",
    "bo chinh tri",
    "ban bi thu",
    "ban chap hanh trung uong",
    "ban tuyen giao",
    "ban to chuc trung uong",
    "van phong trung uong dang",
)
MASS_WORDS = (
    "doan thanh nien",
    "doan tncs",
    "trung uong doan",
    "hoi lien hiep phu nu",
    "mat tran to quoc",
    "hoi nong dan",
    "lien doan lao dong",
    "cong doan",
    "hoi cuu chien binh",
)
CENTRAL_CITIES = ("ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue")
CENTRAL_WORDS = (
    "quoc hoi",
    "chinh phu",
    "chu tich nuoc",
    "bo ",
    "toa an nhan dan toi cao",
    "vien kiem sat nhan dan toi cao",
    "kiem toan nha nuoc",
    "ngan hang nha nuoc",
    "cuc ",
    "tong cuc",
    "uy ban dan toc",
    "uy ban thuong vu quoc hoi",
)
BODY_WORDS = re.compile(
    r"^(uy ban|hoi dong|so |bo |ban |cuc |tong cuc|chinh phu|quoc hoi|thu tuong|"
    r"van phong|tinh uy|thanh uy|huyen uy|dang uy|trung tam|chi cuc|phong |"
    r"ubnd|hdnd|toa an|vien kiem sat|kho bac|thue |hai quan|ngan hang|doan |hoi )"
)
LOCALITY = re.compile(
    r"\b(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+(.+)$",
    re.IGNORECASE,
)
_NOISE = re.compile(r"[\s|*_\-–—=:;,.]+$")


def clean_body_name(name: str | None) -> str | None:
    """A parsed issuer without table borders and trailing rules, in its one
    spelling (``issuers.canonical_body_name``); None if empty."""
    if not name:
        return None
    name = _NOISE.sub("", " ".join(name.split())).strip(" |*-")
    if len(name) < 3 or not any(ch.isalpha() for ch in name):
        return None
    return _department_spelling(canonical_body_name(display_name(name)))[:200]


_DEPARTMENTS = {fold(n): n for n in LOCAL_BODIES.values() if fold(n).startswith("so ")}


def _department_spelling(name: str) -> str:
    """ "Sở Giáo dục và đào tạo thành phố Hà Nội" (a header in capitals made
    readable) → "Sở Giáo dục và Đào tạo thành phố Hà Nội"."""
    folded = fold(name)
    for key, spelling in _DEPARTMENTS.items():
        if folded == key or folded.startswith(key + " "):
            return spelling + name[len(spelling) :]
    return name


@lru_cache(maxsize=50_000)
def body_key(name: str) -> str:
    """What two spellings of one body share: "Uỷ ban nhân dân tỉnh Bắc Ninh",
    "UBND TỈNH BẮC NINH" and "Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh" agree.
    Kept per name: ``find_body`` compares every stored body's key on each
    call (about 70 µs a name to compute, for each body of the site)."""
    return fold_issuer(clean_body_name(name) or name)


def looks_like_body(name: str | None) -> bool:
    """True when ``name`` reads like an organ ("UBND tỉnh …", "Bộ Tài chính")."""
    return bool(name) and BODY_WORDS.match(fold_issuer(name) + " ") is not None


def guess_level(name: str, parent: IssuingBody | None = None) -> str:
    """Level of a body from its name: Đảng, đoàn thể, xã, huyện, tỉnh, trung ương."""
    folded = fold_issuer(name) + " "
    if any(word in folded for word in MASS_WORDS):
        return Level.MASS
    if any(word in folded for word in PARTY_WORDS):
        return Level.PARTY
    if re.search(r"\b(xa|phuong|thi tran|dac khu) ", folded):
        return Level.COMMUNE
    if re.search(r"\b(huyen|(?<!hai )quan|thi xa) ", folded):
        return Level.DISTRICT
    if parent is not None and _same_place(folded, fold_issuer(parent.name)):
        return parent.level  # a unit of its place's own committee
    if "thanh pho " in folded:
        city = folded.split("thanh pho ", 1)[1]
        central = any(city.startswith(c) for c in CENTRAL_CITIES)
        under_province = parent is not None and parent.level == Level.PROVINCE
        return Level.DISTRICT if under_province or not central else Level.PROVINCE
    if "tinh " in folded or folded.startswith("so "):
        return Level.PROVINCE
    if any(folded.startswith(word) or f" {word}" in folded for word in CENTRAL_WORDS):
        return Level.CENTRAL
    return parent.level if parent is not None else Level.CENTRAL


def _same_place(folded: str, parent: str) -> bool:
    """Whether a body names the place its parent names ("… thành phố Hà Nội"
    under "ủy ban nhân dân thành phố Hà Nội")."""
    for level in ("thanh pho ", "tinh "):
        if level in folded and level in parent:
            return (
                folded.split(level, 1)[1].strip() == parent.split(level, 1)[1].strip()
            )
    return False


def _abbreviation(name: str) -> str:
    folded = fold(name)
    if folded.startswith("uy ban nhan dan"):
        return "UBND"
    if folded.startswith("hoi dong nhan dan"):
        return "HĐND"
    return ""


def unique_slug(model, text: str, *, max_length: int = 200) -> str:
    """A slug for ``text`` (diacritics folded, Đ → d) unused in ``model``, and
    for a body not the old slug of a merged row either (``IssuingBodyAlias``):
    the new body would take that row's old links over (``by_slug``)."""
    base = slugify(fold(text))[: max_length - 6].strip("-") or "co-quan"
    slug, n = base, 2
    while _slug_taken(model, slug):
        slug, n = f"{base}-{n}", n + 1
    return slug


def _slug_taken(model, slug: str) -> bool:
    if model.objects.filter(slug=slug).exists():
        return True
    return model is IssuingBody and IssuingBodyAlias.objects.filter(slug=slug).exists()


def find_body(name: str) -> IssuingBody | None:
    """The body whose name has the same ``body_key`` (case, tone marks,
    abbreviations and the signing Chủ tịch aside); the lowest id first."""
    key = body_key(name)
    for body in IssuingBody.objects.only("pk", "name").order_by("pk"):
        if body_key(body.name) == key:
            return IssuingBody.objects.get(pk=body.pk)
    return None


def body_by_symbol(
    symbol: str | None, doc_type: str | None = None
) -> IssuingBody | None:
    """The body a symbol names when the header lost it ("NĐ-CP" → Chính phủ).

    The segments that may name the issuer (``documents.issuers.issuer_segments``:
    the first of a Công văn's, the others from the last) are tried in turn: a
    unique abbreviation among the known bodies, else a national body of
    ``documents.issuers`` (created).
    """
    for segment in issuer_segments(symbol, doc_type):
        for abbr in dict.fromkeys([segment, re.sub(r"\d+$", "", segment)]):
            body = _body_by_abbreviation(abbr)
            if body is not None:
                return body
    return None


def _body_by_abbreviation(abbr: str) -> IssuingBody | None:
    if not abbr:
        return None
    bodies = list(IssuingBody.objects.filter(abbreviation__iexact=abbr)[:2])
    if len(bodies) == 1:
        return bodies[0]
    found = national_body(abbr)
    if found is None or bodies:
        return None
    body = get_or_create_body(*found)
    if not body.abbreviation:
        body.abbreviation = abbr
        body.save(update_fields=["abbreviation"])
    return body


def get_or_create_body(name: str, parent_name: str | None = None) -> IssuingBody:
    """Existing body by name, or a new one with guessed level, place and slug;
    a new name is stored in its one spelling (``clean_body_name``), and a body
    first stored without its parent gets the parent named now."""
    name = clean_body_name(name) or name
    parent = None
    if parent_name and looks_like_body(parent_name):
        parent = get_or_create_body(parent_name)
        name = with_parent_place(name, parent.name)
    body = find_body(name)
    if body is not None:
        if body.parent_id is None and parent is not None and parent.pk != body.pk:
            body.parent = parent
            body.save(update_fields=["parent"])
        return body
    locality = LOCALITY.search(name)
    return IssuingBody.objects.create(
        name=name,
        abbreviation=_abbreviation(name),
        level=guess_level(name, parent),
        parent=parent,
        place=locality.group(1)[:100] if locality else "",
        slug=unique_slug(IssuingBody, name),
    )


def document_type_for(name: str, *, party: bool) -> DocumentType | None:
    """The type named ``name`` in the right family (Party codes "N-XX/YY")."""
    order = ["party", "admin", "qppl"] if party else ["admin", "qppl", "party"]
    key = fold(name)
    matches = [t for t in DocumentType.objects.all() if fold(t.name) == key]
    matches.sort(key=lambda t: order.index(t.family) if t.family in order else 9)
    return matches[0] if matches else None


def is_party_code(code: str | None) -> bool:
    """Party numbers carry a hyphen before the slash: "34-CT/TW"."""
    return bool(code) and "-" in code.split("/")[0]


def get_or_create_signer(
    name: str | None, position: str | None, body: IssuingBody | None
) -> Signer | None:
    if not name:
        return None
    signer, _ = Signer.objects.get_or_create(
        name=name[:100],
        position=(position or "")[:100],
        defaults={"body": body},
    )
    return signer
