"""A new document's address is filled from its title without diacritics.

"Kế hoạch thi đua" gave "kế-hoạch-thi-đua" (Wagtail keeps Unicode slugs; the
address reads percent-encoded in links and feeds): the slug widget of document
pages folds Vietnamese letters first (``pages.admin_slugs``). The folding is
checked in Python, the widget's wiring on the rendered form, and the browser's
result by an e2e test (tests/e2e/test_ascii_slug.py).
"""

import html
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from pages.admin_slugs import fold


def test_fold_removes_every_vietnamese_mark():
    title = "Kế hoạch thi đua ĐỀ ÁN Ưu tiên Ỷ lại Quý"
    assert fold(title).lower() == "ke hoach thi dua de an uu tien y lai quy"
    decomposed = "Ke\u0302\u0301 hoa\u0323ch"
    assert fold(decomposed) == "Ke hoach"


@pytest.mark.django_db
def test_document_forms_carry_the_folding(client, site_tree):
    _home, section = site_tree
    admin = get_user_model().objects.create_superuser("quantri-slug", "s@x.vn", "x")
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:add", args=["pages", "planpage", section.pk])
    page = client.get(url).content.decode()
    tag = re.search(r'<input[^>]*name="slug"[^>]*>', page).group(0)
    assert 'maxlength="255"' in tag
    value = re.search(r'data-w-slug-formatters-value="([^"]*)"', tag).group(1)
    formatters = json.loads(html.unescape(value))
    assert ["[đ]", "giu"] in [pattern for pattern, _ in formatters]
    assert len(formatters) == 8
