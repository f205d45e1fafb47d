"""Officer walk #5: "in force on a day" is one rule on /van-ban/, /tim-kiem/,
/api/v1/documents/ and /api/v1/search/ (``pages.validity.is_in_force_on``).

``/van-ban/?in_force_on=01/01/2020`` listed documents known only by their year
(2025) and the search listed news: a document is listed as in force on a day
only when its start is known to lie on or before it (the effective date, else
the date of issue, else the 31 December of a year known without its day), and
an entry that is no document never is.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pages.models import LegalDocumentPage
from search.indexing import index_pages
from tests.factories import PlanPageFactory
from tests.factories.showcase import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

TITLES = {
    "signed": "Kế hoạch thi đua ban hành năm 2019",
    "year_only": "Kế hoạch thi đua chỉ biết năm 2025",
    "undated": "Kế hoạch thi đua không rõ ngày",
    "news": "Tin thi đua ở xã Bình Lư",
}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def published(site_tree, django_capture_on_commit_callbacks):
    home, index = site_tree
    with django_capture_on_commit_callbacks(execute=True):
        publish(
            PlanPageFactory(
                parent=index, title=TITLES["signed"], issued_date=dt.date(2019, 3, 1)
            )
        )
        # As the importer stores a document whose day it could not read.
        publish(
            PlanPageFactory(
                parent=index,
                title=TITLES["year_only"],
                issued_date=None,
                issued_year=2025,
                status="khong_xac_dinh",
            )
        )
        undated = publish(PlanPageFactory(parent=index, title=TITLES["undated"]))
        news_index = publish(NewsIndexPageFactory(parent=home))
        publish(NewsPageFactory(parent=news_index, title=TITLES["news"]))
    # An old row without any date or year (publishing refuses one today).
    LegalDocumentPage.objects.filter(pk=undated.pk).update(issued_date=None)
    index_pages([LegalDocumentPage.objects.get(pk=undated.pk).specific])


def shown(text: str) -> set[str]:
    return {name for name, title in TITLES.items() if title in text}


def listed(client, day: dt.date) -> dict[str, set[str]]:
    """Which of the pages each listing gives as in force on ``day``."""
    typed, iso = f"{day:%d/%m/%Y}", day.isoformat()
    found = {}
    found["/van-ban/"] = shown(
        client.get("/van-ban/", {"in_force_on": typed}).content.decode()
    )
    found["/tim-kiem/"] = shown(
        client.get("/tim-kiem/", {"q": "thi đua", "in_force_on": typed})
        .content.decode()
        .split('<section class="results"', 1)[1]
    )
    for api, params in (
        ("/api/v1/documents/", {"in_force_on": iso, "page_size": 100}),
        ("/api/v1/search/", {"q": "thi đua", "in_force_on": iso, "per_page": 100}),
    ):
        answer = client.get(api, params)
        assert answer.status_code == 200, answer.content
        found[api] = shown(" ".join(r["title"] for r in answer.json()["results"]))
    return found


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2020, 1, 1), {"signed"}),
        (dt.date(2025, 6, 1), {"signed"}),  # some day of 2025: not known yet
        (dt.date(2025, 12, 31), {"signed", "year_only"}),
        (dt.date(2026, 1, 1), {"signed", "year_only"}),
    ],
)
def test_every_listing_gives_the_documents_known_to_be_in_force(
    client, published, day, expected
):
    found = listed(client, day)
    assert found == dict.fromkeys(found, expected)


def test_without_the_filter_every_page_is_listed(client, published):
    """The filter, not the fixture, keeps them out."""
    page = client.get("/tim-kiem/", {"q": "thi đua"}).content.decode()
    assert shown(page) == set(TITLES)
    assert shown(client.get("/van-ban/").content.decode()) == set(TITLES) - {"news"}
