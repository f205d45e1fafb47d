"""A plain content page ("Giới thiệu", "Liên hệ"): a title and a rich text body
under the home page, for what is no document, exemplar or news item."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

BODY_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class ContentPage(Page):
    """A page of the portal's own information. When it is the page "Thông tin
    cổng" names as the contact page, its template also shows the portal's
    contact details from that setting, so they are kept in one place."""

    body = RichTextField("nội dung", blank=True, features=BODY_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    template = "pages/content_page.html"

    class Meta:
        verbose_name = "trang nội dung"
        verbose_name_plural = "trang nội dung"
