"""The public showcase: exemplars ("điển hình tiên tiến"), emulation movements
("phong trào thi đua") and the home page's showcase lists.

News lives in ``pages.models.news``. Exemplars are fed by commendation
decisions: publishing a ``DecisionPage`` links each of its awards to the
recipient's ``ExemplarPage`` (``pages.services``).

Personal data (Nghị định 13/2023/NĐ-CP): an exemplar shows its photo, unit,
position, achievements and story only when consent to publish is recorded
(``consent_given``). Birth date, ID number and home address are not stored.
"""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from documents.text import fold
from pages.blocks import StoryBlock
from pages.models.documents import MAX_YEAR, MIN_YEAR
from pages.models.feeds import FeedRoutesMixin
from pages.models.public import public_documents, public_pages

HOME_PARENTS = ["pages.HomePage"]
INTRO_FEATURES = ["bold", "italic", "link"]


def name_key(name: str) -> str:
    """Accent-, case- and space-insensitive key used to match award recipients."""
    return " ".join(fold(name or "").split())


class ExemplarKind(models.TextChoices):
    """Same values as ``Award.RecipientKind`` so awards match exemplars directly."""

    INDIVIDUAL = "ca_nhan", "Cá nhân"
    COLLECTIVE = "tap_the", "Tập thể"


class ExemplarPage(Page):
    """An individual or collective held up as a model ("điển hình tiên tiến").

    The page title is the exemplar's name. ``name_key`` (folded name) lets
    ``pages.services.awards_link`` find the page of an award's recipient.
    """

    kind = models.CharField(
        "loại điển hình",
        max_length=10,
        choices=ExemplarKind.choices,
        default=ExemplarKind.INDIVIDUAL,
    )
    name_key = models.CharField(max_length=255, editable=False, db_index=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Nhập mô tả ảnh (văn bản thay thế) trong thư viện ảnh.",
    )
    issuing_body = models.ForeignKey(
        "documents.IssuingBody",
        verbose_name="cơ quan, đơn vị đăng ký",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Cơ quan, đơn vị đăng ký điển hình (dùng cho báo cáo theo dõi).",
    )
    unit = models.CharField("đơn vị công tác", max_length=200, blank=True)
    commune = models.CharField("xã, phường", max_length=100, blank=True)
    position = models.CharField("chức vụ", max_length=150, blank=True)
    movements = ParentalManyToManyField(
        "pages.MovementPage",
        verbose_name="phong trào thi đua",
        blank=True,
        related_name="exemplars",
    )
    achievements = models.TextField("thành tích tiêu biểu", blank=True)
    story = StreamField(StoryBlock(), verbose_name="câu chuyện", blank=True)
    year = models.PositiveSmallIntegerField("năm", null=True, blank=True)
    featured = models.BooleanField("nổi bật trên trang chủ", default=False)
    consent_given = models.BooleanField(
        "đã đồng ý công bố",
        default=False,
        help_text="Chỉ khi có sự đồng ý, ảnh, đơn vị, chức vụ, thành tích và câu "
        "chuyện mới được hiển thị (Nghị định 13/2023/NĐ-CP).",
    )
    consent_date = models.DateField("ngày đồng ý", null=True, blank=True)
    consent_note = models.TextField(
        "ghi chú về sự đồng ý",
        blank=True,
        help_text="Hình thức, người xác nhận; không hiển thị công khai.",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year")]),
        MultiFieldPanel(
            [
                FieldPanel("consent_given"),
                FieldPanel("consent_date"),
                FieldPanel("consent_note"),
            ],
            heading="Sự đồng ý công bố thông tin",
        ),
        FieldPanel("photo"),
        FieldPanel("issuing_body"),
        FieldRowPanel(
            [FieldPanel("unit"), FieldPanel("commune"), FieldPanel("position")]
        ),
        FieldPanel("movements", widget=forms.CheckboxSelectMultiple),
        FieldPanel("achievements"),
        FieldPanel("story"),
        FieldPanel("featured"),
    ]
    # Only the name is indexed: details stay private until consent is given.
    search_fields = Page.search_fields + [
        index.FilterField("kind"),
        index.FilterField("year"),
    ]
    parent_page_types = ["pages.ExemplarIndexPage"]
    subpage_types: list[str] = []
    template = "pages/showcase/exemplar_page.html"

    class Meta:
        verbose_name = "điển hình tiên tiến"
        verbose_name_plural = "điển hình tiên tiến"

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.title)
        return super().save(*args, **kwargs)

    @property
    def shows_details(self) -> bool:
        """Personal fields are rendered only with recorded consent."""
        return self.consent_given

    @property
    def public_photo(self):
        return self.photo if self.consent_given else None

    def social_image(self):
        return self.public_photo

    def social_description(self) -> str:
        if self.consent_given and self.achievements:
            return self.achievements[:200]
        return f"{self.get_kind_display()} điển hình tiên tiến"

    def public_movements(self):
        return public_pages(self.movements).order_by("title")

    def public_awards(self):
        """Awards of live, public decisions only (unpublished ones are hidden)."""
        from pages.models.document_types import Award, DecisionPage

        decisions = DecisionPage.objects.live().public()
        return (
            Award.objects.filter(exemplar=self, page__in=decisions)
            .select_related("page", "title")
            .order_by("-page__issued_date", "sort_order")
        )


