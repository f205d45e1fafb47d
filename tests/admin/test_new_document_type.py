"""A new Kế hoạch, Chỉ thị or Quyết định starts with its "Loại văn bản" chosen.

The editor picks the page type (Kế hoạch) from "Thêm trang con"; the form's
"Loại văn bản" was empty, to be chosen again (and open to "Kế hoạch (Đảng)" or
another type). It now starts with the administrative type of the page
(``pages.models.versions.default_document_type``); the generic "Văn bản" page
starts empty, and the editor may still change it.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from documents.models import DocumentType
from tests.admin.forms import form_values

CASES = {
    "planpage": "Kế hoạch",
    "directivepage": "Chỉ thị",
    "decisionpage": "Quyết định",
    "documentpage": None,
}


@pytest.mark.django_db
@pytest.mark.parametrize("model_name", sorted(CASES))
def test_new_page_starts_with_its_type(client, site_tree, model_name):
    _home, section = site_tree
    admin = get_user_model().objects.create_superuser("quantri-loai", "l@x.vn", "x")
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:add", args=["pages", model_name, section.pk])
    values = form_values(client.get(url).content.decode())
    expected = CASES[model_name]
    if expected is None:
        assert values["document_type"] == ""
    else:
        chosen = DocumentType.objects.get(pk=values["document_type"])
        assert (chosen.name, chosen.family) == (expected, "admin")
