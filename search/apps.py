"""App config of the portal's search (label ``portal_search``).

Wagtail's own search app is labelled ``wagtailsearch`` and django-modelsearch
``modelsearch``; ``portal_search`` keeps clear of both and of any future "search".
"""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Registers the index-update signal handlers once the app registry is ready."""

    name = "search"
    label = "portal_search"
    verbose_name = "Tìm kiếm"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals

        signals.connect()
