"""The legal-basis check in the page editor and the review workflow."""

from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry, TaskState
from wagtail.test.utils import WagtailPageTestCase

from pages.basis_admin import ACK_ACTION
from pages.models import PlanPage
from pages.workflow import APPROVERS, EDITORS, workflow_assign_defaults
from tests.factories import EXPIRED_BASIS, build_site, plan_form_data, replaced_decree


class BasisSiteMixin:
    """98/2023 replaced by 152/2025 on 01/7/2025, the review workflow, an editor
    and an approver; ``draft()`` is a plan dated 01/8/2025 citing 98/2023."""

    def setUp(self):
        self.home, self.index = build_site()
        _, self.new, _ = replaced_decree(self.index)
        workflow_assign_defaults()
        self.editor = self.create_user("bientap", password="x")
        self.editor.groups.add(Group.objects.get(name=EDITORS))
        self.approver = self.create_user("lanhdao", password="x")
        self.approver.groups.add(Group.objects.get(name=APPROVERS))

    def data(self, **extra):
        fields = {"issued_date": "2025-08-01", "legal_basis": EXPIRED_BASIS}
        return plan_form_data("Kế hoạch thi đua", 7, **(fields | extra))

    def draft(self):
        self.client.force_login(self.editor)
        url = f"/admin/pages/add/pages/planpage/{self.index.pk}/"
        response = self.client.post(url, self.data())
        self.assertEqual(response.status_code, 302)
        return PlanPage.objects.get(number=7)

    def edit_url(self, page):
        return f"/admin/pages/{page.pk}/edit/"


class BasisReviewTests(BasisSiteMixin, WagtailPageTestCase):
    def test_panel_lists_the_problem_with_its_line_and_link(self):
        page = self.draft()
        response = self.client.get(self.edit_url(page))
        self.assertContains(response, 'data-side-panel-toggle="basis-check"')
        self.assertContains(response, "Kiểm tra căn cứ")
        self.assertContains(response, 'data-kind="expired"')
        self.assertContains(response, "dòng 1")
        self.assertContains(response, f'href="{self.new.url}"')

    def test_submit_without_acknowledgement_is_refused_and_explained(self):
        page = self.draft()
        response = self.client.post(
            self.edit_url(page), self.data(**{"action-submit": "x"})
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "căn cứ ban hành có 1 vấn đề cần xác nhận")
        self.assertContains(response, 'data-blocked="true"')
        page.refresh_from_db()
        self.assertFalse(page.workflow_in_progress)
        # A note without the tick is not an acknowledgement either.
        self.client.post(
            self.edit_url(page),
            self.data(**{"action-submit": "x", "basis_note": "Đã biết."}),
        )
        page.refresh_from_db()
        self.assertFalse(page.workflow_in_progress)

    def test_submit_on_create_is_refused_too(self):
        self.client.force_login(self.editor)
        url = f"/admin/pages/add/pages/planpage/{self.index.pk}/"
        response = self.client.post(url, self.data(**{"action-submit": "x"}))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(PlanPage.objects.filter(number=7).exists())

    def test_acknowledged_submission_reaches_the_approver_with_its_note(self):
        page = self.draft()
        note = "Văn bản ban hành theo kế hoạch cũ, giữ căn cứ để đối chiếu."
        response = self.client.post(
            self.edit_url(page),
            self.data(
                **{"action-submit": "x", "basis_acknowledged": "1", "basis_note": note}
            ),
        )
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.workflow_in_progress)
        entry = PageLogEntry.objects.get(page=page, action=ACK_ACTION)
        self.assertEqual(entry.data["note"], note)
        self.assertEqual(entry.data["problems"][0]["kind"], "expired")
        self.assertEqual(entry.revision_id, page.latest_revision_id)

        self.client.force_login(self.approver)
        response = self.client.get(self.edit_url(page))
        self.assertContains(response, note)
        self.assertContains(response, 'data-kind="expired"')
        history = self.client.get(f"/admin/pages/{page.pk}/history/")
        self.assertContains(history, note)
        state = TaskState.objects.get(
            workflow_state__object_id=str(page.pk),
            status=TaskState.STATUS_IN_PROGRESS,
        )
        approve = f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/"
        self.assertEqual(self.client.post(approve, {}).status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)

    def test_a_sound_basis_needs_no_acknowledgement(self):
        self.client.force_login(self.editor)
        url = f"/admin/pages/add/pages/planpage/{self.index.pk}/"
        data = plan_form_data(
            "Kế hoạch thi đua",
            7,
            issued_date="2025-06-20",
            legal_basis=EXPIRED_BASIS,
            **{"action-submit": "x"},
        )
        self.assertEqual(self.client.post(url, data).status_code, 302)
        self.assertTrue(PlanPage.objects.get(number=7).workflow_in_progress)
        self.assertFalse(PageLogEntry.objects.filter(action=ACK_ACTION).exists())

    def test_panel_refresh_checks_the_unsaved_form(self):
        page = self.draft()
        url = f"/admin/kiem-tra-can-cu/{page.pk}/"
        sound = self.client.post(url, self.data(issued_date="2025-06-20"))
        self.assertEqual(sound.status_code, 200)
        self.assertContains(sound, "Không phát hiện vấn đề")
        self.assertNotContains(sound, 'data-kind="expired"')
        flawed = self.client.post(url, self.data())
        self.assertContains(flawed, 'data-kind="expired"')
        self.client.logout()
        self.assertNotEqual(self.client.post(url, self.data()).status_code, 200)
