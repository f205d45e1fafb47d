"""Admin listing "Cần bổ sung": documents stored without required metadata.

Editors see the document pages they may edit that still lack the số ký hiệu,
the issuing body, the date or the type (``pages.completeness``), filtered by
what is missing and by words of the title, each with a link to its editor.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from documents.parsing.flags import MISSING_LABELS
from pages import completeness

PER_PAGE = 50
URL_NAME = "pages_incomplete_documents"


def can_view(user) -> bool:
    """Active users of the admin who may edit pages somewhere."""
    return bool(
        user.is_active
        and user.has_perm("wagtailadmin.access_admin")
        and PagePermissionPolicy().user_has_any_permission(user, ["add", "change"])
    )


def pages_for(user, missing: str | None = None, query: str = ""):
    """Incomplete document pages ``user`` may edit, narrowed by the filters."""
    pages = completeness.incomplete_pages(missing)
    if not user.is_superuser:
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(
            user, ["change"]
        )
        pages = pages.filter(pk__in=editable.values("pk"))
    for word in query.split()[:8]:
        pages = pages.filter(title__icontains=word)
    return pages


class IncompleteDocumentsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Văn bản cần bổ sung"
    header_icon = "warning"
    template_name = "pages/admin/incomplete_documents.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        missing = request.GET.get("thieu") or ""
        if missing not in MISSING_LABELS:
            missing = ""
        query = (request.GET.get("q") or "").strip()[:200]
        pages = pages_for(request.user, missing or None, query)
        page_obj = Paginator(pages, PER_PAGE).get_page(request.GET.get("p"))
        rows = [
            {
                "page": page,
                "missing": completeness.labels(completeness.missing_fields(page)),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            }
            for page in page_obj
        ]
        context = self.get_context_data(
            rows=rows,
            page_obj=page_obj,
            total=page_obj.paginator.count,
            missing=missing,
            choices=list(MISSING_LABELS.items()),
            query=query,
        )
        return self.render_to_response(context)


class IncompleteMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


def urls():
    return [
        path(
            "can-bo-sung/",
            IncompleteDocumentsView.as_view(),
            name=URL_NAME,
        )
    ]


def menu_item():
    return IncompleteMenuItem(
        "Cần bổ sung",
        reverse(URL_NAME),
        name="incomplete-documents",
        icon_name="warning",
        order=245,
    )


def refuse_incomplete_bulk_publish(request, action_type, objects, action):
    """``before_bulk_action``: bulk "Xuất bản" stops, with the list of documents
    that still lack metadata, instead of failing on the first of them."""
    from django.shortcuts import redirect
    from wagtail.admin import messages

    from pages.models import LegalDocumentPage

    if action_type != "publish":
        return None
    blocked = []
    for page in objects:
        specific = page.specific
        if not isinstance(specific, LegalDocumentPage):
            continue
        revision = specific.get_latest_revision()
        target = revision.as_object() if revision else specific
        missing = completeness.missing_fields(target)
        if missing:
            blocked.append(f"“{specific.title}” (thiếu {completeness.labels(missing)})")
    if not blocked:
        return None
    messages.error(
        request,
        "Chưa xuất bản: các văn bản sau còn thiếu thông tin bắt buộc: "
        + "; ".join(blocked[:10])
        + ("; …" if len(blocked) > 10 else "")
        + ". Hãy bổ sung trong trang soạn thảo.",
    )
    target = request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse(URL_NAME)
    return redirect(target)
