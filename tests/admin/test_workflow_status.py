"""The editor's status panel after the approver asks for changes: Vietnamese
times ("11 giây trước", not "11 seconds ago") and the approver named as the
one who asked, not the editor who submitted."""

import datetime as dt
import re

from django.contrib.auth.models import Group
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.admin.templatetags.wagtailadmin_tags import naturaltime
from wagtail.models import TaskState
from wagtail.test.utils import WagtailPageTestCase

from pages.models import PlanPage
from pages.workflow import APPROVERS, EDITORS, workflow_assign_defaults
from tests.factories import build_site, plan_form_data


def _vi_naturaltime(delta: dt.timedelta) -> str:
    with translation.override("vi"):
        return naturaltime(timezone.now() - delta).replace("\xa0", " ")


def test_naturaltime_is_vietnamese():
    assert _vi_naturaltime(dt.timedelta(seconds=11)).endswith("giây trước")
    assert _vi_naturaltime(dt.timedelta(minutes=5)) == "5 phút trước"
    assert _vi_naturaltime(dt.timedelta(hours=3)) == "3 giờ trước"
    assert _vi_naturaltime(dt.timedelta(days=9, hours=2)) == "1 tuần, 2 ngày trước"
    assert _vi_naturaltime(dt.timedelta(0)) == "vừa xong"


class ChangesRequestedStatusTests(WagtailPageTestCase):
    def setUp(self):
        _, self.index = build_site()
        workflow_assign_defaults()
        self.editor = self.create_user(
            "bientap", password="x", first_name="Nguyễn Thị", last_name="Hoa"
        )
        self.editor.groups.add(Group.objects.get(name=EDITORS))
        self.approver = self.create_user(
            "lanhdao", password="x", first_name="Lò Văn", last_name="Biên"
        )
        self.approver.groups.add(Group.objects.get(name=APPROVERS))

    def submit_and_reject(self):
        self.client.force_login(self.editor)
        data = plan_form_data("Kế hoạch thi đua", 7, **{"action-submit": "x"})
        url = f"/admin/pages/add/pages/planpage/{self.index.pk}/"
        self.assertEqual(self.client.post(url, data).status_code, 302)
        page = PlanPage.objects.get(number=7)
        state = TaskState.objects.get(
            workflow_state__object_id=str(page.pk),
            status=TaskState.STATUS_IN_PROGRESS,
        )
        self.client.force_login(self.approver)
        action = f"/admin/pages/workflow/action/{page.pk}/reject/{state.pk}/"
        self.client.post(action, {"comment": "Bổ sung căn cứ."})
        self.client.force_login(self.editor)
        return page

    def test_the_editor_reads_who_asked_and_when_in_vietnamese(self):
        page = self.submit_and_reject()
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        text = response.content.decode()
        self.assertNotIn("seconds ago", text)
        self.assertNotIn("second ago", text)
        self.assertNotIn("just now", text)
        self.assertIn("Đã yêu cầu chỉnh sửa", text)
        heading = re.search(r'w-dialog__message-heading">([^<]*)<', text).group(1)
        self.assertRegex(
            heading.replace("\xa0", " "),
            r"^Lò Văn Biên \(người duyệt\) đã yêu cầu chỉnh sửa (vừa xong|\d+ giây trước)$",
        )

    def test_in_review_heading_names_the_submitter_as_such(self):
        self.client.force_login(self.editor)
        data = plan_form_data("Kế hoạch thi đua", 8, **{"action-submit": "x"})
        url = f"/admin/pages/add/pages/planpage/{self.index.pk}/"
        self.client.post(url, data)
        page = PlanPage.objects.get(number=8)
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        text = response.content.decode()
        self.assertIn(escape("người gửi duyệt: Nguyễn Thị Hoa"), text)
        self.assertNotIn("ago", text.replace("Chicago", ""))
