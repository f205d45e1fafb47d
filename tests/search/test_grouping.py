"""Document-level results (``search.grouping``)."""

from __future__ import annotations

from search.grouping import group_hits, search_grouped
from search.types import Hit, SearchQuery, SearchResults


def _hit(page_id: int, kind: str = "document", n: int | None = None) -> Hit:
    base = f"/van-ban/{page_id}/"
    title = f"Quyết định {page_id}"
    if n is None:
        return Hit(f"page:{page_id}", page_id, kind, title, base, snippet="x")
    return Hit(
        f"page:{page_id}#dieu-{n}",
        page_id,
        "article",
        f"{title} – Điều {n}. Phạm vi",
        f"{base}#dieu-{n}",
        article=f"Điều {n}",
        anchor=f"dieu-{n}",
        snippet=f"điều {n}",
    )


def test_each_document_once_with_at_most_three_articles():
    hits = [_hit(1, n=1), _hit(1, n=2), _hit(1, n=3), _hit(1, n=4), _hit(2)]
    hits += [_hit(1), _hit(3, "news")]
    groups = group_hits(hits)
    assert [g.hit.key for g in groups] == ["page:1", "page:2", "page:3"]
    first = groups[0]
    assert [a.anchor for a in first.articles] == ["dieu-1", "dieu-2", "dieu-3"]
    # The document's own entry replaced the stand-in made from its Điều.
    assert first.hit.kind == "document" and first.hit.snippet == "x"
    assert groups[2].hit.kind == "news" and groups[2].articles == []


def test_a_document_known_only_by_its_articles_gets_its_title():
    group = group_hits([_hit(7, n=5)])[0]
    assert group.hit.title == "Quyết định 7" and group.hit.url == "/van-ban/7/"
    assert group.hit.article is None and group.to_dict()["articles"][0]["anchor"]


def test_pages_of_groups_read_flat_pages_until_full():
    flat = [_hit(p, n=n) for p in range(1, 60) for n in (1, 2, 3)]
    calls = []

    def run(query: SearchQuery) -> SearchResults:
        calls.append(query.page)
        start = (query.page - 1) * query.per_page
        return SearchResults(hits=flat[start : start + query.per_page], total=177)

    page = search_grouped(SearchQuery(text="x", page=2, per_page=20), run)
    assert [g.hit.page_id for g in page.groups] == list(range(21, 41))
    assert page.more and calls == [1, 2]
    last = search_grouped(SearchQuery(text="x", page=3, per_page=20), run)
    assert len(last.groups) == 19 and not last.more
