"""Pages → index entries, and keeping every configured backend up to date.

Only live pages without view restrictions (on themselves or an ancestor) are
indexed. A legal document with two or more Điều becomes one "document" entry
(title, code, summary, the text outside the articles) plus one "article" entry
per Điều (``search.entries``); exemplars, news and movements are labelled by
kind. An exemplar's personal details are indexed only with recorded consent,
as they are displayed (Nghị định 13/2023/NĐ-CP).

``index_pages`` / ``unindex_pages`` write to every backend of
``PORTAL_SEARCH_BACKENDS`` (the fallback must be current when it is needed);
the signal handlers in ``search.signals`` call them after commit.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from html import unescape

from django.conf import settings
from django.utils.html import strip_tags

from documents.citations import code_lookup_keys

from . import get_backend
from .backends.base import BackendError
from .entries import ArticleText, legal_document_entries
from .types import IndexEntry

logger = logging.getLogger(__name__)
SKIPPED_KEYS = {"level", "number"}


def stream_text(value) -> str:
    """Plain text of a StreamField / block value (rich text stripped)."""
    if value is None:
        return ""
    if hasattr(value, "source"):  # RichText
        return unescape(strip_tags(value.source))
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        if "data" in value and isinstance(value["data"], list):  # TableBlock
            return "\n".join(
                " ".join(str(c or "") for c in row) for row in value["data"]
            )
        return "\n".join(
            stream_text(v) for k, v in value.items() if k not in SKIPPED_KEYS
        )
    if hasattr(value, "raw_data") or isinstance(value, list | tuple):
        return "\n".join(stream_text(getattr(child, "value", child)) for child in value)
    return str(value)


def _url(page) -> str:
    return page.get_url() or page.url_path


def _articles(body) -> tuple[list[str], list[ArticleText]]:
    rest, articles = [], []
    for block in body or []:
        if block.block_type == "article":
            value = block.value
            articles.append(
                ArticleText(
                    str(value.get("number", "")).strip(),
                    value.get("title", "") or "",
                    stream_text(value.get("body")),
                )
            )
        else:
            if block.block_type == "heading":
                rest.append(
                    f"{block.value.get('number', '')} {block.value.get('text', '')}"
                )
            else:
                rest.append(stream_text(block.value))
    return rest, [a for a in articles if a.number]


def _cites(page) -> list[str]:
    keys: set[str] = set()
    for citation in page.outgoing_citations.all():
        keys.add(citation.key)
        keys.update(k for k in citation.lookup_keys.split("\n") if k)
    return sorted(keys)


def legal_document_entries_for(page) -> list[IndexEntry]:
    """Entries of a ``LegalDocumentPage`` (document + one per Điều)."""
    rest, articles = _articles(page.body)
    doc_type = page.document_type.name
    document = IndexEntry(
        key=f"page:{page.pk}",
        page_id=page.pk,
        kind="document",
        title=page.title,
        url=_url(page),
        code=page.code,
        code_keys=code_lookup_keys(
            doc_type=doc_type,
            number=page.number,
            year=page.year,
            symbol=page.symbol,
            system=str(page.system),
        ),
        legal_basis=page.legal_basis,
        body="\n".join([page.summary, *rest]),
        doc_type=doc_type,
        issuer=page.issuing_body.name,
        issuer_id=page.issuing_body_id,
        year=page.year,
        date=page.issued_date,
        fields=[page.field.name] if page.field_id else [],
        status=page.status,
        tags=[tag.name for tag in page.tags.all()],
        cites=_cites(page),
        effective_date=page.effective_date,
        expiry_date=page.expiry_date,
    )
    if len(articles) < 2:
        document.body = "\n".join(
            [
                document.body,
                *(f"Điều {a.number}. {a.heading}\n{a.body}" for a in articles),
            ]
        )
    return legal_document_entries(document, articles)


def _simple(page, kind: str, body: str, **extra) -> list[IndexEntry]:
    return [
        IndexEntry(
            key=f"page:{page.pk}",
            page_id=page.pk,
            kind=kind,
            title=page.title,
            url=_url(page),
            body=body,
            **extra,
        )
    ]


def exemplar_entries(page) -> list[IndexEntry]:
    parts = [page.get_kind_display()]
    if page.consent_given:
        parts += [
            page.unit,
            page.position,
            page.commune,
            page.achievements,
            stream_text(page.story),
        ]
    return _simple(page, "exemplar", "\n".join(p for p in parts if p), year=page.year)


def news_entries(page) -> list[IndexEntry]:
    return _simple(
        page,
        "news",
        f"{page.intro}\n{stream_text(page.body)}",
        date=page.date,
        tags=[t.name for t in page.tags.all()],
    )


def movement_entries(page) -> list[IndexEntry]:
    body = f"{page.launcher}\n{page.summary}\n{stream_text(page.body)}"
    return _simple(page, "movement", body, year=page.start_year)


def page_entries(page) -> list[IndexEntry]:
    """Index entries of one page ([] when it must not be searchable)."""
    from pages.models import ExemplarPage, LegalDocumentPage, MovementPage, NewsPage

    page = page.specific
    if not is_indexable(page):
        return []
    builders = (
        (LegalDocumentPage, legal_document_entries_for),
        (ExemplarPage, exemplar_entries),
        (NewsPage, news_entries),
        (MovementPage, movement_entries),
    )
    for model, build in builders:
        if isinstance(page, model):
            return build(page)
    return []


def is_indexable(page) -> bool:
    """Live and public: no view restriction on the page or an ancestor."""
    return bool(page.live and page.depth > 1 and not page.get_view_restrictions())


def indexable_pages():
    """Every page that may be indexed (live, public), most recent last."""
    from wagtail.models import Page

    return Page.objects.live().public().filter(depth__gt=1).order_by("pk")


def all_entries(chunk_size: int = 200) -> Iterator[IndexEntry]:
    """Entries of every indexable page, reading pages in chunks."""
    ids = list(indexable_pages().values_list("pk", flat=True))
    from wagtail.models import Page

    for start in range(0, len(ids), chunk_size):
        for page in Page.objects.filter(
            pk__in=ids[start : start + chunk_size]
        ).specific():
            yield from page_entries(page)


def backend_aliases() -> list[str]:
    return list(getattr(settings, "PORTAL_SEARCH_BACKENDS", None) or {"default": {}})


def _each_backend(action) -> None:
    for alias in backend_aliases():
        try:
            action(get_backend(alias))
        except BackendError:
            logger.exception("search index update failed on backend %r", alias)


def index_pages(pages: Iterable) -> None:
    """Replace the entries of ``pages`` (removing those no longer indexable)."""
    pages = list(pages)
    entries = [entry for page in pages for entry in page_entries(page)]

    def update(backend):
        for page in pages:
            backend.delete(page_id=page.pk)
        backend.add_bulk(entries)

    _each_backend(update)


def unindex_pages(page_ids: Iterable[int]) -> None:
    """Remove every entry of the given pages."""
    page_ids = list(page_ids)
    _each_backend(lambda backend: [backend.delete(page_id=pk) for pk in page_ids])
