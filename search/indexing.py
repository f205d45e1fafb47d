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
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from types import SimpleNamespace
from typing import Any

from . import backend_aliases, get_backend, restore
from .backends.base import BackendError
from .types import IndexEntry

logger = logging.getLogger(__name__)


#: (page class, builder) pairs, most specific first; the page layer fills it
#: (``pages.search_index``) so this module never imports a page type.
_BUILDERS: list[tuple[type, Callable[[Any], list[IndexEntry]]]] = []
#: Relations ``build`` reads, per registered class: a rebuild fetches them for
#: a whole chunk of pages at once (``prefetch_related_objects``).
_RELATED: dict[type, tuple[str, ...]] = {}


def register(
    model: type,
    build: Callable[[Any], list[IndexEntry]],
    *,
    related: tuple[str, ...] = (),
) -> None:
    """Index pages of ``model`` (and its subclasses) with ``build(page)``;
    ``related``: the relations it reads (``"signer"``, ``"tags"``), fetched
    in bulk by ``all_entries``.

    Registering a class again replaces its builder, keeping its place.
    """
    _RELATED[model] = tuple(related)
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
    """Entries of every indexable page, reading pages in chunks with the
    relations their builders read (a constant number of queries per chunk).
    Each chunk is read through ``indexable_pages`` (live and public): no
    check per page."""
    ids = list(indexable_pages().values_list("pk", flat=True))
    for chunk in _chunks(ids, chunk_size):
        for page in read_chunk(chunk):
            yield from entries_of(page)


def _chunks(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def read_chunk(page_ids: list[int]) -> list:
    """The indexable pages among ``page_ids`` (live, public), specific, with
    the relations their builders read fetched for all of them at once: a
    number of queries that does not depend on how many pages there are."""
    pages = list(indexable_pages().filter(pk__in=page_ids).specific())
    _prefetch(pages)
    return pages


def index_page_ids(page_ids: Iterable[int], chunk_size: int = 200) -> None:
    """Index again the pages with these ids, reading them a chunk at a time
    as ``all_entries`` does (``index_pages`` reads each page's relations on
    its own); those no longer indexable lose their entries."""
    ids = sorted(set(page_ids))
    for chunk in _chunks(ids, chunk_size):
        pages = read_chunk(chunk)
        by_page = {page.pk: entries_of(page) for page in pages}
        entries = [entry for page in pages for entry in by_page[page.pk]]
        _each_backend(partial(_replace, chunk, entries))
        gone = set(chunk) - set(by_page)
        gone_pages = [SimpleNamespace(pk=pk, live_revision_id=None) for pk in gone]
        count_text([*pages, *gone_pages], by_page)


def _prefetch(pages: list) -> None:
    from django.db.models import prefetch_related_objects

    for model, related in _RELATED.items():
        of_model = [page for page in pages if isinstance(page, model)]
        if of_model and related:
            prefetch_related_objects(of_model, *related)


def _replace(page_ids: list[int], entries: list, backend) -> None:
    backend.replace_pages(page_ids, entries)


def _each_backend(action) -> None:
    for alias in backend_aliases():
        try:
            action(get_backend(alias))
        except BackendError:
            logger.exception("search index update failed on backend %r", alias)


def statistics_databases() -> list[str]:
    """The databases whose accent statistics (``search.restore``) the
    configured backends read: their ``DATABASE`` option, else "default"."""
    return list(
        dict.fromkeys(
            get_backend(alias).options.get("DATABASE", "default")
            for alias in backend_aliases()
        )
    )


def entries_of(page) -> list[IndexEntry]:
    """The entries ``page`` gives by its content, whether live or not."""
    page = page.specific
    for model, build in _BUILDERS:
        if isinstance(page, model):
            return build(page)
    return []


def _revision_entries(revision_id: int) -> list[IndexEntry]:
    """Entries of a page as it was at a revision ([] when that is gone)."""
    from wagtail.models import Revision

    revision = Revision.objects.filter(pk=revision_id).first()
    if revision is None:
        return []
    try:
        return entries_of(revision.as_object())
    except Exception:  # an old revision a changed model cannot load
        logger.warning("revision %s could not be read", revision_id, exc_info=True)
        return []


def count_text(pages: list, entries: dict[int, list[IndexEntry]]) -> None:
    """Bring the accent statistics in line with ``pages``: count the text of
    the revision now indexed (``entries`` by page id), stop counting the
    revision counted before; a page moved or renamed is counted once."""
    from django.db import DatabaseError

    if not pages or not restore.enabled():
        return
    for using in statistics_databases():
        try:
            counted = restore.counted_revisions([p.pk for p in pages], using)
            added, removed, revisions = Counter(), Counter(), {}
            for page in pages:
                now = (page.live_revision_id or 0) if entries.get(page.pk) else None
                before = counted.get(page.pk)
                if before == now:
                    continue
                if before is not None:
                    removed.update(restore.entry_counts(_revision_entries(before)))
                if now is not None:
                    added.update(restore.entry_counts(entries[page.pk]))
                revisions[page.pk] = now
            restore.update(added, removed, revisions, using)
        except DatabaseError:
            logger.exception("accent statistics update failed in %r", using)


def index_pages(pages: Iterable) -> None:
    """Replace the entries of ``pages`` (removing those no longer indexable)."""
    pages = list(pages)
    by_page = {page.pk: page_entries(page) for page in pages}
    entries = [entry for page in pages for entry in by_page[page.pk]]
    page_ids = [page.pk for page in pages]
    _each_backend(lambda backend: backend.replace_pages(page_ids, entries))
    count_text(pages, by_page)


def unindex_pages(page_ids: Iterable[int]) -> None:
    """Remove every entry of the given pages."""
    page_ids = list(page_ids)
    _each_backend(lambda backend: backend.replace_pages(page_ids, []))
    # The pages may be deleted already: their ids are all that is needed.
    count_text([SimpleNamespace(pk=pk, live_revision_id=None) for pk in page_ids], {})


def counting_text(entries: Iterable[IndexEntry]) -> Iterator[IndexEntry]:
    """``entries`` of every indexable page passed through while the accent
    statistics of every database are counted again from them."""
    from wagtail.models import Page

    if not restore.enabled():
        yield from entries
        return
    pages: set[int] = set()

    def seen(stream):
        for entry in stream:
            if entry.page_id is not None:
                pages.add(entry.page_id)
            yield entry

    stream = seen(entries)
    for using in statistics_databases():
        stream = restore.counting(stream, using)
    yield from stream
    revisions = dict(
        Page.objects.filter(pk__in=pages).values_list("pk", "live_revision_id")
    )
    for using in statistics_databases():
        restore.mark_pages({pk: r or 0 for pk, r in revisions.items()}, using)
