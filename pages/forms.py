"""Admin forms of "Nhập văn bản": upload one file, then correct parsed metadata."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError

from documents.identity import code_parts_clean
from documents.models import DocumentType
from pages.models.documents import MAX_YEAR, MIN_YEAR

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
ALLOWED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
AUTHORITY_CHOICES = [
    ("", "Không"),
    ("TM.", "TM."),
    ("KT.", "KT."),
    ("TL.", "TL."),
    ("TUQ.", "TUQ."),
    ("Q.", "Q."),
]


def index_pages():
    from pages.models import DocumentIndexPage

    return DocumentIndexPage.objects.all().order_by("path")


class UploadForm(forms.Form):
    """One document file, limited in size and type."""

    file = forms.FileField(
        label="Tệp văn bản",
        help_text="DOCX, PDF có lớp chữ, TXT hoặc MD; tối đa 10 MB.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        if suffix not in ALLOWED_SUFFIXES:
            raise ValidationError(
                "Chỉ nhận tệp .docx, .pdf, .txt hoặc .md (tệp đã chọn: %(name)s).",
                params={"name": upload.name},
            )
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError("Tệp quá lớn: giới hạn 10 MB.")
        return upload


class MetadataForm(forms.Form):
    """Parsed metadata shown for correction before the draft is saved."""

    parent = forms.ModelChoiceField(label="Chuyên mục", queryset=None, empty_label=None)
    # Type, symbol and issuer may stay empty: the draft is then listed under
    # "Cần bổ sung" and cannot be published until they are filled in.
    document_type = forms.ModelChoiceField(
        label="Loại văn bản", queryset=DocumentType.objects.all(), required=False
    )
    document_type.label_from_instance = DocumentType.choice_label.fget
    number = forms.IntegerField(
        label="Số", required=False, min_value=1, help_text="Để trống nếu là dự thảo."
    )
    symbol = forms.CharField(label="Ký hiệu", max_length=40, required=False)
    issuer = forms.CharField(label="Cơ quan ban hành", max_length=200, required=False)
    issuer_parent = forms.CharField(
        label="Cơ quan chủ quản", max_length=200, required=False
    )
    place = forms.CharField(label="Địa danh", max_length=100, required=False)
    issued_date = forms.DateField(
        label="Ngày ban hành",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    issued_year = forms.IntegerField(
        label="Năm ban hành (khi chỉ biết năm)",
        required=False,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
    )
    title = forms.CharField(label="Trích yếu", max_length=500, widget=forms.Textarea)
    signing_authority = forms.ChoiceField(
        label="Thẩm quyền ký", choices=AUTHORITY_CHOICES, required=False
    )
    signer_position = forms.CharField(
        label="Chức vụ người ký", max_length=100, required=False
    )
    signer_name = forms.CharField(label="Người ký", max_length=100, required=False)
    legal_basis = forms.CharField(
        label="Căn cứ ban hành (mỗi căn cứ một dòng)",
        required=False,
        widget=forms.Textarea,
    )
    recipients = forms.CharField(
        label="Nơi nhận (mỗi nơi nhận một dòng)", required=False, widget=forms.Textarea
    )
    note = forms.CharField(label="Ghi chú thay đổi", max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = index_pages()

    def clean(self):
        data = super().clean()
        day, year = data.get("issued_date"), data.get("issued_year")
        if day and year and day.year != year:
            self.add_error("issued_year", "Năm ban hành không khớp với ngày ban hành.")
        if "symbol" in data:  # the page's own check (LegalDocumentPage.clean)
            doc_type = data.get("document_type")
            family = str(doc_type.family) if doc_type else None
            symbol, errors = code_parts_clean(
                data.get("number"), data["symbol"], family
            )
            data["symbol"] = symbol
            for name, message in errors.items():
                self.add_error(name, message)
        return data


def initial_from_parsed(parsed) -> dict:
    """Initial MetadataForm values from a ``ParsedDocument``."""
    from documents import vocabulary
    from pages.importing import issued

    day, year = issued(parsed.issued_date)
    doc_type = None
    if parsed.doc_type:
        party = vocabulary.is_party_code(parsed.code)
        doc_type = vocabulary.document_type_for(parsed.doc_type, party=party)
    return {
        "document_type": doc_type,
        "number": parsed.number,
        "symbol": parsed.symbol or "",
        "issuer": vocabulary.clean_body_name(parsed.issuer) or "",
        "issuer_parent": vocabulary.clean_body_name(parsed.issuer_parent) or "",
        "place": parsed.place or "",
        "issued_date": day,
        "issued_year": year,
        "title": parsed.title or "",
        "signing_authority": parsed.signing_authority or "",
        "signer_position": parsed.signer_position or "",
        "signer_name": parsed.signer_name or "",
        "legal_basis": "\n".join(parsed.legal_basis_lines),
        "recipients": "\n".join(parsed.recipients),
    }


def apply_corrections(parsed, data: dict):
    """Write the corrected form values back onto the ``ParsedDocument``."""
    doc_type = data["document_type"]
    parsed.doc_type = doc_type.name if doc_type else None
    parsed.number = data["number"]
    parsed.symbol = data["symbol"].strip() or None
    parsed.issuer = data["issuer"].strip() or None
    parsed.issuer_parent = data["issuer_parent"].strip() or None
    parsed.place = data["place"].strip() or None
    if data["issued_date"]:
        parsed.issued_date = data["issued_date"].isoformat()
    else:
        parsed.issued_date = str(data["issued_year"]) if data["issued_year"] else None
    parsed.title = data["title"].strip()
    parsed.signing_authority = data["signing_authority"]
    parsed.signer_position = data["signer_position"].strip() or None
    parsed.signer_name = data["signer_name"].strip() or None
    parsed.legal_basis_lines = _lines(data["legal_basis"])
    parsed.recipients = _lines(data["recipients"])
    return parsed


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
