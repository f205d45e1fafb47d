"""Every error of the JSON API is ``{"detail": "…"}`` in Vietnamese: the legal
basis check's body (a 400 naming the field, never ninja's 422 with a list of
pydantic errors in English), ninja's own messages, the 404 of any unknown
address under /api/ (never the site's HTML page) and a method not taken."""

from __future__ import annotations

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
CHECK = "/api/v1/citations/check/"
DEMO = "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;"
NOT_FOUND = "không có địa chỉ này trong API; xem /api/v1/docs"
#: Words of ninja's and pydantic's English messages.
ENGLISH = ("Not Found", "Field required", "Input should", "Cannot parse", "not allowed")


def detail(response, status: int) -> str:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    text = response.json()["detail"]
    assert isinstance(text, str)
    assert not any(word.lower() in text.lower() for word in ENGLISH), text
    return text


def check(body, content_type: str = "application/json"):
    data = body if isinstance(body, str) else json.dumps(body)
    return Client().post(CHECK, data, content_type=content_type)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({}, "text: thiếu trường này"),
        ({"date": "2025-01-01"}, "text: thiếu trường này"),
        ({"text": ""}, "text: nhập căn cứ ban hành hoặc toàn văn cần kiểm tra"),
        ({"text": " \x00 "}, "text: nhập căn cứ ban hành hoặc toàn văn cần kiểm tra"),
        ({"text": "x" * 100_001}, "text: tối đa 100.000 ký tự"),
        ({"text": 5}, "text: phải là chuỗi ký tự, không phải '5'"),
        ({"text": ["a"]}, """text: phải là chuỗi ký tự, không phải '["a"]'"""),
        ({"text": DEMO, "date": "2025-13-01"},
         "date: phải là một ngày có thật, dạng YYYY-MM-DD (ví dụ 2025-08-01), "
         "không phải '2025-13-01'"),
        ({"text": DEMO, "date": "hôm qua"},
         "date: phải là một ngày có thật, dạng YYYY-MM-DD (ví dụ 2025-08-01), "
         "không phải 'hôm qua'"),
        ({"text": DEMO, "date": "0001-01-01"},
         "date: phải trong khoảng 01/01/1945–31/12/2100, không phải '0001-01-01'"),
        ({"text": DEMO, "date": "2101-01-01"},
         "date: phải trong khoảng 01/01/1945–31/12/2100, không phải '2101-01-01'"),
        ({"text": DEMO, "issuer": "khong-co"},
         "issuer: không có cơ quan ban hành nào có slug 'khong-co'"),
        ({"text": DEMO, "issuer": 7}, "issuer: phải là chuỗi ký tự (slug), không phải '7'"),
        # PostgreSQL refuses a NUL in a query: this was a 500 there.
        ({"text": DEMO, "issuer": "a\x00b"},
         "issuer: không có cơ quan ban hành nào có slug 'a\\x00b'"),
        ([DEMO], 'nội dung yêu cầu phải là một đối tượng JSON: {"text": "Căn cứ …"}'),
    ],
)  # fmt: skip
def test_a_bad_body_is_a_vietnamese_400_naming_the_field(body, expected):
    assert detail(check(body), 400) == expected


def test_a_body_that_is_not_json_is_a_vietnamese_400():
    assert detail(check("{text:"), 400).startswith("nội dung yêu cầu không phải JSON")
    form = Client().post(CHECK, {"text": DEMO})  # a form, not JSON
    assert detail(form, 400).startswith("nội dung yêu cầu không phải JSON")


def test_the_bounds_of_the_date_are_accepted(site_tree):
    for day in ("1945-01-01", "2100-12-31"):
        assert check({"text": DEMO, "date": day}).status_code == 200, day


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/documents/abc/",
        "/api/v1/nothing/",
        "/api/v1/",
        "/api/",
        "/api",
        "/api/v2/documents/",
        "/api/anything/else",
    ],
)
def test_an_unknown_address_under_api_is_the_json_404(url):
    assert detail(Client().get(url), 404) == NOT_FOUND


def test_a_document_that_is_not_public_is_a_vietnamese_404():
    response = Client().get("/api/v1/documents/999999/")
    assert detail(response, 404) == "Không có văn bản công khai nào có id 999999"


def test_resolve_without_its_parameter_names_it():
    response = Client().get("/api/v1/citations/resolve/")
    assert detail(response, 400) == "q: thiếu tham số này"


def test_a_method_the_address_does_not_take_is_a_json_405():
    response = Client().get(CHECK)
    assert detail(response, 405) == (
        "phương thức GET không dùng được ở địa chỉ này (dùng POST)"
    )
    assert response["Allow"] == "POST"
    assert Client().delete("/api/v1/documents/").status_code == 405
