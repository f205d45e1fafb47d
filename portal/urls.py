from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from pages.basis_views import basis_check_page
from pages.site_map import site_map_page
from portal.api import not_found
from portal.api import urls as api_urls
from portal.api_docs import api_docs_page

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    # Crawlers: the sitemap's address, and no crawl of the admin or of the
    # endless search and basis-check result pages (those also say noindex).
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    path("", include("search.urls")),
    path("kiem-tra-can-cu/", basis_check_page, name="basis_check"),
    path("so-do-trang/", site_map_page, name="site_map"),
    # The API answers a JSON 404 at its root (ninja's own root view is the
    # site's HTML 404), at any other address under /api/v1/ ending in a slash
    # (one without is still redirected to it first) and anywhere else under
    # /api/ (no HTML page of the site there).
    path("api/v1/", not_found),
    path("api/v1/docs", api_docs_page, name="api_docs"),
    path("api/v1/", api_urls()),
    re_path(r"^api/v1/.*/$", not_found),
    re_path(r"^api(?:/(?!v1/).*)?$", not_found),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Local runs only (`make run`, `make serve`): in production the web server or
    # object storage serves MEDIA_URL (docs/operations.md).
    from django.views.static import serve

    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]
