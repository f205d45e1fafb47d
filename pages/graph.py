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
import re
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
    """(origin, citation) pairs in the page's legal basis then body; a body
    citation whose change verb is not the page's own act ("được sửa đổi, bổ
    sung bởi Luật số 87/2025/QH15") keeps no verb (see ``own_change``)."""
    when = context_date(page)
    basis = page.legal_basis or ""
    body = body_text(page)
    found = body_citations(basis, body, when)
    sources = (
        (DocumentCitation.Origin.BASIS, extract_citations(basis, context_date=when)),
        (DocumentCitation.Origin.BODY, [own_change(body, c, found) for c in found]),
    )
    return [
        (origin, citation)
        for origin, citations in sources
        for citation in citations
        if "header" not in citation.flags
    ]


#: The verbs by which a text changes another ("thay thế", "sửa đổi, bổ sung",
#: "bãi bỏ"), as the extractor finds them before a citation.
CHANGE_CUE = re.compile(
    r"(?<!\w)(?:thay\s+thế|sửa\s+đổi(?:\s*,?\s*bổ\s+sung)?|bổ\s+sung|bãi\s+bỏ)(?!\w)",
    re.IGNORECASE,
)
CHANGE_VERBS = {"thay thế", "sửa đổi, bổ sung", "sửa đổi bổ sung", "bãi bỏ"}
#: Before the verb: a passive voice or a title's note ("được sửa đổi, bổ
#: sung", "bị bãi bỏ", "Luật Quản lý thuế (sửa đổi)").
NOT_OWN_BEFORE = re.compile(r"(?:(?<!\w)(?:được|bị)\s*|\(\s*)$", re.IGNORECASE)
#: Earlier in the clause: a proposal or a task, not this text's act ("Kiến nghị
#: thực thi: Sửa đổi …", "đang xây dựng Nghị định sửa đổi …", "Phối hợp rà
#: soát, sửa đổi …", "đề nghị ban hành Nghị quyết thay thế …", "tham mưu UBND
#: tỉnh sửa đổi …", "Xem xét, sửa đổi …", "dự án Pháp lệnh sửa đổi …"); or the
#: heading just above ("1.2. Kiến nghị thực thi\n\nSửa đổi Điều 109 …").
PROPOSAL = re.compile(
    r"(?<!\w)(?:kiến\s+nghị|đề\s+nghị|đề\s+xuất|dự\s+thảo|xây\s+dựng|trình"
    r"|rà\s+soát|triển\s+khai|hoàn\s+thiện|nghiên\s+cứu|tham\s+mưu|xem\s+xét"
    r"|dự\s+án\s+(?:luật|pháp\s+lệnh|nghị\s+định|nghị\s+quyết|thông\s+tư))"
    r"(?!\w)[^.;\n]{0,50}$"
    r"|(?<!\w)(?:kiến\s+nghị|đề\s+xuất)(?!\w)[^.;:\n]{0,30}:?\s*\n\s*$",
    re.IGNORECASE,
)
#: Between the verb and the citation: the citation is the agent or a mere
#: reference, not the object ("sửa đổi, bổ sung bởi / tại / theo …", "bổ sung
#: hồ sơ (mẫu số 02 của …"; "bãi bỏ các quy định … quy định tại" keeps it).
NOT_OBJECT = re.compile(
    r"^\s*(?:bởi|tại|theo)(?!\w)|(?<!\w)(?:bởi|theo)(?!\w)|\([^)]*$", re.IGNORECASE
)
#: Between a cited document and its verb when that document is the subject:
#: nothing, its issuer, "về việc" or "đã" ("Thông tư số 39/2018/TT-BTC của Bộ
#: Tài chính sửa đổi, bổ sung …", "Thông tư 130/2025/TT-BQP đã sửa đổi …"),
#: not another clause ("Tờ trình số 382/TTr-UBND đề nghị ban hành Nghị quyết
#: thay thế …" is this text's act).
SUBJECT_GAP = re.compile(
    r"^[\s,]*(?:của\s(?:(?!ban\s+hành|đề\s+nghị|trình)[^.;:\n]){0,60}?)?"
    r"(?:\svề(?:\s+việc)?)?(?:\s*đã)?\s*:?\s*$",
    re.IGNORECASE,
)


def own_change(text: str, citation: Citation, others: list[Citation]) -> Citation:
    """``citation`` without its change verb when the clause does not say that
    this text changes it: "Luật X được sửa đổi, bổ sung bởi Luật Y" (passive:
    Y changed X), "Thông tư A sửa đổi, bổ sung Thông tư B" (A is the subject),
    "Luật sửa đổi, bổ sung một số điều của Luật X, Luật Y" (the verb is in
    another law's title). "Quyết định này thay thế …", "Bãi bỏ …" keep it."""
    if (citation.relation or "").strip().lower() not in CHANGE_VERBS:
        return citation
    window = max(0, citation.start - 300)
    cues = list(CHANGE_CUE.finditer(text, window, citation.start))
    if not cues:
        return citation
    cue = cues[-1]
    if (
        NOT_OWN_BEFORE.search(text[max(0, cue.start() - 12) : cue.start()])
        or PROPOSAL.search(text[max(0, cue.start() - 70) : cue.start()])
        or NOT_OBJECT.search(text[cue.end() : citation.start])
        or any(_subject_or_title(text, other, cue) for other in others)
    ):
        return replace(citation, relation=None)
    return citation


def _subject_or_title(text: str, other: Citation, cue: re.Match) -> bool:
    """Whether ``other`` holds the verb in its title or is its subject."""
    if other.start < cue.start() < other.end:
        return True
    return other.end <= cue.start() and bool(
        SUBJECT_GAP.match(text[other.end : cue.start()])
    )


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
    """The relation of a stored row. In the legal basis every cited document
    is a căn cứ, whatever verb its line carries ("Căn cứ Luật X được sửa đổi,
    bổ sung bởi Luật Y": Y too is a basis, not a text this one amends)."""
    if origin == DocumentCitation.Origin.BASIS:
        return Relation.BASIS
    return RELATION_BY_VERB.get((verb or "").strip().lower()) or Relation.RELATED


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
    identity = page.identity()
    rows = []
    for position, (origin, citation) in enumerate(found):
        if names_itself(citation, page, identity):
            continue
        rows.append(citation_row(page, origin, position, citation, index))
    DocumentCitation.objects.filter(source_id=page.pk).delete()
    return DocumentCitation.objects.bulk_create(rows)


def names_itself(citation: Citation, page, identity: DocumentIdentity) -> bool:
    """Whether ``citation`` is the page's own số ký hiệu: its key, or its code
    on the page's date (else with no year, type or issuer against it), as an
    appendix names the decision it comes with ("Ban hành kèm theo Quyết định
    số 2820/QĐ-UBND ngày 19/11/2025 của Chủ tịch UBND Thành phố")."""
    if citation.key in identity.keys():
        return True
    own = identity.code_keys()
    if citation.number is None or not own or citation.number != page.number:
        return False
    codes = citation_code_keys(citation)
    if not codes or codes[0] != own[0]:
        return False
    day = citation.date or ""
    if len(day) == 10 and page.issued_date:
        return day == page.issued_date.isoformat()
    return loosely_names(citation, identity)


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
