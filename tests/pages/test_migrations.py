"""The citation, version and validity rows moved from ``documents`` to ``pages``
without touching their tables: an existing database keeps its rows and the
groups keep their permissions on pending effects."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from pages.models import DocumentCitation, PendingEffect
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
