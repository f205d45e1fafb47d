from django.apps import AppConfig


class PagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pages"
    verbose_name = "Trang"

    def ready(self):
        """Publishing or unpublishing a decision links or hides its awards on
        the exemplar pages (``pages.services``); publishing a document numbers
        its version, detects validity effects (``pages.versioning``) and stores
        its citations (``pages.graph``); a new document section gets the review
        workflow (``pages.workflow``). Also tells the search index how to read
        each page type (``pages.search_index``)."""
        from wagtail.signals import page_published, page_unpublished

        from pages import graph, search_index, services, versioning, workflow
        from pages.models import DecisionPage

        search_index.register()
        page_published.connect(
            services.on_decision_published,
            sender=DecisionPage,
            dispatch_uid="pages.awards_link",
        )
        page_unpublished.connect(
            services.on_decision_unpublished,
            sender=DecisionPage,
            dispatch_uid="pages.awards_unlink",
        )
        page_published.connect(
            versioning.on_page_published, dispatch_uid="documents.versions"
        )
        page_published.connect(
            workflow.on_section_published, dispatch_uid="documents.workflow"
        )
        page_published.connect(graph.on_page_published, dispatch_uid="documents.graph")
        page_unpublished.connect(
            graph.on_page_unpublished, dispatch_uid="documents.graph_unpublish"
        )
