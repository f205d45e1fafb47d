"""Awards reach the page of the same person only; the drafts they create are
named to whoever publishes and open for the editors; the report's unassigned row."""

from unittest import mock

from django.contrib.auth.models import Group
from django.test import SimpleTestCase
from wagtail.models import GroupPagePermission, PageLogEntry, TaskState

from pages import services
from pages.models import ExemplarPage
from pages.reports import NO_BODY, ReportRow, exemplar_report
from pages.services import DRAFTS_ACTION, same_name, same_unit
from pages.workflow import APPROVERS, EDITORS, workflow_assign_defaults
from tests.factories import DecisionPageFactory, ExemplarPageFactory
from tests.factories.scenarios import page_form_data
from tests.pages.test_showcase import ShowcaseTestCase, add_award, publish


class SamePersonTests(SimpleTestCase):
    def test_names_with_diacritics_must_agree(self):
        self.assertTrue(same_name("LÒ THỊ  MAI", "Lò Thị Mai"))
        self.assertTrue(same_name("Nguyễn Thị Thuỷ", "Nguyễn Thị Thủy"))
        self.assertFalse(same_name("Lô Thị Mai", "Lò Thị Mai"))
        self.assertIsNone(same_name("lo thi mai", "Lò Thị Mai"))

    def test_units_both_given_must_agree(self):
        school = "Trường Tiểu học Bình Lư"
        self.assertTrue(same_unit("Truong tieu hoc Binh Lu", school))
        self.assertTrue(same_unit(f"{school}, xã Bình Lư", school))
        self.assertFalse(same_unit("Trường Mầm non Bản Hon", school))
        self.assertTrue(same_unit("xã Tả Lèng", "Hợp tác xã chè Tả Lèng"))
        self.assertFalse(same_unit("xã Bản Bo", "Hợp tác xã chè Tả Lèng"))
        self.assertIsNone(same_unit("", school))

    def test_units_compare_with_abbreviations_expanded(self):
        commune = "Ủy ban nhân dân xã Bản Bo"
        self.assertTrue(same_unit("UBND xã Bản Bo", commune))
        self.assertTrue(same_unit("Uỷ ban nhân dân  xã Bản Bo.", commune))
        self.assertTrue(same_unit("HĐND xã Bản Bo", "Hội đồng nhân dân xã Bản Bo"))
        self.assertTrue(
            same_unit("Trường THCS Bình Lư", "Trường Trung học cơ sở Bình Lư")
        )
        self.assertFalse(same_unit("UBND xã Bản Hon", commune))
        self.assertFalse(same_unit("HĐND xã Bản Bo", commune))
        self.assertFalse(same_unit("Trường THPT Bình Lư", "Trường THCS Bình Lư"))


