"""The vocabularies seeded by data migrations are in the search index.

Rows written by ``documents/migrations`` (historical models, no save signals)
were never indexed: the snippet choosers in the page editor found nothing for
"Kế hoạch", "Thi đua" or "Giấy khen". ``pages.vocabulary_index`` indexes them
after every ``migrate`` (a fresh site, a test database and an upgraded site).
"""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from documents.models import DocumentType, EmulationTitle, Field, IssuingBody
from pages.vocabulary_index import MODELS, index_vocabularies


def _found(model, query):
    return [o.name for o in get_search_backend().search(query, model)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "query", "name"),
    [
        (DocumentType, "Kế hoạch", "Kế hoạch"),
        (DocumentType, "Quyết định", "Quyết định"),
        (Field, "Thi đua", None),
        (EmulationTitle, "Giấy khen", None),
        (IssuingBody, "Chính phủ", "Chính phủ"),
    ],
)
def test_seeded_rows_are_found_after_migrate(model, query, name):
    found = _found(model, query)
    assert found, f"{model.__name__}: nothing found for {query!r}"
    if name:
        assert name in found


@pytest.mark.django_db
def test_index_vocabularies_indexes_rows_written_without_signals():
    """A row saved as a data migration does (no signal) is found after the pass."""
    DocumentType.objects.bulk_create(
        [DocumentType(name="Văn bản thử nghiệm chỉ mục", abbreviation="VBTN")]
    )
    assert "Văn bản thử nghiệm chỉ mục" not in _found(DocumentType, "thử nghiệm")
    index_vocabularies()
    assert "Văn bản thử nghiệm chỉ mục" in _found(DocumentType, "thử nghiệm")


def test_models_are_the_seeded_vocabularies():
    assert set(MODELS) == {DocumentType, IssuingBody, Field, EmulationTitle}


@pytest.mark.django_db
def test_migrate_on_an_existing_database_indexes_them():
    """`migrate` with nothing to apply still runs the pass (an upgraded site)."""
    DocumentType.objects.bulk_create(
        [DocumentType(name="Loại văn bản nâng cấp", abbreviation="LVBNC")]
    )
    call_command("migrate", verbosity=0, interactive=False)
    assert "Loại văn bản nâng cấp" in _found(DocumentType, "nâng cấp")


@pytest.mark.django_db
def test_chooser_search_finds_ke_hoach(admin_client):
    url = reverse("wagtailsnippetchoosers_documents_documenttype:choose_results")
    response = admin_client.get(url, {"q": "Kế hoạch"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Kế hoạch" in text
    assert "Không có mục nào khớp" not in text
