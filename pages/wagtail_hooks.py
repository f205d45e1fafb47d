"""Admin additions of the showcase: the exemplar follow-up report (staff only)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from pages.reports import exemplar_report, report_csv, report_years


def parse_year(value: str | None) -> int | None:
    """A plausible year from the query string, or None (never an error)."""
    try:
        year = int(value or "")
    except ValueError:
        return None
    return year if 1945 <= year <= 2100 else None


class ExemplarReportView(WagtailAdminTemplateMixin, TemplateView):
    """Điển hình registered per unit and year, units with none, CSV export."""

    page_title = "Theo dõi xây dựng điển hình tiên tiến"
    header_icon = "list-ul"
    template_name = "pages/admin/exemplar_report.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_staff:
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
        return request.user.is_staff


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
