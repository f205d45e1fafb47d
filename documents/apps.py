from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "documents"
    verbose_name = "Văn bản"

    def ready(self):
        """Number published versions and detect validity effects on publish
        (``documents.versioning``); give new document sections the review
        workflow (``documents.workflow``)."""
        from wagtail.signals import page_published

        from documents import versioning, workflow

        page_published.connect(
            versioning.on_page_published, dispatch_uid="documents.versions"
        )
        page_published.connect(
            workflow.on_section_published, dispatch_uid="documents.workflow"
        )
        self._connect_citation_graph()

    def _connect_citation_graph(self):
        """Store and resolve citations after a document is (un)published
        (``documents.graph``)."""
        from wagtail.signals import page_published, page_unpublished

        from documents import graph

        page_published.connect(graph.on_page_published, dispatch_uid="documents.graph")
        page_unpublished.connect(
            graph.on_page_unpublished, dispatch_uid="documents.graph_unpublish"
        )
