"""Views of the documents app: the relation diagram context and "Nhập văn bản".

The admin import is two steps: upload one file (type and size limited; an
unreadable DOCX/PDF gives a Vietnamese message, never a 500), then correct the
parsed metadata in a form and save the document as a draft, landing in the page
editor. The extracted text waits in the session between the two steps; an
uploaded DOCX/PDF waits in the storage and becomes the draft's "Tệp gốc"
(``pages.admin_originals``).
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from documents.parsing import ParseError, SourceRecord, parse_document, read_records
from documents.parsing.flags import describe
from pages import admin_originals, relations
from pages.forms import (
    MetadataForm,
    UploadForm,
    apply_corrections,
    initial_from_parsed,
)

SESSION_KEY = "documents_import"
logger = logging.getLogger(__name__)


def diagram_context(page, request) -> dict:
    """Outgoing and incoming links of ``page``, grouped by relation."""
    return {
        "outgoing_groups": relations.grouped(relations.outgoing(page)),
        "incoming_groups": relations.grouped(relations.incoming(page)),
    }


# Admin: "Nhập văn bản" --------------------------------------------------------


def can_import(user) -> bool:
    """Users who may add pages under at least one "Văn bản" section."""
    from pages.forms import index_pages

    if not user.is_active:
        return False
    return user.is_superuser or any(
        _user_can_add_under(user, page) for page in index_pages()
    )


def _user_can_add_under(user, parent) -> bool:
    return parent.permissions_for_user(user).can_add_subpage()


def read_error_message(name: str, error: ParseError) -> str:
    """A Vietnamese explanation of why an uploaded file cannot be read."""
    detail = str(error).lower()
    suffix = Path(name).suffix.lower()
    if "encrypted" in detail:
        return "Tệp PDF được đặt mật khẩu; hãy tải lên bản không mã hóa."
    if "no text layer" in detail:
        return (
            "Tệp PDF không có lớp chữ (bản chụp/quét); hãy tải lên tệp DOCX "
            "hoặc PDF có thể chọn được chữ."
        )
    if suffix == ".docx":
        return "Tệp DOCX bị hỏng hoặc không đúng định dạng Word (.docx)."
    if suffix == ".pdf":
        return "Tệp PDF bị hỏng hoặc không đúng định dạng PDF."
    if "too large" in detail:
        return "Tệp quá lớn."
    return "Không đọc được nội dung tệp (tệp văn bản cần mã hóa UTF-8)."


def extract_upload(upload) -> str:
    """Text of an uploaded file through the parser's readers (raises ParseError)."""
    suffix = Path(upload.name).suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        records = read_records(path)
    text = records[0].text if records else ""
    if not text.strip():
        raise ParseError(f"{upload.name}: no text")
    return text


def import_upload(request):
    """Step 1: upload one file and extract its text."""
    if not can_import(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = extract_upload(upload)
        except ParseError as error:
            form.add_error("file", read_error_message(upload.name, error))
        else:
            previous = request.session.get(SESSION_KEY) or {}
            admin_originals.discard(previous.get("original"))
            request.session[SESSION_KEY] = {
                "text": text,
                "name": upload.name,
                "original": admin_originals.stash(upload),
            }
            return redirect("documents_import:preview")
    context = {
        "form": form,
        "page_title": "Nhập văn bản",
        "header_title": "Nhập văn bản",  # the browser tab's title
        "header_icon": "upload",
    }
    return TemplateResponse(request, "documents/admin/import_upload.html", context)


def import_preview(request):
    """Step 2: show the parsed metadata, let the editor correct it, save a draft."""
    if not can_import(request.user):
        raise PermissionDenied
    stored = request.session.get(SESSION_KEY)
    if not stored:
        messages.warning(request, "Hãy tải lên tệp văn bản trước.")
        return redirect("documents_import:upload")
    parsed = parse_document(stored["text"])
    checks = describe(parsed)
    if request.method == "POST":
        form = MetadataForm(request.POST)
        if form.is_valid():
            response = _save_draft(request, form, parsed, stored)
            if response is not None:
                return response
    else:
        form = MetadataForm(initial=initial_from_parsed(parsed))
    context = {
        "form": form,
        "file_name": stored["name"],
        "parsed": parsed,
        "checks": checks,
        "page_title": "Nhập văn bản: kiểm tra thông tin",
        "header_title": "Nhập văn bản: kiểm tra thông tin",
        "header_icon": "upload",
    }
    return TemplateResponse(request, "documents/admin/import_preview.html", context)


def _keep_original(request, result, stored) -> None:
    """The uploaded DOCX/PDF as the draft's "Tệp gốc"; a warning if it fails."""
    if result.action not in {"created", "revised"}:
        admin_originals.discard(stored.get("original"))
        return
    try:
        kept = admin_originals.attach(
            result.revision_id, stored.get("original"), stored["name"], request.user
        )
    except Exception:  # noqa: BLE001 - the draft is saved; never a 500
        logger.exception("keeping the original %s failed", stored["name"])
        kept = False
    if stored.get("original") and not kept:  # failed, or the stash was swept
        messages.warning(
            request,
            "Không lưu được tệp gốc cùng bản nháp; hãy thêm tệp ở mục "
            "“Tệp gốc (PDF/DOCX)”.",
        )


def _save_draft(request, form, parsed, stored):
    """Import the corrected document as a draft; None when it failed."""
    from pages.importing import ImportFailure, document_import

    data = form.cleaned_data
    parent = data["parent"].specific
    if not _user_can_add_under(request.user, parent):
        raise PermissionDenied
    record = SourceRecord(stored["text"], stored["name"])
    try:
        result = document_import(
            record=record,
            parent=parent,
            publish=False,
            note=data["note"],
            user=request.user,
            parsed=apply_corrections(parsed, data),
            field_overrides={"document_type": data["document_type"]},
        )
    except ImportFailure as error:
        form.add_error(None, f"Không lưu được văn bản: {error}")
        return None
    except Exception:  # noqa: BLE001 - never a 500 for one odd document
        logger.exception("admin import of %s failed", stored["name"])
        form.add_error(None, "Không lưu được văn bản do lỗi hệ thống; hãy thử lại.")
        return None
    request.session.pop(SESSION_KEY, None)
    _keep_original(request, result, stored)
    verb = {
        "created": "Đã tạo bản nháp",
        "unchanged": "Văn bản đã có trên cổng, bản dịch không thay nội dung tiếng Việt",
    }.get(result.action, "Đã thêm bản sửa đổi")
    messages.success(request, f"{verb}: {result.title}")
    if result.redirect.kept:
        messages.warning(
            request,
            f"Địa chỉ {result.redirect.kept} đã được chuyển hướng tới "
            f"{result.redirect.kept_to}; chuyển hướng này được giữ nguyên, "
            "không trỏ sang văn bản vừa nhập.",
        )
    if result.missing:
        from pages.completeness import labels

        messages.warning(
            request,
            f"Văn bản còn thiếu {labels(result.missing)}: hãy bổ sung trước khi "
            "gửi duyệt hoặc xuất bản (danh sách ở mục “Cần bổ sung”).",
        )
    return redirect(reverse("wagtailadmin_pages:edit", args=[result.page_id]))
