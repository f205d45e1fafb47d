"""The grouped listing of ``/tim-kiem/`` and ``/api/v1/search/`` and its counts.

Both read the same best ``GROUPED_READ`` matching entries in one search, make
the page's groups of them (``search.grouping``) and count the results among
them, so the page's "N kết quả" is the API's ``total`` and its "M mục phù hợp"
the API's ``matches`` (officer walk #14: the page stated the entries, 1.080,
where the API stated the documents, 235). That read leaves out the entries'
stored texts (``SearchQuery.texts``): the texts of the hits the page shows
are read afterwards in one request, and their snippets built from them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import search as run_search
from .grouping import (
    FLAT_PAGE,
    MAX_FLAT_PAGES,
    GroupedResults,
    group_hits,
    search_grouped,
)
from .types import SearchQuery, SearchResults

# Flat matches a grouped listing reads to count its results (as many as
# ``search_grouped`` reads at most).
GROUPED_READ = FLAT_PAGE * MAX_FLAT_PAGES


@dataclass
class Listing:
    """A page of the grouped listing and its counts, the same on ``/tim-kiem/``
    and ``/api/v1/search/``: ``total`` results (a document and its Điều count
    once; exact unless ``total_exact`` is False, when more entries match than
    a grouped listing reads and ``total`` counts the results it can page
    through), ``matches`` matching entries (documents and each Điều apart,
    the backend's exact count)."""

    grouped: GroupedResults
    total: int = 0
    total_exact: bool = True
    matches: int = 0


def grouped_listing(query: SearchQuery, *, or_first_page: bool = False) -> Listing:
    """Page ``query.page`` of the grouped listing, with its counts.

    The best ``GROUPED_READ`` matching entries, the most a grouped listing
    reads (``search.grouping``), are read in one search; the page's groups
    are made of them and the results among them are counted. With
    ``or_first_page``, a page past the end is page 1 (``query.page`` set to
    1), made of the same read. The read leaves out the entries' texts; the
    shown hits' texts are read once the page is known."""
    wide = run_search(replace(query, page=1, per_page=GROUPED_READ, texts=False))

    def run(flat: SearchQuery) -> SearchResults:  # the first hits of the read
        return replace(wide, hits=wide.hits[: flat.per_page])

    grouped = search_grouped(query, run)
    if or_first_page and not grouped.groups and query.page > 1:
        query.page = 1
        grouped = search_grouped(query, run)
    if wide.texts is not None:
        wide.texts.load(
            hit for group in grouped.groups for hit in [group.hit, *group.articles]
        )
    return Listing(
        grouped=grouped,
        total=len(group_hits(wide.hits)),
        total_exact=len(wide.hits) >= wide.total,
        matches=wide.total,
    )


def count_line(listing: Listing) -> dict:
    """The counts the page states, as the API's ``total`` and ``matches``
    (numbers written the Vietnamese way, 1.235)."""
    return {
        "total": vi_number(listing.total),
        "matches": vi_number(listing.matches),
        "exact": listing.total_exact,
        "articles": listing.matches > listing.total,
    }


def vi_number(number: int) -> str:
    """``1235`` as Vietnamese writes it: "1.235"."""
    return f"{number:,}".replace(",", ".")
