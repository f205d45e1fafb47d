"""Routes shared by the listing pages that offer RSS and Atom feeds."""

from django.utils.module_loading import import_string
from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class FeedRoutesMixin(RoutablePageMixin):
    """The listing itself at ``""`` plus ``rss/`` and ``atom/``.

    Subclasses name their feed classes (in ``pages.feeds``) by dotted path, which
    keeps the feeds module out of the models' import chain.
    """

    rss_feed_class = ""
    atom_feed_class = ""

    @path("")
    def index(self, request):
        return self.render(request)

    @path("rss/")
    def rss_feed(self, request):
        return import_string(self.rss_feed_class)(self)(request)

    @path("atom/")
    def atom_feed(self, request):
        return import_string(self.atom_feed_class)(self)(request)
