"""Validity over time: effects confirmed by a person, timeline, banner, filters."""

import datetime as dt

from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry
from wagtail.test.utils import WagtailPageTestCase

from documents.models import IssuingBody
from pages.models import PendingEffect, ValidityEvent
from pages.workflow import APPROVERS, EDITORS, workflow_assign_defaults
from tests.factories import (
    PlanPageFactory,
    build_site,
    decree,
    replaced_decree,
)


class EffectTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()
        self.old, self.new, self.effect = replaced_decree(self.index, confirm=False)

    def test_publishing_files_a_pending_effect_and_changes_nothing(self):
        self.assertEqual(self.effect.kind, "thay_the")
        self.assertEqual(self.effect.date, dt.date(2025, 7, 1))
        self.old.refresh_from_db()
        self.assertEqual(self.old.status, "con_hieu_luc")
        self.assertIsNone(self.old.expiry_date)
        self.assertFalse(ValidityEvent.objects.exists())
        self.assertEqual(self.old.public_versions().count(), 1)
        response = self.client.get(self.old.url)
        self.assertNotContains(response, "đã hết hiệu lực")

    def test_republishing_the_source_does_not_ask_twice(self):
        self.new.save_revision().publish()
        self.assertEqual(PendingEffect.objects.count(), 1)

    def test_confirmation_through_admin_applies_the_effect(self):
        self.login()
        dashboard = self.client.get("/admin/")
        self.assertContains(dashboard, "Xem và xác nhận")
        response = self.client.get("/admin/hieu-luc/")
        self.assertContains(response, "Hiệu lực chờ xác nhận")
        self.assertContains(response, self.old.title)
        response = self.client.post(
            f"/admin/hieu-luc/{self.effect.pk}/confirm/", {"date": "2025-07-01"}
        )
        self.assertRedirects(response, "/admin/hieu-luc/")
        self.old.refresh_from_db()
        self.assertEqual(self.old.status, "het_hieu_luc")
        self.assertEqual(self.old.expiry_date, dt.date(2025, 7, 1))
        self.assertEqual(self.old.public_versions().count(), 2)
        event = ValidityEvent.objects.get(page=self.old)
        self.assertEqual(event.source_id, self.new.pk)
        self.assertIsNotNone(event.confirmed_by)
        log = PageLogEntry.objects.get(action="documents.effect_confirmed")
        self.assertEqual(log.page_id, self.old.pk)
        self.assertEqual(log.data["source_id"], self.new.pk)

    def test_confirmed_replacement_shows_banner_and_timeline(self):
        self.login()
        self.client.post(f"/admin/hieu-luc/{self.effect.pk}/confirm/", {})
        self.client.logout()
        response = self.client.get(self.old.url)
        self.assertContains(response, "Văn bản này đã hết hiệu lực từ ngày 01/07/2025")
        self.assertContains(response, f'href="{self.new.url}"')
        self.assertContains(response, "Bị thay thế bởi")
        timeline = self.old.specific.validity_timeline()
        self.assertEqual([item["kind"] for item in timeline], ["ban_hanh", "thay_the"])
        self.assertEqual(timeline[1]["source"]["code"], "152/2025/NĐ-CP")

    def test_rejection_changes_nothing_but_is_logged(self):
        self.login()
        unknown = self.client.post(f"/admin/hieu-luc/{self.effect.pk}/xoa/")
        self.assertEqual(unknown.status_code, 404)
        self.client.post(f"/admin/hieu-luc/{self.effect.pk}/reject/")
        self.effect.refresh_from_db()
        self.assertEqual(self.effect.status, PendingEffect.Status.REJECTED)
        self.old.refresh_from_db()
        self.assertEqual(self.old.status, "con_hieu_luc")
        self.assertTrue(PageLogEntry.objects.filter(action="documents.effect_rejected"))

    def test_editor_cannot_confirm(self):
        workflow_assign_defaults()
        editor = self.create_user("bientap", password="x")
        editor.groups.add(Group.objects.get(name=EDITORS))
        self.client.force_login(editor)
        self.assertEqual(self.client.get("/admin/hieu-luc/").status_code, 200)
        self.client.post(f"/admin/hieu-luc/{self.effect.pk}/confirm/")
        self.effect.refresh_from_db()
        self.assertEqual(self.effect.status, PendingEffect.Status.PENDING)
        approver = self.create_user("lanhdao", password="x")
        approver.groups.add(Group.objects.get(name=APPROVERS))
        self.client.force_login(approver)
        self.client.post(f"/admin/hieu-luc/{self.effect.pk}/confirm/")
        self.effect.refresh_from_db()
        self.assertEqual(self.effect.status, PendingEffect.Status.CONFIRMED)

    def test_amendment_adds_a_timeline_step_only(self):
        amending = decree(
            self.index,
            10,
            2025,
            body=[
                {
                    "type": "paragraph",
                    "value": "<p>Sửa đổi, bổ sung một số điều của Nghị định số "
                    "98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ.</p>",
                }
            ],
        )
        effect = PendingEffect.objects.get(source=amending)
        self.assertEqual(effect.kind, "sua_doi")


class InForceFilterTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()
        self.old = PlanPageFactory(
            parent=self.index,
            title="Kế hoạch đã hết hiệu lực",
            effective_date=dt.date(2024, 1, 1),
            expiry_date=dt.date(2025, 7, 1),
            status="het_hieu_luc",
        )
        self.current = PlanPageFactory(
            parent=self.index,
            title="Kế hoạch đang có hiệu lực",
            effective_date=dt.date(2025, 7, 1),
        )

    def listing(self, **params):
        return self.client.get(self.index.url, params)

    def test_in_force_on_date(self):
        before = self.listing(in_force_on="2025-06-30")
        self.assertContains(before, "Kế hoạch đã hết hiệu lực")
        self.assertNotContains(before, "Kế hoạch đang có hiệu lực")
        after = self.listing(in_force_on="2025-07-01")
        self.assertNotContains(after, "Kế hoạch đã hết hiệu lực")
        self.assertContains(after, "Kế hoạch đang có hiệu lực")

    def test_queryset_method_for_search(self):
        from pages.models import LegalDocumentPage

        pks = set(
            LegalDocumentPage.objects.in_force_on(dt.date(2025, 6, 30)).values_list(
                "pk", flat=True
            )
        )
        self.assertEqual(pks, {self.old.pk})


class SuccessionTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()
        self.district = IssuingBody.objects.create(
            name="Ủy ban nhân dân huyện Thử Nghiệm",
            slug="ubnd-huyen-thu-nghiem",
            level="huyen",
            dissolved_on=dt.date(2025, 7, 1),
        )
        self.commune = IssuingBody.objects.create(
            name="Ủy ban nhân dân xã Kế Thừa", slug="ubnd-xa-ke-thua", level="xa"
        )
        self.district.successors.add(self.commune)
        self.old_doc = PlanPageFactory(
            parent=self.index, title="Kế hoạch của huyện", issuing_body=self.district
        )
        self.new_doc = PlanPageFactory(
            parent=self.index, title="Kế hoạch của xã", issuing_body=self.commune
        )

    def test_document_of_dissolved_body_names_successor(self):
        response = self.client.get(self.old_doc.url)
        self.assertContains(response, "(nay là Ủy ban nhân dân xã Kế Thừa)")
        self.assertNotContains(self.client.get(self.new_doc.url), "nay là")

    def test_with_predecessors(self):
        self.assertEqual(
            set(self.commune.with_predecessors()), {self.commune, self.district}
        )
        self.assertEqual(set(self.district.with_predecessors()), {self.district})

    def test_issuer_filter_includes_predecessors_on_request(self):
        only = self.client.get(self.index.url, {"issuer": "ubnd-xa-ke-thua"})
        self.assertContains(only, "Kế hoạch của xã")
        self.assertNotContains(only, "Kế hoạch của huyện")
        both = self.client.get(
            self.index.url, {"issuer": "ubnd-xa-ke-thua", "include_predecessors": "on"}
        )
        self.assertContains(both, "Kế hoạch của xã")
        self.assertContains(both, "Kế hoạch của huyện")


class DemoTests(WagtailPageTestCase):
    """The demo: a document with two noted versions and a confirmed replacement."""

    def test_demo_has_versions_and_a_replaced_decree(self):
        from pages.demo.loader import load_demo
        from pages.models import LegalDocumentPage

        load_demo()
        old = LegalDocumentPage.objects.get(number=98, year=2023).specific
        notes = [v.note for v in old.public_versions()]
        self.assertGreaterEqual(len(notes), 2)
        self.assertTrue(all(notes))
        self.assertEqual(old.status, "het_hieu_luc")
        self.assertEqual(old.expiry_date, dt.date(2025, 7, 1))
        new = LegalDocumentPage.objects.get(number=152, year=2025)
        self.assertEqual([s.pk for s in old.replaced_by()], [new.pk])
        self.assertEqual(old.signer.name, "Trần Lưu Quang")
        self.assertEqual(old.signature_lines(), ["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"])
        counts = (
            len(notes),
            PendingEffect.objects.count(),
            ValidityEvent.objects.count(),
        )
        load_demo()
        self.assertEqual(
            (
                old.public_versions().count(),
                PendingEffect.objects.count(),
                ValidityEvent.objects.count(),
            ),
            counts,
        )
        response = self.client.get(old.url)
        self.assertContains(response, f'href="{new.url}"')