class AwardMatchingTests(ShowcaseTestCase):
    """The gallery has "Lò Thị Mai", Trường Tiểu học Bình Lư (live)."""

    def setUp(self):
        super().setUp()
        self.decision = DecisionPageFactory(
            parent=self.docs, title="Quyết định khen thưởng năm học", live=False
        )

    def linked(self, name, **extra):
        award = add_award(self.decision, name, **extra)
        publish(self.decision)
        award.refresh_from_db()
        return award.exemplar

    def test_namesake_in_another_school_gets_her_own_draft(self):
        exemplar = self.linked("lo thi mai", recipient_unit="Trường Mầm non Bản Hon")
        self.assertNotEqual(exemplar.pk, self.exemplar.pk)
        self.assertFalse(exemplar.live)
        self.assertEqual(exemplar.unit, "Trường Mầm non Bản Hon")
        self.assertNotIn(self.decision.code, self.get(self.exemplar))

    def test_other_diacritics_are_another_person(self):
        exemplar = self.linked("Lô Thị Mai")
        self.assertNotEqual(exemplar.pk, self.exemplar.pk)

    def test_same_unit_links_even_without_diacritics(self):
        exemplar = self.linked("lo thi mai", recipient_unit="Trường Tiểu học Bình Lư")
        self.assertEqual(exemplar.pk, self.exemplar.pk)

    def test_abbreviated_unit_links_to_the_same_person(self):
        self.exemplar.unit = "Ủy ban nhân dân xã Bình Lư"
        publish(self.exemplar)
        exemplar = self.linked("lo thi mai", recipient_unit="UBND xã Bình Lư")
        self.assertEqual(exemplar.pk, self.exemplar.pk)

    def test_abbreviated_other_unit_still_gets_a_draft(self):
        self.exemplar.unit = "Ủy ban nhân dân xã Bình Lư"
        publish(self.exemplar)
        exemplar = self.linked("lo thi mai", recipient_unit="UBND xã Bản Hon")
        self.assertNotEqual(exemplar.pk, self.exemplar.pk)
        self.assertFalse(exemplar.live)

    def test_missing_unit_links_only_the_only_namesake(self):
        self.assertEqual(self.linked("Lò Thị Mai").pk, self.exemplar.pk)

    def test_missing_unit_with_two_namesakes_is_not_guessed(self):
        other = ExemplarPageFactory(
            parent=self.gallery,
            title="Lò Thị Mai",
            slug="lo-thi-mai-2",
            unit="Trường Mầm non Bản Hon",
        )
        exemplar = self.linked("lo thi mai")
        self.assertNotIn(exemplar.pk, (self.exemplar.pk, other.pk))
        self.assertFalse(exemplar.live)

    def test_full_match_wins_over_a_namesake(self):
        ExemplarPageFactory(
            parent=self.gallery,
            title="Lò Thị Mai",
            slug="lo-thi-mai-2",
            unit="Trường Mầm non Bản Hon",
        )
        exemplar = self.linked("Lò Thị Mai", recipient_unit="Trường Tiểu học Bình Lư")
        self.assertEqual(exemplar.pk, self.exemplar.pk)


