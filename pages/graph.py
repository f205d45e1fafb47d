"""The citation graph: extract, store and resolve the references of documents.

Each live document keeps one ``DocumentCitation`` row per citation found in its
legal basis and body (``store_citations``). A row points to the live page whose
identity keys (``documents.identity``) contain the citation's key; otherwise it
stays dangling until such a page is published (``resolve_incoming``). Publishing
triggers both after commit (``on_page_published``, wired in ``apps.py``); the
importer calls ``sync_page`` inside its own transaction instead.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.db import transaction
from django.db.models import Q

from documents.choices import RELATION_BY_VERB, Relation
from documents.citations import Citation, extract_citations
from documents.identity import (
    IDENTITY_VALUES,
    DocumentIdentity,
    citation_code_keys,
    issuer_compatible,
)
from documents.kinds import LAW_TYPES
from documents.text import fold
from pages.bodytext import body_text
from pages.models.citations import DocumentCitation
from pages.models.documents import year_day

logger = logging.getLogger(__name__)


# Finding targets -------------------------------------------------------------


@dataclass
class TargetIndex:
    """Live documents by identity key and by folded số ký hiệu key."""

    by_key: dict[str, list[DocumentIdentity]] = field(
        default_factory=lambda: defaultdict(list)
    )
    by_code: dict[str, list[DocumentIdentity]] = field(
        default_factory=lambda: defaultdict(list)
    )

    @classmethod
    def live(cls, numbers: set[int] | None = None) -> TargetIndex:
        """Every live document, or only those that could match ``numbers``.

        Laws are always included: a law cited by name may carry no number.
        """
        from pages.models import LegalDocumentPage

        index = cls()
        pages = LegalDocumentPage.objects.live()
        if numbers is not None:
            pages = pages.filter(
                Q(number__in=numbers) | Q(document_type__name__in=LAW_TYPES)
            )
        for row in pages.values(*IDENTITY_VALUES):
            index.add(DocumentIdentity.from_values(row))
        return index

    def add(self, identity: DocumentIdentity) -> None:
        for key in identity.keys():
            self.by_key[key].append(identity)
        codes = identity.code_keys()
        if codes and identity.symbol:
            self.by_code[codes[0]].append(identity)

    def find(self, citation: Citation, *, exclude: int | None = None):
        """(page id, how) of the document ``citation`` names, or (None, None)."""
        exact = [i for i in self.by_key.get(citation.key, []) if i.page_id != exclude]
        if exact:
            return min(i.page_id for i in exact), "key"
        loose = [i for i in self._code_candidates(citation) if i.page_id != exclude]
        if len(loose) == 1:
            return loose[0].page_id, "code"
        return None, None

    def _code_candidates(self, citation: Citation) -> list[DocumentIdentity]:
        if citation.number is None or not citation.symbol:
            return []
        codes = citation_code_keys(citation)
        if not codes:
            return []
        return [i for i in self.by_code.get(codes[0], []) if loosely_names(citation, i)]


def loosely_names(citation, identity: DocumentIdentity) -> bool:
    """Same code; year, type and issuer do not contradict each other."""
    if citation.year and identity.year and citation.year != identity.year:
        return False
    if citation.doc_type and fold(citation.doc_type) != fold(identity.doc_type):
        return False
    return issuer_compatible(citation.issuer or None, identity.issuer)


# Extracting and storing ------------------------------------------------------


def context_date(page) -> dt.date | None:
    if page.issued_date:
        return page.issued_date
    return year_day(page.issued_year, 12, 31)


def page_citations(page) -> list[tuple[str, Citation]]:
    """(origin, citation) pairs in the page's legal basis then body."""
    when = context_date(page)
    basis = page.legal_basis or ""
    sources = (
        (DocumentCitation.Origin.BASIS, extract_citations(basis, context_date=when)),
        (DocumentCitation.Origin.BODY, body_citations(basis, body_text(page), when)),
    )
    return [
        (origin, citation)
        for origin, citations in sources
        for citation in citations
        if "header" not in citation.flags
    ]


#: Between the legal basis and the body when both are read as one text.
BASIS_BODY_SEPARATOR = "\n\n"


def body_citations(basis: str, body: str, when) -> list[Citation]:
    """The citations of ``body``; a law it names by its bare title is the one
    the legal basis named with its date ("Căn cứ Luật Thi đua, khen thưởng
    ngày 15 tháng 6 năm 2022" … "Luật Thi đua, khen thưởng" is 06/2022/QH15,
    not the 2003 law), as when the two are read as one text. Only those law
    citations are taken from the joint reading; the rest stay as the body
    alone gives them (offsets in the body)."""
    found = extract_citations(body, context_date=when)
    if not basis or not any("law_by_name" in c.flags for c in found):
        return found
    offset = len(basis) + len(BASIS_BODY_SEPARATOR)
    joint = extract_citations(basis + BASIS_BODY_SEPARATOR + body, context_date=when)
    by_start = {
        c.start - offset: c for c in joint if "resolved_by_antecedent" in c.flags
    }
    return [_from_joint(c, by_start.get(c.start)) for c in found]


