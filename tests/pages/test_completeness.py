"""Documents kept as drafts without required metadata: status panel, the
"Cần bổ sung" listing, and no way to publish them until an editor fills them in."""

from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry
from wagtail.test.utils import WagtailPageTestCase

from documents.models import IssuingBody
from pages import completeness
from pages.models import DocumentPage
from pages.workflow import APPROVERS, EDITORS, workflow_assign_defaults
from tests.factories import (
    DocumentPageFactory,
    build_site,
    document_type,
    page_form_data,
)

BLOCKED = "Chưa thể xuất bản hoặc gửi duyệt: văn bản còn thiếu"


def incomplete_page(parent, **extra):
    values = {
        "parent": parent,
        "live": False,
        "title": "Công văn về chính sách thuế",
        "number": None,
        "symbol": "",
        "issuing_body": None,
        "issued_date": None,
        "signer": None,
    }
    values.update(extra)
    return DocumentPageFactory(**values)


class CompletenessTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()
        workflow_assign_defaults()
        self.editor = self.create_user("bientap", password="x")
        self.editor.groups.add(Group.objects.get(name=EDITORS))
        self.approver = self.create_user("lanhdao", password="x")
        self.approver.groups.add(Group.objects.get(name=APPROVERS))
        self.page = incomplete_page(self.index)
        self.page.save_revision(clean=False)
        self.edit_url = f"/admin/pages/{self.page.pk}/edit/"

    def test_missing_fields_of_the_stored_draft(self):
        self.assertEqual(
            completeness.missing_fields(self.page),
            ["symbol", "issuing_body", "issued_date"],
        )
        self.assertIn(
            self.page.pk, completeness.incomplete_pages().values_list("pk", flat=True)
        )

    def test_editor_may_save_the_draft_but_not_submit_it(self):
        self.client.force_login(self.editor)
        response = self.client.post(self.edit_url, page_form_data(self.page))
        self.assertEqual(response.status_code, 302)
        response = self.client.post(
            self.edit_url, page_form_data(self.page, **{"action-submit": "x"})
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, BLOCKED)
        self.assertContains(response, "Chưa có ngày ban hành")
        self.page.refresh_from_db()
        self.assertIsNone(self.page.current_workflow_state)

    def test_approver_cannot_publish_until_filled_in(self):
        self.client.force_login(self.approver)
        publish = {"action-publish": "x"}
        response = self.client.post(self.edit_url, page_form_data(self.page, **publish))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, BLOCKED)
        self.page.refresh_from_db()
        self.assertFalse(self.page.live)
        body = IssuingBody.objects.get(slug="chinh-phu")
        filled = page_form_data(
            self.page,
            number=5537,
            symbol="CT-CS",
            issuing_body=body.pk,
            issued_date="2025-11-26",
            **publish,
        )
        self.assertEqual(self.client.post(self.edit_url, filled).status_code, 302)
        self.page.refresh_from_db()
        self.assertTrue(self.page.live)
        self.assertEqual(self.page.code, "5537/CT-CS")

    def test_publishing_an_incomplete_revision_is_refused(self):
        revision = self.page.get_latest_revision()
        with self.assertRaises(completeness.IncompleteDocument) as caught:
            revision.publish()
        self.assertIn(
            "số ký hiệu, cơ quan ban hành, ngày ban hành", caught.exception.message
        )
        self.page.refresh_from_db()
        self.assertFalse(self.page.live)

    def test_bulk_publish_is_refused_with_a_message(self):
        self.client.force_login(self.create_superuser("quantri", password="x"))
        url = f"/admin/bulk/wagtailcore/page/publish/?id={self.page.pk}"
        response = self.client.post(url, {"include_descendants": ""}, follow=True)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "còn thiếu thông tin bắt buộc")
        self.page.refresh_from_db()
        self.assertFalse(self.page.live)

    def test_status_panel_names_what_is_missing_and_the_import_checks(self):
        PageLogEntry.objects.log_action(
            self.page,
            "documents.import",
            data={"checks": ["Cơ quan ban hành được đọc từ nội dung văn bản."]},
        )
        self.client.force_login(self.editor)
        response = self.client.get(self.edit_url)
        self.assertContains(response, "Cần bổ sung trước khi xuất bản")
        self.assertContains(response, "Chưa có số ký hiệu: điền ô “Số” và “Ký hiệu”")
        self.assertContains(response, "Cơ quan ban hành được đọc từ nội dung văn bản.")

    def test_complete_document_has_no_gaps_in_its_panel(self):
        page = DocumentPageFactory(parent=self.index)
        self.client.force_login(self.approver)
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "data-document-gaps")

    def test_preview_of_an_incomplete_draft(self):
        self.client.force_login(self.editor)
        url = f"/admin/pages/{self.page.pk}/edit/preview/"
        data = page_form_data(self.page, signing_authority="TM.")
        self.assertEqual(self.client.post(url, data).status_code, 200)
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_listing_filters_by_what_is_missing(self):
        typed = incomplete_page(
            self.index,
            title="Văn bản chưa rõ loại",
            slug="chua-ro-loai",
            document_type=None,
            symbol="QĐ-UBND",
            issuing_body=IssuingBody.objects.get(slug="chinh-phu"),
            issued_year=2025,
        )
        self.client.force_login(self.editor)
        response = self.client.get("/admin/can-bo-sung/")
        self.assertContains(response, "Công văn về chính sách thuế")
        self.assertContains(response, "Văn bản chưa rõ loại")
        self.assertContains(response, "Số ký hiệu, cơ quan ban hành, ngày ban hành")
        response = self.client.get("/admin/can-bo-sung/?thieu=document_type")
        self.assertContains(response, typed.title)
        self.assertNotContains(response, "Công văn về chính sách thuế")
        response = self.client.get("/admin/can-bo-sung/?thieu=bogus&q=thuế&p=x")
        self.assertContains(response, "Công văn về chính sách thuế")
        self.assertNotContains(response, typed.title)
        self.assertContains(self.client.get("/admin/"), "/admin/can-bo-sung/")

    def test_listing_needs_page_permissions(self):
        self.client.force_login(self.create_user("khach", password="x"))
        self.assertNotEqual(self.client.get("/admin/can-bo-sung/").status_code, 200)

    def test_complete_pages_are_not_listed(self):
        DocumentPageFactory(parent=self.index, title="Công văn đủ thông tin")
        pages = DocumentPage.objects.filter(completeness.incomplete_q())
        self.assertEqual(list(pages), [self.page])
        self.assertEqual(document_type("Công văn"), self.page.document_type)
