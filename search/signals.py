"""Index updates after commit, from Wagtail's and Django's signals.

Publishing is the page layer's pipeline (``pages.publishing``), which indexes
the page once its citations are stored. Here: unpublishing or deleting removes
a page; moving a page,
changing its slug or a view restriction reindexes the page and its descendants (their
URLs or visibility changed). Everything runs in ``transaction.on_commit`` so a
rolled-back edit never reaches the index.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from . import indexing


def _subtree(page):
    from wagtail.models import Page

    return Page.objects.descendant_of(page, inclusive=True).specific()


def _after_commit(func, *args) -> None:
    transaction.on_commit(lambda: func(*args))


def on_unpublished(sender, instance, **kwargs) -> None:
    _after_commit(indexing.unindex_pages, [instance.pk])


def on_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        _after_commit(indexing.unindex_pages, [instance.pk])


def on_moved(sender, instance, **kwargs) -> None:
    _after_commit(lambda pk: indexing.index_pages(_subtree_by_pk(pk)), instance.pk)


def on_restriction_changed(sender, instance, **kwargs) -> None:
    _after_commit(lambda pk: indexing.index_pages(_subtree_by_pk(pk)), instance.page_id)


def _subtree_by_pk(pk):
    from wagtail.models import Page

    page = Page.objects.filter(pk=pk).first()
    return list(_subtree(page)) if page else []


def connect() -> None:
    """Wire the receivers (called from ``SearchConfig.ready``)."""
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_slug_changed, page_unpublished, post_page_move

    page_unpublished.connect(on_unpublished, dispatch_uid="portal_search.unpublished")
    post_delete.connect(on_deleted, dispatch_uid="portal_search.deleted")
    post_page_move.connect(on_moved, dispatch_uid="portal_search.moved")
    page_slug_changed.connect(on_moved, dispatch_uid="portal_search.slug_changed")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"portal_search.restriction.{signal is post_save}",
        )
