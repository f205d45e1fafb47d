"""The legal-basis check in the page editor and in review.

* ``BasisCheckSidePanel``: a "Kiểm tra căn cứ" side panel (beside Wagtail's own
  "Checks" panel) listing the problems of the draft being edited, each with its
  part, line and a link to the document concerned. It is computed from the
  draft on every render (so after each save), and ``panel_refresh`` recomputes
  it from the unsaved form whenever the preview is refreshed.
* ``BasisCheckMixin`` (edit and create views): submitting for review or
  publishing a draft whose basis has an ``expired``, ``*_mismatch`` or
  ``issuer_dissolved`` problem needs an explicit acknowledgement with a note
  (given in the panel). Without it the draft is shown again with the reason;
  with it the acknowledgement, the note and the problems are written to the
  page's log (``pages.basis_acknowledged``), which the approver sees in the
  panel and in the page history.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.admin.ui.side_panels import BaseSidePanel
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry

from pages.basis_audit import (
    ACK_ACTION,
    UNACKNOWLEDGED_ACTION,
    acknowledged,
    blocking_problems,
    panel_sections,
    problem_data,
)

ACK_FIELD, NOTE_FIELD = "basis_acknowledged", "basis_note"
MAX_NOTE = 2000


def latest_entry(page, action: str = ACK_ACTION) -> PageLogEntry | None:
    if page is None or not page.pk:
        return None
    return (
        PageLogEntry.objects.filter(page_id=page.pk, action=action)
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )


def latest_acknowledgement(page) -> PageLogEntry | None:
    return latest_entry(page, ACK_ACTION)


def unacknowledged_since(page) -> PageLogEntry | None:
    """The last publication without acknowledgement, unless one was given after."""
    entry = latest_entry(page, UNACKNOWLEDGED_ACTION)
    ack = latest_acknowledgement(page)
    if entry is None or (ack is not None and ack.timestamp > entry.timestamp):
        return None
    return entry


class BasisCheckSidePanel(BaseSidePanel):
    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = "Mở hoặc đóng bảng kiểm tra căn cứ"
        icon_name = "tasks"
        counter_classname = "w-bg-critical-200"

        def get_context_data(self, parent_context):
            context = super().get_context_data(parent_context)
            context["count"] = self.panel.problem_count
            return context

    name = "basis-check"
    title = "Kiểm tra căn cứ"
    template_name = "pages/basis/side_panel.html"
    order = 360

    def __init__(self, object, request, *, refresh_url=None, blocked=False, note=""):
        super().__init__(object, request)
        self.sections = panel_sections(object)
        self.blocking = blocking_problems(self.sections)
        self.problem_count = sum(len(s["rows"]) for s in self.sections)
        self.refresh_url = refresh_url
        self.blocked = blocked
        self.note = note

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context or {})
        context |= {
            "sections": self.sections,
            "blocking": self.blocking,
            "refresh_url": self.refresh_url,
            "blocked": self.blocked,
            "note": self.note,
            "ack_field": ACK_FIELD,
            "note_field": NOTE_FIELD,
            "acknowledgement": latest_acknowledgement(self.object),
            "unacknowledged": unacknowledged_since(self.object),
        }
        return context


class BasisCheckMixin:
    """Ask for an acknowledgement before submitting or publishing a flawed basis."""

    basis_blocked = False
    basis_acknowledgement: tuple[str, list[dict]] | None = None

    def form_valid(self, form):
        if self.action_name in ("submit", "publish"):
            blocking = blocking_problems(panel_sections(form.instance))
            if blocking:
                note = self.request.POST.get(NOTE_FIELD, "").strip()[:MAX_NOTE]
                if not (self.request.POST.get(ACK_FIELD) and note):
                    return self.basis_refused(form, len(blocking))
                self.basis_acknowledgement = (note, blocking)
        if self.basis_acknowledgement:
            with acknowledged(self.basis_acknowledgement[1]):
                response = super().form_valid(form)
        else:
            response = super().form_valid(form)
        if self.basis_acknowledgement and response.status_code in (301, 302):
            self.basis_log(*self.basis_acknowledgement)
        return response

    def basis_refused(self, form, count: int):
        self.basis_blocked = True
        verb = "gửi duyệt" if self.action_name == "submit" else "xuất bản"
        messages.error(
            self.request,
            f"Chưa {verb}: căn cứ ban hành có {count} vấn đề cần xác nhận. Mở bảng "
            "“Kiểm tra căn cứ”, đánh dấu “Tôi đã xem các vấn đề trên” và ghi chú lý do, "
            f"rồi {verb} lại.",
        )
        self.has_unsaved_changes = True
        return self.render_to_response(self.get_context_data())

    def basis_log(self, note: str, blocking: list[dict]) -> None:
        page = self.page
        revision = page.get_latest_revision()
        log(
            instance=page,
            action=ACK_ACTION,
            user=self.request.user,
            revision=revision,
            data={
                "note": note,
                "action": self.action_name,
                "revision_id": revision.pk if revision else None,
                "problems": problem_data(blocking),
            },
        )

    def basis_panel(self, page):
        refresh = None
        if page.pk:
            refresh = reverse("pages_basis_check:refresh", args=[page.pk])
        return BasisCheckSidePanel(
            page,
            self.request,
            refresh_url=refresh,
            blocked=self.basis_blocked,
            note=self.request.POST.get(NOTE_FIELD, "") if self.basis_blocked else "",
        )


class BasisCheckedEditView(BasisCheckMixin, EditView):
    def get_side_panels(self):
        panels = super().get_side_panels()
        if not self.expects_json_response:
            panels.append(self.basis_panel(self.page))
        return panels


class BasisCheckedCreateView(BasisCheckMixin, CreateView):
    def get_side_panels(self):
        panels = super().get_side_panels()
        panels.append(self.basis_panel(self.page))
        return panels


class BasisCheckedPageViewSet(PageViewSet):
    """Document pages edit and create through the views above."""

    edit_view_class = BasisCheckedEditView
    add_view_class = BasisCheckedCreateView
    # Keep Wagtail's explorer listing for the "Văn bản" sections.
    parent_models = ()


@require_POST
def panel_refresh(request, page_id: int):
    """The panel's content for the unsaved form (sent when the preview refreshes)."""
    page = get_object_or_404(Page, pk=page_id).specific.get_latest_revision_as_object()
    if not page.permissions_for_user(request.user).can_edit():
        return HttpResponseBadRequest("Không có quyền sửa trang này.")
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(
        request.POST,
        request.FILES,
        instance=page,
        parent_page=page.get_parent(),
        for_user=request.user,
    )
    form.defer_required_fields()
    valid = form.is_valid()
    panel = BasisCheckSidePanel(form.instance if valid else page, request)
    context = panel.get_context_data() | {"form_invalid": not valid}
    return render(request, "pages/basis/side_panel_content.html", context)
