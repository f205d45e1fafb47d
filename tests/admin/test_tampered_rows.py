"""A tampered row id in an inline formset is a form error, not a 500.

A workflow's task rows on /admin/workflows/edit/N/ post their hidden ids; "abc"
raised ``ValidationError`` inside modelcluster's formset and a missing id
``MultiValueDictKeyError`` (``pages.admin_formsets``).
"""

import pytest
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from tests.admin.forms import form_values


@pytest.fixture
def workflow(db):
    workflow = Workflow.objects.create(name="Quy trình thử")
    for n in range(2):
        task = GroupApprovalTask.objects.create(name=f"Bước {n}")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=n)
    return workflow


def edit_data(client, workflow) -> tuple[str, dict]:
    url = reverse("wagtailadmin_workflows:edit", args=[workflow.pk])
    data = form_values(client.get(url).content.decode())
    data.pop("csrfmiddlewaretoken", None)
    assert data["workflow_tasks-1-id"]
    return url, data


@pytest.mark.parametrize("bad", ["abc", "1.5", "-"])
def test_row_id_that_is_no_number(admin_client, workflow, bad):
    url, data = edit_data(admin_client, workflow)
    data["workflow_tasks-1-id"] = bad
    data["name"] = "Quy trình đã đổi"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Không thể lưu quy trình duyệt do có lỗi." in response.content.decode()
    workflow.refresh_from_db()
    assert workflow.name == "Quy trình thử"
    assert workflow.workflow_tasks.count() == 2


def test_row_without_its_id(admin_client, workflow):
    url, data = edit_data(admin_client, workflow)
    del data["workflow_tasks-1-id"]
    response = admin_client.post(url, data)
    assert response.status_code in (200, 302)
    assert workflow.workflow_tasks.count() == 2


def test_untouched_rows_still_save(admin_client, workflow):
    url, data = edit_data(admin_client, workflow)
    data["name"] = "Quy trình đã đổi"
    assert admin_client.post(url, data).status_code == 302
    workflow.refresh_from_db()
    assert workflow.name == "Quy trình đã đổi"
    assert workflow.workflow_tasks.count() == 2
