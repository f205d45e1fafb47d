"""A document without a number (a draft): its số ký hiệu "/KH-UBND" appears only
in the official layout's "Số:" line, with a blank where the number will be
written; breadcrumbs, properties and listings show no dangling "/KH-UBND"."""

from django.test import TestCase

from pages.templatetags.portal_tags import numbered_code
from tests.factories import PlanPageFactory, build_site

TITLE = "Kế hoạch Công tác thi đua, khen thưởng năm 2025"


class UnnumberedDocumentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index = build_site()
        cls.draft = PlanPageFactory(
            parent=cls.index,
            title=TITLE,
            number=None,
            issued_date=None,
            issued_year=2025,
        )
        cls.numbered = PlanPageFactory(parent=cls.index, number=7)

    def test_stored_code_is_the_header_form(self):
        self.assertEqual(self.draft.code, "/KH-UBND")

    def test_document_page_shows_the_symbol_only_after_a_blank_number(self):
        html = self.client.get(self.draft.url).content.decode()
        self.assertEqual(html.count("/KH-UBND"), 1)
        self.assertIn(
            'Số: <span class="number-blank">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</span>/KH-UBND',
            html,
        )
        self.assertIn(f'<li aria-current="page">{TITLE}</li>', html)
        self.assertIn("<dd>(dự thảo, chưa có số)</dd>", html)

    def test_numbered_document_unchanged(self):
        html = self.client.get(self.numbered.url).content.decode()
        self.assertIn('<div class="doc-number">Số: 07/KH-UBND</div>', html)
        self.assertIn('<li aria-current="page">07/KH-UBND</li>', html)
        self.assertIn("<dd>07/KH-UBND</dd>", html)

    def test_listings_show_no_dangling_symbol(self):
        for url in (self.index.url, self.home.url):
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                self.assertNotIn("/KH-UBND</span>", html.replace("07/KH-UBND", ""))
                self.assertIn("07/KH-UBND", html)

    def test_api_and_feed_show_no_dangling_symbol(self):
        listed = self.client.get("/api/v1/documents/").json()["results"]
        codes = {row["title"]: row["code"] for row in listed}
        self.assertEqual(codes[TITLE], "")
        self.assertEqual(codes[self.numbered.title], "07/KH-UBND")
        detail = self.client.get(f"/api/v1/documents/{self.draft.pk}/").json()
        self.assertEqual(detail["code"], "")
        feed = self.client.get(self.index.url + "rss/").content.decode()
        self.assertIn(f"<title>{TITLE}</title>", feed)
        self.assertNotIn("<title>/KH-UBND", feed)

    def test_version_history_breadcrumb(self):
        html = self.client.get(self.draft.url + "phien-ban/").content.decode()
        self.assertNotIn("/KH-UBND", html)


class NumberedCodeFilterTests(TestCase):
    def test_codes(self):
        self.assertEqual(numbered_code("/KH-UBND"), "")
        self.assertEqual(numbered_code("-CT/TW"), "")
        self.assertEqual(numbered_code("15-CT/TW"), "15-CT/TW")
        self.assertEqual(numbered_code("98/2023/NĐ-CP"), "98/2023/NĐ-CP")
        self.assertEqual(numbered_code(None), "")
        self.assertEqual(numbered_code(""), "")
