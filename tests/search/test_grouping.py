"""Document-level results (``search.grouping``)."""

from __future__ import annotations

from search.grouping import articles_before_their_document, group_hits, search_grouped
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


def test_pages_of_groups_read_flat_hits_until_full():
    flat = [_hit(p, n=n) for p in range(1, 60) for n in (1, 2, 3)]
    calls = []

    def run(query: SearchQuery) -> SearchResults:
        calls.append((query.page, query.per_page))
        start = (query.page - 1) * query.per_page
        return SearchResults(hits=flat[start : start + query.per_page], total=177)

    first = search_grouped(SearchQuery(text="x", page=1, per_page=20), run)
    assert [g.hit.page_id for g in first.groups] == list(range(1, 21))
    assert first.more and calls == [(1, 100)]  # 34 groups in the first 100
    calls.clear()
    page = search_grouped(SearchQuery(text="x", page=2, per_page=20), run)
    assert [g.hit.page_id for g in page.groups] == list(range(21, 41))
    assert page.more and calls == [(1, 100), (1, 500)]
    last = search_grouped(SearchQuery(text="x", page=3, per_page=20), run)
    assert len(last.groups) == 19 and not last.more


def test_snippets_are_built_for_the_groups_shown_only():
    built = []
    hits = []
    for page_id in range(1, 40):
        for hit in (_hit(page_id, n=1), _hit(page_id)):
            hit.defer_snippet(lambda key=hit.key: built.append(key) or f"<{key}>")
            hits.append(hit)

    def run(query: SearchQuery) -> SearchResults:
        return SearchResults(hits=hits[: query.per_page], total=len(hits))

    page = search_grouped(SearchQuery(text="x", per_page=2), run)
    assert built == []
    shown = [page.groups[0].hit.snippet, page.groups[0].articles[0].snippet]
    assert shown == ["<page:1>", "<page:1#dieu-1>"]
    assert page.groups[1].to_dict()["snippet"] == "<page:2>"
    assert built == ["page:1", "page:1#dieu-1", "page:2", "page:2#dieu-1"]


def test_a_long_read_keeps_the_whole_pages_that_fill_the_groups():
    flat = [_hit(p, n=1) for p in range(1, 301)] + [_hit(1, n=2)]
    calls = []

    def run(query: SearchQuery) -> SearchResults:
        calls.append(query.per_page)
        start = (query.page - 1) * query.per_page
        return SearchResults(hits=flat[start : start + query.per_page], total=301)

    page = search_grouped(SearchQuery(text="x", page=2, per_page=100), run)
    assert calls == [100, 500] and page.more
    assert [g.hit.page_id for g in page.groups] == list(range(101, 201))
    # Read page by page, the third flat page filled the groups: the Điều
    # ranked 301st is not nested under its document.
    first = search_grouped(SearchQuery(text="x", page=1, per_page=100), run)
    assert [a.key for a in first.groups[0].articles] == ["page:1#dieu-1"]


def test_a_document_row_follows_the_article_whose_heading_the_query_names():
    hits = [_hit(1), _hit(2), _hit(1, n=8), _hit(3, "news"), _hit(1, n=9), _hit(4)]
    hits.append(_hit(4, n=2))
    ordered = articles_before_their_document(hits, "Quy định về phạm vi như thế nào?")
    keys = [hit.key for hit in ordered]
    assert keys == [
        "page:1#dieu-8",  # took its document's place
        "page:1",
        "page:2",
        "page:3",
        "page:1#dieu-9",
        "page:4#dieu-2",
        "page:4",
    ]
    # Each page's first row, and so the groups, are where they were.
    assert [g.hit.key for g in group_hits(ordered)] == [
        g.hit.key for g in group_hits(hits)
    ]
    assert [[a.key for a in g.articles] for g in group_hits(ordered)] == [
        [a.key for a in g.articles] for g in group_hits(hits)
    ]


def test_a_look_up_keeps_its_document_first():
    hits = [_hit(1), _hit(2), _hit(1, n=8)]
    for text in ("Quyết định 1", "quyet dinh 1 ve dat dai", ""):
        assert articles_before_their_document(hits, text) == hits
    # Nothing to move: the Điều is above its document already.
    hits = [_hit(5, n=1), _hit(5), _hit(6)]
    assert articles_before_their_document(hits, "phạm vi") == hits
    assert articles_before_their_document([], "phạm vi") == []


def test_a_law_named_by_its_title_stays_above_its_subject_article():
    """ "Luật Thư viện" names the law, though its "Điều 3. Thư viện" holds
    every word of the query that is not the kind's."""
    law = Hit("page:1", 1, "document", "Luật Thư viện", "/van-ban/1/", snippet="x")
    article = Hit(
        "page:1#dieu-3",
        1,
        "article",
        "Luật Thư viện – Điều 3. Thư viện",
        "/van-ban/1/#dieu-3",
        article="Điều 3",
        anchor="dieu-3",
        snippet="x",
    )
    for text in ("Luật Thư viện", "luat thu vien", "thư viện"):
        assert articles_before_their_document([law, article], text) == [law, article]
    # A word of the heading beyond the title asks for the Điều.
    article.title = "Luật Thư viện – Điều 8. Trách nhiệm của thư viện"
    assert articles_before_their_document(
        [law, article], "Trách nhiệm của thư viện"
    ) == [article, law]


def test_search_hands_back_the_page_so_ordered(monkeypatch):
    import search

    class Backend:
        def search(self, query):
            return SearchResults(hits=[_hit(1), _hit(2), _hit(1, n=3)], total=3)

    monkeypatch.setattr(search, "get_backend", lambda alias="default": Backend())
    found = search.search(SearchQuery(text="phạm vi điều chỉnh"))
    assert [hit.key for hit in found.hits] == ["page:1#dieu-3", "page:1", "page:2"]


def _moved_one_by_one(hits: list[Hit], text: str) -> list[Hit]:
    """The order as first written: document by document, each move made in
    the list as the earlier moves left it (a scan of the list per document)."""
    from search.grouping import names_heading
    from search.ranking import tokens

    query, ordered = tokens(text), list(hits)
    for document in [hit for hit in hits if hit.kind == "document"]:
        at = next(i for i, hit in enumerate(ordered) if hit is document)
        below = [
            i
            for i, hit in enumerate(ordered)
            if i > at and hit.kind == "article" and hit.page_id == document.page_id
        ]
        if below and names_heading(query, ordered[below[0]]):
            ordered.insert(at, ordered.pop(below[0]))
    return ordered


def test_one_pass_moves_the_articles_as_moving_them_one_by_one_did():
    import random

    rng = random.Random(15)
    text = "Quy định về phạm vi như thế nào?"
    for _ in range(300):
        pages = rng.sample(range(1, 30), rng.randint(1, 12))
        hits = [_hit(page) for page in pages]
        hits += [_hit(page, n=n) for page in pages for n in range(rng.randint(0, 3))]
        hits += [_hit(rng.randint(30, 40), "news") for _ in range(rng.randint(0, 2))]
        for hit in hits:
            if hit.article and rng.random() < 0.4:  # a heading not named
                hit.title = hit.title.replace("Phạm vi", "Giải thích từ ngữ")
        rng.shuffle(hits)
        assert articles_before_their_document(hits, text) == _moved_one_by_one(
            hits, text
        )
    # A page with two document rows (never indexed) is moved one by one.
    twice = [_hit(1), _hit(1, n=1), _hit(1), _hit(1, n=2)]
    assert articles_before_their_document(twice, text) == _moved_one_by_one(twice, text)
