"""The home page and the "Văn bản" section."""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from documents.choices import ValidityStatus
from documents.models import DocumentType, Field, IssuingBody
from pages.models.documents import MAX_YEAR, MIN_YEAR, LegalDocumentPage
from pages.models.feeds import FeedRoutesMixin

PER_PAGE = 20
DATE_INVALID = (
    "Ngày không hợp lệ: nhập một ngày có thật theo dạng ngày/tháng/năm "
    "(ví dụ 05/03/2025) hoặc năm-tháng-ngày (2025-03-05)."
)


class HomePage(Page):
    """The portal's front page: names the owner, search box and latest content."""

    owner_name = models.CharField(
        "đơn vị chủ quản", max_length=200, default="Ủy ban nhân dân huyện Tam Đường"
    )
    owner_place = models.CharField(
        "địa chỉ", max_length=200, default="huyện Tam Đường, tỉnh Lai Châu"
    )
    intro = RichTextField("giới thiệu", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        FieldPanel("owner_name"),
        FieldPanel("owner_place"),
        FieldPanel("intro"),
    ]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.DocumentIndexPage",
        "pages.ExemplarIndexPage",
        "pages.MovementIndexPage",
        "pages.NewsIndexPage",
        "pages.DocumentListPage",
        "pages.ContentPage",
    ]

    class Meta:
        verbose_name = "trang chủ"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = LegalDocumentPage.objects.live().public().with_metadata()
        context["latest_documents"] = documents.order_by(
            "-issued_date", "-first_published_at"
        )[:6]
        from pages.models.showcase import home_showcase

        context.update(home_showcase())
        return context


class IssuerChoiceField(forms.ModelChoiceField):
    """A body by its slug, or by the slug of a row ``normalize_issuers`` merged
    into it (``IssuingBody.by_slug``): an old link lists the same documents,
    and the select box shows the body it now names as chosen."""

    read_as: tuple[str, str] | None = None  # (slug in the URL, body's slug)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        # Refused before any query, as ``ModelChoiceField`` does: PostgreSQL
        # refuses a NUL in a text parameter (``?issuer=%00`` was a 500).
        self.validate_no_null_characters(value)
        body = IssuingBody.by_slug(str(value)) or super().to_python(value)
        self.read_as = (value, body.slug)
        return body

    def bound_data(self, data, initial):
        """The old slug of a cleaned value reads as the body's own slug (no
        query: ``to_python`` ran when the form was cleaned)."""
        if self.read_as and self.read_as[0] == data:
            return self.read_as[1]
        return super().bound_data(data, initial)


class DocumentFilterForm(forms.Form):
    """Parses the listing's query string; an invalid value is left out of the
    filter and its error shown beside its field (the page still lists)."""

    type = forms.ModelChoiceField(
        DocumentType.objects.all(),
        required=False,
        label="Loại văn bản",
        to_field_name="slug",
        empty_label="Tất cả",
    )
    type.label_from_instance = DocumentType.choice_label.fget
    issuer = IssuerChoiceField(
        IssuingBody.objects.all(),
        required=False,
        label="Cơ quan ban hành",
        to_field_name="slug",
        empty_label="Tất cả",
    )
    year = forms.IntegerField(
        required=False, min_value=MIN_YEAR, max_value=MAX_YEAR, label="Năm"
    )
    field = forms.ModelChoiceField(
        Field.objects.all(),
        required=False,
        label="Lĩnh vực",
        to_field_name="slug",
        empty_label="Tất cả",
    )
    status = forms.ChoiceField(
        choices=[("", "Tất cả")] + list(ValidityStatus.choices),
        required=False,
        label="Hiệu lực",
    )
    in_force_on = forms.DateField(
        required=False,
        label="Còn hiệu lực vào ngày",
        widget=forms.DateInput(attrs={"placeholder": "ngày/tháng/năm"}),
        error_messages={"invalid": DATE_INVALID},
    )
    include_predecessors = forms.BooleanField(
        required=False, label="Gồm cả văn bản của cơ quan tiền nhiệm"
    )

    def offer_types_of(self, documents) -> None:
        """Offer the types ``documents`` hold (a site uses a few of the ~60 in
        the vocabulary) and the one selected, so an old link still shows it."""
        offered = models.Q(pk__in=documents.values("document_type"))
        selected = self.data.get("type")
        if selected and "\x00" not in selected:  # PostgreSQL refuses a NUL
            offered |= models.Q(slug=selected)
        field = self.fields["type"]
        field.queryset = field.queryset.filter(offered)

    def filter(self, queryset):
        data = self.cleaned_data if self.is_valid() else self._valid_subset()
        lookups = {
            "document_type": data.get("type"),
            "issuing_body": data.get("issuer"),
            "year": data.get("year"),
            "field": data.get("field"),
        }
        if data.get("issuer") and data.get("include_predecessors"):
            lookups["issuing_body__in"] = data["issuer"].with_predecessors()
            del lookups["issuing_body"]
        queryset = queryset.filter(**{k: v for k, v in lookups.items() if v})
        if data.get("status"):
            from pages.validity import status_q

            queryset = queryset.filter(status_q(data["status"]))
        if data.get("in_force_on"):
            queryset = queryset.in_force_on(data["in_force_on"])
        return queryset

    def _valid_subset(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k not in self.errors}


class DocumentIndexPage(FeedRoutesMixin, Page):
    """The "Văn bản" section: documents newest first, filters, pagination, feeds."""

    rss_feed_class = "pages.feeds.DocumentRSSFeed"
    atom_feed_class = "pages.feeds.DocumentAtomFeed"

    intro = RichTextField("giới thiệu", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = [
        "pages.PlanPage",
        "pages.DirectivePage",
        "pages.DecisionPage",
        "pages.DocumentPage",
        "pages.DocumentListPage",
    ]

    class Meta:
        verbose_name = "danh mục văn bản"

    def documents(self):
        return (
            LegalDocumentPage.objects.live()
            .public()
            .descendant_of(self)
            .with_metadata()
            .order_by("-issued_date", "-issued_year", "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = DocumentFilterForm(request.GET or None)
        documents = self.documents()
        form.offer_types_of(documents)
        documents = form.filter(documents) if request.GET else documents
        context["filter_form"] = form
        context["page_obj"] = Paginator(documents, PER_PAGE).get_page(
            request.GET.get("page")
        )
        return context
