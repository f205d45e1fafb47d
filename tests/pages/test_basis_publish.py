"""Nothing passes silently: scheduled, bulk, scripted and imported publications
of a document whose legal basis has a problem that needs an acknowledgement."""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.test.utils import WagtailPageTestCase

from pages.basis_audit import ACK_ACTION, UNACKNOWLEDGED_ACTION
from pages.models import PlanPage
from tests.factories import EXPIRED_BASIS, publish_when_due
from tests.pages.test_basis_review import BasisSiteMixin

NOTE = "Kế hoạch thực hiện văn bản cũ; giữ căn cứ để đối chiếu."


class BasisPublishTests(BasisSiteMixin, WagtailPageTestCase):
    """Same site as the review tests: 98/2023 replaced by 152/2025 on 01/7/2025."""

    def entries(self, page, action=UNACKNOWLEDGED_ACTION):
        return PageLogEntry.objects.filter(page_id=page.pk, action=action)

    def schedule_in_editor(self, page, **extra):
        self.client.force_login(self.approver)
        go_live = timezone.localtime() + dt.timedelta(days=2)
        data = self.data(
            **{"action-publish": "x", "go_live_at": go_live.strftime("%Y-%m-%d %H:%M")},
            **extra,
        )
        return self.client.post(self.edit_url(page), data)

    # Scheduled publishing -----------------------------------------------------

    def test_the_acknowledgement_is_asked_when_the_schedule_is_set(self):
        page = self.draft()
        response = self.schedule_in_editor(page)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Chưa xuất bản: căn cứ ban hành có 1 vấn đề")
        self.assertFalse(page.revisions.filter(approved_go_live_at__isnull=False))

        response = self.schedule_in_editor(
            page, basis_acknowledged="1", basis_note=NOTE
        )
        self.assertEqual(response.status_code, 302)
        scheduled = page.revisions.get(approved_go_live_at__isnull=False)
        ack = self.entries(page, ACK_ACTION).get()
        self.assertEqual(ack.data["action"], "publish")
        self.assertEqual(ack.revision_id, scheduled.pk)
        page.refresh_from_db()
        self.assertFalse(page.live)

        publish_when_due(page)
        self.assertTrue(page.live)
        self.assertFalse(self.entries(page).exists())

    def test_a_scheduled_revision_nobody_acknowledged_is_logged_when_it_goes_live(self):
        page = self.draft().get_latest_revision_as_object()
        page.go_live_at = timezone.now() + dt.timedelta(days=1)
        page.save_revision().publish()  # a script: no editor, no acknowledgement
        self.assertFalse(self.entries(page).exists())  # nothing is live yet

        publish_when_due(page)
        self.assertTrue(page.live)
        [entry] = self.entries(page)
        self.assertTrue(entry.data["scheduled"])
        self.assertEqual(entry.revision_id, page.live_revision_id)
        self.assertEqual(entry.data["problems"][0]["kind"], "expired")

        self.client.force_login(self.approver)
        history = self.client.get(f"/admin/pages/{page.pk}/history/")
        self.assertContains(
            history,
            "Đã xuất bản theo lịch hẹn giờ khi căn cứ còn 1 vấn đề chưa được xác nhận",
        )
        panel = self.client.get(self.edit_url(page))
        self.assertContains(panel, "data-basis-unacknowledged")

    # Scripts, the workflow and the importer -------------------------------------

    def test_a_publication_by_script_is_logged_once(self):
        page = self.draft().get_latest_revision_as_object()
        with self.assertLogs("pages.basis", "WARNING") as logged:
            page.save_revision().publish()
        self.assertIn("not acknowledged", logged.output[0])
        [entry] = self.entries(page)
        self.assertFalse(entry.data["scheduled"])
        self.assertIn("152/2025/NĐ-CP", entry.data["problems"][0]["message"])

    def test_an_acknowledged_submission_approved_in_the_workflow_is_not_reported(self):
        page = self.draft()
        self.client.post(
            self.edit_url(page),
            self.data(
                **{"action-submit": "x", "basis_acknowledged": "1", "basis_note": NOTE}
            ),
        )
        self.client.force_login(self.approver)
        response = self.client.post(
            self.edit_url(page),
            self.data(
                **{"action-workflow-action": "true", "workflow-action-name": "approve"}
            ),
        )
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertFalse(self.entries(page).exists())

    def test_an_acknowledged_publication_in_the_editor_is_not_reported(self):
        page = self.draft()
        self.client.force_login(self.approver)
        data = self.data(
            **{"action-publish": "x", "basis_acknowledged": "1", "basis_note": NOTE}
        )
        self.assertEqual(self.client.post(self.edit_url(page), data).status_code, 302)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertTrue(self.entries(page, ACK_ACTION).exists())
        self.assertFalse(self.entries(page).exists())

    def test_an_imported_document_is_published_and_its_problem_logged(self):
        import tempfile
        from pathlib import Path

        text = (
            "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\n\nSố: 12/QĐ-UBND\n\n"
            "Lai Châu, ngày 01 tháng 8 năm 2025\n\nQUYẾT ĐỊNH\n"
            "Về việc khen thưởng\n\nỦY BAN NHÂN DÂN TỈNH LAI CHÂU\n\n"
            f"{EXPIRED_BASIS}\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Khen thưởng.\n"
        )
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "qd-12.txt"
            path.write_text(text, encoding="utf-8")
            call_command(
                "import_documents",
                str(path),
                publish=True,
                verbosity=0,
                parent=self.index.slug,
            )
        page = PlanPage.objects.none()
        from pages.models import LegalDocumentPage

        page = LegalDocumentPage.objects.get(number=12, symbol="QĐ-UBND")
        self.assertTrue(page.live)
        [entry] = self.entries(page)
        self.assertEqual(entry.data["problems"][0]["kind"], "expired")

    # Bulk publishing ------------------------------------------------------------

    def test_bulk_publish_of_a_flawed_basis_is_refused_and_points_to_the_editor(self):
        page = self.draft()
        self.client.force_login(self.create_superuser("quantri", password="x"))
        url = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}"
        response = self.client.post(url, {"include_descendants": ""}, follow=True)
        self.assertContains(response, "Chưa xuất bản: căn cứ ban hành của văn bản sau")
        self.assertContains(response, "“Kế hoạch thi đua” (Đã hết hiệu lực)")
        self.assertContains(response, f"/admin/pages/{page.pk}/edit/")
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertFalse(self.entries(page).exists())

    def test_bulk_publish_of_a_sound_basis_goes_through(self):
        self.client.force_login(self.editor)
        url = f"/admin/pages/add/pages/planpage/{self.index.pk}/"
        self.client.post(url, self.data(issued_date="2025-06-20"))
        page = PlanPage.objects.get(number=7)
        self.client.force_login(self.create_superuser("quantri", password="x"))
        url = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}"
        self.client.post(url, {"include_descendants": ""})
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertFalse(self.entries(page).exists())
