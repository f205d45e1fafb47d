"""The project's URLs plus uploaded media, for the live server of the e2e tests."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    re_path(
        r"^media/(?P<path>.*)$",
        lambda request, path: serve(request, path, settings.MEDIA_ROOT),
    ),
    *portal_urlpatterns,
]
