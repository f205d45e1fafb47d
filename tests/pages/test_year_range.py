"""A year of issue outside 1945–2100 is a form error, never a server error."""

import datetime as dt

from django.test import SimpleTestCase
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from pages.basis_check import check_date
from pages.graph import context_date
from pages.models import PlanPage
from tests.pages.forms_helpers import PlanFormMixin

RANGE_ERROR = "Năm ban hành phải trong khoảng 1945–2100."


class IssuedYearRangeTests(PlanFormMixin, WagtailPageTestCase):
    def post_year(self, year, number=7, url=None):
        return self.post_plan(number, url, issued_date="", issued_year=str(year))

    def test_add_form_refuses_a_year_out_of_range(self):
        for year in ("0", "1944", "2101", "10000", "99999", "99999999999999999999"):
            with self.subTest(year=year):
                response = self.post_year(year)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, RANGE_ERROR)
                self.assertFalse(PlanPage.objects.filter(number=7).exists())

    def test_add_form_accepts_the_bounds(self):
        for number, year in ((7, 1945), (8, 2100)):
            response = self.post_year(year, number)
            self.assertEqual(response.status_code, 302)
            self.assertEqual(PlanPage.objects.get(number=number).issued_year, year)

    def test_edit_form_refuses_a_year_out_of_range(self):
        self.post_year(2025)
        page = PlanPage.objects.get(number=7)
        response = self.post_year(99999, url=f"/admin/pages/{page.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, RANGE_ERROR)
        page.refresh_from_db()
        self.assertEqual(page.get_latest_revision_as_object().issued_year, 2025)

    def test_a_draft_stored_out_of_range_still_opens_in_the_editor(self):
        self.post_year(2025)
        page = PlanPage.objects.get(number=7)
        # As a draft saved before years were checked.
        page.issued_year = 99999
        page.save_revision(user=self.editor, clean=False)
        PlanPage.objects.filter(pk=page.pk).update(issued_year=32767)
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertEqual(response.status_code, 200)


class CheckDateTests(SimpleTestCase):
    def test_a_year_no_date_can_hold_falls_back_to_today(self):
        for year in (0, 10000, 32767):
            with self.subTest(year=year):
                page = PlanPage(issued_year=year)
                self.assertEqual(check_date(page), timezone.localdate())
                self.assertIsNone(context_date(page))

    def test_a_year_in_range_is_its_first_day(self):
        page = PlanPage(issued_year=2019)
        self.assertEqual(check_date(page), dt.date(2019, 1, 1))
        self.assertEqual(context_date(page), dt.date(2019, 12, 31))


class DocumentNumberRangeTests(PlanFormMixin, WagtailPageTestCase):
    """Số above 99.999 is refused with a message an editor reads, not with the
    database's limit ("nhỏ hơn hoặc bằng với 9223372036854775807 .")."""

    def test_a_number_too_large_is_refused_in_vietnamese(self):
        for number in ("100000", "99999999999999999999"):
            with self.subTest(number=number):
                response = self.post_plan(number)
                self.assertEqual(response.status_code, 200)
                self.assertContains(
                    response, "Số văn bản phải nhỏ hơn hoặc bằng 99.999."
                )
                self.assertNotContains(response, "9223372036854775807")

    def test_the_bound_is_accepted(self):
        self.assertEqual(self.post_plan(99999).status_code, 302)
