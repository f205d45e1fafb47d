"""GET /api/v1/documents/: every parameter a client gets wrong is a 400 whose
JSON ``detail`` (one Vietnamese sentence) names it, never ninja's 422 with a
list of pydantic errors nor a 500 (a JSON body's field neither); paging
answers as GET /api/v1/search/ does."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import PlanPageFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/documents/"
LONG = "x" * 20_000


@pytest.fixture
def plan(site_tree):
    return PlanPageFactory(parent=site_tree[1])


def answer(params: dict, url: str = URL) -> tuple[int, object]:
    response = Client().get(url, params)
    assert response["Content-Type"].startswith("application/json")
    return response.status_code, response.json()["detail"]


@pytest.mark.parametrize("value", ["abc", "-1", "0", "1.5", "1e309", "²"])
def test_a_bad_page_is_the_400_of_the_search_api(plan, value):
    expected = (400, f"page: phải là số nguyên từ 1, không phải {value!r}")
    assert answer({"page": value}) == expected
    assert answer({"page": value, "q": "ke hoach"}, "/api/v1/search/") == expected


@pytest.mark.parametrize("value", ["2", "9999", "9" * 30])
def test_a_page_past_the_end_is_a_404_as_in_the_search_api(plan, value):
    status, detail = answer({"page": value})
    assert status == 404 and detail == f"page: không có trang {value}, trang cuối là 1"
    status, detail = answer({"page": "2", "q": "ke hoach"}, "/api/v1/search/")
    assert status == 404 and detail.startswith("page: không có trang 2")


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"year": "abc"}, "year: phải là số nguyên từ 1945 đến 2100, không phải 'abc'"),
        ({"year": "1944"}, "year: phải là số nguyên từ 1945 đến 2100, không phải '1944'"),
        ({"year": "1900"}, "year: phải là số nguyên từ 1945 đến 2100, không phải '1900'"),
        ({"page_size": "-1"}, "page_size: phải là số nguyên từ 1 đến 100, không phải '-1'"),
        ({"page_size": "x"}, "page_size: phải là số nguyên từ 1 đến 100, không phải 'x'"),
        ({"type": "khong-co"}, "type: không có loại văn bản nào có tên hoặc slug 'khong-co'"),
        ({"issuer": "khong-co"}, "issuer: không có cơ quan ban hành nào có tên hoặc slug 'khong-co'"),
        ({"type": LONG}, "type: tối đa 200 ký tự"),
        ({"issuer": LONG}, "issuer: tối đa 200 ký tự"),
        ({"cites": LONG}, "cites: tối đa 200 ký tự"),
        ({"q": LONG}, "q: tối đa 200 ký tự"),
    ],
)  # fmt: skip
def test_bad_filters_are_400_naming_the_parameter(plan, params, detail):
    assert answer(params) == (400, detail)


def test_a_status_that_does_not_exist_lists_the_statuses(plan):
    status, detail = answer({"status": "nope"})
    assert status == 400
    assert detail.startswith("status: phải là một trong con_hieu_luc, het_hieu_luc")
    assert detail.endswith("không phải 'nope'")


def test_a_long_bad_value_is_cut_in_the_message(plan):
    status, detail = answer({"year": "9" * 5000})
    assert status == 400 and len(detail) < 120 and detail.endswith("…'")


def test_the_bounds_and_unknown_parameters_are_fine(plan):
    for params in ({"year": "1945"}, {"year": "2100"}, {"page_size": "100"}):
        assert Client().get(URL, params).status_code == 200, params
    # Not a parameter of this endpoint (its size is page_size): ignored.
    assert Client().get(URL, {"limit": "-1"}).json()["count"] == 1


def test_a_json_body_that_does_not_validate_is_a_400_naming_the_field(db):
    response = Client().post(
        "/api/v1/citations/check/", {}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "text: thiếu trường này"
