"""Documents that share one identity once their issuing bodies are merged.

``manage.py normalize_issuers`` merges the rows of one body
(``documents.body_merge``); the documents two rows held apart may then carry the
same type, number, year, Ký hiệu and issuer, the identity
``LegalDocumentPage.identity_duplicates`` refuses for a new page. Nothing is
deleted: the command lists them so that an editor opens each and decides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.urls import reverse

from documents.identity import shown_code
from pages.models import LegalDocumentPage


def identity_duplicates(body_ids: Iterable[int]) -> list[list[LegalDocumentPage]]:
    """Groups of documents of these bodies with one identity, in id order.

    Translations of one document (one ``translation_key``) are one document:
    a group counts only when it holds two documents or more."""
    pages = (
        LegalDocumentPage.objects.filter(
            issuing_body_id__in=list(body_ids), number__isnull=False
        )
        .exclude(symbol="")
        .select_related("document_type", "issuing_body")
        .order_by("pk")
    )
    groups: dict[tuple, list[LegalDocumentPage]] = defaultdict(list)
    for page in pages:
        key = (
            page.document_type_id,
            page.number,
            page.year,
            page.symbol.upper(),
            page.issuing_body_id,
        )
        groups[key].append(page)
    return [g for g in groups.values() if len({p.translation_key for p in g}) > 1]


def group_lines(group: list[LegalDocumentPage]) -> list[str]:
    """A heading naming the shared identity, then one line per document: its
    id, title, public address and the admin's edit address (English, for the
    command's output)."""
    first = group[0]
    code = shown_code(first.code) or f"{first.number}/{first.symbol}"
    lines = [f"{first.document_type.name} {code} ({first.year}), {first.issuing_body}:"]
    for page in group:
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        url = page.get_url() or "(no public address)"
        lines.append(f"  #{page.pk} {page.title} — {url} (edit: {edit})")
    return lines
