"""A merged body's old slugs (``IssuingBodyAlias``): the listing's select box
shows the body they now name, the admin form refuses an old slug for another
body, and the body's edit screen lists the old addresses it answers to."""

from __future__ import annotations

import pytest
from django.test import Client

from documents.models import IssuingBodyAlias
from tests.factories import IssuingBodyFactory, PlanPageFactory

pytestmark = pytest.mark.django_db


def test_the_listing_select_shows_the_body_an_old_slug_names(site_tree):
    _, index = site_tree
    kept = IssuingBodyFactory(name="Ủy ban nhân dân tỉnh Lào Cai", slug="ubnd-lao-cai")
    IssuingBodyAlias.objects.create(body=kept, slug="ubnd-tinh-lao-cai-2")
    PlanPageFactory(parent=index, title="Kế hoạch chuyển đổi số", issuing_body=kept)
    html = Client().get(f"{index.url}?issuer=ubnd-tinh-lao-cai-2").content.decode()
    assert "Kế hoạch chuyển đổi số" in html
    assert '<option value="ubnd-lao-cai" selected>' in html
    # A slug that names no body still selects nothing and says so.
    html = Client().get(f"{index.url}?issuer=khong-co").content.decode()
    assert " selected>Ủy ban" not in html
