""" "Yêu cầu chỉnh sửa" needs the reason (``pages.admin_workflow``).

An approver could send a draft back with an empty comment: the editor then
had nothing saying what to change. The modal now answers "Trường này là bắt
buộc." and the task stays in review; with a reason the draft goes back.
Approving without a comment is unchanged.
"""

import json

from django.contrib.auth.models import Group
from wagtail.models import TaskState
from wagtail.test.utils import WagtailPageTestCase

from pages.models import PlanPage
from pages.workflow import APPROVERS, EDITORS, workflow_assign_defaults
from tests.factories import build_site, plan_form_data

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


class RequestChangesTests(WagtailPageTestCase):
    def setUp(self):
        _, self.index = build_site()
        workflow_assign_defaults()
        self.editor = self.create_user("bientap-ly-do", password="x")
        self.editor.groups.add(Group.objects.get(name=EDITORS))
        self.approver = self.create_user("lanhdao-ly-do", password="x")
        self.approver.groups.add(Group.objects.get(name=APPROVERS))
        self.client.force_login(self.editor)
        data = plan_form_data("Kế hoạch thi đua", 9, **{"action-submit": "x"})
        url = f"/admin/pages/add/pages/planpage/{self.index.pk}/"
        self.assertEqual(self.client.post(url, data).status_code, 302)
        self.page = PlanPage.objects.get(number=9)
        self.state = TaskState.objects.get(
            workflow_state__object_id=str(self.page.pk),
            status=TaskState.STATUS_IN_PROGRESS,
        )
        self.client.force_login(self.approver)

    def action(self, name: str) -> str:
        return f"/admin/pages/workflow/action/{self.page.pk}/{name}/{self.state.pk}/"

    def status(self) -> str:
        self.state.refresh_from_db()
        return self.state.status

    def test_an_empty_reason_is_refused_in_vietnamese(self):
        response = self.client.post(self.action("reject"), {"comment": "  "}, **XHR)
        reply = json.loads(response.content)
        self.assertEqual(reply["step"], "action")
        self.assertIn("Trường này là bắt buộc.", reply["html"])
        self.assertEqual(self.status(), TaskState.STATUS_IN_PROGRESS)

    def test_a_reason_sends_the_draft_back(self):
        reason = "Thay căn cứ Nghị định 98/2023/NĐ-CP bằng Nghị định 152/2025/NĐ-CP."
        response = self.client.post(self.action("reject"), {"comment": reason}, **XHR)
        self.assertEqual(json.loads(response.content)["step"], "success")
        self.assertEqual(self.status(), TaskState.STATUS_REJECTED)
        self.assertEqual(self.state.comment, reason)

    def test_approving_needs_no_comment(self):
        self.client.post(self.action("approve"), {"comment": ""}, **XHR)
        self.assertEqual(self.status(), TaskState.STATUS_APPROVED)
