"""Wagtail admin additions: vocabulary snippets, "Hiệu lực chờ xác nhận",
"Nhập văn bản", their audit-log actions, and the exemplar follow-up report."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path, reverse, reverse_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from documents.models import DocumentType, EmulationTitle, Field, Signer
from pages import admin_patches  # noqa: F401  (changes to Wagtail classes)
from pages.issuer_admin import IssuingBodyViewSet
from pages.models.documents import MAX_YEAR, MIN_YEAR
from pages.reports import can_see_report, exemplar_report, report_csv, report_years

# Vocabularies ------------------------------------------------------------------
# No ``search_fields`` on these viewsets: with fields named, Wagtail's SQLite
# backend asks FTS5 for columns it does not have ("no such column: name", a 500)
# and PostgreSQL reads the unfolded columns; without them the listings and
# choosers search the models' indexed fields, folded (pages/admin_search.py).


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "doc-full"
    menu_label = "Loại văn bản"
    list_display = ["name", "abbreviation", "family"]
    list_filter = ["family"]


class SignerViewSet(SnippetViewSet):
    model = Signer
    icon = "user"
    menu_label = "Người ký"
    list_display = ["name", "position", "body"]
    list_filter = ["body"]


class FieldViewSet(SnippetViewSet):
    model = Field
    icon = "tag"
    menu_label = "Lĩnh vực"
    list_display = ["name"]


class EmulationTitleViewSet(SnippetViewSet):
    model = EmulationTitle
    icon = "pick"
    menu_label = "Danh hiệu, hình thức khen thưởng"
    list_display = ["name", "abbreviation", "kind", "recipient"]
    list_filter = ["kind", "recipient"]


class VocabularyGroup(SnippetViewSetGroup):
    items = (
        DocumentTypeViewSet,
        IssuingBodyViewSet,
        SignerViewSet,
        FieldViewSet,
        EmulationTitleViewSet,
    )
    menu_icon = "folder-open-inverse"
    menu_label = "Danh mục"
    menu_name = "vocabularies"


register_snippet(VocabularyGroup)


# Versions and validity -------------------------------------------------------


@hooks.register("register_log_actions")
def register_validity_log_actions(actions):
    """Audit-log entries written when an effect on a document is decided."""
    actions.register_action(
        "documents.effect_confirmed",
        "Xác nhận hiệu lực",
        "Xác nhận tác động của văn bản mới lên hiệu lực",
    )
    actions.register_action(
        "documents.effect_rejected",
        "Từ chối tác động hiệu lực",
        "Từ chối tác động của văn bản mới lên hiệu lực",
    )


@hooks.register("register_admin_urls")
def register_effects_urls():
    from django.urls import include

    from pages import admin_views

    urls = [
        path("", admin_views.effects_index, name="index"),
        path(
            "<int:pk>/<str:decision>/",
            admin_views.effect_decide,
            name="decide",
        ),
    ]
    return [path("hieu-luc/", include((urls, "documents_effects")))]


class PendingEffectsMenuItem(MenuItem):
    """Menu entry "Hiệu lực chờ xác nhận" with the number of pending effects."""

    def is_shown(self, request):
        from pages.admin_views import can_view

        return can_view(request.user)

    def render_component(self, request):
        from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent

        from pages.admin_views import pending_effects

        count = pending_effects().count()
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs
        )


@hooks.register("register_admin_menu_item")
def register_effects_menu_item():
    return PendingEffectsMenuItem(
        "Hiệu lực chờ xác nhận",
        reverse_lazy("documents_effects:index"),
        name="pending-effects",
        icon_name="warning",
        order=250,
    )


# Import ("Nhập văn bản") and the citation graph's log action ------------------


@hooks.register("register_admin_urls")
def register_import_urls():
    from django.urls import include

    from pages import views

    urls = [
        path("", views.import_upload, name="upload"),
        path("xem-truoc/", views.import_preview, name="preview"),
    ]
    return [path("nhap-van-ban/", include((urls, "documents_import")))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        from pages.views import can_import

        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        "Nhập văn bản",
        reverse_lazy("documents_import:upload"),
        name="import-documents",
        icon_name="upload",
        order=240,
    )


@hooks.register("register_log_actions")
def register_import_log_action(actions):
    from pages.importing import IMPORT_ACTION

    @actions.register_action(IMPORT_ACTION)
    class DocumentImported(LogFormatter):
        """ "Nhập văn bản từ tệp “qd-12.txt”, xuất bản ngay; 1 điểm cần kiểm tra: …"."""

        label = "Nhập văn bản"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            source = data.get("source")
            text = f"Nhập văn bản từ tệp “{source}”" if source else "Nhập văn bản"
            text += ", xuất bản ngay" if data.get("published") else ", lưu bản nháp"
            checks = data.get("checks") or []
            if checks:
                text += f"; {len(checks)} điểm cần kiểm tra: " + "; ".join(checks[:3])
                text += "; …" if len(checks) > 3 else ""
            return text

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("note") or ""


class PendingEffectsPanel(Component):
    """Dashboard notice asking to confirm the pending effects."""

    name = "pending_effects"
    order = 90
    template_name = "documents/versions/pending_effects_panel.html"

    def __init__(self, count: int):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {"count": self.count, "url": reverse("documents_effects:index")}


@hooks.register("construct_homepage_panels")
def add_pending_effects_panel(request, panels):
    from pages.admin_views import can_view, pending_effects

    count = pending_effects().count() if can_view(request.user) else 0
    if count:
        panels.append(PendingEffectsPanel(count))


# Exemplar follow-up report ---------------------------------------------------


def parse_year(value: str | None) -> int | None:
    """A plausible year from the query string, or None (never an error)."""
    try:
        year = int(value or "")
    except ValueError:
        return None
    return year if MIN_YEAR <= year <= MAX_YEAR else None


class ExemplarReportView(WagtailAdminTemplateMixin, TemplateView):
    """Điển hình registered per unit and year, units with none, CSV export."""

    page_title = "Theo dõi xây dựng điển hình tiên tiến"
    header_icon = "list-ul"
    template_name = "pages/admin/exemplar_report.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        years = report_years()
        year = parse_year(request.GET.get("year"))
        if "year" not in request.GET:
            year = years[0] if years else None
        rows = exemplar_report(year=year)
        if request.GET.get("format") == "csv":
            return self.csv_response(rows, year)
        context = self.get_context_data(
            rows=rows,
            year=year,
            years=years,
            missing=[row for row in rows if row.is_missing],
        )
        return self.render_to_response(context)

    def csv_response(self, rows, year) -> HttpResponse:
        response = HttpResponse(
            report_csv(rows), content_type="text/csv; charset=utf-8"
        )
        name = f"dien-hinh-{year or 'tat-ca'}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


@hooks.register("register_admin_urls")
def register_report_url():
    return [
        path(
            "bao-cao/dien-hinh/",
            ExemplarReportView.as_view(),
            name="pages_exemplar_report",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return StaffMenuItem(
        "Theo dõi điển hình tiên tiến",
        reverse("pages_exemplar_report"),
        icon_name="list-ul",
        order=900,
    )


# "Kiểm tra căn cứ": side panel, acknowledgement on submit/publish, log entry ----


@hooks.register("register_admin_viewset")
def register_basis_checked_page_views():
    from pages.basis_admin import BasisCheckedPageViewSet
    from pages.models import LegalDocumentPage

    return BasisCheckedPageViewSet("basis_checked_documents", model=LegalDocumentPage)


@hooks.register("register_admin_urls")
def register_basis_check_urls():
    from django.urls import include

    from pages.basis_admin import panel_refresh

    urls = [path("<int:page_id>/", panel_refresh, name="refresh")]
    return [path("kiem-tra-can-cu/", include((urls, "pages_basis_check")))]


@hooks.register("register_log_actions")
def register_basis_log_actions(actions):
    from pages import basis_audit

    @actions.register_action(basis_audit.ACK_ACTION)
    class BasisAcknowledged(LogFormatter):
        label = "Xác nhận căn cứ"

        def format_message(self, log_entry):
            return basis_audit.acknowledged_message(log_entry.data or {})

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("note") or ""

    @actions.register_action(basis_audit.UNACKNOWLEDGED_ACTION)
    class BasisUnacknowledged(LogFormatter):
        label = "Xuất bản khi căn cứ chưa được xác nhận"

        def format_message(self, log_entry):
            return basis_audit.unacknowledged_message(log_entry.data or {})


@hooks.register("before_bulk_action")
def refuse_unacknowledged_bulk_publish(request, action_type, objects, action):
    from pages.basis_audit import refuse_bulk_publish

    return refuse_bulk_publish(request, action_type, objects, action)


# "Cần bổ sung": documents kept without required metadata ----------------------


@hooks.register("register_admin_urls")
def register_incomplete_urls():
    from pages import incomplete_views

    return incomplete_views.urls()


@hooks.register("register_admin_menu_item")
def register_incomplete_menu_item():
    from pages import incomplete_views

    return incomplete_views.menu_item()


@hooks.register("before_bulk_action")
def refuse_incomplete_bulk_publish(request, action_type, objects, action):
    from pages import incomplete_views

    return incomplete_views.refuse_incomplete_bulk_publish(
        request, action_type, objects, action
    )


# Menu: "Kiểm tra căn cứ" for every editor; no English help links -------------


@hooks.register("register_admin_menu_item")
def register_basis_check_menu_item():
    """The public check ("/kiem-tra-can-cu/"), reachable from the admin too."""
    return MenuItem(
        "Kiểm tra căn cứ",
        reverse_lazy("basis_check"),
        name="basis-check",
        icon_name="tasks",
        order=248,
    )


#: Wagtail's help items that link to its English site (guide.wagtail.org and
#: the release notes); the portal has no Vietnamese editor guide to put there.
ENGLISH_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def hide_english_help_items(request, menu_items):
    menu_items[:] = [
        item for item in menu_items if not item.name.startswith(ENGLISH_HELP_ITEMS)
    ]


# Exemplar drafts a commendation decision's publication created -------------


def tell_exemplar_drafts(request, *args) -> None:
    """Name the exemplar drafts the user's publications created: after
    publishing or approving in the editor, and on the dashboard or editor a
    workflow approval from the dashboard returns to (``pages.services``)."""
    from django.contrib import messages

    from pages.services import drafts_announce

    for message in drafts_announce(request.user):
        messages.info(request, message)


for _hook in (
    "after_publish_page",
    "after_edit_page",
    "before_edit_page",
    "construct_homepage_panels",
):
    hooks.register(_hook, tell_exemplar_drafts)


@hooks.register("register_log_actions")
def register_exemplar_drafts_action(actions):
    from pages.services import DRAFTS_ACTION

    @actions.register_action(DRAFTS_ACTION)
    class ExemplarDraftsCreated(LogFormatter):
        label = "Tạo bản nháp điển hình tiên tiến"

        def format_message(self, log_entry):
            titles = (log_entry.data or {}).get("titles") or []
            return f"Tạo {len(titles)} bản nháp điển hình tiên tiến: " + ", ".join(
                titles
            )
