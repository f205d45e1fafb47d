"""Dates are read day first, kept in range, and the status shown is today's.

Reviewer's defects of session 12: 10/03/2025 saved as 3 October; a confirmation
date before the document's start gave a 500 and a date that is no date was
ignored; 1800-01-01 and 9999-12-31 published; "Còn hiệu lực" shown after the
expiry date; a repeal called a replacement; a bad list filter ignored silently.
"""

import datetime as dt

from django import forms
from django.test import SimpleTestCase
from django.utils import timezone, translation
from wagtail.test.utils import WagtailPageTestCase

from documents.choices import EffectKind
from pages.models import PendingEffect, PlanPage, ValidityEvent
from tests.factories import PlanPageFactory, build_site, replaced_decree
from tests.pages.forms_helpers import PlanFormMixin

RANGE_ERROR = "Ngày phải trong khoảng 01/01/1945–31/12/2100."
FUTURE_ERROR = "là ngày trong tương lai"
BAD_DATE = "Ngày không hợp lệ: nhập một ngày có thật theo dạng ngày/tháng/năm"


class InputFormatTests(SimpleTestCase):
    def test_day_first_and_iso_in_every_admin_language(self):
        field = forms.DateField()
        for language in ("vi", "en"):
            with self.subTest(language=language), translation.override(language):
                self.assertEqual(field.clean("10/03/2025"), dt.date(2025, 3, 10))
                self.assertEqual(field.clean("5/3/2025"), dt.date(2025, 3, 5))
                self.assertEqual(field.clean("2025-03-05"), dt.date(2025, 3, 5))
                with self.assertRaises(forms.ValidationError):
                    field.clean("03/25/2025")  # month first: never

    def test_status_on_a_day(self):
        from pages.validity import status_on

        page = PlanPage(
            status="con_hieu_luc",
            effective_date=dt.date(2025, 1, 1),
            expiry_date=dt.date(2025, 12, 31),
        )
        self.assertEqual(status_on(page, dt.date(2024, 6, 1)), "chua_co_hieu_luc")
        self.assertEqual(status_on(page, dt.date(2025, 6, 1)), "con_hieu_luc")
        self.assertEqual(status_on(page, dt.date(2025, 12, 31)), "het_hieu_luc")
        page.status = "het_hieu_luc"  # chosen ahead of its date
        self.assertEqual(status_on(page, dt.date(2025, 6, 1)), "con_hieu_luc")
        page.status, page.expiry_date = "het_hieu_luc_mot_phan", None
        self.assertEqual(status_on(page, dt.date(2025, 6, 1)), "het_hieu_luc_mot_phan")


class EditorDateTests(PlanFormMixin, WagtailPageTestCase):
    def test_day_first_dates_are_saved_as_typed(self):
        for number, typed, day in (
            (1, "10/03/2025", dt.date(2025, 3, 10)),
            (2, "5/3/2025", dt.date(2025, 3, 5)),
            (3, "2025-03-14", dt.date(2025, 3, 14)),
        ):
            with self.subTest(typed=typed):
                response = self.post_plan(number, issued_date=typed)
                self.assertEqual(response.status_code, 302)
                self.assertEqual(PlanPage.objects.get(number=number).issued_date, day)
        page = PlanPage.objects.get(number=1)
        form = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertContains(form, 'value="10/03/2025"')  # the picker shows it back

    def test_dates_out_of_range_or_in_the_future_are_refused(self):
        tomorrow = timezone.localdate() + dt.timedelta(days=1)
        cases = [
            ({"issued_date": "01/01/1800"}, RANGE_ERROR),
            ({"issued_date": "31/12/9999"}, RANGE_ERROR),
            ({"effective_date": "1800-01-01"}, RANGE_ERROR),
            ({"expiry_date": "31/12/2101"}, RANGE_ERROR),
            ({"issued_date": tomorrow.strftime("%d/%m/%Y")}, FUTURE_ERROR),
            ({"status": "het_hieu_luc"}, "cần có ngày hết hiệu lực"),
        ]
        for fields, message in cases:
            with self.subTest(fields=fields):
                response = self.post_plan(7, **fields)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
                self.assertFalse(PlanPage.objects.filter(number=7).exists())

    def test_a_page_stored_out_of_range_still_opens(self):
        self.post_plan(7)
        page = PlanPage.objects.get(number=7)
        PlanPage.objects.filter(pk=page.pk).update(issued_date=dt.date(1800, 1, 1))
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertEqual(response.status_code, 200)


class EffectDateTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()
        self.old, self.new, self.effect = replaced_decree(self.index, confirm=False)
        self.login()
        self.url = f"/admin/hieu-luc/{self.effect.pk}/confirm/"

    def assert_unchanged(self):
        self.effect.refresh_from_db()
        self.assertEqual(self.effect.status, PendingEffect.Status.PENDING)
        self.assertFalse(ValidityEvent.objects.exists())
        self.old.refresh_from_db()
        self.assertIsNone(self.old.expiry_date)
        self.assertEqual(self.old.status, "con_hieu_luc")

    def test_impossible_dates_are_refused_with_a_message(self):
        for typed, message in (
            ("1800-01-01", "Ngày có tác động phải trong khoảng năm 1945–2100."),
            ("30/12/2023", "không thể trước ngày ban hành của văn bản bị tác động"),
            ("2025-02-30", "Ngày có tác động không hợp lệ"),
            ("abc", "Ngày có tác động không hợp lệ"),
        ):
            with self.subTest(typed=typed):
                response = self.client.post(self.url, {"date": typed}, follow=True)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
                self.assert_unchanged()

    def test_a_day_first_date_confirms(self):
        response = self.client.post(self.url, {"date": "01/07/2025"})
        self.assertRedirects(response, "/admin/hieu-luc/")
        self.old.refresh_from_db()
        self.assertEqual(self.old.expiry_date, dt.date(2025, 7, 1))


class PublicDateTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()
        self.plan = PlanPageFactory(
            parent=self.index,
            title="Kế hoạch 45 về chuyển đổi số",
            issued_date=dt.date(2025, 3, 10),
            effective_date=dt.date(2025, 3, 10),
        )
        self.stale = PlanPageFactory(parent=self.index, title="Kế hoạch đã hết hạn")
        # Saved as "Còn hiệu lực" with a date that has passed since.
        PlanPage.objects.filter(pk=self.stale.pk).update(
            expiry_date=dt.date(2025, 12, 31)
        )

    def listing(self, **params):
        return self.client.get(self.index.url, params)

    def test_in_force_on_is_read_day_first(self):
        for typed in ("05/03/2025", "2025-03-05"):
            self.assertNotContains(self.listing(in_force_on=typed), self.plan.title)
        for typed in ("10/03/2025", "2025-03-10"):
            self.assertContains(self.listing(in_force_on=typed), self.plan.title)

    def test_a_bad_filter_date_is_shown_as_an_error(self):
        for typed in ("abc", "31/02/2025"):
            with self.subTest(typed=typed):
                response = self.listing(in_force_on=typed)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, BAD_DATE)
                self.assertContains(response, self.plan.title)

    def test_the_status_shown_is_todays(self):
        page = self.client.get(self.stale.url)
        self.assertContains(page, '<span class="badge badge-het_hieu_luc">')
        self.assertContains(page, "Văn bản này đã hết hiệu lực từ ngày 31/12/2025.")
        in_force = self.listing(status="con_hieu_luc")
        self.assertNotContains(in_force, self.stale.title)
        self.assertContains(in_force, self.plan.title)
        self.assertContains(self.listing(status="het_hieu_luc"), self.stale.title)
        api = self.client.get("/api/v1/documents/?status=het_hieu_luc").json()
        self.assertEqual([d["id"] for d in api["results"]], [self.stale.pk])
        detail = self.client.get(f"/api/v1/documents/{self.stale.pk}/").json()
        self.assertEqual(detail["status"], "het_hieu_luc")
        self.assertEqual(detail["status_label"], "Hết hiệu lực")

    def test_the_banner_names_the_kind_of_effect(self):
        repealing = PlanPageFactory(parent=self.index, title="Quyết định bãi bỏ")
        PlanPage.objects.filter(pk=self.stale.pk).update(status="het_hieu_luc")
        ValidityEvent.objects.create(
            page=self.stale,
            date=dt.date(2025, 12, 31),
            kind=EffectKind.REPEALED,
            source=repealing,
        )
        response = self.client.get(self.stale.url)
        self.assertContains(response, "Bị bãi bỏ bởi <a")
        self.assertNotContains(response, "thay thế")
