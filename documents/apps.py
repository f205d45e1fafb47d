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
