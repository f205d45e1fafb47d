""" "Nhập văn bản" keeps the uploaded DOCX/PDF as the draft's "Tệp gốc".

The editor uploads the signed original, corrects the metadata and saves a
draft: the file is in the documents library and in the draft's "Tệp gốc
(PDF/DOCX)" rows, and publishing the draft puts it on the public page. A TXT
transcription is not kept.
"""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.documents import get_document_model

from pages.models import LegalDocumentPage
from tests.i18n.visible import visible_texts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
EDITORS = "Biên tập viên"


@pytest.fixture
def editor_client(client, site_tree):
    from pages.models import DocumentIndexPage
    from pages.workflow import workflow_assign_defaults

    workflow_assign_defaults()  # the editors' section permissions, as load_demo
    editors = Group.objects.get(name=EDITORS)
    section = DocumentIndexPage.objects.first()
    user = get_user_model().objects.create_user("bientap-goc", "g@x.vn", "x")
    user.groups.add(editors)
    client.force_login(user)
    return client, section


def import_file(client, section, name: str):
    with (FIXTURES / name).open("rb") as upload:
        response = client.post(reverse("documents_import:upload"), {"file": upload})
    assert response.status_code == 302, visible_texts(response.content.decode())
    preview = client.get(reverse("documents_import:preview"))
    from tests.admin.forms import form_values

    data = form_values(preview.content.decode())
    data.update(
        parent=str(section.pk),
        title=data.get("title", "").strip() or "Về việc nhập văn bản",
    )
    response = client.post(reverse("documents_import:preview"), data)
    assert response.status_code == 302, visible_texts(response.content.decode())[:40]
    page_id = int(response["Location"].rstrip("/").split("/")[-2])
    return LegalDocumentPage.objects.get(pk=page_id).specific


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["quyet-dinh-khen-thuong.docx", "cong-van-text-layer.pdf"]
)
def test_the_original_becomes_the_drafts_tep_goc(editor_client, name):
    client, section = editor_client
    page = import_file(client, section, name)
    documents = get_document_model().objects.all()
    assert [d.title for d in documents] == [name]
    draft = page.get_latest_revision_as_object()
    assert [(a.file.title, a.caption) for a in draft.attachments.all()] == [
        (name, "Tệp gốc")
    ]
    # The editor sees it in the page editor's "Tệp gốc (PDF/DOCX)" rows.
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
    assert name in html.decode()
    # Publishing the draft publishes the row.
    page.get_latest_revision().publish()
    assert [a.file.title for a in page.attachments.all()] == [name]


@pytest.mark.django_db
def test_importing_the_same_original_again_keeps_one_row_and_one_file(editor_client):
    client, section = editor_client
    name = "quyet-dinh-khen-thuong.docx"
    page = import_file(client, section, name)
    page.get_latest_revision().publish()
    again = import_file(client, section, name)
    assert again.pk == page.pk
    draft = again.get_latest_revision_as_object()
    assert [(a.file.title, a.caption) for a in draft.attachments.all()] == [
        (name, "Tệp gốc")
    ]
    assert get_document_model().objects.count() == 1


@pytest.mark.django_db
def test_a_transcription_is_not_kept(editor_client):
    client, section = editor_client
    page = import_file(
        client, section, "ke-hoach-thi-dua-khen-thuong-2025-tam-duong.txt"
    )
    assert not get_document_model().objects.exists()
    assert list(page.get_latest_revision_as_object().attachments.all()) == []


def test_a_new_upload_removes_the_stashes_of_imports_abandoned_a_day_ago():
    import datetime as dt
    from unittest import mock

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from pages import admin_originals

    old = default_storage.save("nhap-van-ban/old.pdf", ContentFile(b"%PDF old"))
    later = timezone.now() + dt.timedelta(days=2)  # the tests' in-memory storage
    with (
        mock.patch("django.core.files.storage.memory.now", return_value=later),
        mock.patch.object(admin_originals.timezone, "now", return_value=later),
    ):
        recent = default_storage.save("nhap-van-ban/recent.pdf", ContentFile(b"new"))
        kept = admin_originals.stash(SimpleUploadedFile("qd.pdf", b"%PDF-1.4 new"))
    assert not default_storage.exists(old)
    assert default_storage.exists(recent) and default_storage.exists(kept)
    for path in (recent, kept):
        default_storage.delete(path)
