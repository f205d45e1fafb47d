"""The one publish pipeline: what happens when a page goes live.

Wagtail sends ``page_published`` inside the transaction that publishes a
revision; ``on_page_published`` (connected once, in ``PagesConfig.ready``) is
the page layer's only receiver of it, and the importer calls
``document_published`` itself. For a document page the steps run in this order:

1. version record (``versioning.record_version``): the next version number;
2. citation rows (``graph.sync_page``): the page's citations, and those of
   other documents that name it, stored and resolved;
3. validity effects (``validity.effects_detect``), read from those rows;
4. awards of a commendation decision linked to the exemplars (``services``);
   then the legal basis: problems nobody acknowledged are logged
   (``basis_audit.record_publication``);
5. on commit: the search index (``search.indexing``), then the page cache.

Steps 2–4 run in savepoints: a failure is logged and never undoes the
publication, except for the importer (``strict=True``), whose record is written
whole or not at all. Any other page type only has its section set-up (a new "Văn bản"
section gets the review workflow) and step 5. Nothing depends on the order of
``INSTALLED_APPS``: the steps are called, not connected.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging

from django.db import transaction

from pages import basis_audit, graph, services, validity, versioning, workflow

logger = logging.getLogger(__name__)
_receiver_off = contextvars.ContextVar("publish_receiver_off", default=False)


class PublishDocumentAction:
    """Steps 1–5 for one published revision of a ``LegalDocumentPage``
    (shaped like Wagtail's action classes: build, then ``execute``)."""

    def __init__(self, page, revision, *, note: str | None = None, strict=False):
        self.page = page
        self.revision = revision
        self.note = note
        self.strict = strict

    def execute(self):
        from pages.models import DecisionPage

        version = versioning.record_version(
            page=self.page, revision=self.revision, note=self.note
        )
        self._step("citation graph", graph.sync_page, self.page)
        validity.effects_detect_safely(source=self.page)
        if isinstance(self.page, DecisionPage):
            self._step("awards", services.awards_link, decision=self.page)
        self._step(
            "legal basis", basis_audit.record_publication, self.page, self.revision
        )
        after_commit(self.page.pk)
        return version

    def _step(self, name: str, func, *args, **kwargs) -> None:
        try:
            with transaction.atomic():
                func(*args, **kwargs)
        except Exception:  # noqa: BLE001 - the page is published; log and go on
            if self.strict:
                raise
            logger.exception("publish step %r failed for page %s", name, self.page.pk)


def document_published(page, revision, *, note: str | None = None, strict=False):
    """Run the pipeline for ``revision`` of ``page``; returns its version.

    ``strict`` makes a failing step raise instead of being logged.
    """
    return PublishDocumentAction(page, revision, note=note, strict=strict).execute()


def after_commit(page_id: int) -> None:
    """Step 5: once the transaction commits, reindex the page, drop cached pages."""
    transaction.on_commit(lambda: _reindex_and_expire(page_id))


def _reindex_and_expire(page_id: int) -> None:
    from wagtail.models import Page

    from pages.cache import invalidate_page_cache
    from search.indexing import index_pages

    index_pages(Page.objects.filter(pk=page_id).specific())
    invalidate_page_cache()


@contextlib.contextmanager
def receiver_suppressed():
    """Publish without the receiver, for a caller that runs the pipeline itself."""
    token = _receiver_off.set(True)
    try:
        yield
    finally:
        _receiver_off.reset(token)


def on_page_published(sender, instance, revision=None, **kwargs) -> None:
    """The page layer's one ``page_published`` receiver."""
    from pages.models import DocumentIndexPage, LegalDocumentPage

    if _receiver_off.get():
        return
    if isinstance(instance, LegalDocumentPage):
        if instance.live and revision and instance.live_revision_id == revision.pk:
            document_published(instance, revision)
            return
    elif isinstance(instance, DocumentIndexPage):
        workflow.on_section_published(sender, instance)
    after_commit(instance.pk)