class MovementDocument(Orderable):
    """A plan, directive or decision that launched or guides a movement."""

    page = ParentalKey(
        "pages.MovementPage", on_delete=models.CASCADE, related_name="launch_documents"
    )
    document = models.ForeignKey(
        "pages.LegalDocumentPage",
        verbose_name="văn bản",
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "văn bản phát động"
        verbose_name_plural = "văn bản phát động"


class MovementPage(Page):
    """An emulation movement, named exactly as quoted in the plans.

    Its exemplars and news come from the reverse relations of
    ``ExemplarPage.movements`` and ``NewsPage.movements``.
    """

    launcher = models.CharField(
        "cơ quan phát động",
        max_length=200,
        blank=True,
        help_text="Ví dụ: Ủy ban nhân dân tỉnh Lai Châu.",
    )
    start_year = models.PositiveSmallIntegerField("từ năm", null=True, blank=True)
    end_year = models.PositiveSmallIntegerField("đến năm", null=True, blank=True)
    summary = models.TextField("tóm tắt", blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh minh họa",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(StoryBlock(), verbose_name="nội dung", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("launcher"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultipleChooserPanel(
            "launch_documents",
            chooser_field_name="document",
            label="Văn bản phát động, chỉ đạo",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["pages.MovementIndexPage"]
    subpage_types: list[str] = []
    template = "pages/showcase/movement_page.html"

    class Meta:
        verbose_name = "phong trào thi đua"
        verbose_name_plural = "phong trào thi đua"

    def period(self) -> str:
        if self.start_year and self.end_year:
            return f"{self.start_year}–{self.end_year}"
        if self.start_year:
            return f"từ năm {self.start_year}"
        return str(self.end_year or "")

    def social_image(self):
        return self.image

    def social_description(self) -> str:
        return self.summary[:200]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = public_documents(self.launch_documents.all())
        context["exemplars"] = (
            self.exemplars.live()
            .public()
            .select_related("photo")
            .prefetch_related("photo__renditions")
            .order_by("title")
        )
        context["news_items"] = self.news.live().public().order_by("-date")[:10]
        return context


class MovementIndexPage(Page):
    """The "Phong trào thi đua" section."""

    intro = RichTextField("giới thiệu", blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = HOME_PARENTS
    subpage_types = ["pages.MovementPage"]
    template = "pages/showcase/movement_index_page.html"

    class Meta:
        verbose_name = "danh mục phong trào thi đua"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["movements"] = (
            MovementPage.objects.child_of(self).live().public().order_by("-start_year")
        )
        return context


class ExemplarFilterForm(forms.Form):
    """Parses the gallery's query string; invalid values are simply ignored."""

    kind = forms.ChoiceField(
        choices=[("", "Tất cả")] + list(ExemplarKind.choices),
        required=False,
        label="Loại",
    )
    movement = forms.ModelChoiceField(
        MovementPage.objects.none(),
        required=False,
        label="Phong trào",
        to_field_name="slug",
        empty_label="Tất cả",
    )
    unit = forms.ModelChoiceField(
        None, required=False, label="Cơ quan, đơn vị", empty_label="Tất cả"
    )
    year = forms.IntegerField(
        required=False, min_value=MIN_YEAR, max_value=MAX_YEAR, label="Năm"
    )
    title = forms.ModelChoiceField(
        None, required=False, label="Danh hiệu, hình thức", empty_label="Tất cả"
    )

    def __init__(self, *args, **kwargs):
        from documents.models import EmulationTitle, IssuingBody

        super().__init__(*args, **kwargs)
        self.fields["movement"].queryset = MovementPage.objects.live().public()
        self.fields["unit"].queryset = IssuingBody.objects.filter(
            pk__in=ExemplarPage.objects.live().values("issuing_body")
        )
        self.fields["title"].queryset = EmulationTitle.objects.all()

    def filter(self, queryset):
        self.is_valid()
        data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        lookups = {
            "kind": data.get("kind"),
            "movements": data.get("movement"),
            "issuing_body": data.get("unit"),
            "year": data.get("year"),
        }
        queryset = queryset.filter(**{k: v for k, v in lookups.items() if v})
        if data.get("title"):
            from pages.models.document_types import DecisionPage

            queryset = queryset.filter(
                awards_received__title=data["title"],
                awards_received__page__in=DecisionPage.objects.live().public(),
            )
        return queryset.distinct()


class ExemplarIndexPage(FeedRoutesMixin, Page):
    """The "Điển hình tiên tiến" gallery: filters, pagination and feeds."""

    rss_feed_class = "pages.feeds.ExemplarRSSFeed"
    atom_feed_class = "pages.feeds.ExemplarAtomFeed"

    intro = RichTextField("giới thiệu", blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = HOME_PARENTS
    subpage_types = ["pages.ExemplarPage"]
    template = "pages/showcase/exemplar_index_page.html"
    per_page = 12

    class Meta:
        verbose_name = "danh mục điển hình tiên tiến"

    def exemplars(self):
        return (
            ExemplarPage.objects.child_of(self)
            .live()
            .public()
            .select_related("photo", "issuing_body")
            .prefetch_related("photo__renditions")
            .order_by("-year", "title", "pk")
        )

    def feed_items(self):
        return self.exemplars().order_by("-first_published_at", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = ExemplarFilterForm(request.GET or None)
        exemplars = form.filter(self.exemplars()) if request.GET else self.exemplars()
        context["filter_form"] = form
        context["page_obj"] = Paginator(exemplars, self.per_page).get_page(
            request.GET.get("page")
        )
        return context


HOME_SIZES = {"decisions": 4, "plans": 4, "exemplars": 4, "news": 4, "movements": 6}


def home_showcase() -> dict:
    """The home page's showcase lists: one query per list (plus one per
    prefetch), whatever the number of pages, so the home page stays fast."""
    from pages.models.document_types import DecisionPage, PlanPage
    from pages.models.home import DocumentIndexPage
    from pages.models.news import NewsIndexPage, NewsPage

    def latest(model):
        return (
            model.objects.live()
            .public()
            .select_related("document_type", "issuing_body")
            .order_by("-issued_date", "-first_published_at")
        )

    exemplars = (
        ExemplarPage.objects.live()
        .public()
        .select_related("photo", "issuing_body")
        .prefetch_related("photo__renditions")
        .order_by("-featured", "-year", "-first_published_at")
    )
    news = (
        NewsPage.objects.live()
        .public()
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")
        .order_by("-date", "-first_published_at")
    )
    movements = MovementPage.objects.live().public().order_by("-start_year", "title")
    feed_sections = (
        Page.objects.live()
        .public()
        .type(DocumentIndexPage, ExemplarIndexPage, NewsIndexPage)
        .order_by("path")
    )
    return {
        "feed_sections": feed_sections,
        "latest_decisions": latest(DecisionPage)[: HOME_SIZES["decisions"]],
        "latest_plans": latest(PlanPage)[: HOME_SIZES["plans"]],
        "featured_exemplars": exemplars[: HOME_SIZES["exemplars"]],
        "latest_news": news[: HOME_SIZES["news"]],
        "movements": movements[: HOME_SIZES["movements"]],
    }
