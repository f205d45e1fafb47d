from django.apps import AppConfig


class PagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pages"
    verbose_name = "Trang"

    def ready(self):
        """Publishing runs the one pipeline (``pages.publishing``); unpublishing a
        document makes the citations naming it dangling (``pages.graph``) and
        hides a decision's awards (``pages.services``). Also tells the search
        index how to read each page type (``pages.search_index``), indexes
        the vocabularies seeded by migrations after each ``migrate``
        (``pages.vocabulary_index``) and reindexes the documents of a signer
        edited or deleted in the admin."""
        from django.db.models.signals import post_migrate, post_save, pre_delete
        from wagtail.signals import page_published, page_unpublished

        from documents.models import Signer
        from pages import graph, publishing, search_index, services, vocabulary_index
        from pages.models import DecisionPage

        search_index.register()
        post_migrate.connect(
            vocabulary_index.on_post_migrate,
            sender=self,
            dispatch_uid="pages.vocabulary_index",
        )
        post_save.connect(
            search_index.on_signer_saved, sender=Signer, dispatch_uid="pages.signer"
        )
        pre_delete.connect(
            search_index.on_signer_deleting,
            sender=Signer,
            dispatch_uid="pages.signer_delete",
        )
        page_published.connect(
            publishing.on_page_published, dispatch_uid="pages.publishing"
        )
        page_unpublished.connect(
            graph.on_page_unpublished, dispatch_uid="pages.graph_unpublish"
        )
        page_unpublished.connect(
            services.on_decision_unpublished,
            sender=DecisionPage,
            dispatch_uid="pages.awards_unlink",
        )
