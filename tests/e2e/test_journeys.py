"""End-to-end journeys in a real browser (Debian's Chromium, headless).

A citizen reads the demo site and searches it; an editor imports the sample
plan through "Nhập văn bản" and submits it; an approver publishes it through
the workflow; the public page then shows it. Screenshots of every step are in
``tests/artifacts/e2e/``; any SEVERE browser console entry fails the test.
"""

from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "pages" / "demo" / "ke-hoach-thi-dua-khen-thuong-2025-tam-duong.txt"
PASSWORD = "mat-khau-thu-e2e-2025"
IMPORTED_TITLE_SUFFIX = " (bản nhập thử e2e)"
MARKER = "bản nhập thử e2e"


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def by_css(browser, selector):
    from selenium.webdriver.common.by import By

    return browser.driver.find_element(By.CSS_SELECTOR, selector)


def all_css(browser, selector):
    from selenium.webdriver.common.by import By

    return browser.driver.find_elements(By.CSS_SELECTOR, selector)


def wait_for(browser, condition, timeout=20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser.driver, timeout).until(condition)


def user_in(group_name: str, username: str):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.invalid", PASSWORD, is_staff=False
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def login(browser, username: str) -> None:
    browser.open("/admin/login/")
    by_css(browser, "input[name=username]").send_keys(username)
    by_css(browser, "input[name=password]").send_keys(PASSWORD)
    by_css(browser, "form button[type=submit]").click()
    wait_for(browser, lambda d: "/admin/login/" not in d.current_url)


def click_js(browser, element) -> None:
    browser.driver.execute_script("arguments[0].click();", element)


# Wagtail's editor autosaves the form in the background (a JSON POST to the edit
# URL) shortly after a change. A submit sent while an autosave is queued makes
# that autosave arrive after the new revision and fail with 400
# "invalid_revision" (a console error). A person waits for "Đã lưu"; so does
# the test: no autosave in flight and none started for QUIET_MS.
AUTOSAVE_WATCH = """
if (!window.__autosave) {
  window.__autosave = {pending: 0, last: Date.now()};
  document.addEventListener("w-autosave:save", function () {
    window.__autosave.pending += 1; window.__autosave.last = Date.now();
  });
  ["w-autosave:success", "w-autosave:error"].forEach(function (name) {
    document.addEventListener(name, function () {
      window.__autosave.pending = Math.max(0, window.__autosave.pending - 1);
      window.__autosave.last = Date.now();
    });
  });
}
return window.__autosave.pending === 0 && Date.now() - window.__autosave.last > %d;
"""
QUIET_MS = 1500


def wait_for_autosave_idle(browser) -> None:
    script = AUTOSAVE_WATCH % QUIET_MS
    wait_for(browser, lambda d: d.execute_script(script))


# The citizen -------------------------------------------------------------------


def test_citizen_reads_searches_and_filters(demo, browser_factory):
    from pages.models import DecisionPage

    browser = browser_factory("citizen")
    browser.open("/")
    assert "Tam Đường" in browser.text
    browser.shot("home")

    exemplar = _first_live("ExemplarPage")
    if exemplar is not None:
        browser.open(exemplar.url)
        assert exemplar.title in browser.text
        browser.shot("exemplar")

    decision = DecisionPage.objects.live().first()
    browser.open(decision.url)
    assert decision.title.split()[0] in browser.text
    browser.shot("decision")

    _search_and_filter(browser)
    browser.assert_no_console_errors()


def _first_live(model_name: str):
    from django.apps import apps

    try:
        model = apps.get_model("pages", model_name)
    except LookupError:
        return None
    return model.objects.live().public().first()


def _search_and_filter(browser) -> None:
    browser.open("/")
    box = by_css(browser, "#header-q")
    box.send_keys("thi dua khen thuong")
    box.submit()
    wait_for(browser, lambda d: "/tim-kiem/" in d.current_url)
    results = all_css(browser, "article.result h2 a")
    assert results, "the search found nothing for 'thi dua khen thuong'"
    browser.shot("search")
    facets = all_css(browser, ".facet a")
    assert facets, "no filter links on the search page"
    type_links = [a for a in facets if "type=" in (a.get_attribute("href") or "")]
    before = browser.driver.current_url
    click_js(browser, (type_links or facets)[0])
    wait_for(browser, lambda d: d.current_url != before)
    assert all_css(browser, "article.result"), "filtering emptied the results"
    browser.shot("search-filtered")


# The editor and the approver ---------------------------------------------------


def test_editor_imports_and_submits_then_approver_publishes(demo, browser_factory):
    from pages.workflow import APPROVERS, EDITORS

    user_in(EDITORS, "bientapvien")
    user_in(APPROVERS, "lanhdao")

    editor = browser_factory("editor")
    login(editor, "bientapvien")
    editor.shot("dashboard")
    edit_url = _import_sample(editor)
    _submit_for_moderation(editor)
    editor.assert_no_console_errors()

    approver = browser_factory("approver")
    login(approver, "lanhdao")
    approver.shot("dashboard")
    _approve(approver, edit_url)
    approver.assert_no_console_errors()

    citizen = browser_factory("public")
    page = _imported_page()
    assert page.live
    citizen.open(page.url)
    assert MARKER in citizen.text
    citizen.shot("published-plan")
    citizen.assert_no_console_errors()


def _import_sample(browser) -> str:
    browser.open("/admin/nhap-van-ban/")
    browser.shot("import-upload")
    by_css(browser, "input[type=file]").send_keys(str(SAMPLE))
    click_js(browser, by_css(browser, "main form button[type=submit]"))
    wait_for(browser, lambda d: "xem-truoc" in d.current_url)
    title = by_css(browser, "[name=title]")
    title.send_keys(IMPORTED_TITLE_SUFFIX)
    browser.shot("import-preview")
    click_js(browser, by_css(browser, "main form button[type=submit]"))
    wait_for(browser, lambda d: "/edit/" in d.current_url)
    browser.shot("imported-draft")
    return urlparse(browser.driver.current_url).path


def _submit_for_moderation(browser) -> None:
    wait_for_autosave_idle(browser)
    button = by_css(browser, "button[name=action-submit]")
    click_js(browser, button)
    wait_for(browser, lambda d: _imported_page().workflow_in_progress)
    browser.shot("submitted")


def _approve(browser, edit_url: str) -> None:
    browser.open(edit_url)
    buttons = all_css(browser, 'button[data-workflow-action-name="approve"]')
    plain = [
        b for b in buttons if not b.get_attribute("data-workflow-action-modal-url")
    ]
    assert plain, "no approve action for the approver"
    browser.shot("approve-page")
    click_js(browser, plain[0])
    wait_for(browser, lambda d: _imported_page().live and _is_published())
    browser.shot("approved")


def _imported_page():
    from pages.models import PlanPage

    return (
        PlanPage.objects.filter(draft_title__contains=MARKER).order_by("-pk").first()
        or PlanPage.objects.filter(title__contains=MARKER).first()
    )


def _is_published() -> bool:
    page = _imported_page()
    return page is not None and MARKER in page.title
