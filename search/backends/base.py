"""The interface every search backend implements, and the shared plumbing.

Views, the API and the commands call only these methods. ``search`` is a
template method: it clamps the query (page numbers, sizes), parses the text
once (``search.query.parse``) and hands both to the backend's ``_search``.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from ..query import ParsedQuery, parse
from ..restore import enabled as restore_enabled
from ..restore import restorer
from ..snippets import DeferredTexts
from ..types import IndexEntry, SearchQuery, SearchResults

MAX_PER_PAGE = 100  # hits a page of results shows, at most
# Hits one search may return: the grouped results (``search.grouping``) read up
# to this many in one search rather than scoring the matches once per page.
MAX_READ = 500
MAX_PAGE = 10_000


class BackendError(Exception):
    """The backend could not answer (server down, schema missing...)."""


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of at most ``size`` items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def clamp_query(query: SearchQuery) -> SearchQuery:
    """Copy of ``query`` with a sane page, page size and sort."""
    try:
        page = min(max(int(query.page), 1), MAX_PAGE)
    except (TypeError, ValueError):
        page = 1
    try:
        per_page = min(max(int(query.per_page), 1), MAX_READ)
    except (TypeError, ValueError):
        per_page = 20
    sort = query.sort if query.sort in ("relevance", "date") else "relevance"
    return SearchQuery(
        query.text or "", dict(query.filters or {}), sort, page, per_page, query.texts
    )


def num_pages(total: int, per_page: int) -> int:
    return max(1, math.ceil(total / per_page))


class SearchBackend(ABC):
    """A place entries are indexed and searched; configured by alias + OPTIONS."""

    def __init__(self, alias: str = "default", options: dict[str, Any] | None = None):
        self.alias = alias
        self.options = dict(options or {})

    # -- writing ------------------------------------------------------------
    def add(self, entry: IndexEntry) -> None:
        """Index one entry (replacing the entry with the same key)."""
        self.add_bulk([entry])

    @abstractmethod
    def add_bulk(self, entries: Iterable[IndexEntry]) -> int:
        """Index many entries, replacing same-key entries; returns the count."""

    @abstractmethod
    def delete(self, keys: Iterable[str] = (), page_id: int | None = None) -> None:
        """Remove entries by key, or every entry of a page."""

    def replace_pages(
        self, page_ids: Iterable[int], entries: Iterable[IndexEntry]
    ) -> None:
        """Remove every entry of ``page_ids``, then index ``entries`` (theirs
        now; none when the pages are no longer searchable)."""
        for page_id in page_ids:
            self.delete(page_id=page_id)
        entries = list(entries)
        if entries:
            self.add_bulk(entries)

    @abstractmethod
    def clear(self) -> None:
        """Remove everything."""

    def rebuild(
        self, entries: Iterable[IndexEntry], chunk_size: int = 500, progress: Any = None
    ) -> int:
        """Replace the whole index with ``entries``, indexed in chunks.

        Database backends do it inside one transaction, so readers see the old
        index until the new one is complete.
        """
        self.clear()
        count = 0
        for chunk in chunked(entries, chunk_size):
            count += self.add_bulk(chunk)
            if progress is not None:
                progress.update(len(chunk))
        return count

    # -- reading ------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResults:
        """Answer ``query``: a page of hits, total, facets; never a syntax error."""
        query = clamp_query(query)
        restore = None
        if self.options.get("RESTORE_ACCENTS", restore_enabled()):
            restore = restorer(self.options.get("DATABASE", "default"))
        parsed = parse(query.text, restore)
        results = self._search(parsed, query)
        results.page = query.page
        results.num_pages = num_pages(results.total, query.per_page)
        if not query.texts:  # the hits came without text: read it when shown
            results.texts = DeferredTexts(self.stored_texts, parsed.highlight_terms)
            for hit in results.hits:
                results.texts.defer(hit)
        return results

    @abstractmethod
    def _search(self, parsed: ParsedQuery, query: SearchQuery) -> SearchResults:
        """Backend-specific search of an already parsed and clamped query."""

    @abstractmethod
    def stored_texts(self, keys: list[str]) -> dict[str, str]:
        """{key: body, or legal basis when the body is empty} of the entries
        of these keys (a snippet's text, ``SearchQuery.texts``)."""

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        """Titles to offer while typing (default: the top hits' titles)."""
        results = self.search(SearchQuery(text=prefix, per_page=limit))
        return list(dict.fromkeys(hit.title for hit in results.hits))

    def token_frequencies(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        """(entries holding each folded word or word pair, entries in all): a
        token left out is not known to the backend; (…, 0) when it keeps no
        statistics (``search.unmatched``)."""
        return {}, 0

    @abstractmethod
    def health(self) -> bool:
        """True when the backend can answer queries now."""

    def count(self) -> int:
        """Number of indexed entries (for the commands and the benchmark)."""
        return self.search(SearchQuery(filters={}, per_page=1)).total
