"""Reviewer's mends to "Kiểm tra căn cứ": a document named twice counts once,
one date format (dd/mm/yyyy), "100.000 ký tự", an admin menu entry, and no
English help links in the admin."""

import datetime as dt

import pytest
from django.test import RequestFactory
from wagtail.admin.menu import admin_menu, help_menu

from documents.basis.rules import date_display
from pages.basis_check import MAX_CHARS

BASIS = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ "
    "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;\n"
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
)


@pytest.mark.django_db
def test_a_law_named_inside_another_line_counts_once(client):
    response = client.post("/kiem-tra-can-cu/", {"text": BASIS, "date": "2026-03-10"})
    text = response.content.decode()
    assert "3 văn bản được viện dẫn" in text
    assert "4 văn bản được viện dẫn" not in text


def test_dates_are_shown_as_dd_mm_yyyy():
    assert date_display(dt.date(2025, 7, 1)) == "01/07/2025"
    assert date_display(dt.date(2026, 3, 10)) == "10/03/2026"
    assert date_display(dt.date(2023, 12, 31)) == "31/12/2023"


@pytest.mark.django_db
def test_too_long_text_names_the_limit_with_a_vietnamese_separator(client):
    response = client.post("/kiem-tra-can-cu/", {"text": "a" * (MAX_CHARS + 1)})
    text = response.content.decode()
    assert "dài quá 100.000 ký tự" in text
    assert "quá 100000" not in text


def _menu(menu, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return menu.menu_items_for_request(request)


@pytest.mark.django_db
def test_admin_menu_has_the_basis_check(admin_user):
    items = {item.name: item for item in _menu(admin_menu, admin_user)}
    item = items["basis-check"]
    assert item.label == "Kiểm tra căn cứ"
    assert item.url == "/kiem-tra-can-cu/"


@pytest.mark.django_db
def test_help_menu_links_to_no_english_guide(admin_user):
    items = _menu(help_menu, admin_user)
    assert all("wagtail.org" not in (item.url or "") for item in items)
    assert "editor-guide" not in {item.name for item in items}
