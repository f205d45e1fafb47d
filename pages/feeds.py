"""RSS and Atom feeds of live, public documents."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

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
        return self.index_page.documents()[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.code} – {item.title}" if item.code else item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at


class DocumentAtomFeed(DocumentRSSFeed):
    feed_type = Atom1Feed
    subtitle = DocumentRSSFeed.description