class DraftsForEditorsTests(ShowcaseTestCase):
    def setUp(self):
        super().setUp()
        workflow_assign_defaults()
        self.decision = DecisionPageFactory(
            parent=self.docs, number=360, title="Quyết định khen thưởng", live=False
        )
        add_award(self.decision, "Sùng A Tủa", recipient_unit="Bản Hon, xã Bản Hon")
        self.decision.save_revision()

    def form_data(self, **action):
        award = self.decision.awards.get()
        data = page_form_data(self.decision, **action)
        data.update(
            {
                "awards-TOTAL_FORMS": "1",
                "awards-INITIAL_FORMS": "1",
                "awards-MIN_NUM_FORMS": "0",
                "awards-MAX_NUM_FORMS": "1000",
                "awards-0-id": str(award.pk),
                "awards-0-ORDER": "1",
                "awards-0-DELETE": "",
                "awards-0-recipient_name": award.recipient_name,
                "awards-0-recipient_kind": award.recipient_kind,
                "awards-0-recipient_unit": award.recipient_unit,
                "awards-0-recipient_position": "",
                "awards-0-title": str(award.title_id),
                "awards-0-reason": "",
                "awards-0-exemplar": "",
            }
        )
        return data

    def assert_drafts_named(self, response):
        self.assertEqual(response.status_code, 200)
        self.decision.refresh_from_db()
        self.assertTrue(self.decision.live)
        draft = ExemplarPage.objects.get(title="Sùng A Tủa")
        self.assertContains(response, "bản nháp điển hình tiên tiến")
        self.assertContains(
            response, f'<a href="/admin/pages/{draft.pk}/edit/">Sùng A Tủa</a>'
        )

    def test_publish_message_names_the_drafts_with_links(self):
        self.login()
        data = self.form_data(**{"action-publish": "x"})
        response = self.client.post(
            f"/admin/pages/{self.decision.pk}/edit/", data, follow=True
        )
        self.assert_drafts_named(response)
        entry = PageLogEntry.objects.get(page=self.decision, action=DRAFTS_ACTION)
        self.assertEqual(entry.data["titles"], ["Sùng A Tủa"])

    def submitted(self):
        """The decision submitted to the workflow; the approver logged in."""
        editor = self.create_user("bientap", password="x")
        editor.groups.add(Group.objects.get(name=EDITORS))
        self.decision.get_workflow().start(self.decision, editor)
        approver = self.create_user("lanhdao", password="x")
        approver.groups.add(Group.objects.get(name=APPROVERS))
        self.client.force_login(approver)
        return TaskState.objects.get(
            workflow_state__object_id=str(self.decision.pk),
            status=TaskState.STATUS_IN_PROGRESS,
        )

    def test_approval_from_the_dashboard_names_the_drafts_once(self):
        state = self.submitted()
        url = f"/admin/pages/workflow/action/{self.decision.pk}/approve/{state.pk}/"
        response = self.client.post(
            url, {"comment": "", "next": "/admin/"}, follow=True
        )
        self.assert_drafts_named(response)
        self.assertNotContains(self.client.get("/admin/"), "bản nháp điển hình")

    def test_approval_in_the_editor_names_the_drafts(self):
        self.submitted()
        stored = self.decision  # no changes: approving them would restart the task
        data = self.form_data(
            **{"action-workflow-action": "x", "workflow-action-name": "approve"},
            place=stored.place,
            status=stored.status,
            signing_authority=stored.signing_authority,
            signer_position=stored.signer_position,
            signer=stored.signer_id,
        )
        response = self.client.post(
            f"/admin/pages/{self.decision.pk}/edit/", data, follow=True
        )
        self.assert_drafts_named(response)

    def test_drafts_are_named_to_whoever_published_only(self):
        publish(self.decision)  # no user: a command, a scheduled publication
        self.login()
        self.assertNotContains(self.client.get("/admin/"), "bản nháp điển hình")

    def test_two_tabs_reading_at_once_name_the_drafts_once(self):
        publish(self.decision)
        user = self.create_user("bientap", password="x")
        PageLogEntry.objects.filter(action=DRAFTS_ACTION).update(user=user)
        shown = []

        def second_tab_between_read_and_message(draft_ids):
            # The other tab runs whole after this one has read the entry.
            if not shown:
                shown.append("inner")
                shown.extend(services.drafts_announce(user))
            return message(draft_ids)

        message = services.drafts_message
        with mock.patch.object(
            services, "drafts_message", second_tab_between_read_and_message
        ):
            shown.extend(services.drafts_announce(user))
        named = [text for text in shown if "bản nháp điển hình" in text]
        self.assertEqual(len(named), 1)

    def test_editor_can_open_the_draft(self):
        publish(self.decision)
        draft = ExemplarPage.objects.get(title="Sùng A Tủa")
        editor = self.create_user("bientap", password="x")
        editor.groups.add(Group.objects.get(name=EDITORS))
        self.client.force_login(editor)
        response = self.client.get(f"/admin/pages/{draft.pk}/edit/")
        self.assertEqual(response.status_code, 200)

    def test_gallery_created_later_gets_the_permission_with_its_first_draft(self):
        GroupPagePermission.objects.filter(page=self.gallery).delete()
        publish(self.decision)
        perms = GroupPagePermission.objects.filter(
            group__name=EDITORS, page=self.gallery
        ).values_list("permission__codename", flat=True)
        self.assertEqual(set(perms), {"add_page", "change_page"})


class ReportNoBodyTests(ShowcaseTestCase):
    def test_unassigned_row_is_never_complete(self):
        ExemplarPageFactory(parent=self.gallery, kind="tap_the", issuing_body=None)
        ExemplarPageFactory(parent=self.gallery, kind="ca_nhan", issuing_body=None)
        rows = [row for row in exemplar_report(year=2025) if row.body == NO_BODY]
        self.assertEqual(len(rows), 1)
        self.assertEqual((rows[0].collective, rows[0].individual), (1, 1))
        self.assertNotEqual(rows[0].status, "Đạt")
        self.assertIn("Chưa đủ thông tin", rows[0].status)

    def test_assigned_row_still_complete(self):
        row = ReportRow(year=2025, body="UBND xã Bình Lư", collective=1, individual=1)
        self.assertEqual(row.status, "Đạt")
