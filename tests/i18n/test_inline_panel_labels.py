"""The page editor's inline-panel buttons read "Thêm tệp gốc (PDF/DOCX)",
"Thêm khen thưởng", "Thêm phụ lục nhiệm vụ": Wagtail writes "Thêm {label}",
and a Vietnamese object noun after the verb is lower case; the panels'
headings keep their capital."""

import re

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from tests.factories import DecisionPageFactory, PlanPageFactory, build_site
from tests.i18n.visible import visible_texts

BUTTONS = {
    "decision": ["Thêm tệp gốc (PDF/DOCX)", "Thêm khen thưởng"],
    "plan": ["Thêm tệp gốc (PDF/DOCX)", "Thêm phụ lục nhiệm vụ"],
}
HEADINGS = {
    "decision": ["Tệp gốc (PDF/DOCX)", "Khen thưởng"],
    "plan": ["Tệp gốc (PDF/DOCX)", "Phụ lục nhiệm vụ"],
}


def add_buttons(html: str) -> list[str]:
    return [
        " ".join(visible_texts(m.group(1)))
        for m in re.finditer(
            r'<button[^>]*id="id_\w+-ADD"[^>]*>(.*?)</button>', html, re.S
        )
    ]


class InlinePanelLabelTests(WagtailPageTestCase):
    def setUp(self):
        _, index = build_site()
        self.login()
        self.pages = {
            "decision": DecisionPageFactory(parent=index),
            "plan": PlanPageFactory(parent=index),
        }

    def test_add_buttons_name_the_object_in_lower_case(self):
        for kind, page in self.pages.items():
            url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            html = self.client.get(url).content.decode()
            with self.subTest(kind):
                self.assertEqual(sorted(add_buttons(html)), sorted(BUTTONS[kind]))
                texts = visible_texts(html)
                for heading in HEADINGS[kind]:
                    self.assertIn(heading, texts)
