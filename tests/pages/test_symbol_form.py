"""Số and Ký hiệu in the page editor: checked, normalised, then the duplicate
check on the normalised form; the type list tells the two "Quyết định" apart."""

from wagtail.test.utils import WagtailPageTestCase

from documents.models import IssuingBody
from pages.forms import MetadataForm
from pages.models import PlanPage
from tests.factories import PlanPageFactory, build_site, document_type, plan_form_data

BLOCKED = "Chưa thể xuất bản hoặc gửi duyệt"


class SymbolFormTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()
        self.login()
        self.add_url = f"/admin/pages/add/pages/planpage/{self.index.pk}/"
        self.body = IssuingBody.objects.get(slug="chinh-phu")

    def post(self, number, symbol, **extra):
        data = plan_form_data("Kế hoạch thi đua", number, symbol=symbol, **extra)
        return self.client.post(self.add_url, {**data, "action-publish": "x"})

    def test_number_typed_into_symbol_is_refused(self):
        response = self.post("", "45/KH-UBND")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Nhập số vào ô Số (45)")
        self.assertFalse(PlanPage.objects.exists())

    def test_symbol_variants_are_normalised(self):
        for number, symbol in ((77, "KH UBND"), (80, "kh-ubnd")):
            with self.subTest(symbol=symbol):
                response = self.post(number, symbol, slug=f"ke-hoach-{number}")
                self.assertEqual(response.status_code, 302)
                page = PlanPage.objects.get(number=number)
                self.assertEqual(
                    (page.symbol, page.code), ("KH-UBND", f"{number}/KH-UBND")
                )

    def test_duplicate_check_sees_the_normalised_symbol(self):
        PlanPageFactory(parent=self.index, number=45, issuing_body=self.body)
        response = self.post(45, "kh ubnd")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Đã có văn bản số 45/KH-UBND")
        self.assertEqual(PlanPage.objects.filter(number=45).count(), 1)

    def test_number_zero_is_refused(self):
        response = self.post(0, "KH-UBND")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Số văn bản phải từ 1 trở lên.")
        self.assertFalse(PlanPage.objects.exists())

    def test_too_long_symbol_is_not_called_missing(self):
        response = self.post(79, "K" * 103)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(PlanPage.objects.exists())
        self.assertNotContains(response, BLOCKED)
        form = response.context["form"]
        self.assertTrue(form.has_error("symbol"))

    def test_empty_symbol_still_blocks_publishing(self):
        response = self.post(79, "")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, BLOCKED)

    def test_duplicate_of_a_draft_points_to_its_editor(self):
        draft = PlanPageFactory(
            parent=self.index, number=52, issuing_body=self.body, live=False
        )
        response = self.post(52, "KH-UBND")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Đã có bản nháp văn bản số 52/KH-UBND")
        self.assertContains(response, f"/admin/pages/{draft.pk}/edit/")
        self.assertNotContains(response, f"trang /{draft.slug}/")

    def test_duplicate_of_a_live_page_points_to_it(self):
        live = PlanPageFactory(parent=self.index, number=53, issuing_body=self.body)
        response = self.post(53, "KH-UBND")
        self.assertContains(response, "Đã có văn bản số 53/KH-UBND")
        self.assertContains(response, live.url_path.split("/", 2)[-1])


class TypeLabelTests(WagtailPageTestCase):
    ADMIN = "Quyết định (văn bản hành chính)"
    NORMATIVE = "Quyết định (văn bản quy phạm pháp luật)"

    def test_labels_tell_the_families_apart(self):
        self.assertEqual(document_type("Quyết định").choice_label, self.ADMIN)
        self.assertEqual(
            document_type("Quyết định", "qppl").choice_label, self.NORMATIVE
        )
        self.assertEqual(
            document_type("Nghị quyết", "qppl").choice_label,
            "Nghị quyết (văn bản quy phạm pháp luật)",
        )
        self.assertEqual(document_type("Kế hoạch").choice_label, "Kế hoạch")
        self.assertEqual(str(document_type("Quyết định")), "Quyết định")
        self.assertEqual(str(document_type("Quyết định", "qppl")), self.NORMATIVE)

    def test_import_form_choices_are_unique(self):
        labels = [label for _, label in MetadataForm().fields["document_type"].choices]
        self.assertIn(self.NORMATIVE, labels)
        self.assertIn(self.ADMIN, labels)
        self.assertEqual(len(labels), len(set(labels)))

    def test_page_editor_chooser_tells_them_apart(self):
        self.login()
        chosen = "/admin/snippets/choose/documents/documenttype/chosen/{}/"
        for doc_type, label in (
            (document_type("Quyết định", "qppl"), self.NORMATIVE),
            (document_type("Quyết định"), "Quyết định"),
        ):
            response = self.client.get(chosen.format(doc_type.pk))
            self.assertEqual(response.json()["result"]["string"], label)
