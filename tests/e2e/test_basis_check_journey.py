"""Browser journey of "Kiểm tra căn cứ": an editor cites an expired decree.

The editor writes into a draft decision dated 01/8/2025 the basis "Căn cứ Nghị
định số 98/2023/NĐ-CP …" (replaced by 152/2025/NĐ-CP from 01/7/2025), saves,
sees the problem in the "Kiểm tra căn cứ" side panel, is stopped when submitting
without an acknowledgement, submits with one; the approver sees the problem and
the note. Screenshots in ``tests/artifacts/e2e/``.
"""

import datetime as dt

import pytest
from django.core.management import call_command

from tests.e2e import test_journeys as journeys

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EXPIRED_BASIS = (
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;"
)
NOTE = "Quyết định thực hiện kế hoạch ban hành trước ngày 01/7/2025; giữ căn cứ cũ."
TITLE = "Quyết định khen thưởng (kiểm tra căn cứ e2e)"


@pytest.fixture
def draft_decision():
    from documents.models import DocumentType, IssuingBody
    from pages.models import DecisionPage, DocumentIndexPage

    call_command("load_demo", verbosity=0)
    index = DocumentIndexPage.objects.live().first()
    page = DecisionPage(
        title=TITLE,
        slug="quyet-dinh-kiem-tra-can-cu-e2e",
        document_type=DocumentType.objects.get(name="Quyết định", family="admin"),
        symbol="QĐ-UBND",
        issuing_body=IssuingBody.objects.get(slug="ubnd-xa-binh-lu"),
        issued_date=dt.date(2025, 8, 1),
        summary="Về việc khen thưởng tập thể có thành tích xuất sắc",
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision()
    return page


def panel_text(browser) -> str:
    return journeys.by_css(browser, "[data-basis-check-panel]").text


def open_panel(browser) -> None:
    toggle = journeys.by_css(browser, '[data-side-panel-toggle="basis-check"]')
    if toggle.get_attribute("aria-expanded") != "true":
        journeys.click_js(browser, toggle)
    journeys.wait_for(browser, lambda d: panel_text(browser).strip() != "")


def test_editor_acknowledges_an_expired_basis_and_the_approver_sees_it(
    draft_decision, browser_factory
):
    from pages.models import DecisionPage
    from pages.workflow import APPROVERS, EDITORS

    journeys.user_in(EDITORS, "bientapvien")
    journeys.user_in(APPROVERS, "lanhdao")
    edit_url = f"/admin/pages/{draft_decision.pk}/edit/"

    def page():
        return DecisionPage.objects.get(pk=draft_decision.pk)

    editor = browser_factory("basis-editor")
    journeys.login(editor, "bientapvien")
    editor.open(edit_url)
    basis = journeys.by_css(editor, "textarea[name=legal_basis]")
    basis.clear()
    basis.send_keys(EXPIRED_BASIS)
    journeys.wait_for_autosave_idle(editor)
    journeys.click_js(editor, journeys.by_css(editor, "button.action-save"))
    journeys.wait_for(
        editor,
        lambda d: "98/2023" in page().get_latest_revision_as_object().legal_basis,
    )
    editor.open(edit_url)
    open_panel(editor)
    text = panel_text(editor)
    assert "Đã hết hiệu lực" in text and "152/2025/NĐ-CP" in text
    assert "dòng 1" in text
    link = journeys.by_css(editor, '[data-kind="expired"] a')
    assert "nghi-dinh-152-2025-nd-cp" in link.get_attribute("href")
    editor.shot("panel-shows-expired-basis")

    journeys.wait_for_autosave_idle(editor)
    journeys.click_js(editor, journeys.by_css(editor, "button[name=action-submit]"))
    journeys.wait_for(editor, lambda d: 'data-blocked="true"' in d.page_source)
    assert not page().workflow_in_progress
    assert "cần xác nhận" in editor.text
    open_panel(editor)
    editor.shot("submission-asks-for-acknowledgement")
    journeys.click_js(editor, journeys.by_css(editor, "#id_basis_acknowledged"))
    journeys.by_css(editor, "#id_basis_note").send_keys(NOTE)
    journeys.wait_for_autosave_idle(editor)
    journeys.click_js(editor, journeys.by_css(editor, "button[name=action-submit]"))
    journeys.wait_for(editor, lambda d: page().workflow_in_progress)
    editor.shot("submitted-with-acknowledgement")
    editor.assert_no_console_errors()

    approver = browser_factory("basis-approver")
    journeys.login(approver, "lanhdao")
    approver.open(edit_url)
    open_panel(approver)
    text = panel_text(approver)
    assert NOTE in text
    assert "Đã hết hiệu lực" in text and "152/2025/NĐ-CP" in text
    approver.shot("approver-sees-problem-and-note")
    approver.open(f"/admin/pages/{draft_decision.pk}/history/")
    assert NOTE in approver.text
    approver.shot("approver-history")
    approver.assert_no_console_errors()
