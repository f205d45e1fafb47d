"""Extra views of a document page, added to ``LegalDocumentPage`` as a mixin.

``CitationGraphMixin`` adds the relation diagram ("Lược đồ") at
``<page url>luoc-do/`` and exposes the page's citation graph to templates. It is
a ``RoutablePageMixin``; other mixins with routes can sit next to it in the
class bases, each contributing its own ``@path`` views.
"""

from django.template.response import TemplateResponse
from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class CitationGraphMixin(RoutablePageMixin):
    """Relation diagram view and citation helpers for document pages."""

    @path("luoc-do/", name="citation_diagram")
    def citation_diagram(self, request):
        """The document, what it cites and what cites it, grouped by relation."""
        from pages.views import diagram_context

        context = self.get_context(request)
        context.update(diagram_context(self, request))
        return TemplateResponse(request, "documents/citation_diagram.html", context)

    def citation_diagram_url(self, request=None) -> str:
        """URL of the "Lược đồ" view; "" for a page not yet routable (preview)."""
        base = self.get_url(request) if self.pk else None
        return base + self.reverse_subpage("citation_diagram") if base else ""
