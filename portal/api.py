"""The root of the read-only JSON API v1 (django-ninja), at ``/api/v1/``.

The OpenAPI schema is served at ``/api/v1/openapi.json`` and the interactive
docs at ``/api/v1/docs``. Each app contributes routers; this module only mounts
them, so adding an endpoint never needs an import cycle. Any other address
under ``/api/v1/`` ending in a slash answers the API's JSON 404 (``not_found``).
A query parameter ninja cannot read (``year=abc``) is a 400 naming it, as the
endpoints' own checks answer (``pages.api.query_error``), not ninja's 422 with
a list of pydantic errors; a JSON body that does not validate keeps the 422.
"""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from pages.api import citations_router, query_error
from pages.api import router as documents_router
from pages.basis_api import router as basis_check_router
from search.api import router as search_router

api = NinjaAPI(
    urls_namespace="api-v1",
    title="Cổng văn bản – API",
    version="1.0.0",
    description="Văn bản đã đăng tải công khai, trích dẫn giữa các văn bản và "
    "tra cứu số ký hiệu. Chỉ đọc.",
)
api.add_router("/documents/", documents_router)
api.add_router("/citations/", citations_router)
api.add_router("/citations/", basis_check_router)
api.add_router("/search/", search_router)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    detail = query_error(exc.errors, request.GET)
    if detail is None:
        return api.create_response(request, {"detail": exc.errors}, status=422)
    return api.create_response(request, {"detail": detail}, status=400)


def not_found(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """The JSON 404 of an address under /api/v1/ that no endpoint answers."""
    return api.create_response(request, {"detail": "Not Found"}, status=404)