def _from_joint(citation: Citation, joint: Citation | None) -> Citation:
    if joint is None or joint.raw != citation.raw:
        return citation
    return replace(joint, start=citation.start, end=citation.end)


def relation_of(origin: str, verb: str | None) -> str:
    relation = RELATION_BY_VERB.get((verb or "").strip().lower())
    if relation is None and origin == DocumentCitation.Origin.BASIS:
        return Relation.BASIS
    return relation or Relation.RELATED


def citation_row(page, origin: str, position: int, citation: Citation, index):
    """An unsaved ``DocumentCitation`` for one extracted citation."""
    target_id, how = index.find(citation, exclude=page.pk)
    codes = citation_code_keys(citation)
    flags = list(citation.flags) + (["resolved_by_code"] if how == "code" else [])
    return DocumentCitation(
        source_id=page.pk,
        origin=origin,
        position=position,
        raw=citation.raw,
        start=citation.start,
        end=citation.end,
        doc_type=(citation.doc_type or "")[:100],
        number=citation.number,
        year=citation.year,
        symbol=(citation.symbol or "")[:80],
        code=(citation.code or "")[:120],
        date=citation.date or "",
        issuer=(citation.issuer or "")[:255],
        pinpoint=(citation.pinpoint or "")[:255],
        relation=relation_of(origin, citation.relation),
        key=citation.key[:255],
        lookup_keys="".join(f"\n{code}" for code in codes) + ("\n" if codes else ""),
        target_id=target_id,
        flags=flags,
    )


def store_citations(page, *, index: TargetIndex | None = None) -> list:
    """Replace the stored citations of ``page`` with those of its content."""
    found = page_citations(page)
    if index is None:
        index = TargetIndex.live({c.number for _, c in found if c.number is not None})
    own_keys = page.identity().keys()
    rows = []
    for position, (origin, citation) in enumerate(found):
        if citation.key in own_keys:
            continue
        rows.append(citation_row(page, origin, position, citation, index))
    DocumentCitation.objects.filter(source_id=page.pk).delete()
    return DocumentCitation.objects.bulk_create(rows)


def resolve_incoming(page) -> int:
    """Point dangling citations that name ``page`` at it; returns how many."""
    identity = page.identity()
    dangling = DocumentCitation.objects.dangling().exclude(source_id=page.pk)
    count = dangling.filter(key__in=identity.keys()).update(target=page)
    codes = identity.code_keys()
    if not codes or page.number is None:
        return count
    index = None
    for row in dangling.with_lookup_key(codes[:1]):
        if not loosely_names(row, identity):
            continue
        index = index or TargetIndex.live({page.number})
        if len(index._code_candidates(_as_citation(row))) <= 1:
            row.target = page
            row.flags = [*row.flags, "resolved_by_code"]
            row.save(update_fields=["target", "flags"])
            count += 1
    return count


def _as_citation(row: DocumentCitation) -> Citation:
    return Citation(
        raw=row.raw,
        start=row.start,
        end=row.end,
        doc_type=row.doc_type or None,
        number=row.number,
        year=row.year,
        symbol=row.symbol or None,
        code=row.code or None,
        date=row.date or None,
        issuer=row.issuer or None,
        pinpoint=row.pinpoint or None,
        relation=None,
        flags=tuple(row.flags),
    )


def detach_incoming(page) -> int:
    """Citations of an unpublished page become dangling again."""
    return DocumentCitation.objects.filter(target_id=page.pk).update(target=None)


def sync_page(page, *, index: TargetIndex | None = None) -> None:
    """Store ``page``'s own citations and resolve those that name it."""
    store_citations(page, index=index)
    resolve_incoming(page)


@transaction.atomic
def resolve_all(*, progress=None) -> dict[str, int]:
    """Re-extract and resolve the citations of every live document (idempotent)."""
    from pages.models import LegalDocumentPage

    pages = LegalDocumentPage.objects.live().specific().order_by("pk")
    DocumentCitation.objects.exclude(source__in=pages.values("pk")).delete()
    index = TargetIndex.live()
    documents = 0
    for page in progress(pages) if progress else pages:
        store_citations(page, index=index)
        documents += 1
    _invalidate_page_cache()
    stored = DocumentCitation.objects.count()
    resolved = DocumentCitation.objects.resolved().count()
    return {"documents": documents, "citations": stored, "resolved": resolved}


# Unpublishing -----------------------------------------------------------------


def _invalidate_page_cache() -> None:
    """Pages that cite or are cited changed their links: drop cached pages."""
    from pages.cache import invalidate_page_cache

    invalidate_page_cache()


def on_page_unpublished(sender, instance, **kwargs) -> None:
    from pages.models import LegalDocumentPage

    if isinstance(instance, LegalDocumentPage):
        detach_incoming(instance)
