"""Defects a new user met on the public pages (walkthrough of 2026-12-07):
each test failed on the code before its fix."""

from django.test import TestCase

from pages.templatetags.portal_tags import numbered_code
from tests.factories import build_site, replaced_decree


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

    def test_replaced_decree_timeline_links_the_new_decree_by_code(self):
        html = self.client.get(self.old.url).content.decode()
        self.assertNotIn("{&#x27;id&#x27;", html)
        self.assertNotIn("&#x27;title&#x27;", html)
        self.assertIn(
            f'Bị thay thế bởi <a href="{self.new.url}">152/2025/NĐ-CP</a></li>', html
        )
