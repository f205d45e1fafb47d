"""``normalize_issuers`` on a site with documents: the documents a merge leaves
with one identity are listed (never deleted), and the links that named a
merged body by its slug or id keep listing the same documents."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale, Page

from documents.models import IssuingBody, IssuingBodyAlias
from pages.models import LegalDocumentPage
from search.indexing import index_pages
from tests.factories import IssuingBodyFactory, PlanPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_rows(site_tree):
    """One body stored twice, a Kế hoạch 12/KH-UBND under each row and a
    Kế hoạch 13/KH-UBND under the newer one; a Kế hoạch of another body."""
    _, index = site_tree
    kept = IssuingBodyFactory(name="Ủy ban nhân dân tỉnh Lào Cai", slug="ubnd-lao-cai")
    other = IssuingBodyFactory(name="UBND tỉnh Lào Cai", slug="ubnd-tinh-lao-cai-2")
    first = PlanPageFactory(
        parent=index,
        title="Kế hoạch phòng chống thiên tai",
        number=12,
        issuing_body=kept,
    )
    second = PlanPageFactory(
        parent=index,
        title="Kế hoạch phòng, chống thiên tai",
        slug="ke-hoach-12-lao-cai",
        number=12,
        issuing_body=other,
    )
    third = PlanPageFactory(
        parent=index, title="Kế hoạch chuyển đổi số", number=13, issuing_body=other
    )
    PlanPageFactory(parent=index, title="Kế hoạch tuyên truyền", number=14)
    return kept, other, (first, second, third)


def test_documents_the_merge_makes_one_identity_are_listed_not_deleted(two_rows):
    kept, other, (first, second, third) = two_rows
    out = StringIO()
    call_command("normalize_issuers", "--no-reindex", stdout=out)
    text = out.getvalue()
    assert "1 group(s) of documents now share" in text
    assert "Kế hoạch 12/KH-UBND (2025), Ủy ban nhân dân tỉnh Lào Cai:" in text
    assert f"#{first.pk} Kế hoạch phòng chống thiên tai — /" in text
    assert f"#{second.pk} Kế hoạch phòng, chống thiên tai — /" in text
    assert f"/admin/pages/{second.pk}/edit/" in text
    assert f"#{third.pk} " not in text  # another number
    assert LegalDocumentPage.objects.filter(pk__in=[first.pk, second.pk]).count() == 2


def test_the_dry_run_lists_them_too_and_stores_nothing(two_rows):
    kept, other, (first, second, _) = two_rows
    out = StringIO()
    call_command("normalize_issuers", "--dry-run", stdout=out)
    assert f"#{first.pk} " in out.getvalue() and f"#{second.pk} " in out.getvalue()
    second.refresh_from_db()
    assert second.issuing_body_id == other.pk
    assert not kept.aliases.exists()


def test_translations_of_one_document_are_no_duplicates(two_rows):
    kept, other, (first, second, _) = two_rows
    english = Locale.objects.create(language_code="en")
    Page.objects.filter(pk=second.pk).update(
        translation_key=first.translation_key, locale=english
    )
    out = StringIO()
    call_command("normalize_issuers", "--no-reindex", stdout=out)
    assert "now share" not in out.getvalue()


def site_url(rows) -> str:
    return rows[2][0].get_parent().url


def listed(url: str) -> set[str]:
    content = Client().get(url).content.decode()
    titles = ("thiên tai", "chuyển đổi số", "tuyên truyền")
    return {t for t in titles if t in content}


def test_the_listing_link_of_a_merged_body_lists_the_same_documents(two_rows):
    kept, other, _ = two_rows
    index_url = site_url(two_rows)
    before = listed(f"{index_url}?issuer={other.slug}")
    assert before == {"thiên tai", "chuyển đổi số"}
    assert listed(f"{index_url}?issuer={kept.slug}") == {"thiên tai"}
    call_command("normalize_issuers", "--no-reindex", stdout=StringIO())
    assert not IssuingBody.objects.filter(slug=other.slug).exists()
    # The kept row now holds all three; the old link lists them too.
    assert listed(f"{index_url}?issuer={other.slug}") == before


def test_the_api_and_the_search_facet_read_a_merged_body_as_the_kept_one(two_rows):
    kept, other, pages = two_rows
    old_slug, old_id = other.slug, other.pk
    call_command("normalize_issuers", "--no-reindex", stdout=StringIO())
    index_pages(LegalDocumentPage.objects.filter(pk__in=[p.pk for p in pages]))
    response = Client().get(f"/api/v1/documents/?issuer={old_slug}")
    assert response.status_code == 200
    assert response.json()["count"] == 3
    search = Client().get(f"/tim-kiem/?issuer={old_id}").content.decode()
    assert "chuyển đổi số" in search and "thiên tai" in search
    assert "Cơ quan ban hành: Ủy ban nhân dân tỉnh Lào Cai" in search


def test_a_slug_merged_twice_names_the_last_kept_row():
    older = IssuingBodyFactory(name="Ủy ban nhân dân tỉnh Yên Bái", slug="yen-bai")
    newer = IssuingBodyFactory(name="UBND tỉnh Yên Bái", slug="ubnd-yen-bai")
    IssuingBodyAlias.objects.create(body=newer, slug="ubnd-yb-cu", former_id=10**9)
    call_command("normalize_issuers", "--no-reindex", stdout=StringIO())
    assert IssuingBody.by_slug("ubnd-yb-cu") == older
    assert IssuingBody.by_slug("ubnd-yen-bai") == older
    assert IssuingBody.current_ids([str(10**9), str(newer.pk), "x"]) == [
        str(older.pk),
        "x",
    ]


def test_a_slug_with_a_nul_character_names_no_body_without_a_query(
    django_assert_num_queries,
):
    """PostgreSQL refuses a NUL in a text parameter: the basis-check API's
    ``issuer`` ("a\\x00b") answered a 500 there; now a 400 like any unknown slug."""
    IssuingBodyFactory(name="Sở Tư pháp", slug="so-tu-phap")
    with django_assert_num_queries(0):
        assert IssuingBody.by_slug("so-tu-phap\x00") is None
