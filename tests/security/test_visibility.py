"""Unpublished, private and scheduled content never reaches the public.

One world holds a public plan and hidden documents of every kind; every public
surface that exists (pages, listings and filters, feeds, sitemap, search, API,
the citation lists of a public page) is fetched anonymously, twice (the second
time from the full-page cache), and must not mention any hidden document.
"""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import (
    DecisionPageFactory,
    DirectivePageFactory,
    DocumentPageFactory,
    PlanPageFactory,
)

from .conftest import api_urls

WORD = "kiemtrahienthi"  # shared by every document, so searches meet them all

HIDDEN = {
    "draft": "Bản nháp chưa đăng nhapbimat",
    "login": "Văn bản nội bộ hanchedangnhap",
    "password": "Văn bản có mật khẩu hanchematkhau",
    "scheduled": "Văn bản hẹn giờ henlichdang",
    "unpublished": "Văn bản đã gỡ dagoxuong",
    "draft_title": "Tiêu đề dự thảo chuaduyet",
}


CITES_PUBLIC = "Căn cứ Kế hoạch số 100/KH-UBND ngày 14/3/2025 của UBND huyện;"


def _make(factory, index, key, number, **kwargs):
    """A hidden document that also cites the public plan (its "cited by" list)."""
    return factory(
        parent=index,
        title=HIDDEN[key],
        summary=f"{HIDDEN[key]} {WORD}",
        number=number,
        legal_basis=CITES_PUBLIC,
        **kwargs,
    )


def _scheduled(index):
    page = _make(PlanPageFactory, index, "scheduled", 904, live=False)
    page.go_live_at = timezone.now() + dt.timedelta(days=30)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    return page


@pytest.fixture
def world(site_tree):
    """The public plan, the hidden documents, and a public page citing them."""
    home, index = site_tree
    public = PlanPageFactory(
        parent=index, title=f"Kế hoạch công khai {WORD}", number=100
    )
    hidden = {
        "draft": _make(PlanPageFactory, index, "draft", 901, live=False),
        "login": _make(DirectivePageFactory, index, "login", 902),
        "password": _make(DecisionPageFactory, index, "password", 903),
        "scheduled": _scheduled(index),
        "unpublished": _make(DocumentPageFactory, index, "unpublished", 905),
    }
    PageViewRestriction.objects.create(page=hidden["login"], restriction_type="login")
    PageViewRestriction.objects.create(
        page=hidden["password"], restriction_type="password", password="mật-khẩu"
    )
    hidden["unpublished"].unpublish()
    public.title = HIDDEN["draft_title"]
    public.save_revision()  # a draft of a live page: its new title is not public
    citing = PlanPageFactory(
        parent=index,
        title=f"Kế hoạch trích dẫn {WORD}",
        number=200,
        legal_basis="\n".join(
            f"Căn cứ Kế hoạch số {p.number}/{p.symbol} ngày 14/3/2025;"
            for p in hidden.values()
        ),
    )
    return {"index": index, "public": public, "hidden": hidden, "citing": citing}


def public_urls(world) -> list[str]:
    index = world["index"].url
    urls = [
        "/",
        index,
        f"{index}?year=2025",
        f"{index}?status=con_hieu_luc",
        f"{index}?type=ke-hoach",
        f"{index}?page=2",
        f"{index}rss/",
        f"{index}atom/",
        "/sitemap.xml",
        world["public"].url,
        world["citing"].url,
        f"/tim-kiem/?q={WORD}",
        f"/tim-kiem/?q={WORD}&type=ke-hoach",
    ]
    urls += [f"{url}?q={WORD}" for url in api_urls()]
    return urls


def assert_nothing_hidden(body: str, world, url: str) -> None:
    for key, title in HIDDEN.items():
        assert title not in body, f"{key} document leaked on {url}"
        assert title.split()[-1] not in body, f"{key} marker leaked on {url}"
    for key, page in world["hidden"].items():
        assert page.slug not in body, f"{key} document's URL leaked on {url}"


def test_hidden_documents_never_appear_on_public_surfaces(client, world):
    for url in public_urls(world):
        for _attempt in ("render", "cache"):
            response = client.get(url)
            assert response.status_code < 500, url
            if response.status_code == 200:
                assert_nothing_hidden(response.content.decode(), world, url)


def test_public_documents_do_appear(client, world):
    """The positive control: the same surfaces list the public plan."""
    index = world["index"].url
    for url in ["/", index, f"{index}rss/", f"{index}atom/", "/sitemap.xml"]:
        assert world["public"].slug in client.get(url).content.decode(), url


def test_hidden_pages_cannot_be_opened_directly(client, world):
    hidden = world["hidden"]
    for key in ("draft", "scheduled", "unpublished"):
        assert client.get(f"/van-ban/{hidden[key].slug}/").status_code == 404, key
    login = client.get(hidden["login"].url)
    assert login.status_code == 302
    password = client.get(hidden["password"].url)
    assert HIDDEN["password"] not in password.content.decode()
    assert WORD not in password.content.decode()


def test_publishing_later_shows_the_document(client, world):
    """After the schedule passes, the cache does not hide it any longer."""
    client.get(world["index"].url)
    page = world["hidden"]["scheduled"]
    page.get_latest_revision().publish()
    page.refresh_from_db()
    if not page.live:  # still scheduled: publish the way publish_scheduled does
        page.go_live_at = timezone.now() - dt.timedelta(minutes=1)
        page.save_revision().publish()
    body = client.get(world["index"].url).content.decode()
    assert HIDDEN["scheduled"] in body
