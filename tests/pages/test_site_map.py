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
