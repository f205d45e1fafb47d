"""The stored issuing bodies: one row per body whatever spelling an import
brings, and ``normalize_issuers`` for the rows stored before."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Revision

from documents.models import IssuingBody
from documents.vocabulary import get_or_create_body, guess_level
from tests.factories.documents import IssuingBodyFactory
from tests.factories.pages import DocumentIndexPageFactory, PlanPageFactory

pytestmark = pytest.mark.django_db


def test_spellings_of_one_body_make_one_row_in_its_one_spelling():
    first = get_or_create_body("Uỷ ban nhân dân tỉnh Bắc Ninh")
    assert first.name == "Ủy ban nhân dân tỉnh Bắc Ninh"
    for spelling in (
        "UBND tỉnh Bắc Ninh",
        "ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
        "Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh",
        "Ủy ban nhân dân tỉnh Bắc Ninh.",
    ):
        assert get_or_create_body(spelling).pk == first.pk
    assert IssuingBody.objects.filter(name__icontains="Bắc Ninh").count() == 1


def test_a_unit_under_a_city_is_stored_with_its_place():
    body = get_or_create_body(
        "Trung tâm phục vụ hành chính công", "UBND thành phố Hà Nội"
    )
    assert body.name == "Trung tâm phục vụ hành chính công thành phố Hà Nội"
    assert body.parent.name == "Ủy ban nhân dân thành phố Hà Nội"
    assert body.level == IssuingBody.Level.PROVINCE  # the city's own, no district


def test_a_body_first_stored_without_parent_gets_it():
    body = get_or_create_body("Cục Hải quan")
    assert get_or_create_body("Cục Hải quan", "Bộ Tài chính").pk == body.pk
    body.refresh_from_db()
    assert body.parent.name == "Bộ Tài chính"


def test_the_customs_department_is_no_district():
    assert guess_level("Cục Hải quan") == IssuingBody.Level.CENTRAL


def test_normalize_issuers_merges_old_rows_and_moves_their_pages():
    kept = IssuingBodyFactory(name="Chủ tịch nhân dân thành phố Huế")
    other = IssuingBodyFactory(name="Ủy ban nhân dân thành phố Huế")
    party = IssuingBodyFactory(name="Ban Chấp hành Trung ương Đảng X")
    central = IssuingBody.objects.get(name="Ban Chấp hành Trung ương")  # seeded
    unit = IssuingBodyFactory(name="Ban Tổ chức", parent=central)
    index = DocumentIndexPageFactory()
    page = PlanPageFactory(parent=index, issuing_body=other)
    revision = page.save_revision()
    out = StringIO()
    call_command("normalize_issuers", "--no-reindex", stdout=out)
    kept.refresh_from_db()
    unit.refresh_from_db()
    page.refresh_from_db()
    assert kept.name == "Ủy ban nhân dân thành phố Huế"
    assert not IssuingBody.objects.filter(pk=other.pk).exists()
    assert page.issuing_body_id == kept.pk
    assert Revision.objects.get(pk=revision.pk).content["issuing_body"] == kept.pk
    assert (unit.name, unit.parent_id) == ("Ban Tổ chức Trung ương", None)
    assert IssuingBody.objects.filter(pk=party.pk).exists()
    assert "1 merged" in out.getvalue()


def test_normalize_issuers_dry_run_stores_nothing():
    body = IssuingBodyFactory(name="Uỷ ban nhân dân tỉnh Cao Bằng")
    out = StringIO()
    call_command("normalize_issuers", "--dry-run", stdout=out)
    body.refresh_from_db()
    assert body.name == "Uỷ ban nhân dân tỉnh Cao Bằng"
    assert "renamed 'Ủy ban nhân dân tỉnh Cao Bằng'" in out.getvalue()


def test_normalize_issuers_merges_a_row_into_its_own_child():
    # An editor set the older "Chủ tịch …" row's parent to the newer row of
    # the same body: the kept row loses that parent, never points at the
    # deleted row.
    kept = IssuingBodyFactory(name="Chủ tịch Ủy ban nhân dân tỉnh Gia Lai")
    other = IssuingBodyFactory(name="Ủy ban nhân dân tỉnh Gia Lai")
    kept.parent = other
    kept.save()
    call_command("normalize_issuers", "--no-reindex", stdout=StringIO())
    kept.refresh_from_db()
    assert (kept.name, kept.parent_id) == ("Ủy ban nhân dân tỉnh Gia Lai", None)
    assert not IssuingBody.objects.filter(pk=other.pk).exists()


def test_normalize_issuers_keeps_what_only_the_merged_row_knew():
    kept = IssuingBodyFactory(
        name="Uỷ ban nhân dân huyện Kim Bôi", abbreviation="", place=""
    )
    other = IssuingBodyFactory(
        name="UBND huyện Kim Bôi",
        abbreviation="UBND",
        place="Hòa Bình",
        dissolved_on=dt.date(2025, 7, 1),
    )
    successor = IssuingBodyFactory(name="Ủy ban nhân dân xã Kim Bôi")
    other.successors.add(successor)
    call_command("normalize_issuers", "--no-reindex", stdout=StringIO())
    kept.refresh_from_db()
    assert (kept.abbreviation, kept.place) == ("UBND", "Hòa Bình")
    assert kept.dissolved_on == dt.date(2025, 7, 1)
    assert list(kept.successors.all()) == [successor]


def test_normalize_issuers_dry_run_merges_nothing():
    kept = IssuingBodyFactory(name="Ủy ban nhân dân tỉnh Lào Cai")
    other = IssuingBodyFactory(name="UBND tỉnh Lào Cai")
    page = PlanPageFactory(parent=DocumentIndexPageFactory(), issuing_body=other)
    out = StringIO()
    call_command("normalize_issuers", "--dry-run", stdout=out)
    page.refresh_from_db()
    assert IssuingBody.objects.filter(pk=other.pk).exists()
    assert page.issuing_body_id == other.pk
    assert "1 merged" in out.getvalue() and kept.pk


def test_normalize_issuers_renames_a_unit_whose_parent_was_merged():
    parent = IssuingBodyFactory(name="Ủy ban nhân dân tỉnh Bắc Ninh")
    duplicate = IssuingBodyFactory(name="UBND tỉnh Bắc Ninh")
    unit = IssuingBodyFactory(name="Uỷ ban nhân dân huyện Tiên Du", parent=duplicate)
    call_command("normalize_issuers", "--no-reindex", stdout=StringIO())
    unit.refresh_from_db()
    assert (unit.name, unit.parent_id) == ("Ủy ban nhân dân huyện Tiên Du", parent.pk)


def test_normalize_issuers_reads_the_revisions_once():
    # Each read of the revisions scans every revision's content (the whole
    # text of each version on a large site): once for all merged rows.
    pages = []
    for place in ("Sơn La", "Điện Biên"):
        IssuingBodyFactory(name=f"Ủy ban nhân dân tỉnh {place}")
        other = IssuingBodyFactory(name=f"UBND tỉnh {place}")
        pages.append(
            PlanPageFactory(parent=DocumentIndexPageFactory(), issuing_body=other)
        )
    revisions = [page.save_revision() for page in pages]
    with CaptureQueriesContext(connection) as queries:
        call_command("normalize_issuers", "--no-reindex", stdout=StringIO())
    # (On PostgreSQL ``iterator`` reads through a DECLARE … CURSOR.)
    reads = [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "wagtailcore_revision"' in q["sql"]
    ]
    assert len(reads) == 1
    for page, revision in zip(pages, revisions, strict=True):
        page.refresh_from_db()
        assert revision.pk
        content = Revision.objects.get(pk=revision.pk).content
        assert content["issuing_body"] == page.issuing_body_id


def test_find_body_does_not_respell_every_stored_name_on_each_call(monkeypatch):
    from documents import vocabulary

    for n in range(30):
        IssuingBodyFactory(name=f"Ủy ban nhân dân xã Tân Phú {n}")
    assert vocabulary.find_body("UBND xã Tân Phú 99") is None  # reads every row
    calls = []
    spell = vocabulary.clean_body_name
    monkeypatch.setattr(
        vocabulary, "clean_body_name", lambda name: calls.append(name) or spell(name)
    )
    found = vocabulary.find_body("Uỷ ban nhân dân xã Tân Phú 29")
    assert found.name == "Ủy ban nhân dân xã Tân Phú 29"
    assert len(calls) <= 1  # the new spelling only


def test_a_new_body_never_takes_the_old_slug_of_a_merged_row():
    from documents.models import IssuingBodyAlias

    kept = IssuingBodyFactory(name="Ủy ban nhân dân tỉnh Lào Cai", slug="ubnd-lao-cai")
    IssuingBodyAlias.objects.create(body=kept, slug="so-tu-phap-tinh-lao-cai")
    body = get_or_create_body("Sở Tư pháp tỉnh Lào Cai")
    assert body.slug == "so-tu-phap-tinh-lao-cai-2"
    assert IssuingBody.by_slug("so-tu-phap-tinh-lao-cai") == kept
