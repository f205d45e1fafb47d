"""Read side of the citation graph, as the public sees it.

Templates, the relation diagram and the JSON API read a document's links here:
outgoing citations (deduplicated by identity key, linked only when the target is
live and public) and incoming ones (only from live, public sources). Nothing
here writes; ``pages.graph`` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from documents.choices import REVERSE_LABELS, Relation
from pages.models.citations import DocumentCitation

SEARCH_PATH = "/tim-kiem/"


def public_documents():
    """Live document pages without view restrictions."""
    from pages.models import LegalDocumentPage

    return LegalDocumentPage.objects.live().public()


def search_url(query: str) -> str:
    """Search results for a code the portal does not hold yet."""
    return f"{SEARCH_PATH}?{urlencode({'q': query})}"


@dataclass
class Link:
    """One edge of the graph as displayed: a citation and the page it reaches."""

    citation: DocumentCitation
    page: object | None
    relation_label: str

    @property
    def label(self) -> str:
        """ "Nghị định 98/2023/NĐ-CP"; a law cited by name keeps its name ("Luật
        Tổ chức Chính phủ 76/2015/QH13"); the raw text when there is no code."""
        row = self.citation
        if row.code and row.doc_type:
            return f"{law_title(row) or row.doc_type} {row.code}"
        return row.code or row.raw

    @property
    def on_portal(self) -> bool:
        return self.page is not None

    def url(self, request=None) -> str:
        if self.page is not None:
            return self.page.get_url(request)
        return search_url(self.citation.code or self.citation.raw)


#: What follows a law's name in a citation: its date, number or year.
LAW_TAIL = re.compile(r"[\s,]+(?:ngày|số|năm)\s*:?\s*\d.*$", re.IGNORECASE | re.DOTALL)


def law_title(row) -> str:
    """The name of a law cited by name ("Luật Tổ chức Chính phủ" of "khoản 2
    Điều 5 Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015"), or ""."""
    if "law_by_name" not in (row.flags or []) or not row.doc_type:
        return ""
    start = row.raw.casefold().find(row.doc_type.casefold())
    if start < 0:
        return ""
    title = " ".join(LAW_TAIL.sub("", row.raw[start:]).split())
    if title.casefold() == row.doc_type.casefold() or len(title) > 150:
        return ""
    return title


def _public_ids(page_ids) -> set[int]:
    ids = {pk for pk in page_ids if pk}
    if not ids:
        return set()
    return set(public_documents().filter(pk__in=ids).values_list("pk", flat=True))


def outgoing(page, *, relation: str | None = None) -> list[Link]:
    """What ``page`` cites, once per cited document, in reading order."""
    if not page.pk:
        return []
    rows = list(
        DocumentCitation.objects.filter(source_id=page.pk).order_by(
            "origin", "position"
        )
    )
    if relation:
        rows = [row for row in rows if row.relation == relation]
    public = _public_ids(row.target_id for row in rows)
    pages = _specific_pages(public)
    links, seen = [], set()
    for row in rows:
        if row.key in seen:
            continue
        seen.add(row.key)
        target = pages.get(row.target_id)
        links.append(Link(row, target, row.get_relation_display()))
    return links


def legal_basis(page) -> list[Link]:
    """ "Văn bản căn cứ": the documents ``page`` is based on."""
    return outgoing(page, relation=Relation.BASIS)


def incoming(page) -> list[Link]:
    """ "Văn bản dẫn chiếu đến văn bản này": live, public citing documents."""
    if not page.pk:  # an unsaved page (admin preview) is cited by nothing
        return []
    rows = DocumentCitation.objects.filter(target_id=page.pk).order_by(
        "source_id", "position"
    )
    rows = list(rows.filter(source__in=public_documents().values("pk")))
    pages = _specific_pages({row.source_id for row in rows})
    links, seen = [], set()
    for row in rows:
        if row.source_id in seen or row.source_id == page.pk:
            continue
        seen.add(row.source_id)
        label = REVERSE_LABELS.get(row.relation, "Liên quan")
        links.append(Link(row, pages.get(row.source_id), label))
    links.sort(key=lambda link: _newest_first(link.page))
    return links


def _newest_first(page) -> tuple:
    if page is None:
        return (1, 0)
    year = page.year or 0
    return (0, -year, page.title)


def _specific_pages(ids) -> dict:
    from pages.models import LegalDocumentPage

    if not ids:
        return {}
    pages = LegalDocumentPage.objects.filter(pk__in=ids).select_related(
        "document_type", "issuing_body"
    )
    return {page.pk: page for page in pages}


def grouped(links: list[Link]) -> list[tuple[str, list[Link]]]:
    """Links grouped by relation label, in first-seen order."""
    groups: dict[str, list[Link]] = {}
    for link in links:
        groups.setdefault(link.relation_label, []).append(link)
    return list(groups.items())
