"""Wagtail's autosave in the browser, for an editor ("Biên tập viên").

Wagtail starts an autosave only for an edit, a change after the form's
snapshot (``w-unsaved``: ``w-unsaved:add`` → ``w-autosave#save``), and takes
that snapshot 2 s after its controller connects. The edit form's ``w-init``
removes itself from ``data-controller`` a moment after the page loads, which
makes Stimulus connect ``w-unsaved`` again and, before the first snapshot,
schedule a second one (see ``WATCH_HOOK``). The test removed in f8f67e3 typed
as soon as "Lưu nháp" showed: text typed before the last snapshot belongs to
it, so no autosave ever started, the indicator stayed idle and no revision
came, for superusers as much as for editors; whether the typing came before
depended on the machine's speed. Here the browser types once every scheduled
snapshot is taken.

The editor changes the "Trích yếu" of a published Quyết định and of a draft
one: each autosave makes one draft revision ("Đã lưu"), the published page
keeps its public text, and a comment on the field is autosaved with the draft.
The roles' server side is in ``tests/admin/test_autosave.py``.
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

ADDED = " (bản sửa tự lưu)"
COMMENT = "Đề nghị ghi rõ căn cứ ban hành."
# Installed before any script of each page. Wagtail's ``w-unsaved`` controller
# schedules the form's snapshot when it connects, 2 s ahead, and says
# ``w-unsaved:ready`` (connect) and ``w-unsaved:watch-edits`` (snapshot). The
# edit form's ``w-init`` controller removes itself from ``data-controller``
# once the comments are set up; Stimulus then connects ``w-unsaved`` again, and
# if no snapshot was taken yet a second one is scheduled, 2 s after the
# reconnection: text typed between the two snapshots is in the second one and
# is never autosaved (the indicator stays idle). Each connection before the
# first snapshot owes one snapshot; the form is watched once ``w-init`` is gone
# and every owed snapshot is taken.
WATCH_HOOK = """
window.__unsaved = {connectsBeforeSnapshot: 0, snapshots: 0, events: []};
function note(name, detail) {
  window.__unsaved.events.push([Math.round(performance.now()), name, detail]);
}
document.addEventListener("w-unsaved:ready", function () {
  if (window.__unsaved.snapshots === 0) window.__unsaved.connectsBeforeSnapshot += 1;
  note("connect", "");
});
document.addEventListener("w-unsaved:watch-edits", function () {
  window.__unsaved.snapshots += 1;
  note("snapshot", "");
});
["w-unsaved:add", "w-autosave:save", "w-autosave:deactivated"].forEach(function (name) {
  document.addEventListener(name, function () { note(name, ""); });
});
document.addEventListener("w-autosave:success", function (e) {
  note("success", e.detail.response.revision_id);
});
document.addEventListener("w-autosave:error", function (e) {
  note("error", e.detail.type + " " + e.detail.text);
});
"""
WATCHED = """
var form = document.querySelector("form[data-edit-form]");
var state = window.__unsaved;
return Boolean(form && state && state.snapshots > 0
  && !form.getAttribute("data-controller").split(/\\s+/).includes("w-init")
  && state.snapshots >= state.connectsBeforeSnapshot);
"""


def open_editor(browser, page) -> None:
    browser.open(f"/admin/pages/{page.pk}/edit/")
    wait_for(browser, lambda d: d.execute_script(WATCHED), timeout=30)


def indicator_state(browser) -> str:
    return browser.driver.execute_script(
        "return document.getElementById('w-autosave-indicator')"
        ".getAttribute('data-w-autosave-state-value');"
    )


def no_english(browser, label: str) -> None:
    browser.shot(label)
    english = english_phrases(browser.driver.page_source)
    assert english == {}, f"{label}: {english}"


def type_and_autosave(browser, page) -> None:
    from selenium.common.exceptions import TimeoutException

    revisions = page.revisions.count()
    by_css(browser, "textarea[name=summary]").send_keys(ADDED)
    try:
        wait_for(browser, lambda d: page.revisions.count() > revisions, timeout=30)
    except TimeoutException:
        events = browser.driver.execute_script("return window.__unsaved.events;")
        rows = list(page.revisions.values_list("pk", "created_at", "user__username"))
        raise AssertionError(f"no autosave: {revisions=} {rows=} {events=}") from None
    wait_for_autosave_idle(browser)
    assert page.revisions.count() == revisions + 1  # later autosaves overwrite it
    assert indicator_state(browser) == "saved"
    indicator = by_css(browser, "#w-autosave-indicator")
    assert "Đã lưu" in indicator.get_attribute("textContent")


@pytest.fixture
def decisions():
    from pages.models import DecisionPage, DocumentIndexPage

    call_command("load_demo", verbosity=0)
    section = DocumentIndexPage.objects.live().first()
    published = DecisionPage.objects.child_of(section).live().first()
    draft = published.copy(
        to=section,
        keep_live=False,
        update_attrs={
            "title": "Quyết định khen thưởng (bản nháp tự lưu e2e)",
            "slug": "quyet-dinh-ban-nhap-tu-luu-e2e",
            "number": None,  # a draft without a number never collides
        },
    )
    return published, draft


def test_editor_autosaves_published_and_draft_decisions(decisions, browser_factory):
    from wagtail.models import Comment

    from pages.models import DecisionPage
    from pages.workflow import EDITORS

    published, draft = decisions
    public_summary = published.summary
    user_in(EDITORS, "bientap-tu-luu")
    browser = browser_factory("editor-autosave")
    browser.driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_HOOK}
    )
    login(browser, "bientap-tu-luu")

    open_editor(browser, published)
    type_and_autosave(browser, published)
    no_english(browser, "published-autosaved")
    stored = DecisionPage.objects.get(pk=published.pk)
    assert stored.live and stored.summary == public_summary
    assert stored.get_latest_revision_as_object().summary == public_summary + ADDED

    field = browser.driver.execute_script(
        "return document.querySelector('[data-contentpath=summary]')"
    )
    click_js(browser, field.find_element("css selector", "[data-comment-add]"))
    wait_for(browser, lambda d: all_css(browser, "textarea.comment__input"))
    by_css(browser, "textarea.comment__input").send_keys(COMMENT)
    click_js(browser, by_css(browser, ".comment__button--primary"))
    # the comment is autosaved too; "Lưu nháp" waits for that autosave
    comments = Comment.objects.filter(page=published, text=COMMENT)
    wait_for(browser, lambda d: comments.exists(), timeout=30)
    wait_for_autosave_idle(browser)
    click_js(browser, by_css(browser, "button.action-save"))  # "Lưu nháp"
    wait_for(browser, lambda d: "Đã cập nhật trang" in browser.text)
    assert comments.count() == 1
    assert COMMENT in browser.driver.page_source  # shown again with the draft
    no_english(browser, "comment-saved")

    open_editor(browser, draft)
    type_and_autosave(browser, draft)
    no_english(browser, "draft-autosaved")
    stored = DecisionPage.objects.get(pk=draft.pk)
    assert not stored.live
    assert stored.get_latest_revision_as_object().summary.endswith(ADDED)
    browser.assert_no_console_errors()
