"""Admin addresses with a bad number in them: 404 or the nearest page, not 500.

Found by the admin sweep (``pages.admin_bad_input``): a workflow editor's
``?p=abc`` / ``?p=99999`` and a chooser's "chosen" address with a non-numeric id.
"""

import pytest
from django.urls import reverse
from wagtail.models import Workflow

from documents.models import IssuingBody
from tests.admin.forms import form_values


@pytest.mark.parametrize("p", ["abc", "99999", "-1", ""])
def test_workflow_editor_page_number(admin_client, db, p):
    workflow = Workflow.objects.create(name="Quy trình thử")
    url = reverse("wagtailadmin_workflows:edit", args=[workflow.pk])
    response = admin_client.get(url, {"p": p})
    assert response.status_code == 200
    assert "Quy trình thử" in response.content.decode()


@pytest.mark.parametrize("pk", ["abc", "1.5", "99999"])
def test_chooser_chosen_with_a_bad_id(admin_client, db, pk):
    url = f"/admin/snippets/choose/documents/issuingbody/chosen/{pk}/"
    assert admin_client.get(url).status_code == 404


def test_chooser_chosen_still_answers(admin_client, db):
    body = IssuingBody.objects.create(name="Ủy ban nhân dân huyện Tam Đường")
    url = f"/admin/snippets/choose/documents/issuingbody/chosen/{body.pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response.json()["result"]["string"] == body.name


@pytest.fixture
def section(db):
    from tests.factories import build_site

    _home, index = build_site()
    return index


def add_plan(client, section, **changes):
    url = reverse("wagtailadmin_pages:add", args=["pages", "planpage", section.pk])
    data = form_values(client.get(url).content.decode())
    data.pop("csrfmiddlewaretoken", None)
    data.update(title="Kế hoạch thử", slug="ke-hoach-thu")
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return client.post(url, data)


@pytest.mark.parametrize("count", [None, "abc", "1.5"])
def test_page_form_with_a_bad_body_count(admin_client, section, count):
    response = add_plan(admin_client, section, **{"body-count": count})
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("value", ["abc", "1", "[]"])
def test_page_form_with_rich_text_that_is_no_json(admin_client, section, value):
    parent = section.get_parent()
    url = reverse(
        "wagtailadmin_pages:add", args=["pages", "documentindexpage", parent.pk]
    )
    data = form_values(admin_client.get(url).content.decode())
    data.pop("csrfmiddlewaretoken", None)
    assert "intro" in data
    data.update(title="Danh mục thử", slug="danh-muc-thu", intro=value)
    assert admin_client.post(url, data).status_code in (200, 302)


@pytest.mark.parametrize("parent", ["abc", "", "999999", None])
def test_copy_to_a_destination_that_is_no_page(admin_client, section, parent):
    url = reverse("wagtailadmin_pages:copy", args=[section.pk])
    data = {"new_title": "Bản sao", "new_slug": "ban-sao", "new_parent_page": parent}
    if parent is None:
        del data["new_parent_page"]
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Bản sao" in response.content.decode()


@pytest.fixture
def image_edit(admin_client, db):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Ảnh thử", file=get_test_image_file())
    url = reverse("wagtailimages:edit", args=[image.pk])
    data = form_values(admin_client.get(url).content.decode())
    data.pop("csrfmiddlewaretoken", None)
    return url, data


@pytest.mark.parametrize("next_url", ["abc", "999999"])
def test_next_that_is_no_path(admin_client, image_edit, next_url):
    url, data = image_edit
    response = admin_client.post(url, dict(data, next=next_url))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/images/")


def test_next_that_is_a_path_is_followed(admin_client, image_edit):
    url, data = image_edit
    response = admin_client.post(url, dict(data, next="/admin/pages/"))
    assert response["Location"] == "/admin/pages/"
