"""Admin addresses with a bad number in them answer 404 or the nearest page, not 500.

Found by the admin sweep (bench/admin_sweep.py, notes/admin_sweep.md):

- a workflow's editor lists its pages by ``?p=``; Wagtail reads it with
  ``int()`` and ``Paginator.page``, so /admin/workflows/edit/N/?p=abc and
  ?p=99999 were 500s. It now reads it as every other listing does
  (``Paginator.get_page``: the first page for no number, the last one past
  the end);
- a chooser's "chosen" address (/admin/snippets/choose/…/chosen/abc/, what a
  chooser modal calls after a pick) looked "abc" up as an integer id: a 500 in
  place of the 404 a missing id gives.

Patched on Wagtail's classes when this module is imported (from
``pages.admin_patches``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from wagtail.admin.views.generic.chooser import ChosenViewMixin
from wagtail.admin.views.workflows import Edit as WorkflowEdit
from wagtail.models import Page


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


WorkflowEdit.get_paginated_pages = get_paginated_pages
ChosenViewMixin.get_object = get_object
