"""Showcase: awards linked from decisions, feeds and sitemap, accessibility, query counts, the staff report, the demo and migrations."""

import xml.etree.ElementTree as ET

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from documents.models import IssuingBody
from pages.models import (
    Award,
    ExemplarPage,
)
from tests.factories import (
    DecisionPageFactory,
    ExemplarPageFactory,
    ImageFactory,
    MovementPageFactory,
    NewsPageFactory,
    PlanPageFactory,
)
from tests.pages.test_showcase import (
    ATOM,
    SITEMAP,
    PageStructure,
    ShowcaseTestCase,
    add_award,
    build_showcase,
    publish,
    structure,
)


class AwardLinkTests(ShowcaseTestCase):
    """Publishing a decision links its awards; unpublishing hides them again."""

    def setUp(self):
        super().setUp()
        self.decision = DecisionPageFactory(
            parent=self.docs, title="Quyết định khen thưởng năm 2025", live=False
        )
        self.award = add_award(self.decision, "LÒ THỊ  MAI", title="Lao động tiên tiến")
        self.other = add_award(
            self.decision,
            "Giàng A Sáng",
            recipient_unit="Bản Hợp 1, xã Bản Bo",
            recipient_position="Trưởng bản",
            reason="Vận động nhân dân hiến đất làm đường.",
        )

    def test_publish_links_by_folded_name_and_kind(self):
        publish(self.decision)
        self.award.refresh_from_db()
        self.assertEqual(self.award.exemplar_id, self.exemplar.pk)
        html = self.get(self.exemplar)
        self.assertIn("Khen thưởng", html)
        self.assertIn(self.decision.code, html)
        self.assertIn("14/03/2025", html)
        self.assertIn(self.decision.title, html)
        self.assertIn(self.decision.url, html)
        self.assertIn(self.exemplar.url, self.get(self.decision))

    def test_admin_edit_forms(self):
        publish(self.decision)
        self.other.refresh_from_db()
        self.login()
        for page in (self.decision, self.other.exemplar):
            response = self.client.get(f"/admin/pages/{page.pk}/edit/")
            self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Sự đồng ý công bố thông tin")

    def test_kind_must_match(self):
        self.award.recipient_kind = "tap_the"
        self.award.save()
        publish(self.decision)
        self.award.refresh_from_db()
        self.assertNotEqual(self.award.exemplar_id, self.exemplar.pk)

    def test_missing_exemplar_becomes_a_draft(self):
        publish(self.decision)
        self.other.refresh_from_db()
        draft = self.other.exemplar
        self.assertIsNotNone(draft)
        self.assertFalse(draft.live)
        self.assertFalse(draft.consent_given)
        self.assertEqual(draft.get_parent().pk, self.gallery.pk)
        self.assertEqual((draft.position, draft.year), ("Trưởng bản", 2025))
        self.assertEqual(draft.achievements, "Vận động nhân dân hiến đất làm đường.")
        self.assertIsNotNone(draft.get_latest_revision())
        self.client.logout()
        self.assertEqual(
            self.client.get(f"{self.gallery.url}giang-a-sang/").status_code, 404
        )

    def test_republish_creates_no_second_draft(self):
        publish(self.decision)
        publish(self.decision)
        self.assertEqual(
            ExemplarPage.objects.filter(name_key="giang a sang").count(), 1
        )
        self.award.refresh_from_db()
        self.assertEqual(self.award.exemplar_id, self.exemplar.pk)

    def test_unpublish_hides_awards(self):
        publish(self.decision)
        self.decision.unpublish()
        self.award.refresh_from_db()
        self.assertIsNone(self.award.exemplar_id)
        self.assertNotIn(self.decision.code, self.get(self.exemplar))
        publish(self.decision)
        self.assertIn(self.decision.code, self.get(self.exemplar))

    def test_private_decision_awards_hidden(self):
        publish(self.decision)
        PageViewRestriction.objects.create(
            page=self.decision, restriction_type="password", password="bí-mật"
        )
        self.assertNotIn(self.decision.code, self.get(self.exemplar))


