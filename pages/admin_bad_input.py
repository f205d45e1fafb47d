"""Admin addresses with a bad number in them answer 404 or the nearest page, not 500.

Found by the admin sweep (bench/admin_sweep.py, notes/admin_sweep.md):

- a workflow's editor lists its pages by ``?p=``; Wagtail reads it with
  ``int()`` and ``Paginator.page``, so /admin/workflows/edit/N/?p=abc and
  ?p=99999 were 500s. It now reads it as every other listing does
  (``Paginator.get_page``: the first page for no number, the last one past
  the end);
- a chooser's "chosen" address (/admin/snippets/choose/…/chosen/abc/, what a
  chooser modal calls after a pick) looked "abc" up as an integer id: a 500 in
  place of the 404 a missing id gives;
- a page form posted with a body (StreamField) whose "-count" is missing or no
  number, or a rich-text field whose value is no Draftail JSON ("abc", "1"):
  500s while reading the form; such a field now reads as empty (its "Trường này
  là bắt buộc." when required);
- "Sao chép trang" (/admin/pages/N/copy/) posted with a destination that is no
  page id or none: a 500 before the form was read; the form now says "Hãy chọn
  một lựa chọn hợp lệ…" (the page's own parent shown as the destination).

- a form's ``next`` (where to go after saving) that is no path ("abc",
  "999999"): Django's ``redirect`` took it for a URL name, a 500
  (NoReverseMatch) after the object was saved. Only a path ("/…") is followed
  now; anything else goes to the view's own next screen, as a foreign host does.

A browser sends none of these; a stale or tampered form may.

Patched on Wagtail's classes when this module is imported (from
``pages.admin_patches``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from wagtail.admin import utils as admin_utils
from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea
from wagtail.admin.views.generic.chooser import ChosenViewMixin
from wagtail.admin.views.pages.copy import CopyView
from wagtail.admin.views.workflows import Edit as WorkflowEdit
from wagtail.blocks.base import BlockWidget
from wagtail.models import Page

UNREADABLE = (KeyError, ValueError, TypeError, AttributeError)


def get_paginated_pages(self):
    pages = Page.objects.filter(workflowpage__workflow=self.get_object())
    pages.paginator = Paginator(pages, self.MAX_PAGES)
    return pages.paginator.get_page(self.request.GET.get("p"))


_wagtail_get_object = ChosenViewMixin.get_object


def get_object(self, pk):
    try:
        return _wagtail_get_object(self, pk)
    except (ValueError, ValidationError) as error:
        raise self.model_class.DoesNotExist(str(error)) from error


_django_url_is_safe = admin_utils.url_has_allowed_host_and_scheme


def next_url_is_safe(url, allowed_hosts, require_https=False):
    return url.startswith("/") and _django_url_is_safe(
        url, allowed_hosts, require_https
    )


_wagtail_block_value = BlockWidget.value_from_datadict
_wagtail_rich_text_value = DraftailRichTextArea.value_from_datadict
_wagtail_copy_post = CopyView.post


def block_value_from_datadict(self, data, files, name):
    try:
        return _wagtail_block_value(self, data, files, name)
    except UNREADABLE:
        return self.block_def.get_default()


def rich_text_value_from_datadict(self, data, files, name):
    try:
        return _wagtail_rich_text_value(self, data, files, name)
    except UNREADABLE:
        return None


def copy_post(self, request, *args, **kwargs):
    parent = request.POST.get("new_parent_page", "")
    if parent.isdigit() and Page.objects.filter(pk=parent).exists():
        return _wagtail_copy_post(self, request, *args, **kwargs)
    self.parent_page = self.page.get_parent()
    return super(CopyView, self).post(request, *args, **kwargs)


WorkflowEdit.get_paginated_pages = get_paginated_pages
BlockWidget.value_from_datadict = block_value_from_datadict
DraftailRichTextArea.value_from_datadict = rich_text_value_from_datadict
CopyView.post = copy_post
# Read by wagtail.admin.utils.get_valid_next_url_from_request at each call.
admin_utils.url_has_allowed_host_and_scheme = next_url_is_safe
ChosenViewMixin.get_object = get_object
