"""The public page "Kiểm tra căn cứ" (``/kiem-tra-can-cu/``).

Anyone pastes the legal basis (or the whole text) of a document, chooses the
document's date and, optionally, its issuing body, and reads the report of
``pages.basis_check.check_text`` over the portal's public documents. Any input
gives a page: an invalid form is shown again with its errors in Vietnamese.
"""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from documents.basis import KIND_LABELS
from documents.models import IssuingBody
from pages.basis_check import MAX_CHARS, check_text, cited_count
from pages.models.documents import DATE_MESSAGE, MAX_DATE, MIN_DATE

#: "100.000": the thousands separator Vietnamese writes.
TOO_LONG = f"Văn bản dài quá {MAX_CHARS:_} ký tự; hãy dán phần căn cứ.".replace(
    "_", "."
)


class PastedTextField(forms.CharField):
    """Text pasted from Word or PDF: NUL characters are dropped, not refused."""

    def to_python(self, value):
        return super().to_python(value.replace("\x00", "") if value else value)


class BasisCheckForm(forms.Form):
    text = PastedTextField(
        label="Căn cứ ban hành hoặc toàn văn",
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        max_length=MAX_CHARS,
        strip=False,
        error_messages={
            "required": "Hãy dán căn cứ ban hành hoặc toàn văn cần kiểm tra.",
            "max_length": TOO_LONG,
        },
    )
    date = forms.DateField(
        label="Ngày của văn bản",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        help_text="Để trống: ngày hôm nay.",
        error_messages={"invalid": "Ngày không hợp lệ; ghi theo dạng ngày/tháng/năm."},
    )
    issuer = forms.ModelChoiceField(
        label="Cơ quan ban hành văn bản (không bắt buộc)",
        queryset=IssuingBody.objects.order_by("name"),
        required=False,
        empty_label="— Không chọn —",
        error_messages={"invalid_choice": "Cơ quan ban hành không có trong danh mục."},
    )

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError(
                "Hãy dán căn cứ ban hành hoặc toàn văn cần kiểm tra."
            )
        return text

    def mark_errors(self) -> None:
        """Tie each error message to its input for screen readers."""
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"id_{name}-error"}
                )

    def clean_date(self):
        """The date of a document the portal could store: the range of every
        document date (``documents.dates.MIN_YEAR``–``MAX_YEAR``, whole years)."""
        day = self.cleaned_data.get("date")
        if day and not MIN_DATE <= day <= MAX_DATE:
            raise forms.ValidationError(DATE_MESSAGE)
        return day


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def basis_check_page(request):
    data = request.POST if request.method == "POST" else None
    if data is None and request.GET.get("text"):
        data = request.GET
    form = BasisCheckForm(data)
    report = None
    if data is not None and not form.is_valid():
        form.mark_errors()
    elif data is not None:
        report = check_text(
            form.cleaned_data["text"],
            on=form.cleaned_data["date"] or timezone.localdate(),
            issuer=form.cleaned_data["issuer"],
        )
    if report is not None:
        note_unknown_validity(report, form.cleaned_data["date"] or timezone.localdate())
    context = {
        "form": form,
        "report": report,
        "cited": cited_count(report) if report else 0,
        "labels": KIND_LABELS,
    }
    return render(request, "pages/basis/check_page.html", context)


UNKNOWN_VALIDITY = (
    "không xác định (cổng chưa ghi ngày có hiệu lực của văn bản này); hãy kiểm "
    "tra trên văn bản gốc"
)


def note_unknown_validity(report, day) -> None:
    """Give ``validity_label`` to each finding without a problem whose document
    is not known to be in force on ``day`` ("Không xác định": the portal has
    no effective date for it), so the page does not call it in force."""
    from documents.choices import ValidityStatus
    from pages.relations import public_documents
    from pages.validity import status_on

    fine = [f for f in report.findings if f.document and not f.problems]
    codes = {f.document.code for f in fine}  # a page without one: its title
    if not codes:
        return
    labels = {}  # by address: local codes repeat across provinces
    pages = public_documents().filter(Q(code__in=codes) | Q(title__in=codes))
    for page in pages:
        status = status_on(page, day)
        if status == ValidityStatus.UNKNOWN:
            labels[page.url] = UNKNOWN_VALIDITY
        elif status != ValidityStatus.IN_FORCE:
            labels[page.url] = ValidityStatus(status).label.lower()
    for finding in fine:
        finding.validity_label = labels.get(finding.document.url, "")