class FeedAndSitemapTests(ShowcaseTestCase):
    """Feeds and the sitemap list only live, public pages."""

    def setUp(self):
        super().setUp()
        self.draft_news = NewsPageFactory(
            parent=self.news_index, title="Tin nháp", live=False
        )
        self.private_news = NewsPageFactory(parent=self.news_index, title="Tin nội bộ")
        self.draft_exemplar = ExemplarPageFactory(
            parent=self.gallery, title="Điển hình nháp", live=False
        )
        self.private_exemplar = ExemplarPageFactory(
            parent=self.gallery, title="Điển hình kín"
        )
        for page in (self.private_news, self.private_exemplar):
            PageViewRestriction.objects.create(
                page=page, restriction_type="password", password="bí-mật"
            )
        self.hidden = [
            self.draft_news,
            self.private_news,
            self.draft_exemplar,
            self.private_exemplar,
        ]

    def feed_links(self, index, kind):
        response = self.client.get(f"{index.url}{kind}/")
        self.assertEqual(response.status_code, 200)
        root = ET.fromstring(response.content)
        if kind == "rss":
            return [item.findtext("link") for item in root.iter("item")]
        return [
            entry.find(f"{ATOM}link").get("href") for entry in root.iter(f"{ATOM}entry")
        ]

    def assert_only_live_public(self, urls, expected):
        paths = {url.split("://", 1)[-1].split("/", 1)[-1] for url in urls}
        for page in expected:
            self.assertIn(page.url.lstrip("/"), paths)
        for page in self.hidden:
            self.assertNotIn(page.url.lstrip("/"), paths)

    def test_news_feeds(self):
        for kind in ("rss", "atom"):
            links = self.feed_links(self.news_index, kind)
            self.assertEqual(len(links), 1)
            self.assert_only_live_public(links, [self.news])

    def test_exemplar_feeds(self):
        for kind in ("rss", "atom"):
            links = self.feed_links(self.gallery, kind)
            self.assertEqual(len(links), 1, links)
            self.assert_only_live_public(links, [self.exemplar])

    def test_sitemap_lists_live_public_pages_only(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        urls = [
            loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")
        ]
        expected = [
            self.home,
            self.docs,
            self.plan,
            self.gallery,
            self.exemplar,
            self.movements,
            self.movement,
            self.news_index,
            self.news,
        ]
        self.assert_only_live_public(urls, expected)
        self.assertEqual(len(urls), len(expected))


class AccessibilityTests(ShowcaseTestCase):
    """Landmarks, one h1, heading order without skipped levels, alt on every image."""

    def test_main_templates(self):
        decision = DecisionPageFactory(parent=self.docs)
        add_award(decision, "Lò Thị Mai")
        publish(decision)
        pages = [
            self.home,
            self.gallery,
            self.exemplar,
            self.movements,
            self.movement,
            self.news_index,
            self.news,
            decision,
        ]
        for page in pages:
            with self.subTest(page=page.url):
                found = structure(self.get(page))
                self.assertEqual(found.headings.count(1), 1)
                self.assertEqual(found.headings[0], 1)
                for before, after in zip(
                    found.headings, found.headings[1:], strict=False
                ):
                    self.assertLessEqual(after, before + 1, found.headings)
                self.assertLessEqual(PageStructure.LANDMARKS, found.landmarks)
                for img in found.images:
                    self.assertTrue(img.get("alt"), img)

    def test_skip_link_targets_main(self):
        html = self.get(self.home)
        self.assertIn('href="#main"', html)
        self.assertIn('<main id="main"', html)


class QueryCountTests(ShowcaseTestCase):
    """Home and listings run a fixed number of queries, whatever the data size."""

    def add_content(self, n):
        for i in range(n):
            movement = MovementPageFactory(parent=self.movements)
            exemplar = ExemplarPageFactory(
                parent=self.gallery, photo=ImageFactory(), featured=i % 2 == 0
            )
            exemplar.movements.add(movement)
            publish(exemplar)
            NewsPageFactory(parent=self.news_index, lead_image=ImageFactory())
            DecisionPageFactory(parent=self.docs)
            PlanPageFactory(parent=self.docs)

    def queries(self, url):
        self.client.get(url)  # first view creates the image renditions
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(captured)

    def test_counts_do_not_grow(self):
        urls = [
            self.home.url,
            self.gallery.url,
            self.news_index.url,
            self.movement.url,
            self.exemplar.url,
        ]
        DecisionPageFactory(parent=self.docs)
        small = {url: self.queries(url) for url in urls}
        self.add_content(8)
        for url in urls:
            self.client.get(url)
            with self.subTest(url=url), self.assertNumQueries(small[url]):
                self.client.get(url)
        self.assertLessEqual(small[self.home.url], 30, small)


class ReportTests(WagtailPageTestCase):
    """The staff follow-up report: counts per unit and year, units without any."""

    def setUp(self):
        self.home, self.docs, self.gallery, *_ = build_showcase()
        self.commune = IssuingBody.objects.create(
            name="Ủy ban nhân dân xã Bình Lư",
            slug="ubnd-xa-binh-lu",
            level="xa",
            place="Bình Lư",
        )
        self.empty = IssuingBody.objects.create(
            name="Ủy ban nhân dân xã Khun Há",
            slug="ubnd-xa-khun-ha",
            level="xa",
            place="Khun Há",
        )
        for kind in ("ca_nhan", "tap_the"):
            ExemplarPageFactory(
                parent=self.gallery, kind=kind, issuing_body=self.commune
            )
        ExemplarPageFactory(parent=self.gallery, issuing_body=self.commune, live=False)
        self.url = "/admin/bao-cao/dien-hinh/"

    def test_staff_sees_counts_and_missing_units(self):
        self.login()
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("Theo dõi xây dựng điển hình tiên tiến", html)
        self.assertRegex(
            html,
            r"<td>2025</td><td>Ủy ban nhân dân xã Bình Lư</td><td>1</td><td>2</td>"
            r"<td>3</td><td>2</td><td>Đạt</td>",
        )
        self.assertIn("<li>Ủy ban nhân dân xã Khun Há</li>", html)
        self.assertIn(self.url, self.client.get("/admin/").content.decode())

    def test_csv_export_with_bom(self):
        self.login()
        response = self.client.get(self.url + "?year=2025&format=csv")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertTrue(response.content.startswith(b"\xef\xbb\xbf"))
        text = response.content.decode("utf-8-sig")
        self.assertTrue(text.startswith('Năm,"Cơ quan, đơn vị",Điển hình tập thể'))
        self.assertIn("2025,Ủy ban nhân dân xã Khun Há,0,0,0,0,Chưa có điển hình", text)
        self.assertIn("2025,Ủy ban nhân dân xã Bình Lư,1,2,3,2,Đạt", text)

    def test_bad_year_never_fails(self):
        self.login()
        for query in ("?year=abc", "?year=99999", "?year=&format=csv"):
            self.assertEqual(self.client.get(self.url + query).status_code, 200)

    def test_editor_without_staff_flag_cannot_see_it(self):
        editor = self.create_user("bientapvien", password="mật-khẩu-1")
        editor.groups.add(Group.objects.get(name="Biên tập viên nội dung chung"))
        self.client.force_login(editor)
        self.assertEqual(self.client.get("/admin/").status_code, 200)
        self.assertNotIn(self.url, self.client.get("/admin/").content.decode())
        response = self.client.get(self.url)  # Wagtail turns 403 into a redirect
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        self.client.logout()
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response.url)

    def test_leaders_and_admins_see_it_editors_do_not(self):
        from pages.workflow import ADMINS, APPROVERS, EDITORS, workflow_assign_defaults

        workflow_assign_defaults()  # the portal's roles, as migrate makes them
        for n, (role, allowed) in enumerate(
            [(APPROVERS, True), (ADMINS, True), (EDITORS, False)]
        ):
            user = self.create_user(f"vaitro{n}", password="mật-khẩu-1")
            user.groups.add(Group.objects.get(name=role))
            self.client.force_login(user)
            menu = self.client.get("/admin/").content.decode()
            response = self.client.get(self.url)
            if allowed:
                self.assertIn(self.url, menu, role)
                self.assertContains(response, "Khun Há", msg_prefix=role)
            else:
                self.assertNotIn(self.url, menu, role)
                self.assertEqual(response.status_code, 302, role)
            self.client.logout()


