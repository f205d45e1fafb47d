"""A chooser's hidden value that is no id gives the form's Vietnamese error, not a 500.

Wagtail's choosers look the submitted value up again to redisplay the form;
"abc" raised ``ValueError`` there (``pages.admin_choosers``). Checked on the
portal's vocabularies (a signer's "Cơ quan", an issuing body's parent) and on
Wagtail's redirects.
"""

from django.urls import reverse

from documents.models import IssuingBody
from tests.admin.forms import form_values


def post_with(client, url: str, **values):
    data = form_values(client.get(url).content.decode())
    data.pop("csrfmiddlewaretoken", None)
    data.update(values)
    return client.post(url, data)


def test_signer_with_a_body_that_is_no_id(admin_client):
    url = reverse("wagtailsnippets_documents_signer:add")
    response = post_with(admin_client, url, name="Nguyễn Văn B", body="abc")
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()


def test_issuing_body_with_a_parent_that_is_no_id(admin_client):
    IssuingBody.objects.get_or_create(name="Ủy ban nhân dân tỉnh Lai Châu")
    url = reverse("wagtailsnippets_documents_issuingbody:add")
    response = post_with(admin_client, url, name="UBND xã Mới", parent="x1")
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()


def test_redirect_to_a_page_that_is_no_id(admin_client):
    url = reverse("wagtailredirects:add")
    response = post_with(admin_client, url, old_path="/cu/", redirect_page="abc")
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
