"""The editor's journey through the admin in a real browser, in Vietnamese.

An editor signs in, opens the dashboard, the pages explorer, the "Văn bản"
section, a document's editor (both tabs, the status side panel), its history,
the add-page form, the documents library and the account screen. After each step
the page as the browser has built it (JavaScript-rendered menus, panels and
dialogs included) must hold no English Wagtail phrase; screenshots are saved
under ``tests/artifacts/e2e/`` (gitignored).
"""

import pytest
from django.core.management import call_command

from tests.e2e.test_journeys import all_css, by_css, click_js, login, user_in, wait_for
from tests.i18n.visible import english_phrases

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EDITORS = "Biên tập viên"  # the role created by documents.0005_roles_and_workflow


def check(browser, label: str, must_read: str) -> None:
    """Screenshot the step; the page must say ``must_read`` and no English phrase."""
    from selenium.common.exceptions import TimeoutException

    try:
        wait_for(browser, lambda d: must_read in browser.text)
    except TimeoutException:
        browser.shot(label)
        raise AssertionError(
            f"{label}: {must_read!r} not in {browser.text[:500]!r}"
        ) from None
    browser.shot(label)
    english = english_phrases(browser.driver.page_source)
    assert english == {}, f"{label}: {english}"


def test_editor_journey_is_vietnamese(browser_factory):
    call_command("load_demo", verbosity=0)
    from wagtail.models import Site

    from pages.models import DecisionPage, DocumentIndexPage

    section = DocumentIndexPage.objects.live().first()
    document = DecisionPage.objects.child_of(section).first()
    user_in(EDITORS, "bientap-vi")

    browser = browser_factory("vietnamese-admin")
    browser.open("/admin/login/")
    check(browser, "login", "Đăng nhập")
    login(browser, "bientap-vi")
    check(browser, "dashboard", Site.objects.get(is_default_site=True).site_name)

    browser.open("/admin/pages/")
    check(browser, "explorer", section.title)
    browser.open(f"/admin/pages/{section.pk}/")
    check(browser, "section", document.title[:30])

    browser.open(f"/admin/pages/{document.pk}/edit/")
    check(browser, "editor", "Lưu nháp")
    promote = [t for t in all_css(browser, "a[role=tab]") if "Hiển thị" in t.text]
    assert promote, "no 'Hiển thị' (Promote) tab in the editor"
    click_js(browser, promote[0])
    check(browser, "editor-promote", "Đường dẫn")
    status = all_css(browser, 'button[data-side-panel-toggle="status"]')
    if status:
        click_js(browser, status[0])
        check(browser, "editor-status", "Trạng thái")

    browser.open(f"/admin/pages/{document.pk}/history/")
    check(browser, "history", "Lịch sử")
    model = document.specific_class._meta.model_name
    browser.open(f"/admin/pages/add/pages/{model}/{section.pk}/")
    check(browser, "add-page", "Tiêu đề")
    browser.open("/admin/documents/")
    check(browser, "documents", "Tài liệu")
    browser.open("/admin/account/")
    check(browser, "account", "Tài khoản")
    assert by_css(browser, "main").text.strip()
    browser.assert_no_console_errors()