class DemoTests(WagtailPageTestCase):
    def test_load_demo_twice_and_sitemap(self):
        from wagtail.images.models import Image

        from pages.demo.loader import load_demo

        load_demo()
        counts = (Page.objects.count(), Image.objects.count(), Award.objects.count())
        self.assertEqual(load_demo(), [])
        self.assertEqual(
            (Page.objects.count(), Image.objects.count(), Award.objects.count()), counts
        )
        linked = Award.objects.filter(page__slug="quyet-dinh-khen-thuong-2025")
        self.assertFalse(linked.filter(exemplar__isnull=True).exists())
        self.assertEqual(ExemplarPage.objects.filter(live=False).count(), 1)
        self.assertEqual(
            ExemplarPage.objects.filter(kind="tap_the", live=True).count(), 2
        )
        response = self.client.get("/sitemap.xml")
        urls = [
            loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")
        ]
        self.assertGreaterEqual(len(urls), 15)
        mai = ExemplarPage.objects.get(slug="lo-thi-mai")
        html = self.client.get(mai.url).content.decode()
        self.assertIn("1520/QĐ-UBND", html)
        self.assertIn("hư cấu", html)


class MigrationTests(WagtailPageTestCase):
    def test_no_missing_pages_migrations(self):
        from django.core.management import call_command

        call_command("makemigrations", "pages", "--check", "--dry-run", verbosity=0)
