"""Saved searches as pages ("Danh sách văn bản"), like Plone's Collections.

An editor stores a query (words, filters, sort order); the page lists whatever
the portal's search returns for it today, with its own RSS feed. The listing goes
through ``search.search`` so it follows the configured backend and its fallback.
"""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from documents.choices import ValidityStatus
from search import search
from search.codes import query_code_keys
from search.types import SearchQuery

FEED_SIZE = 30
MAX_PAGE = 500


class HitList(list):
    """A page of search hits that tells the paginator the total it came from."""

    def __init__(self, hits, total: int, offset: int):
        super().__init__(hits)
        self.total, self.offset = total, offset

    def count(self) -> int:
        return self.total

    def __getitem__(self, item):
        if isinstance(item, slice):
            start = (item.start or 0) - self.offset
            stop = (item.stop or self.total) - self.offset
            return list.__getitem__(self, slice(max(start, 0), max(stop, 0)))
        return list.__getitem__(self, item - self.offset)


class DocumentListPage(RoutablePageMixin, Page):
    """A stored query whose results are listed, paginated and offered as RSS."""

    class Sort(models.TextChoices):
        DATE = "date", "Mới nhất trước"
        RELEVANCE = "relevance", "Phù hợp nhất trước"

    intro = RichTextField("giới thiệu", blank=True, features=["bold", "italic", "link"])
    query = models.CharField(
        "từ khóa",
        max_length=500,
        blank=True,
        help_text="Có dấu hoặc không dấu; có thể là số ký hiệu, ví dụ 34-CT/TW.",
    )
    document_type = models.ForeignKey(
        "documents.DocumentType",
        verbose_name="loại văn bản",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issuing_body = models.ForeignKey(
        "documents.IssuingBody",
        verbose_name="cơ quan ban hành",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    field = models.ForeignKey(
        "documents.Field",
        verbose_name="lĩnh vực",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        "tình trạng hiệu lực",
        max_length=24,
        choices=ValidityStatus.choices,
        blank=True,
    )
    year = models.PositiveSmallIntegerField("năm ban hành", null=True, blank=True)
    tag = models.CharField("từ khóa gắn thẻ", max_length=100, blank=True)
    cites = models.CharField(
        "dẫn chiếu đến văn bản",
        max_length=80,
        blank=True,
        help_text="Số ký hiệu: chỉ liệt kê văn bản dẫn chiếu đến văn bản này.",
    )
    sort = models.CharField(
        "sắp xếp", max_length=10, choices=Sort.choices, default=Sort.DATE
    )
    per_page = models.PositiveSmallIntegerField("số văn bản mỗi trang", default=20)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("query"),
                FieldRowPanel(
                    [FieldPanel("document_type"), FieldPanel("issuing_body")]
                ),
                FieldRowPanel([FieldPanel("field"), FieldPanel("status")]),
                FieldRowPanel(
                    [FieldPanel("year"), FieldPanel("tag"), FieldPanel("cites")]
                ),
                FieldRowPanel([FieldPanel("sort"), FieldPanel("per_page")]),
            ],
            heading="Điều kiện lọc",
        ),
    ]
    parent_page_types = ["pages.HomePage", "pages.DocumentIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "danh sách văn bản (tìm kiếm lưu sẵn)"
        verbose_name_plural = "danh sách văn bản"

    def filters(self) -> dict:
        """The stored conditions as search filters (values as the index has them)."""
        stored = {
            "kind": "document",
            "type": self.document_type.name if self.document_type_id else "",
            "issuer": self.issuing_body.name if self.issuing_body_id else "",
            "field": self.field.name if self.field_id else "",
            "status": self.status,
            "year": str(self.year or ""),
            "tag": self.tag.strip(),
        }
        filters = {name: [value] for name, value in stored.items() if value}
        if self.cites.strip():
            # Any written variant of the code ("34/CT-TW") names the same keys.
            filters["cites"] = query_code_keys(self.cites) or [self.cites.strip()]
        return filters

    def search_query(
        self, *, page: int = 1, per_page: int | None = None
    ) -> SearchQuery:
        return SearchQuery(
            text=self.query.strip(),
            filters=self.filters(),
            sort=self.sort,
            page=page,
            per_page=per_page or max(1, min(self.per_page, 100)),
        )

    def results_page(self, raw_page) -> tuple[PaginatorPage, str | None]:
        """One page of results and the search's notice (fallback), if any."""
        try:
            number = min(max(int(raw_page or 1), 1), MAX_PAGE)
        except (TypeError, ValueError):
            number = 1
        query = self.search_query(page=number)
        results = search(query)
        if not results.hits and number > 1:
            query = self.search_query(page=1)
            results = search(query)
        hits = HitList(results.hits, results.total, query.offset)
        paginator = Paginator(hits, query.per_page)
        return paginator.get_page(query.page), results.notice

    @path("")
    def index(self, request):
        page_obj, notice = self.results_page(request.GET.get("page"))
        return self.render(
            request, context_overrides={"page_obj": page_obj, "notice": notice}
        )

    @path("rss/")
    def rss_feed(self, request):
        from pages.feeds import SavedSearchFeed

        return SavedSearchFeed(self)(request)

    def feed_hits(self) -> list:
        query = self.search_query(per_page=FEED_SIZE)
        query.sort = "date"
        return search(query).hits
