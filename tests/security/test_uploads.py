"""Uploads through the Wagtail admin are limited by size, pixels and type.

Every refusal is a form error the editor can read (HTTP 200 with the message),
never a 500 and never a stored file.
"""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("up", "up@example.invalid", "x")
    client.force_login(user)
    return client


def png_bytes(width: int, height: int, mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height)).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def upload_image(client, name: str, content: bytes, content_type="image/png"):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Ảnh thử",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


def form_errors(response) -> str:
    assert response.status_code == 200, response.status_code
    form = response.context["form"]
    return " ".join(str(e) for e in form.errors.get("file", []))


def test_a_normal_image_is_accepted(editor_client):
    response = upload_image(editor_client, "anh.png", png_bytes(64, 48))
    assert response.status_code == 302
    assert get_image_model().objects.count() == 1


def test_an_oversized_image_is_rejected(editor_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024
    noisy = Image.effect_noise((300, 300), 100).convert("RGB")
    buffer = io.BytesIO()
    noisy.save(buffer, format="PNG")
    assert len(buffer.getvalue()) > 10 * 1024
    errors = form_errors(upload_image(editor_client, "to.png", buffer.getvalue()))
    assert errors
    assert get_image_model().objects.count() == 0


def test_a_decompression_bomb_is_rejected_with_a_clear_error(editor_client):
    bomb = png_bytes(20_000, 20_000, mode="1")
    assert len(bomb) < 200 * 1024  # tiny on disk, 400 megapixels decoded
    errors = form_errors(upload_image(editor_client, "bom.png", bomb))
    assert "40000000" in errors
    assert errors
    assert get_image_model().objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("script.exe", b"MZ\x90\x00" * 100, "application/octet-stream"),
        ("vector.svg", b"<svg onload='alert(1)'></svg>", "image/svg+xml"),
        ("fake.png", b"<html><script>alert(1)</script></html>", "image/png"),
    ],
)
def test_wrong_image_types_are_rejected(editor_client, name, content, content_type):
    errors = form_errors(upload_image(editor_client, name, content, content_type))
    assert errors
    assert get_image_model().objects.count() == 0


@pytest.mark.parametrize("name", ["tai-lieu.exe", "trang.html", "macro.docm", "x.js"])
def test_documents_outside_the_allowed_extensions_are_rejected(editor_client, name):
    response = editor_client.post(
        "/admin/documents/add/",
        {
            "title": "Tệp thử",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, b"content", content_type="text/plain"),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors.get("file")
    assert get_document_model().objects.count() == 0


def test_an_allowed_document_is_accepted(editor_client):
    response = editor_client.post(
        "/admin/documents/add/",
        {
            "title": "Kế hoạch gốc",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4\n%%EOF\n"),
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.count() == 1


def test_oversized_request_bodies_are_refused(client, db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client.post("/admin/login/", {"username": "x" * 5000, "password": "y"})
    assert response.status_code == 400


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


@pytest.mark.parametrize(
    "name", ["broken.docx", "broken.pdf", "scanned-no-text.pdf", "quyet-dinh.exe"]
)
def test_malformed_files_get_a_clear_error_in_the_import(editor_client, name):
    """ "Nhập văn bản": unreadable or unsupported files are a form error, not 500."""
    path = FIXTURES / name
    content = path.read_bytes() if path.exists() else b"MZ\x90\x00"
    response = editor_client.post(
        "/admin/nhap-van-ban/",
        {"file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200, response.status_code
    errors = response.context["form"].errors.get("file")
    assert errors, f"no error shown for {name}"
    assert name in " ".join(errors) or len(" ".join(errors)) > 20
