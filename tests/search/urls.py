"""URLconf for the search view tests: the site's URLs with search.urls in front
(as ``portal/urls.py`` includes them)."""

from django.urls import include, path

from portal.urls import urlpatterns as portal_patterns

urlpatterns = [path("", include("search.urls")), *portal_patterns]
