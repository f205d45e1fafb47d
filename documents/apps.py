from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """The document domain: vocabularies, citations, parsing. No signal wiring:
    what happens when a document page is published is the page layer's."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "documents"
    verbose_name = "Văn bản"
