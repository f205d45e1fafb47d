"""The admin shows Vietnamese text, never a literal "None": the page search's
result count and a page published by no one (load_demo, scripts) in the
aging-pages report and the page history."""

import re

from django.contrib.auth import get_user_model
from django.test import TestCase

from tests.factories import PlanPageFactory, build_site


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|template)\b.*?</\1>", " ", html, flags=re.S)
    # Wagtail's hidden error counter of the side panel toggle is not shown.
    html = re.sub(r"<div[^>]*\bhidden>\s*None\s*</div>", " ", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]*>", " ", html))


class NoNoneInAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser("quantri", "q@x.vn", "x")
        _home, index = build_site()
        cls.plans = [
            PlanPageFactory(parent=index, title=f"Kế hoạch thi đua số {n}")
            for n in range(3)
        ]
        # Published with no user, as load_demo and scripts do.
        cls.plans[0].save_revision().publish()

    def setUp(self):
        self.client.force_login(self.user)

    def get_text(self, url: str, **params) -> str:
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200, url)
        return visible_text(response.content.decode())

    def test_page_search_count_names_pages(self):
        text = self.get_text("/admin/pages/search/", q="ke hoach")
        self.assertNotIn("None", text)
        self.assertIn("1-3 trong số 3 trang", text)

    def test_aging_pages_report_without_publisher(self):
        text = self.get_text("/admin/reports/aging-pages/")
        self.assertIn("Kế hoạch thi đua số 0", text)
        self.assertNotIn("None", text)

    def test_page_history_and_site_history_without_user(self):
        for url in (
            f"/admin/pages/{self.plans[0].pk}/history/",
            "/admin/reports/site-history/",
        ):
            with self.subTest(url=url):
                self.assertNotIn("None", self.get_text(url))

    def test_document_edit_and_explorer_views(self):
        plan = self.plans[1]
        for url in (
            f"/admin/pages/{plan.pk}/edit/",
            f"/admin/pages/{plan.get_parent().pk}/",
            "/admin/snippets/documents/issuingbody/",
            "/admin/snippets/documents/signer/",
        ):
            with self.subTest(url=url):
                self.assertNotIn("None", self.get_text(url))
