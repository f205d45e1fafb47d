"""Document-level results: each document once, its best Điều nested under it.

A legal document is indexed as one entry for the document and one per Điều
(``search.entries``), so a flat ranked list can show three Điều of one decision
before any other document. ``group_hits`` folds a ranked list into one
:class:`DocumentGroup` per page, in the order of each page's best hit, with up
to :data:`MAX_ARTICLES` of its Điều (best first, with their anchors and
snippets). Exemplars, news and movements are groups of their own.
``search_grouped`` reads as many flat hits as it needs to fill a page of
groups.
"""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass, field, replace
from typing import Any

from .ranking import MIN_EXPLAINED, Candidate, cover, title_parts, tokens
from .types import Hit, SearchQuery, SearchResults

MAX_ARTICLES = 3
# Flat hits read for a page of groups: FLAT_PAGE, else MAX_FLAT_PAGES times as
# many (at most ``backends.base.MAX_READ``).
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
            head = copy(hit)  # keeps a snippet not built yet unbuilt
            head.score = max(hit.score, group.hit.score)
            group.hit = head
            stand_ins.discard(hit.page_id)
    return list(groups.values())


def articles_before_their_document(hits: list[Hit], text: str) -> list[Hit]:
    """A flat list in which a document's own row follows the Điều the query
    names.

    When a page's best Điều below its document row holds most of its heading
    in the query (``names_heading``: "Quyền của người được trợ giúp
    pháp lý" for Điều 8 of the Luật Trợ giúp pháp lý), that Điều takes the
    document's place and the document comes right after it: the query asks
    for the Điều, and the law's own row, whose text holds every word of the
    question somewhere, says less. A look-up (a title, a số ký hiệu) names no
    heading, so its document stays first. Each page's first row keeps its
    position and the pages keep their order, so the groups (``group_hits``)
    are the same.

    One pass: a move changes no page's own order but that page's, so each
    page's first Điều below its document is found in the list as given (a
    read of 500 hits made 500 scans of it: 60 ms)."""
    query = tokens(text)
    documents: set[int] = set()  # pages whose document row was passed
    first_below: dict[int, Hit] = {}  # page: its first Điều below its document
    for hit in hits:
        if hit.kind == "document":
            if hit.page_id in documents:  # two rows of one page's document
                return _one_by_one(hits, query)
            documents.add(hit.page_id)
        elif hit.kind == "article" and hit.page_id in documents:
            first_below.setdefault(hit.page_id, hit)
    moved = {
        page_id: article
        for page_id, article in first_below.items()
        if names_heading(query, article)
    }
    if not moved:
        return list(hits)
    ordered = []
    for hit in hits:
        if hit.kind == "document" and hit.page_id in moved:
            ordered += [moved[hit.page_id], hit]
        elif not (hit.kind == "article" and moved.get(hit.page_id) is hit):
            ordered.append(hit)
    return ordered


def _one_by_one(hits: list[Hit], query: list[str]) -> list[Hit]:
    """``articles_before_their_document`` document by document (a page
    with two document rows, which indexing never writes)."""
    ordered = list(hits)
    for document in [hit for hit in hits if hit.kind == "document"]:
        at = next(i for i, hit in enumerate(ordered) if hit is document)
        below = next(
            (
                i
                for i, hit in enumerate(ordered[at + 1 :], start=at + 1)
                if hit.kind == "article" and hit.page_id == document.page_id
            ),
            None,
        )
        if below is not None and names_heading(query, ordered[below]):
            ordered.insert(at, ordered.pop(below))
    return ordered


def names_heading(query: list[str], article: Hit) -> bool:
    """The query holds most of a Điều's heading in its order (the second
    stage's ``heading`` signal at ``ranking.MIN_EXPLAINED`` or more) and a word
    of it that the document's title lacks: "Luật Thư viện" names the law, not
    its "Điều 3. Thư viện"."""
    entry = Candidate(id=None, score=0.0, kind="article", title=article.title)
    title, heading = title_parts(entry)
    beyond_title = set(heading) - set(title)
    return cover(query, heading, 2) >= MIN_EXPLAINED and bool(beyond_title & set(query))


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

    The first :data:`FLAT_PAGE` flat hits are read; when they do not fill the
    groups of the page (and one more, to know there is a next page), the
    first ``MAX_FLAT_PAGES * FLAT_PAGE`` are read instead, in one search (a
    search scores every match whatever page it returns, so one long read
    costs about what one short one does), and the groups are made of the
    fewest whole flat pages that fill them. ``run`` is the search function
    (``search.search`` by default). Snippets are built for the groups of the
    page only (``Hit.defer_snippet``).
    """
    if run is None:
        from . import search as run
    wanted = query.page * query.per_page + 1
    results = run(replace(query, page=1, per_page=FLAT_PAGE))
    hits = results.hits
    if len(hits) >= FLAT_PAGE and len(group_hits(hits)) < wanted:
        results = run(replace(query, page=1, per_page=FLAT_PAGE * MAX_FLAT_PAGES))
        hits = results.hits
        # As many flat pages as fill the groups, as when they were read one
        # by one: a Điều ranked further down is not nested under its document.
        for end in range(2 * FLAT_PAGE, len(hits), FLAT_PAGE):
            if len(group_hits(hits[:end])) >= wanted:
                hits = hits[:end]
                break
    groups = group_hits(hits)
    start = (query.page - 1) * query.per_page
    return GroupedResults(
        groups=groups[start : start + query.per_page],
        results=results,
        page=query.page,
        more=len(groups) > start + query.per_page,
    )
