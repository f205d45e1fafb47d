"""The citation, version and validity rows moved from ``documents`` to ``pages``
without touching their tables: an existing database keeps its rows and the
groups keep their permissions on pending effects."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from pages.models import DocumentCitation, DocumentSource, PendingEffect
from tests.factories import PlanPageFactory, build_site

BEFORE = [
    ("documents", "0006_keep_published_revisions"),
    ("pages", "0004_document_list_page"),
]
AFTER = [
    ("documents", "0007_page_rows_to_pages"),
    ("pages", "0005_page_rows_from_documents"),
]


def _leaves():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_moving_the_models_keeps_rows_and_permissions():
    _, index = build_site()
    page = PlanPageFactory(parent=index, title="Kế hoạch có trích dẫn")
    DocumentCitation.objects.create(
        source=page, origin="basis", raw="Chỉ thị số 34-CT/TW", key="k"
    )
    group = Group.objects.create(name="Người duyệt thử")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="pages", codename="change_pendingeffect"
        )
    )
    try:
        _migrate(BEFORE)
        assert ContentType.objects.filter(
            app_label="documents", model="pendingeffect"
        ).exists()
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM documents_documentcitation")
            assert cursor.fetchone()[0] == 1
    finally:
        _migrate(AFTER)
        _migrate(_leaves())  # later migrations too: the next tests need them
    assert DocumentCitation.objects.get().source_id == page.pk
    assert not ContentType.objects.filter(app_label="documents", model="pendingeffect")
    assert group.permissions.get().content_type.model_class() is PendingEffect
    assert Group.objects.get(pk=group.pk).permissions.filter(
        content_type__app_label="pages", codename="change_pendingeffect"
    )


def _sources():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, page_id, source_url, file_name FROM documents_documentsource"
            " ORDER BY id"
        )
        return [tuple(row) for row in cursor.fetchall()]


def _add_source(page_id: int, url: str, name: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO documents_documentsource"
            " (page_id, source_url, file_name, imported_at) VALUES (%s, %s, %s, %s)",
            [page_id, url, name, timezone.now()],
        )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sources_unique_forward_reverse_forward():
    """0008 removes repeated sources (the earliest kept) before refusing them;
    reversing 0007 keeps each page's first source; forward again works."""
    _, index = build_site()
    page = PlanPageFactory(parent=index, title="Kế hoạch có hai nguồn")
    other = PlanPageFactory(parent=index, title="Kế hoạch có một nguồn")
    try:
        _migrate([("pages", "0007_document_sources")])
        _add_source(page.pk, "https://a.vn/1", "r.jsonl#1")
        _add_source(page.pk, "https://a.vn/2", "r.jsonl#2")
        _add_source(page.pk, "https://a.vn/1", "r.jsonl#3")  # a repeat
        _add_source(page.pk, "", "f.txt")
        _add_source(page.pk, "", "f.txt")  # a repeat
        _add_source(other.pk, "", "g.txt")
        ids = [row[0] for row in _sources()]
        _migrate([("pages", "0008_document_source_unique")])
        kept = _sources()
        assert [row[0] for row in kept] == [ids[0], ids[1], ids[3], ids[5]]
        _migrate([("pages", "0006_documents_kept_without_metadata")])
        assert _sources() == [kept[0], kept[3]]
    finally:
        _migrate(_leaves())
    assert list(DocumentSource.objects.values_list("page_id", "source_url")) == [
        (page.pk, "https://a.vn/1"),
        (other.pk, ""),
    ]
    DocumentSource.objects.create(page=page, source_url="https://a.vn/2")
    assert page.import_sources.count() == 2
