"""The demo's own documents, found as staff name them (written either way)."""

from __future__ import annotations

import pytest
from django.core.management import call_command

import search
from search.query import strip_diacritics
from search.types import SearchQuery

pytestmark = pytest.mark.django_db

PLAN_URL = "/van-ban/ke-hoach-thi-dua-khen-thuong-2025/"


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)
    call_command("rebuild_search_index", verbosity=0, no_progress=True)


def _first(text: str):
    return search.search(SearchQuery(text=text, per_page=5)).hits[0]


@pytest.mark.parametrize(
    "text",
    [
        "ke hoach thi dua khen thuong nam 2025 tam duong",
        "Kế hoạch công tác thi đua, khen thưởng năm 2025 Tam Đường",
    ],
)
def test_the_plan_named_by_its_title_and_place_comes_first(demo, text):
    for query in (text, strip_diacritics(text)):
        hit = _first(query)
        assert (hit.kind, hit.url) == ("document", PLAN_URL), query


@pytest.mark.parametrize(
    "text",
    [
        "34-CT/TW",
        "34/CT-TW",
        "34 CT TW",
        "Chỉ thị 34",
        "chi thi so 34-ct/tw",
        "34-ct-tw",
    ],
)
def test_directive_34_in_any_written_form_comes_first(demo, text):
    assert _first(text).code == "34-CT/TW"
