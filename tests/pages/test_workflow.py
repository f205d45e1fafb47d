"""Roles and the review workflow, exercised through the real admin views."""

import datetime as dt

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import (
    GroupPagePermission,
    TaskState,
    Workflow,
    WorkflowPage,
)
from wagtail.test.utils import WagtailPageTestCase

from pages.models import PlanPage, PublishedVersion
from pages.workflow import (
    ADMINS,
    APPROVERS,
    EDITORS,
    WORKFLOW_NAME,
    workflow_assign_defaults,
)
from tests.factories import build_site, plan_form_data, publish_when_due


class RolesTests(WagtailPageTestCase):
    def test_migration_creates_groups_and_workflow(self):
        for name in (EDITORS, APPROVERS, ADMINS):
            group = Group.objects.get(name=name)
            self.assertTrue(group.permissions.filter(codename="access_admin"))
        workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        task = workflow.tasks.get().specific
        self.assertEqual(list(task.groups.all()), [Group.objects.get(name=APPROVERS)])

    def test_assign_defaults_is_idempotent_and_never_lets_editors_publish(self):
        _, index = build_site()
        self.assertEqual(workflow_assign_defaults(), 1)
        counts = (GroupPagePermission.objects.count(), WorkflowPage.objects.count())
        workflow_assign_defaults()
        self.assertEqual(
            (GroupPagePermission.objects.count(), WorkflowPage.objects.count()), counts
        )
        self.assertEqual(
            WorkflowPage.objects.get(page=index).workflow.name, WORKFLOW_NAME
        )
        editor_perms = GroupPagePermission.objects.filter(
            group__name=EDITORS, page=index
        ).values_list("permission__codename", flat=True)
        self.assertEqual(set(editor_perms), {"add_page", "change_page"})


class ReviewWorkflowTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()
        workflow_assign_defaults()
        self.editor = self.create_user("bientap", password="x")
        self.editor.groups.add(Group.objects.get(name=EDITORS))
        self.approver = self.create_user("lanhdao", password="x")
        self.approver.groups.add(Group.objects.get(name=APPROVERS))

    def add_url(self):
        return f"/admin/pages/add/pages/planpage/{self.index.pk}/"

    def create_as_editor(self, action: str, number: int = 7):
        self.client.force_login(self.editor)
        data = plan_form_data("Kế hoạch thi đua năm 2025", number, **{action: "x"})
        response = self.client.post(self.add_url(), data)
        self.assertEqual(response.status_code, 302)
        return PlanPage.objects.get(number=number)

    def workflow_action(self, page, action: str, **data):
        state = TaskState.objects.get(
            workflow_state__base_content_type=page.get_base_content_type(),
            workflow_state__object_id=str(page.pk),
            status=TaskState.STATUS_IN_PROGRESS,
        )
        url = f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/"
        return self.client.post(url, data)

    def test_editor_cannot_publish(self):
        page = self.create_as_editor("action-publish")
        self.assertFalse(page.live)
        self.assertFalse(page.workflow_in_progress)
        self.assertEqual(
            self.client.get(page.url or "/van-ban/ke-hoach-7/").status_code, 404
        )
        self.assertFalse(PublishedVersion.objects.exists())

    def test_submit_then_approver_publishes(self):
        page = self.create_as_editor("action-submit")
        self.assertTrue(page.workflow_in_progress)
        self.assertFalse(page.live)
        self.client.force_login(self.approver)
        response = self.workflow_action(page, "approve")
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(self.client.get(page.url).status_code, 200)
        self.assertEqual(page.public_versions().count(), 1)

    def test_rejection_returns_with_comment_and_never_shows_in_history(self):
        page = self.create_as_editor("action-submit")
        self.client.force_login(self.approver)
        self.workflow_action(page, "reject", comment="Bổ sung căn cứ ban hành.")
        page.refresh_from_db()
        self.assertFalse(page.live)
        state = page.current_workflow_state
        self.assertEqual(state.status, state.STATUS_NEEDS_CHANGES)
        task_state = state.current_task_state
        self.assertEqual(task_state.status, TaskState.STATUS_REJECTED)
        self.assertEqual(task_state.comment, "Bổ sung căn cứ ban hành.")
        self.client.force_login(self.editor)
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertContains(response, "Bổ sung căn cứ ban hành.")
        self.assertFalse(PublishedVersion.objects.filter(page=page).exists())

    def test_republication_carries_the_editors_note(self):
        page = self.create_as_editor("action-submit")
        self.client.force_login(self.approver)
        self.workflow_action(page, "approve")
        self.client.force_login(self.editor)
        url = f"/admin/pages/{page.pk}/edit/"
        data = plan_form_data(
            "Kế hoạch thi đua năm 2025 (sửa)", 7, **{"action-submit": "x"}
        )
        response = self.client.post(url, data)
        self.assertContains(response, "Nội dung thay đổi")  # note required
        data = plan_form_data(
            "Kế hoạch thi đua năm 2025 (sửa)",
            7,
            **{"action-submit": "x", "change_note": "Sửa tên kế hoạch."},
        )
        self.assertEqual(self.client.post(url, data).status_code, 302)
        page.refresh_from_db()
        self.assertEqual(page.title, "Kế hoạch thi đua năm 2025")  # live unchanged
        self.client.force_login(self.approver)
        self.workflow_action(page, "approve")
        versions = list(page.public_versions())
        self.assertEqual([v.number for v in versions], [1, 2])
        self.assertEqual(versions[1].note, "Sửa tên kế hoạch.")
        history = self.client.get(page.url + "phien-ban/")
        self.assertContains(history, "Sửa tên kế hoạch.")

    def test_locked_page_cannot_be_edited_by_others(self):
        page = self.create_as_editor("action-save")
        self.client.force_login(self.approver)
        self.client.post(f"/admin/pages/{page.pk}/lock/")
        page.refresh_from_db()
        self.assertTrue(page.locked)
        self.client.force_login(self.editor)
        data = plan_form_data("Tên mới khi đang khóa", 7, **{"action-save": "x"})
        self.client.post(f"/admin/pages/{page.pk}/edit/", data)
        page.refresh_from_db()
        self.assertEqual(page.get_latest_revision_as_object().title, page.draft_title)
        self.assertNotEqual(page.draft_title, "Tên mới khi đang khóa")


class ScheduledPublishingTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()
        self.login()

    def test_not_visible_before_go_live_then_published_by_command(self):
        go_live = timezone.localtime() + dt.timedelta(days=2)
        data = plan_form_data(
            "Kế hoạch hẹn giờ",
            9,
            **{"action-publish": "x", "go_live_at": go_live.strftime("%Y-%m-%d %H:%M")},
        )
        url = f"/admin/pages/add/pages/planpage/{self.index.pk}/"
        self.assertEqual(self.client.post(url, data).status_code, 302)
        page = PlanPage.objects.get(number=9)
        self.assertFalse(page.live)
        self.client.logout()
        self.assertEqual(self.client.get("/van-ban/ke-hoach-9/").status_code, 404)
        self.assertFalse(PublishedVersion.objects.filter(page=page).exists())
        call_command("publish_scheduled")
        page.refresh_from_db()
        self.assertFalse(page.live)
        publish_when_due(page)
        self.assertTrue(page.live)
        self.assertEqual(self.client.get("/van-ban/ke-hoach-9/").status_code, 200)
        self.assertEqual(page.public_versions().count(), 1)
