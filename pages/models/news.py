"""News ("Tin tức", "Gương người tốt, việc tốt"): items with a lead image,
author, tags and links to the exemplars, movements and documents they are about.
"""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultipleChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from pages.blocks import StoryBlock
from pages.models.feeds import FeedRoutesMixin
from pages.models.public import public_documents, public_pages
from pages.models.showcase import HOME_PARENTS, INTRO_FEATURES


class NewsTag(TaggedItemBase):
    content_object = ParentalKey(
        "pages.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsDocument(Orderable):
    """A document a news item is about."""

    page = ParentalKey(
        "pages.NewsPage", on_delete=models.CASCADE, related_name="related_documents"
    )
    document = models.ForeignKey(
        "pages.LegalDocumentPage",
        verbose_name="văn bản",
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "văn bản liên quan"
        verbose_name_plural = "văn bản liên quan"


class NewsPage(Page):
    """A news item or a "gương người tốt, việc tốt" story."""

    date = models.DateField("ngày đăng", default=timezone.localdate)
    author = models.CharField("tác giả", max_length=150, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh đại diện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField("sa pô", max_length=500, blank=True)
    body = StreamField(StoryBlock(), verbose_name="nội dung", blank=True)
    tags = ClusterTaggableManager("từ khóa", through=NewsTag, blank=True)
    exemplars = ParentalManyToManyField(
        "pages.ExemplarPage",
        verbose_name="điển hình liên quan",
        blank=True,
        related_name="news",
    )
    movements = ParentalManyToManyField(
        "pages.MovementPage",
        verbose_name="phong trào liên quan",
        blank=True,
        related_name="news",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("lead_image"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("movements", widget=forms.CheckboxSelectMultiple),
        FieldPanel("exemplars"),
        MultipleChooserPanel(
            "related_documents", chooser_field_name="document", label="Văn bản"
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "pages/showcase/news_page.html"

    class Meta:
        verbose_name = "tin tức"
        verbose_name_plural = "tin tức"

    def social_image(self):
        return self.lead_image

    def social_description(self) -> str:
        return self.intro[:200]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_exemplars"] = public_pages(self.exemplars)
        context["related_movements"] = public_pages(self.movements)
        context["documents"] = public_documents(self.related_documents.all())
        return context


class NewsIndexPage(FeedRoutesMixin, Page):
    """A news section ("Tin tức", "Gương người tốt, việc tốt") with feeds."""

    rss_feed_class = "pages.feeds.NewsRSSFeed"
    atom_feed_class = "pages.feeds.NewsAtomFeed"

    intro = RichTextField("giới thiệu", blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = HOME_PARENTS
    subpage_types = ["pages.NewsPage"]
    template = "pages/showcase/news_index_page.html"
    per_page = 10

    class Meta:
        verbose_name = "chuyên mục tin tức"

    def news(self):
        return (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .select_related("lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-date", "-first_published_at", "-pk")
        )

    def feed_items(self):
        return self.news().prefetch_related("tags")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.news()
        tag = request.GET.get("tag", "")[:100]
        if tag:
            news = news.filter(tags__name=tag)
        context["tag"] = tag
        context["page_obj"] = Paginator(news, self.per_page).get_page(
            request.GET.get("page")
        )
        return context
