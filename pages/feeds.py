"""RSS and Atom feeds of live, public documents, news and exemplars."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from documents.identity import shown_code

FEED_SIZE = 30


class DocumentRSSFeed(Feed):
    """The latest documents of one "Văn bản" section."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index_page.title} – văn bản mới"

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return "Văn bản mới ban hành, đăng trên cổng thông tin."

    def items(self):
        """The section's newest documents, under the same filters as the list
        the feed was linked from (``/van-ban/rss/?status=het_hieu_luc``)."""
        from pages.models.home import DocumentFilterForm

        documents = self.index_page.documents()
        if self.request.GET:
            documents = DocumentFilterForm(self.request.GET).filter(documents)
        return documents[:FEED_SIZE]

    def item_title(self, item):
        code = shown_code(item.code)
        return f"{code} – {item.title}" if code else item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at


class DocumentAtomFeed(DocumentRSSFeed):
    feed_type = Atom1Feed
    subtitle = DocumentRSSFeed.description


class NewsRSSFeed(DocumentRSSFeed):
    """The latest items of one news section ("Tin tức", "Gương người tốt...")."""

    def title(self):
        return f"{self.index_page.title} – tin mới"

    def description(self):
        return "Tin tức, gương người tốt, việc tốt đăng trên cổng thông tin."

    def items(self):
        return self.index_page.feed_items()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRSSFeed):
    feed_type = Atom1Feed
    subtitle = NewsRSSFeed.description


class ExemplarRSSFeed(NewsRSSFeed):
    """Newly published exemplars; details only where consent is recorded."""

    def title(self):
        return f"{self.index_page.title} – điển hình mới"

    def description(self):
        return "Điển hình tiên tiến mới được giới thiệu trên cổng thông tin."

    def item_description(self, item):
        return item.social_description()

    def item_author_name(self, item):
        return None

    def item_categories(self, item):
        return [item.get_kind_display()]


class ExemplarAtomFeed(ExemplarRSSFeed):
    feed_type = Atom1Feed
    subtitle = ExemplarRSSFeed.description


class SavedSearchFeed(DocumentRSSFeed):
    """The newest results of a "Danh sách văn bản" page's stored query."""

    def title(self):
        return f"{self.index_page.title} – văn bản mới"

    def description(self):
        return "Văn bản mới khớp với danh sách lưu sẵn trên cổng thông tin."

    def items(self):
        return self.index_page.feed_hits()

    def item_description(self, item):
        parts = [
            item.doc_type,
            item.issuer,
            item.date.strftime("%d/%m/%Y") if item.date else "",
        ]
        return " · ".join(part for part in parts if part)

    def item_link(self, item):
        return self.request.build_absolute_uri(item.url)

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        if item.date is None:
            return None
        return dt.datetime.combine(item.date, dt.time(), tzinfo=dt.UTC)
