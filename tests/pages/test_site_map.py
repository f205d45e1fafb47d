"""The footer's "Sơ đồ trang" is a page for people, not the crawlers' XML."""

import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def test_footer_links_to_the_html_site_map(demo, client):
    html = client.get("/").content.decode()
    assert '<a href="/so-do-trang/">Sơ đồ trang</a>' in html
    assert '<a href="/sitemap.xml">Sơ đồ trang</a>' not in html


def test_site_map_lists_sections_saved_lists_feeds_and_tools(demo, client):
    response = client.get("/so-do-trang/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "<title>Sơ đồ trang – " in html
    assert '<a href="/van-ban/">Văn bản</a> · <a href="/van-ban/rss/">RSS</a>' in html
    assert '<a href="/dien-hinh-tien-tien/">Điển hình tiên tiến</a>' in html
    assert 'href="/van-ban/van-ban-can-cu-chi-thi-34/"' in html
    assert '<a href="/kiem-tra-can-cu/">Kiểm tra căn cứ</a>' in html
    assert 'href="/sitemap.xml"' in html
    # Single documents are reached through their section, not listed here.
    assert "/van-ban/quyet-dinh-khen-thuong-2025/" not in html


def add_section(home, n: int):
    from pages.models import DocumentIndexPage, DocumentListPage

    section = DocumentIndexPage(
        title=f"Chuyên mục {n}", slug=f"chuyen-muc-{n}", show_in_menus=True
    )
    home.add_child(instance=section)
    saved = DocumentListPage(title=f"Danh sách {n}", slug=f"danh-sach-{n}", query="x")
    section.add_child(instance=saved)
    return section


def test_site_map_queries_do_not_grow_with_the_sections(demo, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    add_section(home, 1)
    with CaptureQueriesContext(connection) as before:
        client.get("/so-do-trang/")
    for n in range(2, 6):
        add_section(home, n)
    with CaptureQueriesContext(connection) as after:
        html = client.get("/so-do-trang/").content.decode()
    assert len(after) == len(before)
    assert '<a href="/chuyen-muc-5/">Chuyên mục 5</a>' in html
    assert '<a href="/chuyen-muc-5/danh-sach-5/">Danh sách 5</a>' in html


def test_a_section_without_a_public_address_gives_no_feed_link(
    demo, client, monkeypatch
):
    from pages.models import DocumentIndexPage

    monkeypatch.setattr(DocumentIndexPage, "get_url", lambda self, request: None)
    html = client.get("/so-do-trang/").content.decode()
    assert "Nonerss/" not in html
    assert 'href="None"' not in html
    assert '<a href="/dien-hinh-tien-tien/">Điển hình tiên tiến</a>' in html
