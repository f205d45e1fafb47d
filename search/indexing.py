"""Pages → index entries, and keeping every configured backend up to date.

Only live pages without view restrictions (on themselves or an ancestor) are
indexed. What a page of a given type contributes is up to the page layer: it
registers one builder per page class (``register``; ``pages.search_index``),
so this module knows no page type.

``index_pages`` / ``unindex_pages`` write to every backend of
``PORTAL_SEARCH_BACKENDS`` (the fallback must be current when it is needed);
the signal handlers in ``search.signals`` call them after commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from . import backend_aliases, get_backend
from .backends.base import BackendError
from .types import IndexEntry

logger = logging.getLogger(__name__)


#: (page class, builder) pairs, most specific first; the page layer fills it
#: (``pages.search_index``) so this module never imports a page type.
_BUILDERS: list[tuple[type, Callable[[Any], list[IndexEntry]]]] = []


def register(model: type, build: Callable[[Any], list[IndexEntry]]) -> None:
    """Index pages of ``model`` (and its subclasses) with ``build(page)``.

    Registering a class again replaces its builder, keeping its place.
    """
    for i, (known, _) in enumerate(_BUILDERS):
        if known is model:
            _BUILDERS[i] = (model, build)
            return
    _BUILDERS.append((model, build))


def page_entries(page) -> list[IndexEntry]:
    """Index entries of one page ([] when it must not be searchable)."""
    page = page.specific
    if not is_indexable(page):
        return []
    for model, build in _BUILDERS:
        if isinstance(page, model):
            return build(page)
    return []


def is_indexable(page) -> bool:
    """Live and public: no view restriction on the page or an ancestor."""
    return bool(page.live and page.depth > 1 and not page.get_view_restrictions())


def indexable_pages():
    """Every page that may be indexed (live, public), most recent last."""
    from wagtail.models import Page

    return Page.objects.live().public().filter(depth__gt=1).order_by("pk")


def all_entries(chunk_size: int = 200) -> Iterator[IndexEntry]:
    """Entries of every indexable page, reading pages in chunks."""
    ids = list(indexable_pages().values_list("pk", flat=True))
    from wagtail.models import Page

    for start in range(0, len(ids), chunk_size):
        for page in Page.objects.filter(
            pk__in=ids[start : start + chunk_size]
        ).specific():
            yield from page_entries(page)


def _each_backend(action) -> None:
    for alias in backend_aliases():
        try:
            action(get_backend(alias))
        except BackendError:
            logger.exception("search index update failed on backend %r", alias)


def index_pages(pages: Iterable) -> None:
    """Replace the entries of ``pages`` (removing those no longer indexable)."""
    pages = list(pages)
    entries = [entry for page in pages for entry in page_entries(page)]
    page_ids = [page.pk for page in pages]
    _each_backend(lambda backend: backend.replace_pages(page_ids, entries))


def unindex_pages(page_ids: Iterable[int]) -> None:
    """Remove every entry of the given pages."""
    page_ids = list(page_ids)
    _each_backend(lambda backend: backend.replace_pages(page_ids, []))
