"""A signer's name is part of each document's search entry: editing or
deleting the signer reindexes the documents it signed; a full rebuild reads
the signer, type, issuer, field, tags and citations of a whole chunk of
documents at once (its query count does not grow with the documents)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.models import Signer
from search import get_backend
from search.indexing import all_entries
from search.types import SearchQuery
from tests.factories import DecisionPageFactory, PlanPageFactory
from tests.factories.documents import FieldFactory
from tests.search.pages import publish

pytestmark = pytest.mark.django_db


def keys(text: str) -> list[str]:
    found = get_backend().search(SearchQuery(text=text, per_page=50))
    return [hit.key for hit in found.hits]


@pytest.fixture
def signed(site_tree, django_capture_on_commit_callbacks):
    """Two published plans signed by one person, a third by someone else."""
    index = site_tree[1]
    with django_capture_on_commit_callbacks(execute=True):
        first = publish(PlanPageFactory(parent=index, live=False))
        signer = first.signer
        second = publish(PlanPageFactory(parent=index, live=False, signer=signer))
        other = publish(PlanPageFactory(parent=index, live=False))
    return signer, [first, second], other


def test_renaming_a_signer_reindexes_the_documents_it_signed(
    signed, django_capture_on_commit_callbacks
):
    signer, pages, other = signed
    wanted = {f"page:{page.pk}" for page in pages}
    assert wanted <= set(keys("Nguyễn Văn"))
    with django_capture_on_commit_callbacks(execute=True):
        signer.name = "Sùng Lữ Páo"
        signer.save()
    assert set(keys("Sùng Lữ Páo")) == wanted
    assert set(keys("sung lu pao")) == wanted
    assert f"page:{other.pk}" in keys(other.signer.name)


def test_deleting_a_signer_takes_the_name_out_of_the_index(
    signed, django_capture_on_commit_callbacks
):
    signer, pages, _ = signed
    with django_capture_on_commit_callbacks(execute=True):
        signer.name = "Giàng Seo Phử"
        signer.save()
    wanted = {f"page:{page.pk}" for page in pages}
    assert set(keys("Giàng Seo Phử")) == wanted
    with django_capture_on_commit_callbacks(execute=True):
        Signer.objects.filter(pk=signer.pk).delete()
    assert keys("Giàng Seo Phử") == []
    assert all(f"page:{p.pk}" in keys(p.title) for p in pages)


def test_an_edit_rolled_back_leaves_the_index_alone(
    signed, django_capture_on_commit_callbacks
):
    signer, _, _ = signed
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        signer.name = "Tên Chưa Lưu"
        signer.save()
    assert callbacks  # reindexing waits for the commit
    assert keys("Tên Chưa Lưu") == []


def rebuild_queries() -> int:
    with CaptureQueriesContext(connection) as queries:
        entries = list(all_entries())
    assert entries
    return len(queries)


def test_a_rebuild_makes_the_same_number_of_queries_for_2_or_6_documents(
    site_tree,
):
    index = site_tree[1]
    field = FieldFactory()

    def add(n: int) -> None:
        for i in range(n):
            factory = (PlanPageFactory, DecisionPageFactory)[i % 2]
            page = factory(parent=index, field=field)
            page.tags.add(f"thẻ {i}")
            page.legal_basis = "Căn cứ Kế hoạch số 1/KH-UBND ngày 14/3/2025;"
            publish(page)

    add(2)
    rebuild_queries()  # caches warmed: content types, site root paths
    two = rebuild_queries()
    add(4)
    assert rebuild_queries() == two
