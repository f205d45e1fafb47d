"""The portal's particulars ("Thông tin cổng", Nghị định 42/2022/NĐ-CP) in the
footer, the "Giới thiệu" and "Liên hệ" pages, and the home page's <title>."""

import re

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from pages.models import ContentPage, DocumentIndexPage, HomePage, PortalInfo
from tests.factories.pages import build_site


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def footer(client, path="/") -> str:
    html = client.get(path).content.decode()
    return html[html.index('<footer class="site-footer"') :]


def test_footer_names_the_body_the_person_in_charge_and_the_contacts(demo, client):
    html = footer(client)
    assert "Cơ quan chủ quản: <strong>Ủy ban nhân dân huyện Tam Đường" in html
    assert (
        "Người chịu trách nhiệm chính: Sùng Lữ Páo, "
        "Chủ tịch Ủy ban nhân dân huyện Tam Đường"
    ) in html
    assert "Địa chỉ: Thị trấn Tam Đường, huyện Tam Đường, tỉnh Lai Châu" in html
    assert '<a href="mailto:lienhe@tamduong.example">' in html
    # The demo invents no telephone number: an empty field is not shown.
    assert "Điện thoại" not in html
    assert '<a href="/gioi-thieu/">Giới thiệu</a>' in html
    assert '<a href="/lien-he/">Liên hệ</a>' in html
    # Every public page has it, not only the home page.
    assert "Sùng Lữ Páo" in footer(client, "/so-do-trang/")


def test_footer_shows_only_the_filled_fields(demo, client):
    info = PortalInfo.for_site(Site.objects.get(is_default_site=True))
    info.address = ""
    info.phone = "0000 000 000"
    info.licence = "Quyết định số 1/QĐ-UBND về việc thành lập Cổng (minh họa)"
    info.contact_page = None
    info.save()
    html = footer(client)
    assert "Địa chỉ" not in html
    assert "Điện thoại: 0000 000 000 · Thư điện tử:" in html
    assert "Quyết định số 1/QĐ-UBND về việc thành lập Cổng (minh họa)" in html
    assert ">Liên hệ</a>" not in html


def test_about_and_contact_pages(demo, client):
    about = client.get("/gioi-thieu/").content.decode()
    assert '<h1 id="page-title">Giới thiệu</h1>' in about
    assert "01/7/2025" in about and "Bình Lư" in about
    contact = client.get("/lien-he/").content.decode()
    main = contact[: contact.index('<footer class="site-footer"')]
    assert "mailto:lienhe@tamduong.example" in main  # the setting's contacts
    site_map = client.get("/so-do-trang/").content.decode()
    assert '<li><a href="/gioi-thieu/">Giới thiệu</a></li>' in site_map
    assert '<li><a href="/lien-he/">Liên hệ</a></li>' in site_map


def test_load_demo_again_keeps_what_an_administrator_changed(demo):
    info = PortalInfo.for_site(Site.objects.get(is_default_site=True))
    info.responsible_name = "Người khác"
    info.save()
    call_command("load_demo", verbosity=0)
    info.refresh_from_db()
    assert info.responsible_name == "Người khác"
    assert ContentPage.objects.count() == 2


def test_setting_is_edited_in_the_admin(demo, admin_client):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/pages/portalinfo/{site.pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thông tin cổng" in html and "Người chịu trách nhiệm chính" in html
    data = {
        field: getattr(PortalInfo.for_site(site), field) or ""
        for field in ("owner_name", "responsible_name", "responsible_position")
    }
    data |= {"address": "Số 1, thị trấn Tam Đường", "email": "", "phone": ""}
    data |= {"licence": "", "about_page": "", "contact_page": ""}
    assert admin_client.post(url, data).status_code == 302
    assert "Địa chỉ: Số 1, thị trấn Tam Đường" in footer(Client())


def test_quan_tri_edits_the_setting_and_bien_tap_vien_does_not(demo, client):
    from django.contrib.auth import get_user_model

    url = f"/admin/settings/pages/portalinfo/{Site.objects.get().pk}/"
    client.force_login(get_user_model().objects.get(username="quantri-demo"))
    assert client.get(url).status_code == 200
    client.force_login(get_user_model().objects.get(username="bientap-demo"))
    assert client.get(url).status_code != 200


def test_home_title_names_the_portal_once(demo, client):
    html = client.get("/").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title == "Cổng văn bản Ủy ban nhân dân huyện Tam Đường"
    other = client.get("/so-do-trang/").content.decode()
    assert "<title>Sơ đồ trang – Cổng văn bản Tam Đường</title>" in other


class ContentPageTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.docs = build_site()
        self.login()

    def test_tree_rules(self):
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanNotCreateAt(DocumentIndexPage, ContentPage)
        self.assertAllowedSubpageTypes(ContentPage, set())

    def test_create_through_the_admin_and_render(self):
        data = nested_form_data(
            {
                "title": "Giới thiệu",
                "slug": "gioi-thieu",
                "body": rich_text("<p>Cổng văn bản của huyện.</p>"),
            }
        )
        self.assertCanCreate(self.home, ContentPage, data)
        page = ContentPage.objects.get(slug="gioi-thieu")
        response = self.client.get(page.url)
        self.assertContains(response, "Cổng văn bản của huyện.")
