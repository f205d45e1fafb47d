"""Defects a new user met on the public pages (walkthrough of 2026-12-07):
each test failed on the code before its fix."""

from django.test import TestCase

from pages.graph import sync_page
from pages.templatetags.portal_tags import numbered_code
from tests.factories import (
    DecisionPageFactory,
    MovementIndexPageFactory,
    MovementPageFactory,
    build_site,
    replaced_decree,
)

BASIS = (
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;\n"
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ;\n"
    "Căn cứ Kế hoạch số 118/KH-UBND ngày 12/7/2024 của UBND huyện."
)


def citation_panel(html: str) -> str:
    start = html.index('<section class="doc-citations"')
    return html[start : html.index("</section>", start)]


class ValidityTimelineTests(TestCase):
    """The timeline's step source is a plain dict: its code, never the dict."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index = build_site()
        cls.old, cls.new, _ = replaced_decree(cls.index)

    def test_filter_reads_a_dict(self):
        self.assertEqual(numbered_code({"code": "152/2025/NĐ-CP"}), "152/2025/NĐ-CP")
        self.assertEqual(numbered_code({"code": "/KH-UBND"}), "")
        self.assertEqual(numbered_code({"code": None}), "")

    def test_comparing_a_version_with_itself_says_so(self):
        html = self.client.get(self.old.url + "so-sanh/1/1/").content.decode()
        self.assertIn("Hai bên so sánh là cùng một phiên bản.", html)
        self.assertIn(f'href="{self.old.url}phien-ban/1/">xem phiên bản 1</a>', html)
        self.assertNotIn("Thuộc tính thay đổi", html)
        other = self.client.get(self.old.url + "so-sanh/2/1/").content.decode()
        self.assertIn("Thuộc tính thay đổi", other)
        self.assertNotIn("cùng một phiên bản", other)

    def test_replaced_decree_timeline_links_the_new_decree_by_code(self):
        html = self.client.get(self.old.url).content.decode()
        self.assertNotIn("{&#x27;id&#x27;", html)
        self.assertNotIn("&#x27;title&#x27;", html)
        self.assertIn(
            f'Bị thay thế bởi <a href="{self.new.url}">152/2025/NĐ-CP</a></li>', html
        )


class FilteredFeedTests(TestCase):
    """A filtered /van-ban/ offers, and serves, the filtered feed."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index = build_site()
        cls.old, cls.new, _ = replaced_decree(cls.index)

    def test_feed_applies_the_list_filters(self):
        for feed in ("rss/", "atom/"):
            with self.subTest(feed=feed):
                body = self.client.get(
                    self.index.url + feed + "?status=het_hieu_luc&page=3"
                ).content.decode()
                self.assertIn("98/2023/NĐ-CP", body)
                self.assertNotIn("152/2025/NĐ-CP", body)
        body = self.client.get(self.index.url + "rss/").content.decode()
        self.assertIn("152/2025/NĐ-CP", body)

    def test_list_links_the_filtered_feed(self):
        html = self.client.get(
            self.index.url, {"status": "het_hieu_luc", "year": "", "page": "2"}
        ).content.decode()
        self.assertIn(f'href="{self.index.url}rss/?status=het_hieu_luc"', html)
        self.assertIn(f'href="{self.index.url}atom/?status=het_hieu_luc"', html)
        self.assertIn("(theo bộ lọc đang chọn)", html)
        plain = self.client.get(self.index.url).content.decode()
        self.assertIn(f'href="{self.index.url}rss/"', plain)
        self.assertNotIn("theo bộ lọc", plain)


class CitingDecisionCase(TestCase):
    """Nghị định 98/2023 replaced by 152/2025, and a decision based on both."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index = build_site()
        cls.old, cls.new, _ = replaced_decree(cls.index)
        cls.decision = DecisionPageFactory(parent=cls.index, legal_basis=BASIS)
        sync_page(cls.decision)


class LegalBasisPanelTests(CitingDecisionCase):
    """ "Văn bản căn cứ" says whether each cited document is still in force."""

    def test_each_cited_document_carries_its_status(self):
        panel = citation_panel(self.client.get(self.decision.url).content.decode())
        old_item = panel[panel.index(self.old.title) :]
        old_item = old_item[: old_item.index("</li>")]
        self.assertIn("98/2023/NĐ-CP", old_item)
        self.assertIn(
            '<span class="badge badge-het_hieu_luc">Hết hiệu lực</span>', old_item
        )
        new_item = panel[panel.index(self.new.title) :]
        new_item = new_item[: new_item.index("</li>")]
        self.assertIn("badge-con_hieu_luc", new_item)


class ActiveSearchFiltersTests(CitingDecisionCase):
    """/tim-kiem/ names the filters it is narrowed by and offers to drop them."""

    def active(self, params) -> str:
        html = self.client.get("/tim-kiem/", params).content.decode()
        start = html.index('<p class="active-filters">')
        return html[start : html.index("</p>", start)]

    def test_cites_filter_names_the_cited_document(self):
        line = self.active({"cites": "nghi dinh|98|2023"})
        self.assertIn("Dẫn chiếu đến Nghị định 98/2023/NĐ-CP", line)
        self.assertIn('<a href="/tim-kiem/">Bỏ lọc</a>', line)

    def test_a_restricted_cited_page_is_not_named(self):
        # A live page behind a view restriction (here without a number, so
        # its title would name it): its title stays off the public page; the
        # citation's own code names it.
        from wagtail.models import PageViewRestriction

        PageViewRestriction.objects.create(
            page=self.old, restriction_type=PageViewRestriction.LOGIN
        )
        self.old.title, self.old.number = "Tiêu đề nội bộ", None
        self.old.save_revision().publish()
        line = self.active({"cites": "nghi dinh|98|2023"})
        self.assertIn("Dẫn chiếu đến Nghị định 98/2023/NĐ-CP", line)
        self.assertNotIn("Tiêu đề nội bộ", line)

    def test_unknown_values_are_named_too(self):
        line = self.active({"q": "thi dua", "issuer": "abc", "cites": "zzz"})
        self.assertIn("Cơ quan ban hành: “abc” (không có)", line)
        self.assertIn("Dẫn chiếu đến “zzz” (không có văn bản nào", line)
        self.assertIn('<a href="/tim-kiem/?q=thi+dua">Bỏ lọc</a>', line)

    def test_odd_issuer_values_never_fail(self):
        for value in ("²", "2²", "99999999999999999999999"):
            line = self.active({"q": "thi dua", "issuer": value})
            self.assertIn(f"Cơ quan ban hành: “{value}” (không có)", line)

    def test_no_line_without_filters(self):
        html = self.client.get("/tim-kiem/", {"q": "thi dua"}).content.decode()
        self.assertNotIn("active-filters", html)


class MovementPeriodTests(TestCase):
    """A one-year movement reads "năm 2025", not "2025–2025"."""

    @classmethod
    def setUpTestData(cls):
        cls.home, _ = build_site()
        cls.index = MovementIndexPageFactory(parent=cls.home)
        cls.one_year = MovementPageFactory(
            parent=cls.index, start_year=2025, end_year=2025
        )
        cls.span = MovementPageFactory(parent=cls.index)

    def test_pages_show_the_year_once(self):
        for url in (self.home.url, self.index.url, self.one_year.url):
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                self.assertNotIn("2025–2025", html)
                self.assertIn("năm 2025", html)
        self.assertIn("2021–2025", self.client.get(self.index.url).content.decode())
