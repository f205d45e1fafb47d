"""Version history, comparison and validity routes of document pages.

``DocumentVersionsMixin`` is mixed into ``LegalDocumentPage``:

* routes ``phien-ban/`` (history), ``phien-ban/<n>/`` (version n as published)
  and ``so-sanh/<a>/<b>/`` (comparison), all answering 404 for anything that is
  not a published version of this page;
* ``validity_timeline()`` / ``replaced_by()`` for templates and the API;
* the admin form (``DocumentPageForm``) with the "Nội dung thay đổi" field,
  shown on the content tab of every document type.

The timeline is read by ``pages.models.timeline``, comparisons made by
``pages.comparison``; recording versions is ``pages.versioning``'s.
"""

from django import forms
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.utils.decorators import cached_classmethod

from pages import completeness
from pages.admin_slugs import ascii_slug_widget
from pages.comparison import compare_versions

from .history import PublishedVersion, RevisionNote
from .timeline import replaced_by, timeline_for

MAX_VERSION = 100_000
CHANGE_NOTE_HELP = (
    "Bắt buộc khi gửi duyệt hoặc xuất bản lại văn bản đã đăng tải; "
    "hiển thị công khai trong lịch sử phiên bản."
)


def default_document_type(model) -> int | None:
    """The type a new page of ``model`` starts with: Kế hoạch for a plan,
    Chỉ thị, Quyết định (administrative documents, as a UBND issues them);
    None for the generic document page."""
    from documents.models import DocumentType
    from pages.importing import page_model

    if model is page_model(""):  # the page of every other type: no default
        return None
    for doc_type in DocumentType.objects.filter(family="admin").order_by("pk"):
        if page_model(doc_type) is model:
            return doc_type.pk
    return None


def unix_lines(value: str) -> str:
    """``value`` with the CRLF (or lone CR) line breaks a browser sends from a
    textarea written as LF, as the import and the demo store them."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def unix_line_fields(obj) -> None:
    """Every text field of the model instance ``obj`` with LF line breaks (an
    award's reason, a plan task …). The page's own fields are left as sent:
    rewriting them on save broke an approver's "Duyệt" of an imported plan
    (tests/e2e/test_journeys.py); pages.comparison ignores line endings."""
    for field in obj._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)):
            value = getattr(obj, field.attname)
            if isinstance(value, str) and "\r" in value:
                setattr(obj, field.attname, unix_lines(value))


class DocumentPageForm(WagtailAdminPageForm):
    """Admin form of document pages: adds the change note of the new revision.

    The note is required once the page has been published, except when only
    saving a draft (Wagtail defers required fields for "save"). It is kept on
    the page instance until ``save_revision`` stores it with the new revision
    (``RevisionNote.objects.attach``).
    """

    change_note = forms.CharField(
        label="Nội dung thay đổi",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=CHANGE_NOTE_HELP,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        if page.pk and page.first_published_at:
            self.fields["change_note"].required = True
            self.fields["change_note"].initial = RevisionNote.objects.pending(page)
        if "slug" in self.fields:  # filled from the title without diacritics
            slug = self.fields["slug"]
            widget = ascii_slug_widget(getattr(page, "locale", None))
            widget.attrs = {**slug.widget.attrs, **widget.attrs}
            slug.widget = widget
        if not (page.pk or self.is_bound or self.initial.get("document_type")):
            if "document_type" in self.fields:
                self.initial["document_type"] = default_document_type(type(page))

    def defer_required_fields(self):
        super().defer_required_fields()
        field = self.fields["change_note"]
        if field.required:
            field.required = False
            self.deferred_required_fields.append("change_note")

    def clean(self):
        cleaned_data = super().clean()
        completeness.clean_form(self)
        return cleaned_data

    def save(self, commit=True):
        self.instance._pending_change_note = unix_lines(
            self.cleaned_data.get("change_note", "")
        )
        for formset in self.formsets.values():  # awards, plan tasks, attachments
            for form in formset.forms:
                unix_line_fields(form.instance)
        return super().save(commit=commit)


class DocumentVersionsMixin(RoutablePageMixin):
    """Public history, versions, comparisons and validity of a document page."""

    base_form_class = DocumentPageForm

    @cached_classmethod
    def get_edit_handler(cls):
        """Wagtail's default tabs, with the change note closing the content tab."""
        if hasattr(cls, "edit_handler"):
            return cls.edit_handler.bind_to_model(cls)
        content = [*cls.content_panels, FieldPanel("change_note")]
        tabs = [ObjectList(content, heading=gettext_lazy("Content"))]
        if cls.promote_panels:
            tabs.append(ObjectList(cls.promote_panels, heading=gettext_lazy("Promote")))
        if cls.settings_panels:
            tabs.append(
                ObjectList(cls.settings_panels, heading=gettext_lazy("Settings"))
            )
        edit_handler = TabbedInterface(tabs, base_form_class=cls.base_form_class)
        return edit_handler.bind_to_model(cls)

    def save_revision(self, *args, **kwargs):
        revision = super().save_revision(*args, **kwargs)
        note = getattr(self, "_pending_change_note", "")
        if note:
            RevisionNote.objects.attach(revision, note)
            self._pending_change_note = ""
        return revision

    # Data for templates and the API -------------------------------------------

    def public_versions(self):
        return PublishedVersion.objects.filter(page_id=self.pk).order_by("number")

    def validity_timeline(self) -> list[dict]:
        return timeline_for(self)

    def replaced_by(self) -> list:
        return replaced_by(self)

    # Routes -----------------------------------------------------------------

    def _version_or_404(self, number: int) -> PublishedVersion:
        if not 0 < number <= MAX_VERSION:
            raise Http404("Không có phiên bản này.")
        version = self.public_versions().filter(number=number).first()
        if version is None:
            raise Http404("Không có phiên bản này.")
        return version

    @path("phien-ban/", name="versions")
    def versions_view(self, request):
        versions = list(self.public_versions().order_by("-number"))
        context = self.get_context(request)
        context["versions"] = versions
        return TemplateResponse(request, "pages/versions/history.html", context)

    @path("phien-ban/<int:number>/", name="version")
    def version_view(self, request, number):
        version = self._version_or_404(number)
        page = version.revision.as_object()
        context = page.get_context(request)
        context.update(version=version, current_page=self)
        response = TemplateResponse(request, page.get_template(request), context)
        response["X-Robots-Tag"] = "noindex"
        return response

    @path("so-sanh/", name="compare_form")
    def compare_form_view(self, request):
        try:
            a, b = int(request.GET["a"]), int(request.GET["b"])
        except (KeyError, ValueError) as exc:
            raise Http404("Không có phiên bản này.") from exc
        return redirect(self.url + self.reverse_subpage("compare", args=(a, b)))

    @path("so-sanh/<int:a>/<int:b>/", name="compare")
    def compare_view(self, request, a, b):
        old, new = self._version_or_404(min(a, b)), self._version_or_404(max(a, b))
        context = self.get_context(request)
        context["comparison"] = compare_versions(old, new)
        response = TemplateResponse(request, "pages/versions/compare.html", context)
        response["X-Robots-Tag"] = "noindex"
        return response
