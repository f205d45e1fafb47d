"""What the editor's JavaScript does for a member of "Biên tập viên", in Vietnamese.

The admin's browser-only actions had been tried as a superuser. Here an editor
(not a superuser) changes a published Quyết định: the editor autosaves the
change as a draft revision ("Đã lưu"), and a comment added on the "Trích yếu"
field is kept with the draft. After each step the page holds no English
Wagtail phrase; screenshots are in ``tests/artifacts/e2e/``.
"""

import pytest
from django.core.management import call_command

from tests.e2e.test_journeys import (
    all_css,
    by_css,
    click_js,
    login,
    user_in,
    wait_for,
    wait_for_autosave_idle,
)
from tests.i18n.visible import english_phrases

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

COMMENT = "Đề nghị ghi rõ căn cứ ban hành."


def no_english(browser, label: str) -> None:
    browser.shot(label)
    english = english_phrases(browser.driver.page_source)
    assert english == {}, f"{label}: {english}"


def test_editor_autosaves_and_comments_in_vietnamese(browser_factory):
    call_command("load_demo", verbosity=0)
    from wagtail.models import Comment

    from pages.models import DecisionPage, DocumentIndexPage
    from pages.workflow import EDITORS

    section = DocumentIndexPage.objects.live().first()
    document = DecisionPage.objects.child_of(section).first()
    revisions = document.revisions.count()
    user_in(EDITORS, "bientap-js")

    browser = browser_factory("editor-js")
    login(browser, "bientap-js")
    browser.open(f"/admin/pages/{document.pk}/edit/")
    wait_for(browser, lambda d: "Lưu nháp" in browser.text)

    by_css(browser, "textarea[name=summary]").send_keys(" (bản sửa)")
    wait_for(browser, lambda d: document.revisions.count() > revisions, timeout=30)
    wait_for_autosave_idle(browser)
    indicator = by_css(browser, "#w-autosave-indicator")
    assert "Đã lưu" in indicator.get_attribute("textContent")
    no_english(browser, "autosaved")

    field = browser.driver.execute_script(
        "return document.querySelector('[data-contentpath=summary]')"
    )
    add = field.find_element("css selector", "[data-comment-add]")
    click_js(browser, add)
    wait_for(browser, lambda d: all_css(browser, "textarea.comment__input"))
    by_css(browser, "textarea.comment__input").send_keys(COMMENT)
    no_english(browser, "comment-typed")
    click_js(browser, by_css(browser, ".comment__button--primary"))
    wait_for_autosave_idle(browser)
    click_js(browser, by_css(browser, "button.action-save"))  # "Lưu nháp"
    wait_for(browser, lambda d: "Đã cập nhật trang" in browser.text)
    assert Comment.objects.filter(page=document, text=COMMENT).exists()
    assert COMMENT in browser.driver.page_source  # shown again with the draft
    no_english(browser, "comment-saved")
    browser.assert_no_console_errors()
