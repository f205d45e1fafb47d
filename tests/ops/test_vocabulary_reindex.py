"""An issuing body's, a document type's and a field's names are part of each
document's search entry, as a signer's is: editing one reindexes the live
documents that use it, reading their related rows per chunk, so the number
of queries does not grow with the number of documents."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.models import DocumentType, Field, IssuingBody
from search import get_backend
from search.types import SearchQuery
from tests.factories import PlanPageFactory
from tests.factories.documents import FieldFactory, IssuingBodyFactory, SignerFactory
from tests.search.pages import publish

pytestmark = pytest.mark.django_db


def hits(text: str = "", **filters) -> dict[str, object]:
    found = get_backend().search(SearchQuery(text=text, filters=filters, per_page=80))
    return {hit.key: hit for hit in found.hits}


@pytest.fixture
def issued(site_tree, django_capture_on_commit_callbacks):
    """Two published plans of one issuer, in one field; a third of another."""
    index = site_tree[1]
    body, field = IssuingBodyFactory(), FieldFactory()
    with django_capture_on_commit_callbacks(execute=True):
        pages = [
            publish(
                PlanPageFactory(
                    parent=index, live=False, issuing_body=body, field=field
                )
            )
            for _ in range(2)
        ]
        other = publish(PlanPageFactory(parent=index, live=False))
    return body, field, pages, other


def test_renaming_an_issuer_reindexes_its_documents(
    issued, django_capture_on_commit_callbacks
):
    body, _, pages, other = issued
    wanted = {f"page:{page.pk}" for page in pages}
    with django_capture_on_commit_callbacks(execute=True):
        body.name = "Ủy ban nhân dân xã Bản Bo"
        body.save()
    found = hits(issuer=str(body.pk))
    assert set(found) == wanted
    assert {hit.issuer for hit in found.values()} == {"Ủy ban nhân dân xã Bản Bo"}
    assert hits(issuer=str(other.issuing_body_id))[f"page:{other.pk}"].issuer == (
        other.issuing_body.name
    )


def test_renaming_a_document_type_reindexes_its_documents(
    issued, django_capture_on_commit_callbacks
):
    _, _, pages, other = issued
    plan = DocumentType.objects.get(pk=pages[0].document_type_id)
    with django_capture_on_commit_callbacks(execute=True):
        plan.name = "Kế hoạch công tác"
        plan.save()
    found = hits(type="Kế hoạch công tác")
    keys = {f"page:{page.pk}" for page in [*pages, other]}
    assert keys <= set(found)
    assert not keys & set(hits(type="Kế hoạch"))


def test_renaming_a_field_and_deleting_it(issued, django_capture_on_commit_callbacks):
    _, field, pages, _ = issued
    wanted = {f"page:{page.pk}" for page in pages}
    with django_capture_on_commit_callbacks(execute=True):
        field.name = "Lĩnh vực đổi tên"
        field.save()
    assert set(hits(field="Lĩnh vực đổi tên")) == wanted
    with django_capture_on_commit_callbacks(execute=True):
        Field.objects.filter(pk=field.pk).delete()
    assert not hits(field="Lĩnh vực đổi tên")
    assert all(f"page:{page.pk}" in hits(page.title) for page in pages)


def test_an_issuer_edit_rolled_back_leaves_the_index_alone(
    issued, django_capture_on_commit_callbacks
):
    body, _, _, _ = issued
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        body.name = "Ủy ban nhân dân xã Chưa Lưu"
        body.save()
    assert callbacks
    assert not hits("Chưa Lưu")


def test_a_new_issuer_reindexes_nothing(
    db, monkeypatch, django_capture_on_commit_callbacks
):
    from search import indexing

    reindexed = []
    monkeypatch.setattr(indexing, "index_page_ids", reindexed.append)
    with django_capture_on_commit_callbacks(execute=True):
        IssuingBody.objects.create(name="Ủy ban nhân dân xã Mới", slug="ubnd-xa-moi")
    assert reindexed == []


def test_saving_other_fields_reindexes_nothing(
    issued, monkeypatch, django_capture_on_commit_callbacks
):
    # The import fills an issuer's abbreviation with save(update_fields=...):
    # no entry holds it, so its documents are not indexed again; a name is.
    from search import indexing

    body = issued[0]
    reindexed = []
    monkeypatch.setattr(indexing, "index_page_ids", reindexed.append)
    with django_capture_on_commit_callbacks(execute=True):
        body.abbreviation = "UBND"
        body.save(update_fields=["abbreviation"])
    assert reindexed == []
    with django_capture_on_commit_callbacks(execute=True):
        body.name = "Ủy ban nhân dân xã Bản Hon"
        body.save(update_fields=["name"])
    assert len(reindexed) == 1 and len(reindexed[0]) == 2


# Query counts -----------------------------------------------------------------


def reindex_reads(rename) -> int:
    """Queries of the reindexing ``rename()`` schedules: reading the pages and
    their related rows, not the backend's writes (``index_write``)."""
    from django.db import transaction

    callbacks = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            transaction, "on_commit", lambda func, *a, **k: callbacks.append(func)
        )
        rename()
    with CaptureQueriesContext(connection) as queries:
        for callback in callbacks:
            callback()
    return len([q for q in queries if not index_write(q["sql"])])


def index_write(sql: str) -> bool:
    """A statement of the index backend's writes: on its tables, or one of the
    savepoints it opens per page it empties (``replace_pages``)."""
    return "portal_search_" in sql or sql.startswith(("SAVEPOINT", "RELEASE "))


def signed_documents(index, signer, body, n: int) -> None:
    for _ in range(n):
        PlanPageFactory(parent=index, live=True, signer=signer, issuing_body=body)


@pytest.mark.parametrize("vocabulary", ["signer", "issuing_body"])
def test_reindexing_makes_the_same_number_of_queries_for_5_or_30_documents(
    site_tree, vocabulary
):
    index = site_tree[1]
    counts = []
    for n in (5, 30):
        signer, body = SignerFactory(), IssuingBodyFactory()
        signed_documents(index, signer, body, n)
        row = signer if vocabulary == "signer" else body

        def rename(row=row, n=n):
            row.name = f"{row.name} đổi tên {n}"
            row.save()

        reindex_reads(rename)  # caches warmed: content types, site root paths
        counts.append(reindex_reads(rename))
    assert counts[0] == counts[1], counts
    assert counts[0] < 40
