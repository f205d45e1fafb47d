"""A merged body's old slugs (``IssuingBodyAlias``): the listing's select box
shows the body they now name, the admin form refuses an old slug for another
body, and the body's edit screen lists the old addresses it answers to."""

from __future__ import annotations

import pytest
from django.test import Client

from documents.models import IssuingBodyAlias
from tests.factories import IssuingBodyFactory, PlanPageFactory

pytestmark = pytest.mark.django_db


def test_the_listing_select_shows_the_body_an_old_slug_names(site_tree):
    _, index = site_tree
    kept = IssuingBodyFactory(name="Ủy ban nhân dân tỉnh Lào Cai", slug="ubnd-lao-cai")
    IssuingBodyAlias.objects.create(body=kept, slug="ubnd-tinh-lao-cai-2")
    PlanPageFactory(parent=index, title="Kế hoạch chuyển đổi số", issuing_body=kept)
    html = Client().get(f"{index.url}?issuer=ubnd-tinh-lao-cai-2").content.decode()
    assert "Kế hoạch chuyển đổi số" in html
    assert '<option value="ubnd-lao-cai" selected>' in html
    # A slug that names no body still selects nothing and says so.
    html = Client().get(f"{index.url}?issuer=khong-co").content.decode()
    assert " selected>Ủy ban" not in html


ADD_URL = "/admin/snippets/documents/issuingbody/add/"


def edit_url(body) -> str:
    return f"/admin/snippets/documents/issuingbody/edit/{body.pk}/"


def body_form(slug: str, name: str = "Sở Tư pháp tỉnh Lào Cai") -> dict:
    return {"name": name, "abbreviation": "", "level": "tinh", "slug": slug}


@pytest.fixture
def merged(db):
    kept = IssuingBodyFactory(name="Ủy ban nhân dân tỉnh Lào Cai", slug="ubnd-lao-cai")
    IssuingBodyAlias.objects.create(body=kept, slug="ubnd-tinh-lao-cai-2", former_id=77)
    return kept


def test_the_admin_form_refuses_an_old_slug_for_a_new_body(admin_client, merged):
    from documents.models import IssuingBody

    response = admin_client.post(ADD_URL, body_form("ubnd-tinh-lao-cai-2"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đường dẫn “ubnd-tinh-lao-cai-2” là đường dẫn cũ của cơ quan" in html
    assert not IssuingBody.objects.filter(name="Sở Tư pháp tỉnh Lào Cai").exists()
    assert IssuingBody.by_slug("ubnd-tinh-lao-cai-2") == merged
    # Any other slug is accepted.
    response = admin_client.post(ADD_URL, body_form("so-tu-phap-lao-cai"))
    assert response.status_code == 302
    assert IssuingBody.objects.filter(slug="so-tu-phap-lao-cai").exists()


def test_the_admin_form_refuses_an_old_slug_for_another_existing_body(
    admin_client, merged
):
    other = IssuingBodyFactory(name="Sở Nội vụ tỉnh Lào Cai", slug="so-noi-vu")
    data = body_form("ubnd-tinh-lao-cai-2", name=other.name)
    response = admin_client.post(edit_url(other), data)
    assert response.status_code == 200
    assert "là đường dẫn cũ của cơ quan" in response.content.decode()
    other.refresh_from_db()
    assert other.slug == "so-noi-vu"
    # The body the old slug names may take it as its own.
    data = body_form("ubnd-tinh-lao-cai-2", name=merged.name)
    assert admin_client.post(edit_url(merged), data).status_code == 302


def test_the_edit_screen_lists_the_old_addresses_a_body_answers_to(
    admin_client, merged
):
    html = admin_client.get(edit_url(merged)).content.decode()
    assert "Đường dẫn cũ (chỉ xem)" in html
    assert "<code>?issuer=ubnd-tinh-lao-cai-2</code> (mã cũ 77)" in html
    other = IssuingBodyFactory(name="Sở Nội vụ tỉnh Lào Cai", slug="so-noi-vu")
    assert "Đường dẫn cũ" not in admin_client.get(edit_url(other)).content.decode()
    assert "Đường dẫn cũ" not in admin_client.get(ADD_URL).content.decode()
