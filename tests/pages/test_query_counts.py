"""Every public page type renders in a bounded number of SQL queries.

Each URL is rendered once on a small site, then the site grows: many more
documents of every type, and many more related rows on the very pages measured
(plan tasks, awards, tags, citations, showcase children). The query count must
not grow, and stays under ``CEILING``. The full-page cache is off (test
settings), so these are the costs of a real render.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.models import EmulationTitle
from pages.models import Award, DocumentListPage, PlanTask
from tests.factories import (
    DecisionPageFactory,
    DirectivePageFactory,
    DocumentPageFactory,
    PlanPageFactory,
)

CEILING = 60
GROWTH = 25


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def add_documents(index, n: int, start: int) -> None:
    factories = [
        PlanPageFactory,
        DirectivePageFactory,
        DecisionPageFactory,
        DocumentPageFactory,
    ]
    for i in range(n):
        factory = factories[i % len(factories)]
        factory(parent=index, number=start + i, legal_basis=citing_lines(start, i))


def citing_lines(start: int, i: int) -> str:
    return "\n".join(
        f"Căn cứ Kế hoạch số {start + j}/KH-UBND ngày 14/3/2025;" for j in range(i % 4)
    )


def enrich(pages: dict, n: int) -> None:
    """More related rows on the measured pages themselves."""
    title = EmulationTitle.objects.first()
    for i in range(n):
        PlanTask.objects.create(
            page=pages["plan"], content=f"Nhiệm vụ {i}", lead_unit=f"Phòng {i}"
        )
        Award.objects.create(
            page=pages["decision"], recipient_name=f"Cá nhân {i}", title=title
        )
    for page in pages.values():
        page.tags.add(*[f"từ khóa {i}" for i in range(n // 3)])
        page.save_revision().publish()


@pytest.fixture
def small_site(site_tree):
    home, index = site_tree
    pages = {
        "plan": PlanPageFactory(parent=index, number=1),
        "directive": DirectivePageFactory(parent=index, number=2),
        "decision": DecisionPageFactory(parent=index, number=3),
        "other": DocumentPageFactory(parent=index, number=4),
    }
    enrich(pages, 2)
    showcase = build_showcase(home, 1)
    saved = DocumentListPage(title="Danh sách", slug="danh-sach", query="thi đua")
    home.add_child(instance=saved)
    saved.save_revision().publish()
    return home, index, pages, showcase


def build_showcase(home, n: int) -> dict:
    """Showcase index pages with ``n`` children each."""
    from tests.factories import showcase as f

    indexes = {
        "exemplars": (f.ExemplarIndexPageFactory, f.ExemplarPageFactory),
        "movements": (f.MovementIndexPageFactory, f.MovementPageFactory),
        "news": (f.NewsIndexPageFactory, f.NewsPageFactory),
    }
    built = {}
    for name, (index_factory, child_factory) in indexes.items():
        index = index_factory(parent=home)
        children = [child_factory(parent=index) for _ in range(n)]
        built[name] = (index, children)
    return built


def grow_showcase(showcase: dict, n: int) -> None:
    from tests.factories import showcase as f

    children = {
        "exemplars": f.ExemplarPageFactory,
        "movements": f.MovementPageFactory,
        "news": f.NewsPageFactory,
    }
    for name, (index, _children) in showcase.items():
        for _ in range(n):
            children[name](parent=index)


def urls(index, pages: dict, showcase: dict) -> list[str]:
    listing = index.url
    found = [
        "/",
        listing,
        f"{listing}?year=2025&type=ke-hoach",
        f"{listing}?status=con_hieu_luc&page=2",
        f"{listing}rss/",
        f"{listing}atom/",
        "/sitemap.xml",
        "/danh-sach/",
        "/danh-sach/rss/",
    ]
    found += [page.url for page in pages.values()]
    for showcase_index, children in showcase.values():
        found += [showcase_index.url, children[0].url]
    return found


def test_query_counts_do_not_grow_with_the_data(client, small_site):
    home, index, pages, showcase = small_site
    measured = urls(index, pages, showcase)
    before = {url: count_queries(client, url) for url in measured}
    add_documents(index, 4 * GROWTH, start=100)
    enrich(pages, GROWTH)
    if showcase:
        grow_showcase(showcase, GROWTH)
    after = {url: count_queries(client, url) for url in measured}
    grown = {
        url: (before[url], after[url]) for url in measured if after[url] > before[url]
    }
    assert grown == {}, f"query count grows with the data: {grown}"
    too_many = {url: n for url, n in after.items() if n > CEILING}
    assert too_many == {}, f"more than {CEILING} queries: {too_many}"
