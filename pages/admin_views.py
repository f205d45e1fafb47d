"""Admin screen "Hiệu lực chờ xác nhận": confirm or reject effects of new documents.

Listing needs ``pages.view_pendingeffect``; deciding needs
``pages.change_pendingeffect`` (given to "Lãnh đạo duyệt" and "Quản trị",
because confirming publishes a new version of the affected document).
"""

import datetime as dt

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from pages.models import PendingEffect
from pages.validity import effect_confirm, effect_reject

VIEW_PERM = "pages.view_pendingeffect"
DECIDE_PERM = "pages.change_pendingeffect"


def can_view(user) -> bool:
    return user.has_perm(VIEW_PERM) or user.has_perm(DECIDE_PERM)


def pending_effects():
    return PendingEffect.objects.filter(
        status=PendingEffect.Status.PENDING
    ).select_related("source", "target")


def deciders() -> str:
    """The groups whose members may confirm or reject: "Lãnh đạo duyệt, Quản trị"."""
    from django.contrib.auth.models import Group

    app_label, codename = DECIDE_PERM.split(".")
    groups = Group.objects.filter(
        permissions__content_type__app_label=app_label,
        permissions__codename=codename,
    )
    return ", ".join(
        f"“{name}”" for name in groups.order_by("name").values_list("name", flat=True)
    )


def effects_index(request):
    if not can_view(request.user):
        raise PermissionDenied
    decided = PendingEffect.objects.exclude(status=PendingEffect.Status.PENDING)
    context = {
        "page_title": "Hiệu lực chờ xác nhận",
        "header_title": "Hiệu lực chờ xác nhận",  # the browser tab's title
        "header_icon": "warning",
        "pending": pending_effects(),
        "decided": decided.select_related("source", "target", "decided_by")[:20],
        "can_decide": request.user.has_perm(DECIDE_PERM),
    }
    if not context["can_decide"]:
        context["deciders"] = deciders() or "quản trị viên"
    return TemplateResponse(request, "documents/versions/pending_effects.html", context)


DATE_FIELD = forms.DateField(required=False)


def _parse_date(value: str | None) -> dt.date | None:
    """The confirmation date as typed (dd/mm/yyyy or yyyy-mm-dd); None when
    empty; ``ValidationError`` when it is no date (2025-02-30, "abc")."""
    try:
        return DATE_FIELD.clean((value or "").strip())
    except ValidationError:
        raise ValidationError(
            f"Ngày có tác động không hợp lệ: “{value}”. Nhập ngày có thật, "
            "theo dạng ngày/tháng/năm (ví dụ 10/03/2025)."
        ) from None


@require_POST
def effect_decide(request, pk: int, decision: str):
    if not request.user.has_perm(DECIDE_PERM):
        raise PermissionDenied
    if decision not in ("confirm", "reject"):
        raise Http404
    effect = get_object_or_404(pending_effects(), pk=pk)
    if decision == "confirm":
        try:
            day = _parse_date(request.POST.get("date"))
            effect_confirm(effect=effect, user=request.user, date=day)
        except ValidationError as error:
            # Nothing was changed (effect_confirm is one transaction).
            reason = " ".join(error.messages)
            messages.error(request, f"Chưa xác nhận {effect}: {reason}")
            return redirect("documents_effects:index")
        messages.success(request, f"Đã xác nhận: {effect}.")
    else:
        effect_reject(effect=effect, user=request.user)
        messages.success(request, f"Đã từ chối: {effect}.")
    return redirect("documents_effects:index")
