"""What a crawler and a browser ask for on their own: /robots.txt (404 on a
fresh ``make run``) and the site's icon (every page logged a failed
/favicon.ico in the browser console)."""

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static


@pytest.mark.django_db
def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /tim-kiem/" in lines
    assert "Disallow: /van-ban/" not in lines


@pytest.mark.django_db
def test_public_pages_name_an_icon_that_exists(client):
    html = client.get("/kiem-tra-can-cu/").content.decode()
    href = static("favicon.svg")
    assert f'<link rel="icon" href="{href}" type="image/svg+xml">' in html
    assert finders.find("favicon.svg") is not None
