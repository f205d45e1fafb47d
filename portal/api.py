"""The root of the read-only JSON API v1 (django-ninja), at ``/api/v1/``.

The OpenAPI schema is served at ``/api/v1/openapi.json``; ``/api/v1/docs`` is
the site's Vietnamese page about it (``portal.api_docs``), not ninja's Swagger
UI. Each app contributes routers; this module only mounts them, so adding an
endpoint never needs an import cycle. Every error is JSON
``{"detail": "…"}`` in Vietnamese: any other address under ``/api/`` answers
the 404 of ``not_found``; a query parameter ninja cannot read (``year=abc``) is
a 400 naming it, as the endpoints' own checks answer (``pages.api.query_error``),
and so is a field of a JSON body (``pages.basis_api.body_error``), not ninja's
422 with a list of pydantic errors; ninja's own English messages (a body that
is not JSON, a method the address does not take) are answered in Vietnamese.
"""

from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from pages.api import citations_router, query_error
from pages.api import router as documents_router
from pages.basis_api import body_error
from pages.basis_api import router as basis_check_router
from search.api import router as search_router

api = NinjaAPI(
    urls_namespace="api-v1",
    docs_url=None,
    title="Cổng văn bản – API",
    version="1.0.0",
    description="Văn bản đã đăng tải công khai, trích dẫn giữa các văn bản và "
    "tra cứu số ký hiệu. Chỉ đọc.",
)
api.add_router("/documents/", documents_router)
api.add_router("/citations/", citations_router)
api.add_router("/citations/", basis_check_router)
api.add_router("/search/", search_router)

NOT_FOUND = "không có địa chỉ này trong API; xem /api/v1/docs"
BAD_REQUEST = "yêu cầu không hợp lệ"
NOT_JSON = 'nội dung yêu cầu không phải JSON hợp lệ; gửi ví dụ {"text": "Căn cứ …"}'
#: ninja's own messages (``ninja.params.models``), and what the API says instead.
NINJA_MESSAGES = {"Cannot parse request body": NOT_JSON}


def error(request: HttpRequest, detail: str, status: int) -> HttpResponse:
    return api.create_response(request, {"detail": detail}, status=status)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    detail = query_error(exc.errors, request.GET) or body_error(
        exc.errors, request.body
    )
    return error(request, detail or BAD_REQUEST, 400)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    message = str(exc)
    for english, vietnamese in NINJA_MESSAGES.items():
        if message.startswith(english):
            message = vietnamese
    return error(request, message, exc.status_code)


@api.exception_handler(Http404)
def http_404(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error(request, NOT_FOUND, 404)


def not_found(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """The JSON 404 of an address under /api/ that no endpoint answers."""
    return error(request, NOT_FOUND, 404)


def method_named(view):
    """``view`` answering a method its address does not take (ninja's plain
    text "Method not allowed") with the API's JSON 405, its Allow header kept."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code != 405:
            return response
        allowed = response.get("Allow", "")
        detail = f"phương thức {request.method} không dùng được ở địa chỉ này"
        answer = error(request, f"{detail} (dùng {allowed})", 405)
        answer["Allow"] = allowed
        return answer

    return wrapped


def urls() -> tuple:
    """``api.urls`` with every endpoint's 405 in the API's JSON (``method_named``)."""
    patterns, app_name, namespace = api.urls
    wrapped = [
        URLPattern(p.pattern, method_named(p.callback), p.default_args, p.name)
        if isinstance(p, URLPattern)
        else p
        for p in patterns
    ]
    return wrapped, app_name, namespace
