"""The project package as an app: project-wide signal wiring, no models."""

from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Connects the full-page cache invalidation for every process.

    Connected here rather than in the middleware so that management commands
    (``import_documents``, ``publish_scheduled``, ``load_demo``) invalidate too.
    """

    name = "portal"
    verbose_name = "Cổng văn bản"

    def ready(self) -> None:
        from pages.cache import connect_signals

        connect_signals()
