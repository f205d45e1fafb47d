from django.apps import AppConfig


class PagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pages"
    verbose_name = "Trang"

    def ready(self):
        """Publishing or unpublishing a decision links or hides its awards on
        the exemplar pages (``pages.services``)."""
        from wagtail.signals import page_published, page_unpublished

        from pages import services
        from pages.models import DecisionPage

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
