""" "Yêu cầu chỉnh sửa" needs the reason.

Wagtail's approval task asks for a comment when an approver requests changes,
but lets it be empty: the editor got the draft back with nothing saying what to
change. The review task's form for ``reject`` now requires it (the modal shows
"Trường này là bắt buộc." and nothing happens until it is given); approving,
with or without a comment, is unchanged. Patched on Wagtail's
``GroupApprovalTask`` (the portal's task "Lãnh đạo duyệt văn bản") when this
module is imported (from ``pages.wagtail_hooks``).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy
from wagtail.forms import TaskStateCommentForm
from wagtail.models import GroupApprovalTask

REASON_HELP = (
    "Nêu rõ điều cần chỉnh sửa; người soạn sẽ đọc góp ý này khi nhận lại văn bản."
)


class RequestChangesForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        required=True,
        help_text=REASON_HELP,
        widget=forms.Textarea({"rows": 2}),
    )


_wagtail_form_for_action = GroupApprovalTask.get_form_for_action


def get_form_for_action(self, action):
    if action == "reject":
        return RequestChangesForm
    return _wagtail_form_for_action(self, action)


GroupApprovalTask.get_form_for_action = get_form_for_action
