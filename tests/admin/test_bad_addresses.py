"""Admin addresses with a bad number in them: 404 or the nearest page, not 500.

Found by the admin sweep (``pages.admin_bad_input``): a workflow editor's
``?p=abc`` / ``?p=99999`` and a chooser's "chosen" address with a non-numeric id.
"""

import pytest
from django.urls import reverse
from wagtail.models import Workflow

from documents.models import IssuingBody


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
