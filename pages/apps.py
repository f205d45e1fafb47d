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
        (``pages.vocabulary_index``) and reindexes the documents of a signer,
        issuing body, document type or field edited or deleted in the admin."""
        from django.db.models.signals import post_migrate, post_save, pre_delete
        from wagtail.signals import page_published, page_unpublished

        from pages import graph, publishing, search_index, services, vocabulary_index
        from pages.models import DecisionPage

        search_index.register()
        post_migrate.connect(
            vocabulary_index.on_post_migrate,
            sender=self,
            dispatch_uid="pages.vocabulary_index",
        )
        for model in search_index.vocabulary_models():
            name = model.__name__.lower()
            post_save.connect(
                search_index.on_vocabulary_saved,
                sender=model,
                dispatch_uid=f"pages.vocabulary_saved.{name}",
            )
            pre_delete.connect(
                search_index.on_vocabulary_deleting,
                sender=model,
                dispatch_uid=f"pages.vocabulary_deleting.{name}",
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
