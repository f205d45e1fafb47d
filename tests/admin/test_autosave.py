"""Wagtail's autosave of the page editor, for the superuser and each role.

Wagtail 8 autosaves the edit form as a JSON POST to the edit URL
(``Accept: application/json``) half a second after a change
(``WAGTAIL_AUTOSAVE_INTERVAL``, 500 ms; 0 would turn it off; the portal keeps
the default). The first autosave makes a draft revision, the next ones
overwrite it (``overwrite_revision_id``); a published page stays as published.
Wagtail checks no permission of its own for it: whoever may edit the page
autosaves it, a page in review is locked for those outside the reviewing group
(``GroupApprovalTask.locked_for_user``) and their autosave is refused,
"locked". These tests hold the portal's roles to that; the browser side is
``tests/e2e/test_autosave.py``.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset

from pages.models import DecisionPage
from pages.workflow import ADMINS, APPROVERS, EDITORS, workflow_assign_defaults
from tests.factories import DecisionPageFactory, page_form_data

JSON = {"HTTP_ACCEPT": "application/json"}
USERS = ["superuser", EDITORS, APPROVERS, ADMINS]
SUMMARY = "Về việc khen thưởng tập thể, cá nhân (bản sửa tự lưu)"


def account(kind: str):
    model = get_user_model()
    if kind == "superuser":
        return model.objects.create_superuser("quantri-tu-luu", "q@example.invalid")
    user = model.objects.create_user(f"tu-luu-{len(kind)}", is_staff=False)
    user.groups.add(Group.objects.get(name=kind))
    return user


def decision(index, *, live: bool) -> DecisionPage:
    page = DecisionPageFactory(parent=index, title="Quyết định khen thưởng", number=7)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.unpublish()
    page.refresh_from_db()
    return page


def autosave(client, page, **extra):
    data = page_form_data(page, summary=SUMMARY, awards=inline_formset([]), **extra)
    return client.post(f"/admin/pages/{page.pk}/edit/", data, **JSON)


@pytest.fixture
def index(site_tree):
    workflow_assign_defaults()
    return site_tree[1]


@pytest.mark.django_db
@pytest.mark.parametrize("live", [True, False], ids=["published", "draft"])
@pytest.mark.parametrize("kind", USERS)
def test_each_role_autosaves_a_draft_revision(client, index, kind, live):
    page = decision(index, live=live)
    client.force_login(account(kind))
    form = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'data-w-autosave-interval-value="500"' in form
    assert 'id="w-autosave-indicator"' in form
    revisions = page.revisions.count()

    first = autosave(client, page)
    assert first.status_code == 200, first.content.decode()[:300]
    reply = first.json()
    assert reply["success"] is True
    assert page.revisions.count() == revisions + 1
    revision = page.revisions.get(pk=reply["revision_id"])
    assert revision.content["summary"] == SUMMARY

    again = autosave(client, page, overwrite_revision_id=reply["revision_id"])
    assert again.json()["revision_id"] == reply["revision_id"]
    assert page.revisions.count() == revisions + 1  # overwritten, not added

    stored = DecisionPage.objects.get(pk=page.pk)
    assert stored.live is live
    assert stored.has_unpublished_changes
    if live:
        assert stored.summary == page.summary  # the public text is unchanged


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind,saved", [(EDITORS, False), (ADMINS, False), (APPROVERS, True)]
)
def test_a_page_in_review_autosaves_for_its_reviewers_only(client, index, kind, saved):
    page = decision(index, live=True)
    editor = account(EDITORS)
    page.get_workflow().start(page, editor)
    client.force_login(editor if kind == EDITORS else account(kind))
    revisions = page.revisions.count()

    response = autosave(client, page)
    if saved:
        assert response.json()["success"] is True
        assert page.revisions.count() == revisions + 1
    else:
        assert response.status_code == 400
        assert response.json() == {
            "success": False,
            "error_code": "locked",
            "error_message": "Không thể lưu trang vì trang đang bị khóa.",
        }
        assert page.revisions.count() == revisions
