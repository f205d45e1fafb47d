"""A page's import sources (one row per address, or per file without one)
and the redirect from the address a record asked for (``pages.import_sources``)."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from wagtail.contrib.redirects.models import Redirect

from pages.import_sources import redirect_asked_address, remember_source
from pages.models import DocumentSource, LegalDocumentPage
from tests.factories import PlanPageFactory
from tests.pages.test_import_subjects import TVPL, VIETNAMESE, write

pytestmark = pytest.mark.django_db

FIRST = {**VIETNAMESE, "source_url": TVPL + "Nghi-dinh-163-2024-ND-CP-1.aspx"}
SECOND = {
    **VIETNAMESE,
    "slug": "b2c3d4e5f6071829",
    "source_url": TVPL + "Nghi-dinh-163-2024-ND-CP-2.aspx",
}


@pytest.fixture
def page(site_tree):
    _, index = site_tree
    return PlanPageFactory(parent=index, title="Kế hoạch có nguồn")


def test_the_database_refuses_a_second_row_for_one_address(page):
    DocumentSource.objects.create(page=page, source_url=TVPL + "a", file_name="a#1")
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentSource.objects.create(page=page, source_url=TVPL + "a", file_name="b")


def test_the_database_refuses_a_second_row_for_one_file_without_address(page):
    DocumentSource.objects.create(page=page, file_name="a.docx")
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentSource.objects.create(page=page, file_name="a.docx")
    # one file under two addresses is two sources
    DocumentSource.objects.create(page=page, source_url=TVPL + "x", file_name="a.docx")
    DocumentSource.objects.create(page=page, source_url=TVPL + "y", file_name="a.docx")
    assert DocumentSource.objects.filter(page=page).count() == 3


def test_the_same_address_again_is_the_same_source(page):
    url = TVPL + "a"
    remember_source(page, "records.jsonl#1", url)
    first = DocumentSource.objects.get(page=page)
    long_ago = first.imported_at - dt.timedelta(days=30)
    DocumentSource.objects.filter(pk=first.pk).update(imported_at=long_ago)
    remember_source(page, "records.jsonl#3", url)
    remember_source(page, "f.txt", "")
    remember_source(page, "f.txt", None)
    rows = list(DocumentSource.objects.filter(page=page))
    assert [(r.source_url, r.file_name) for r in rows] == [
        (url, "records.jsonl#3"),
        ("", "f.txt"),
    ]
    assert rows[0].pk == first.pk
    assert rows[0].imported_at > long_ago


def _other_page(index):
    return PlanPageFactory(parent=index, title="Trang biên tập viên chọn")


@pytest.mark.parametrize("all_sites", [False, True])
def test_an_editors_redirect_to_another_page_is_left_and_reported(
    site_tree, tmp_path, all_sites
):
    _, index = site_tree
    site_id = index.get_url_parts()[0]
    path = write(tmp_path, FIRST)
    call_command("import_documents", str(path), "--publish", stdout=StringIO())
    page = LegalDocumentPage.objects.get()
    other = _other_page(index)
    old_path = Redirect.normalise_path(index.get_url_parts()[2] + SECOND["slug"])
    editors = Redirect.objects.create(
        old_path=old_path,
        site_id=None if all_sites else site_id,
        redirect_page=other,
        is_permanent=False,
    )
    out = StringIO()
    call_command(
        "import_documents", str(write(tmp_path, SECOND)), "--publish", stdout=out
    )
    (redirect,) = Redirect.objects.all()
    assert redirect.pk == editors.pk
    assert redirect.redirect_page_id == other.pk and not redirect.is_permanent
    printed = out.getvalue()
    assert (
        f"REDIRECT KEPT records.jsonl#1: {old_path} already redirects to "
        f"{other.title} ({other.get_url()}); left as it is, not pointed at page "
        f"{page.pk}"
    ) in printed
    assert "SAME DOCUMENT" not in printed


def test_an_editors_redirect_to_a_link_is_left(site_tree):
    _, index = site_tree
    site_id = index.get_url_parts()[0]
    page = PlanPageFactory(parent=index, title="Kế hoạch")
    old_path = Redirect.normalise_path(index.get_url_parts()[2] + "cu")
    Redirect.objects.create(
        old_path=old_path, site_id=site_id, redirect_link="https://example.vn/x"
    )
    moved = redirect_asked_address(index, "cu", page)
    assert (moved.made, moved.kept, moved.kept_to) == (
        "",
        old_path,
        "https://example.vn/x",
    )
    assert Redirect.objects.get().redirect_link == "https://example.vn/x"


def test_a_redirect_is_made_or_kept_when_it_leads_to_the_page(site_tree):
    _, index = site_tree
    site_id = index.get_url_parts()[0]
    page = PlanPageFactory(parent=index, title="Kế hoạch")
    made = redirect_asked_address(index, "so-cu", page)
    assert made.made.endswith("/so-cu") and not made.kept
    redirect = Redirect.objects.get()
    assert redirect.redirect_page_id == page.pk and redirect.is_permanent
    assert redirect.site_id == site_id
    again = redirect_asked_address(index, "so-cu", page)
    assert again == made and Redirect.objects.count() == 1
    # the page's own address, or another page's, is no redirect
    assert not redirect_asked_address(index, page.slug, page).made
    other = _other_page(index)
    assert not redirect_asked_address(index, other.slug, page).made


def test_the_admin_import_says_in_vietnamese_that_a_redirect_was_left(
    site_tree, client, django_user_model, monkeypatch
):
    from dataclasses import replace

    from django.core.files.uploadedfile import SimpleUploadedFile

    from pages import views
    from tests.pages.test_import import DOCX

    _, index = site_tree
    user = django_user_model.objects.create_superuser("bientap", "b@x.vn", "pw")
    client.force_login(user)

    def save():
        upload = SimpleUploadedFile(DOCX.name, DOCX.read_bytes())
        preview = client.post("/admin/nhap-van-ban/", {"file": upload})["Location"]
        form = client.get(preview).context["form"]
        data = {k: ("" if v is None else v) for k, v in form.initial.items()}
        data |= {
            "parent": index.pk,
            "document_type": form.initial["document_type"].pk,
            "issued_date": "2025-01-20",
        }
        return client.post(preview, data, follow=True)

    save()
    page = LegalDocumentPage.objects.get()
    other = _other_page(index)
    old_path = Redirect.normalise_path(index.get_url_parts()[2] + "qd-cu")
    Redirect.objects.create(old_path=old_path, redirect_page=other)
    corrections = views.apply_corrections
    monkeypatch.setattr(  # as a record asking for an address of its own would
        views, "apply_corrections", lambda *a: replace(corrections(*a), slug="qd-cu")
    )
    html = save().content.decode()
    assert LegalDocumentPage.objects.exclude(pk=other.pk).get().pk == page.pk
    assert (
        f"Địa chỉ {old_path} đã được chuyển hướng tới {other.title} "
        f"({other.get_url()}); chuyển hướng này được giữ nguyên"
    ) in html
    assert Redirect.objects.get().redirect_page_id == other.pk


def test_a_redirect_made_meanwhile_is_judged_as_one_already_there(
    site_tree, monkeypatch
):
    from pages import import_sources

    _, index = site_tree
    page = PlanPageFactory(parent=index, title="Kế hoạch")
    other = _other_page(index)
    site_id, _, index_path = index.get_url_parts()
    old_path = Redirect.normalise_path(index_path + "so-cu")
    Redirect.objects.create(old_path=old_path, site_id=site_id, redirect_page=other)
    existing, looks = import_sources._existing, []

    def late(*args):  # the editor's redirect is saved just after the first look
        looks.append(args)
        return existing(*args) if len(looks) > 1 else None

    monkeypatch.setattr(import_sources, "_existing", late)
    moved = redirect_asked_address(index, "so-cu", page)
    assert (moved.made, moved.kept) == ("", old_path) and len(looks) == 2
    assert moved.kept_to == f"{other.title} ({other.get_url()})"
    assert Redirect.objects.get().redirect_page_id == other.pk
