"""What the search index holds for each page type (registered in ``search.indexing``).

A legal document with two or more Điều becomes one "document" entry plus one
"article" entry per Điều (``search.entries``); exemplars, news and movements are
labelled by kind. An exemplar's personal details are indexed only with recorded
consent, as they are displayed (Nghị định 13/2023/NĐ-CP).
"""

from __future__ import annotations

from documents.choices import Relation
from pages.bodytext import stream_text
from pages.validity import indexed_start, status_on
from search import indexing
from search.entries import ArticleText, legal_document_entries
from search.types import IndexEntry


def _url(page) -> str:
    return page.get_url() or page.url_path


def body_articles(body) -> tuple[list[str], list[ArticleText]]:
    rest, articles = [], []
    for block in body or []:
        if block.block_type == "article":
            value = block.value
            articles.append(
                ArticleText(
                    str(value.get("number") or "").strip(),
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


#: What ``legal_document_entries_for`` reads beyond the page row.
DOCUMENT_RELATED = (
    "document_type",
    "issuing_body",
    "signer",
    "field",
    "tags",
    "outgoing_citations",
)


def _citation_keys(citation) -> set[str]:
    """The keys a stored citation is found by: its own and its code's."""
    return {citation.key, *(k for k in citation.lookup_keys.split("\n") if k)}


def _cites(page) -> tuple[list[str], list[str]]:
    """The keys of every document the page cites, and of those its legal
    basis cites (the graph's "basis" relation, ``pages.graph.relation_of``),
    from the citations the graph stored: search puts the documents citing
    a code as a căn cứ before those citing it in their body."""
    keys: set[str] = set()
    basis: set[str] = set()
    for citation in page.outgoing_citations.all():
        found = _citation_keys(citation)
        keys |= found
        if citation.relation == Relation.BASIS:
            basis |= found
    return sorted(keys), sorted(basis)


def legal_document_entries_for(page) -> list[IndexEntry]:
    """Entries of a ``LegalDocumentPage`` (document + one per Điều)."""
    rest, articles = body_articles(page.body)
    cites, cites_basis = _cites(page)
    doc_type = page.document_type.name
    document = IndexEntry(
        key=f"page:{page.pk}",
        page_id=page.pk,
        kind="document",
        title=page.title,
        url=_url(page),
        code=page.code,
        code_keys=page.identity().code_keys(),
        legal_basis=page.legal_basis,
        # The signer's name, which the official layout prints under the text
        # ("Sùng Lữ Páo"): staff look for what a leader signed.
        body="\n".join([page.summary, *rest, page.signer.name if page.signer else ""]),
        doc_type=doc_type,
        issuer=page.issuing_body.name,
        issuer_id=page.issuing_body_id,
        year=page.year,
        date=page.issued_date,
        fields=[page.field.name] if page.field_id else [],
        # Today's status, as the page shows it; ``refresh_validity`` indexes a
        # document again on the day its dates change it.
        status=status_on(page),
        tags=[tag.name for tag in page.tags.all()],
        cites=cites,
        cites_basis=cites_basis,
        # The day from which ``in_force_on`` lists it (None: on no day).
        effective_date=indexed_start(page),
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


def register() -> None:
    """Fill ``search.indexing``'s registry (called from ``PagesConfig.ready``)."""
    from pages.models import ExemplarPage, LegalDocumentPage, MovementPage, NewsPage

    indexing.register(
        LegalDocumentPage, legal_document_entries_for, related=DOCUMENT_RELATED
    )
    indexing.register(ExemplarPage, exemplar_entries)
    indexing.register(NewsPage, news_entries, related=("tags",))
    indexing.register(MovementPage, movement_entries)


def _reindex_documents_after_commit(page_ids: list[int]) -> None:
    """Once the transaction commits, index these document pages anew, a chunk
    at a time with their related rows read per chunk (``index_page_ids``)."""
    from django.db import transaction

    if page_ids:
        transaction.on_commit(lambda: indexing.index_page_ids(page_ids))


#: Vocabulary rows whose name a document's search entry holds, by the
#: ``LegalDocumentPage`` field that refers to them (``legal_document_entries_for``:
#: the signer in the body, the type, issuer and field as such).
VOCABULARY_FIELDS = {
    "Signer": "signer",
    "IssuingBody": "issuing_body",
    "DocumentType": "document_type",
    "Field": "field",
}


def vocabulary_models() -> list:
    from documents import models

    return [getattr(models, name) for name in VOCABULARY_FIELDS]


def documents_using(instance) -> list[int]:
    """The live documents whose search entry names this vocabulary row."""
    from pages.models import LegalDocumentPage

    field = VOCABULARY_FIELDS[type(instance).__name__]
    live = LegalDocumentPage.objects.filter(**{field: instance.pk}, live=True)
    return list(live.values_list("pk", flat=True))


#: What a document's search entry reads of a vocabulary row: every row's
#: name, and a document type's family (its code keys).
VOCABULARY_INDEXED = {"name", "family"}


def on_vocabulary_saved(
    sender, instance, created=False, raw=False, update_fields=None, **kwargs
) -> None:
    """A signer, issuing body, document type or field renamed in the admin:
    the documents that use it carry its name in their search entry, so they
    are indexed again (a new row is used by no document yet; a save of other
    fields only, such as the import filling an issuer's abbreviation, changes
    no entry)."""
    if created or raw:
        return
    if update_fields is not None and not VOCABULARY_INDEXED & set(update_fields):
        return
    _reindex_documents_after_commit(documents_using(instance))


def on_vocabulary_deleting(sender, instance, **kwargs) -> None:
    """A signer or field deleted: its documents lose it (SET_NULL), and with
    it the name in their entry. (An issuer or type still used cannot be
    deleted: PROTECT stops the deletion before this signal.)"""
    _reindex_documents_after_commit(documents_using(instance))
