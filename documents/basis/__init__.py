"""The legal-basis check ("Kiểm tra căn cứ"), pure: no database, no pages.

::

    check_text(text, on=date, lookup=..., issuer=IssuerFacts(...)) -> Report

``lookup`` receives the extracted citations and returns, for each, the facts
(``CitedDocument``) of the portal's documents carrying the same số ký hiệu; the
page layer implements it over the live pages and their validity timeline.
Every citation the extractor finds is checked (the document's own "Số: …"
header is not a citation); the "Căn cứ" lines are also checked for order and
form. ``Report.lines()`` gives the JSON lines of ``manage.py check_citations``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from documents.citations import Citation, extract_citations

from .form import basis_items, form_problems, legal_rank
from .model import (
    KIND_LABELS,
    NEEDS_ACKNOWLEDGEMENT,
    PROBLEM_KINDS,
    CitedDocument,
    Finding,
    IssuerFacts,
    Link,
    Problem,
    Report,
    ValidityStep,
)
from .rules import choose, citation_problems, issuer_problem

Lookup = Callable[[Sequence[Citation]], Sequence[Sequence[CitedDocument]]]
MAX_TEXT = 200_000

__all__ = [
    "KIND_LABELS",
    "NEEDS_ACKNOWLEDGEMENT",
    "PROBLEM_KINDS",
    "CitedDocument",
    "Finding",
    "IssuerFacts",
    "Link",
    "Problem",
    "Report",
    "ValidityStep",
    "basis_items",
    "check_text",
    "checked_citations",
    "legal_rank",
]


def checked_citations(text: str, *, on: dt.date | None = None) -> list[Citation]:
    """The citations of ``text`` the check looks at (not the "Số:" header)."""
    found = extract_citations(text, context_date=on)
    return [c for c in found if "header" not in c.flags]


def check_text(
    text: str,
    *,
    on: dt.date,
    lookup: Lookup,
    issuer: IssuerFacts | None = None,
    search_url: Callable[[str], str | None] | None = None,
    exclude_codes: frozenset[str] = frozenset(),
) -> Report:
    """Check every citation of ``text`` on the date ``on``.

    ``exclude_codes`` are the citing document's own codes (a document that
    mentions itself is not a basis).
    """
    text = text if isinstance(text, str) else ""
    report = Report(date=on)
    report.issuer_problem = issuer_problem(issuer, on=on)
    if not text.strip():
        return report
    citations = [
        c for c in checked_citations(text, on=on) if c.code not in exclude_codes
    ]
    candidates = lookup(citations) if citations else []
    layout = form_problems(text, citations)
    for index, (citation, found) in enumerate(zip(citations, candidates, strict=True)):
        document = choose(citation, list(found))
        problems = citation_problems(citation, document, on=on, search_url=search_url)
        problems += layout.get(index, [])
        report.findings.append(
            Finding(
                line=text.count("\n", 0, citation.start) + 1,
                raw=citation.raw,
                code=citation.code,
                problems=problems,
                document=document.link if document else None,
            )
        )
    return report
