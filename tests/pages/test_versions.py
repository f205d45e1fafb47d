"""Public version history: numbering, change notes, version pages and diffs."""

import unicodedata

from django.test import SimpleTestCase
from wagtail.test.utils import WagtailPageTestCase

from documents.textdiff import diff_paragraphs, diff_words, tokenize
from pages.comparison import compare_versions
from pages.models import PublishedVersion, RevisionNote
from pages.versioning import publish_with_note, record_version
from tests.factories import PlanPageFactory, build_site, page_form_data


def paragraph(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


class WordDiffTests(SimpleTestCase):
    def test_changed_tone_mark_replaces_the_whole_word(self):
        html = diff_words("bảo đảm hài hoà lợi ích", "bảo đảm hài hòa lợi ích")
        self.assertEqual(html, "bảo đảm hài <del>hoà</del><ins>hòa</ins> lợi ích")

    def test_decomposed_input_equals_precomposed(self):
        nfd = unicodedata.normalize("NFD", "Thi đua, khen thưởng")
        self.assertEqual(
            diff_words(nfd, "Thi đua, khen thưởng"), "Thi đua, khen thưởng"
        )
        self.assertEqual(tokenize(nfd)[0:3], ["Thi", " ", "đua"])

    def test_everything_is_escaped(self):
        html = diff_words("a <b>x</b>", 'a <script>alert("x")</script>')
        self.assertNotIn("<script", html)
        self.assertNotIn("<b>", html)
        self.assertIn("&lt;<del>b</del><ins>script</ins>&gt;", html)
        self.assertIn("&quot;", html)

    def test_paragraph_runs(self):
        out = diff_paragraphs(["Điều 1.", "Cũ"], ["Điều 1.", "Mới", "Thêm"])
        self.assertEqual([p.kind for p in out], ["equal", "replace", "insert"])
        self.assertEqual(out[2].html, "<ins>Thêm</ins>")


class VersionHistoryTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()
        self.page = PlanPageFactory(
            parent=self.index,
            summary="Bảo đảm hài hoà lợi ích",
            body=paragraph("Tổ chức hội nghị hoà giải cơ sở."),
        )
        self.page.save_revision().publish()
        self.page.refresh_from_db()
        self.page.summary = "Bảo đảm hài hòa lợi ích"
        self.page.body = paragraph("Tổ chức hội nghị hòa giải cơ sở <b>&</b> tổng kết.")
        publish_with_note(page=self.page, note="Sửa chính tả “hoà” thành “hòa”.")
        self.page.refresh_from_db()

    def url(self, suffix=""):
        return self.page.url + suffix

    def test_published_versions_are_numbered_with_notes(self):
        versions = list(self.page.public_versions())
        self.assertEqual([v.number for v in versions], [1, 2])
        self.assertEqual(versions[0].note, "Đăng tải lần đầu.")
        self.assertEqual(versions[1].note, "Sửa chính tả “hoà” thành “hòa”.")

    def test_history_lists_versions_but_never_drafts(self):
        self.page.summary = "Bản nháp chưa duyệt"
        draft = self.page.save_revision()
        RevisionNote.objects.create(revision=draft, note="Ghi chú bản nháp")
        response = self.client.get(self.url("phien-ban/"))
        self.assertContains(response, "Phiên bản 2")
        self.assertContains(response, "Sửa chính tả “hoà” thành “hòa”.")
        self.assertNotContains(response, "Phiên bản 3")
        self.assertNotContains(response, "Ghi chú bản nháp")
        self.assertEqual(self.client.get(self.url("phien-ban/3/")).status_code, 404)

    def test_version_page_shows_content_as_published(self):
        response = self.client.get(self.url("phien-ban/1/"))
        self.assertContains(response, "Bạn đang xem phiên bản 1")
        self.assertContains(response, "hội nghị hoà giải")
        self.assertNotContains(response, "hội nghị hòa giải")
        current = self.client.get(self.url())
        self.assertContains(current, "Lịch sử phiên bản (2)")
        self.assertNotContains(current, "Bạn đang xem phiên bản")

    def test_unknown_or_invalid_numbers_answer_404(self):
        for suffix in ("0/", "9/", "abc/", "-1/", "99999999999999999999/"):
            response = self.client.get(self.url("phien-ban/" + suffix))
            self.assertEqual(response.status_code, 404, suffix)
        self.assertEqual(self.client.get(self.url("so-sanh/1/7/")).status_code, 404)
        self.assertEqual(self.client.get(self.url("so-sanh/?a=x")).status_code, 404)

    def test_compare_shows_metadata_and_word_diff(self):
        response = self.client.get(self.url("so-sanh/1/2/"))
        self.assertContains(response, "Trích yếu")
        self.assertContains(
            response, "hài <del>hoà</del><ins>hòa</ins> lợi ích", html=False
        )
        self.assertContains(response, "hội nghị <del>hoà</del><ins>hòa</ins> giải")
        self.assertContains(response, "<ins> &amp; tổng kết</ins>", html=False)
        self.assertNotContains(response, "<b>&</b>", html=False)
        reverse = self.client.get(self.url("so-sanh/2/1/"))
        self.assertContains(reverse, "<del>hoà</del><ins>hòa</ins>", html=False)

    def test_compare_ignores_the_line_endings_a_browser_form_adds(self):
        """Correcting only the title through the admin listed "Căn cứ ban
        hành" and "Nơi nhận" as changed: the form's textareas came back with
        "\r\n" where the published version had "\n"."""
        self.page.legal_basis = "Căn cứ Luật A;\nCăn cứ Nghị định B."
        self.page.recipients = "Như Điều 2;\nLưu: VT."
        publish_with_note(page=self.page, note="Bổ sung căn cứ.")
        self.page.refresh_from_db()
        self.page.title += " (đính chính)"
        self.page.legal_basis = "Căn cứ Luật A;\r\nCăn cứ Nghị định B."
        self.page.recipients = "Như Điều 2;\r\nLưu: VT."
        publish_with_note(page=self.page, note="Đính chính tiêu đề.")
        versions = PublishedVersion.objects.filter(page=self.page)
        old, new = versions.order_by("number")[2:4]
        changed = [change.name for change in compare_versions(old, new).metadata]
        self.assertEqual(changed, ["title"])
        response = self.client.get(self.url("so-sanh/3/4/"))
        self.assertContains(response, "<ins> (đính chính)</ins>", html=False)
        self.assertNotContains(response, "Nơi nhận")

    def test_compare_form_redirects(self):
        response = self.client.get(self.url("so-sanh/?a=1&b=2"))
        self.assertRedirects(response, self.url("so-sanh/1/2/"))

    def test_record_version_is_idempotent(self):
        revision = self.page.live_revision
        again = record_version(page=self.page, revision=revision, note="Ghi chú mới")
        self.assertEqual(again.number, 2)
        self.assertEqual(PublishedVersion.objects.filter(page=self.page).count(), 2)
        self.assertEqual(again.note, "Ghi chú mới")


class ChangeNoteFormTests(WagtailPageTestCase):
    """Republishing through the admin requires "Nội dung thay đổi"."""

    def setUp(self):
        self.home, self.index = build_site()
        self.user = self.login()
        self.page = PlanPageFactory(parent=self.index, number=42)
        self.page.save_revision().publish()

    def edit_data(self, **extra):
        fields = {
            "place": self.page.place,
            "issued_date": "2025-03-14",
            "summary": "Trích yếu đã sửa",
            "status": "con_hieu_luc",
            "signing_authority": "TM.",
            "signer_position": "Chủ tịch",
        }
        return page_form_data(self.page, **(fields | extra))

    def post(self, **extra):
        return self.client.post(
            f"/admin/pages/{self.page.pk}/edit/", self.edit_data(**extra)
        )

    def test_republish_without_note_is_refused(self):
        response = self.post(**{"action-publish": "publish"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Nội dung thay đổi")
        self.assertEqual(self.page.public_versions().count(), 1)

    def test_republish_with_note_records_it(self):
        response = self.post(
            **{"action-publish": "publish", "change_note": "Sửa trích yếu."}
        )
        self.assertEqual(response.status_code, 302)
        versions = list(self.page.public_versions())
        self.assertEqual([v.number for v in versions], [1, 2])
        self.assertEqual(versions[1].note, "Sửa trích yếu.")
        history = self.client.get(self.page.url + "phien-ban/")
        self.assertContains(history, "Sửa trích yếu.")

    def test_saving_a_draft_needs_no_note(self):
        response = self.post()
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.page.public_versions().count(), 1)

    def test_change_note_line_endings_are_stored_as_newlines(self):
        """A browser sends a textarea's lines with "\\r\\n"; the change note
        keeps "\\n", as the import and demo write it. (The page's own fields
        are compared without regard to line endings, pages.comparison.)"""
        response = self.post(
            **{
                "action-publish": "publish",
                "change_note": "Sửa căn cứ.\r\nSửa nơi nhận.",
                "legal_basis": "Căn cứ Luật A;\r\nCăn cứ Nghị định B.",
            }
        )
        self.assertEqual(response.status_code, 302)
        note = self.page.public_versions().last().note
        self.assertEqual(note, "Sửa căn cứ.\nSửa nơi nhận.")


class RevisionKeepingTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()
        self.page = PlanPageFactory(parent=self.index)
        self.page.save_revision().publish()
        publish_with_note(page=self.page, note="Lần hai.")

    def test_purge_revisions_keeps_published_ones(self):
        from django.core.management import call_command

        self.page.save_revision()  # a newer draft makes v2 purgeable in principle
        call_command("purge_revisions", verbosity=0)
        for version in PublishedVersion.objects.filter(page=self.page):
            self.assertTrue(version.revision.as_object())
        self.assertEqual(
            self.client.get(self.page.url + "phien-ban/1/").status_code, 200
        )

    def test_deleting_the_page_deletes_its_versions(self):
        self.page.delete()
        self.assertFalse(PublishedVersion.objects.exists())
