"""Document-level results: each document once, its best Điều nested under it.

A legal document is indexed as one entry for the document and one per Điều
(``search.entries``), so a flat ranked list can show three Điều of one decision
before any other document. ``group_hits`` folds a ranked list into one
:class:`DocumentGroup` per page, in the order of each page's best hit, with up
to :data:`MAX_ARTICLES` of its Điều (best first, with their anchors and
snippets). Exemplars, news and movements are groups of their own.
``search_grouped`` reads as many flat result pages as it needs to fill a page
of groups.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .types import Hit, SearchQuery, SearchResults

MAX_ARTICLES = 3
# Flat hits read per page of groups, at most (pages of MAX_PER_PAGE hits).
MAX_FLAT_PAGES = 5
FLAT_PAGE = 100


@dataclass
class DocumentGroup:
    """One document (or other page) and its best matching Điều."""

    hit: Hit
    articles: list[Hit] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = self.hit.to_dict()
        data["articles"] = [article.to_dict() for article in self.articles]
        return data


def document_hit(article: Hit) -> Hit:
    """The document a Điều belongs to, when the document's own entry is not
    among the hits: its title is the part before the article heading."""
    title = article.title
    if article.article and f" – {article.article}" in title:
        title = title.split(f" – {article.article}", 1)[0]
    return replace(
        article,
        key=article.key.split("#", 1)[0],
        kind="document",
        title=title,
        url=article.url.split("#", 1)[0],
        article=None,
        anchor=None,
        snippet="",
    )


def group_hits(
    hits: list[Hit], max_articles: int = MAX_ARTICLES
) -> list[DocumentGroup]:
    """Ranked hits as ranked groups, one per page (see the module docstring)."""
    groups: dict[int, DocumentGroup] = {}
    stand_ins: set[int] = set()  # heads made from a Điều, not yet the real one
    for hit in hits:
        group = groups.get(hit.page_id)
        if hit.kind == "article":
            if group is None:
                group = groups[hit.page_id] = DocumentGroup(document_hit(hit))
                stand_ins.add(hit.page_id)
            if len(group.articles) < max_articles:
                group.articles.append(hit)
        elif group is None:
            groups[hit.page_id] = DocumentGroup(hit)
        elif hit.page_id in stand_ins:
            # The document's own entry, found after one of its Điều.
            group.hit = replace(hit, score=max(hit.score, group.hit.score))
            stand_ins.discard(hit.page_id)
    return list(groups.values())


@dataclass
class GroupedResults:
    """A page of document groups; ``results`` is the first flat page read
    (total, facets, notices), ``more`` says whether a next page exists."""

    groups: list[DocumentGroup]
    results: SearchResults
    page: int
    more: bool


def search_grouped(query: SearchQuery, run=None) -> GroupedResults:
    """Page ``query.page`` of ``query.per_page`` document groups.

    Flat pages of :data:`FLAT_PAGE` hits are read in order until the groups
    of the page (and one more, to know there is a next page) are complete or
    :data:`MAX_FLAT_PAGES` were read; ``run`` is the search function
    (``search.search`` by default).
    """
    if run is None:
        from . import search as run
    wanted = query.page * query.per_page + 1
    hits: list[Hit] = []
    first = None
    for flat_page in range(1, MAX_FLAT_PAGES + 1):
        flat = replace(query, page=flat_page, per_page=FLAT_PAGE)
        results = run(flat)
        first = first or results
        hits += results.hits
        if len(results.hits) < FLAT_PAGE or len(group_hits(hits)) >= wanted:
            break
    groups = group_hits(hits)
    start = (query.page - 1) * query.per_page
    return GroupedResults(
        groups=groups[start : start + query.per_page],
        results=first,
        page=query.page,
        more=len(groups) > start + query.per_page,
    )
