"""The legal-basis check over the portal's own documents (page layer).

``documents.basis`` holds the rules; this module gives them the facts: which
live documents carry a cited số ký hiệu (the citation graph's ``TargetIndex``),
each one's metadata and validity timeline (``timeline_for``), and the citing
document's own issuing body. ``check_text`` serves the public page, the API and
the command; ``check_page`` the page editor and the review.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from documents import basis
from documents.basis import CitedDocument, IssuerFacts, Link, Report, ValidityStep
from documents.basis.model import ENDING_STEPS
from documents.citations import Citation
from documents.identity import citation_code_keys
from pages.bodytext import body_text
from pages.graph import TargetIndex
from pages.models.documents import year_day
from pages.models.timeline import timeline_for

MAX_CHARS = 100_000


def search_url(code: str) -> str | None:
    try:
        return f"{reverse('search:page')}?{urlencode({'q': code})}"
    except NoReverseMatch:
        return None


def _candidate_ids(index: TargetIndex, citation: Citation) -> list[int]:
    ids = [i.page_id for i in index.by_key.get(citation.key, [])]
    codes = citation_code_keys(citation)
    if codes:
        ids += [i.page_id for i in index.by_code.get(codes[0], [])]
    return list(dict.fromkeys(ids))


def _pages(ids: set[int], *, public_only: bool) -> dict:
    from pages.models import LegalDocumentPage

    pages = LegalDocumentPage.objects.live().filter(pk__in=ids)
    if public_only:
        pages = pages.public()
    return {p.pk: p for p in pages.select_related("document_type", "issuing_body")}


def _source_link(source: dict | None, types: dict[int, str]) -> Link | None:
    if not source:
        return None
    code = source.get("code") or source.get("title") or ""
    return Link(
        code, source.get("url"), source.get("title", ""), types.get(source["id"], "")
    )


def cited_document(page, types: dict[int, str] | None = None) -> CitedDocument:
    """The facts the rules need about one stored document."""
    from pages.models import LegalDocumentPage, ValidityStatus

    timeline = timeline_for(page)
    if types is None:
        ids = {s["source"]["id"] for s in timeline if s.get("source")}
        types = dict(
            LegalDocumentPage.objects.filter(pk__in=ids).values_list(
                "pk", "document_type__name"
            )
        )
    steps = tuple(
        ValidityStep(
            dt.date.fromisoformat(step["date"]),
            step["kind"],
            _source_link(step.get("source"), types),
        )
        for step in timeline
    )
    ended = any(s.kind in ENDING_STEPS for s in steps)
    return CitedDocument(
        code=page.code or page.title,
        doc_type=page.document_type.name,
        issuer=page.issuing_body.name,
        system=str(page.system),
        issued_date=page.issued_date,
        year=page.year,
        effective_date=page.effective_date,
        expiry_date=page.expiry_date,
        expired_undated=page.status == ValidityStatus.EXPIRED
        and not page.expiry_date
        and not ended,
        steps=steps,
        url=page.url,
        title=page.title,
    )


def make_lookup(*, public_only: bool = True, exclude: int | None = None):
    """A ``documents.basis`` lookup over the live documents of the portal."""

    def lookup(citations: Sequence[Citation]) -> list[list[CitedDocument]]:
        numbers = {c.number for c in citations if c.number is not None}
        index = TargetIndex.live(numbers)
        wanted = [_candidate_ids(index, c) for c in citations]
        pages = _pages({i for ids in wanted for i in ids}, public_only=public_only)
        facts = {pk: cited_document(page) for pk, page in pages.items()}
        return [
            [facts[i] for i in ids if i in facts and i != exclude] for ids in wanted
        ]

    return lookup


def issuer_facts(body) -> IssuerFacts | None:
    if body is None:
        return None
    return IssuerFacts(
        name=body.name,
        dissolved_on=body.dissolved_on,
        successors=tuple(s.name for s in body.successors.all()),
    )


def check_text(
    text: str,
    *,
    on: dt.date | None = None,
    issuer=None,
    public_only: bool = True,
) -> Report:
    """Check a pasted text on ``on`` (today by default) against the portal."""
    return basis.check_text(
        (text or "")[:MAX_CHARS],
        on=on or timezone.localdate(),
        lookup=make_lookup(public_only=public_only),
        issuer=issuer_facts(issuer),
        search_url=search_url,
    )


def cited_count(report: Report) -> int:
    """How many documents ``report`` cites: a document named twice counts once, as
    "Luật Thi đua, khen thưởng" named in the Nghị định 98 line ("… quy định chi
    tiết thi hành một số điều của Luật Thi đua, khen thưởng") and on its own."""
    return len(
        {
            finding.code or " ".join(finding.raw.casefold().split())
            for finding in report.findings
        }
    )


def check_date(page) -> dt.date:
    """The citing document's date.

    Its issue date; a draft of this year ("ngày … tháng … năm 2026") is about to be
    signed, so today; a draft known only by another year, the first day of that
    year (an expiry or a dissolution true on that day is true all year); a year
    out of range (stored before years were checked), today.
    """
    if page.issued_date:
        return page.issued_date
    today = timezone.localdate()
    if page.issued_year != today.year:
        return year_day(page.issued_year, 1, 1) or today
    return today


#: The parts of a document that are checked, with their labels in the editor.
PARTS = (("legal_basis", "Căn cứ ban hành"), ("body", "Nội dung"))


def check_page(page) -> list[tuple[str, Report]]:
    """(part label, report) for the legal basis and the body of ``page``."""
    on = check_date(page)
    lookup = make_lookup(public_only=False, exclude=page.pk)
    issuer = issuer_facts(page.issuing_body) if page.issuing_body_id else None
    own = frozenset({page.code}) if page.code else frozenset()
    reports = []
    for name, label in PARTS:
        text = page.legal_basis if name == "legal_basis" else body_text(page)
        reports.append(
            (
                label,
                basis.check_text(
                    (text or "")[:MAX_CHARS],
                    on=on,
                    lookup=lookup,
                    issuer=issuer if name == "legal_basis" else None,
                    search_url=search_url,
                    exclude_codes=own,
                ),
            )
        )
    return reports
