"""The search endpoint of the JSON API v1: ``GET /api/v1/search/``.

A django-ninja router, mounted at ``/api/v1/search/`` by ``portal.api`` so that
the endpoint appears in the OpenAPI schema. It searches as the search page
does (``api_search``, over the page's own ``views`` and ``listing``): filters are read leniently (a malformed value is
ignored, never a 422; a ``year`` or ``in_force_on`` that is none is a 400) and may repeat, and an answer from the fallback backend
carries a notice and is not cached. Paging is strict: ``page`` or
``per_page`` that is not a whole number in range answers a JSON 400 naming
it, a page past the last a JSON 404 (``{"detail": ...}``, as every 404 under
/api/v1/).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from django.http import JsonResponse
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from . import search as run_search
from . import views
from .backends.base import BackendError, num_pages
from .listing import grouped_listing
from .types import SearchQuery, SearchResults

MAX_PAGED = 10_000  # flat matches an API listing pages, at most

router = Router(tags=["search"])


def _param(name: str, description: str, kind: str = "string", many=False) -> dict:
    schema = {"type": "array", "items": {"type": kind}} if many else {"type": kind}
    return {
        "in": "query",
        "name": name,
        "required": False,
        "description": description,
        "schema": schema,
        **({"style": "form", "explode": True} if many else {}),
    }


PARAMETERS = [
    _param("q", "Words or a số ký hiệu in any written form, accents optional"),
    _param("type", "Document type name (repeatable)", many=True),
    _param("issuer", "Issuing body name (repeatable)", many=True),
    _param("year", "Year (repeatable)", many=True),
    _param("field", "Field (lĩnh vực, repeatable)", many=True),
    _param("status", "Validity status code (repeatable)", many=True),
    _param("tag", "Tag (repeatable)", many=True),
    _param("kind", "document, article, exemplar, news, movement", many=True),
    _param("cites", "Documents citing this code (34-CT/TW)", many=True),
    _param("in_force_on", "Documents in force on this date (YYYY-MM-DD or DD/MM/YYYY)"),
    _param("sort", "relevance (default) or date"),
    _param("group", "0: a document and each of its Điều as separate results"),
    _param("page", "Page number, from 1 to num_pages (past it: 404)", "integer"),
    _param(
        "per_page",
        f"Results per page, 1–{views.MAX_PER_PAGE} (default {views.PER_PAGE})",
        "integer",
    ),
]


class FacetValue(Schema):
    value: str
    label: str
    count: int


class ArticleHit(Schema):
    key: str
    page_id: int
    kind: str
    kind_label: str
    title: str
    url: str
    code: str
    article: str | None
    anchor: str | None
    score: float
    snippet: str
    doc_type: str
    issuer: str
    date: str | None
    status: str


class SearchHit(ArticleHit):
    """A document with its best Điều (absent with ``group=0``)."""

    articles: list[ArticleHit] | None = None


class SearchAnswer(Schema):
    query: dict
    results: list[SearchHit]
    total: int = Field(
        description="Results of the listing: documents (entries with group=0); "
        "see total_exact"
    )
    total_exact: bool = Field(
        description="False when more entries match than a grouped listing reads "
        "(500): total then counts the documents it can page through"
    )
    matches: int = Field(description="Matching entries (documents and Điều)")
    facets: dict[str, list[FacetValue]]
    page: int
    num_pages: int = Field(description="Last page number (1 when nothing matched)")
    notice: str | None
    code_match: str | None
    facets_exact: bool
    query_truncated: bool = Field(
        description=f"True when q was longer than {views.MAX_QUERY} characters: "
        f"the first {views.MAX_QUERY} were searched"
    )
    unmatched_words: list[str] = Field(
        description="Words of q that no indexed entry holds (as written)"
    )


class Error(Schema):
    detail: str


def shown(raw: str) -> str:
    """``raw`` quoted for an error message, cut after 30 characters."""
    return repr(raw if len(raw) <= 30 else raw[:30] + "…")


def whole_number_error(name: str, raw: str, low: int = 1, high=None) -> HttpError:
    """The 400 of a parameter that is not a whole number from ``low`` (to
    ``high``), naming it and what was sent (``pages.api`` answers the same)."""
    upto = f" đến {high}" if high is not None else ""
    return HttpError(
        400, f"{name}: phải là số nguyên từ {low}{upto}, không phải {shown(raw)}"
    )


def past_the_end(page: int, last: int) -> HttpError:
    """The 404 of a list page past ``num_pages``."""
    return HttpError(404, f"page: không có trang {page}, trang cuối là {last}")


def whole_number(params, name: str, default: int, high: int | None = None) -> int:
    """The parameter ``name`` as a whole number from 1 (to ``high``), the
    default when absent or empty; else a 400 naming it."""
    raw = params.get(name, "").strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()) or int(raw[:30]) < 1:
        raise whole_number_error(name, raw, high=high)
    value = int(raw) if len(raw) <= 30 else 10**30  # past any last page
    if high is not None and value > high:
        raise whole_number_error(name, raw, high=high)
    return value


@router.get(
    "/",
    url_name="search",
    response={200: SearchAnswer, 400: Error, 404: Error},
    summary="Search documents, articles and pages",
    openapi_extra={"parameters": PARAMETERS},
)
def search(request):
    """Hits best first (or newest with ``sort=date``), facet counts, the code the
    query named. Filters are read leniently; a bad ``page``, ``per_page``,
    ``year`` or ``in_force_on`` is a 400, a page past ``num_pages`` a 404; a notice when the fallback backend
    answered."""
    page = whole_number(request.GET, "page", 1)
    per_page = whole_number(request.GET, "per_page", views.PER_PAGE, views.MAX_PER_PAGE)
    raw_day = request.GET.get("in_force_on", "")
    if views.in_force_day(raw_day)[1]:
        raise HttpError(
            400,
            f"in_force_on: phải là một ngày có thật dạng YYYY-MM-DD hoặc "
            f"DD/MM/YYYY, không phải {shown(raw_day)}",
        )
    for raw in request.GET.getlist("year"):
        if raw.strip() and not views.is_year(raw.strip()):
            raise whole_number_error("year", raw, views.MIN_YEAR, views.MAX_YEAR)
    data, results = api_search(request.GET, min(page, 10**9), per_page)
    last = data["num_pages"]
    if data["notice"] != views.DOWN_NOTICE:
        if page > last:
            raise past_the_end(page, last)
        if page > 1 and not data["results"]:  # past the matches a search ranks
            raise HttpError(404, f"page: không có kết quả nào ở trang {page}")
    return api_response(data, results)


def api_search(params, page: int, per_page: int) -> tuple[dict, SearchResults]:
    """The answer of ``GET /api/v1/search/`` (routed and checked by
    ``search.api``) and the flat results it came from.

    Each document once, its best Điều under ``articles``; ``group=0`` gives
    the flat list (a document and each of its Điều as separate results).
    ``page`` is not moved back to 1 when past the end: ``num_pages`` tells.
    """
    query = views.query_from_params(params, per_page=per_page)
    query.page = page
    try:
        if params.get("group") == "0":
            data, results = _api_flat(query)
        else:
            data, results = _api_grouped(query)
    except BackendError:
        results = SearchResults(notice=views.DOWN_NOTICE)
        data = results.to_dict() | {"matches": 0, "total_exact": False}
    data["page"] = page
    data["query_truncated"] = views.query_text(params.get("q"))[1]
    # Not asked of a backend that did not answer (a notice says so).
    data["unmatched_words"] = [] if results.notice else views.unmatched(query.text)
    data["query"] = {
        "q": query.text,
        "filters": {
            k: (v.isoformat() if isinstance(v, dt.date) else v)
            for k, v in query.filters.items()
        },
        "sort": query.sort,
    }
    labels = views.facet_labels()
    for name, values in data["facets"].items():
        for value in values:
            value["label"] = labels.get(name, {}).get(value["value"], value["label"])
    data["results"] = data.pop("hits")
    for hit in data["results"]:
        hit["kind_label"] = views.KIND_LABELS.get(hit["kind"], hit["kind"])
        for article in hit.get("articles", []):
            article["kind_label"] = views.KIND_LABELS["article"]
    return data, results


def _api_flat(query: SearchQuery) -> tuple[dict, SearchResults]:
    """Flat hits: ``total`` is the engine's count of matching entries; a
    listing pages through at most ``MAX_PAGED`` of them."""
    results = run_search(query)
    data = results.to_dict()
    data["matches"] = results.total
    data["total_exact"] = True
    data["num_pages"] = min(
        num_pages(results.total, query.per_page), max(MAX_PAGED // query.per_page, 1)
    )
    return data, results


def _api_grouped(query: SearchQuery) -> tuple[dict, SearchResults]:
    """One result per document, counted as the page counts them
    (``grouped_listing``)."""
    listing = grouped_listing(query)
    grouped = listing.grouped
    # Without the flat hits read: a hit's snippet is built when serialized.
    data = replace(grouped.results, hits=[]).to_dict()
    data["hits"] = [group.to_dict() for group in grouped.groups]
    data["total"] = listing.total
    data["matches"] = listing.matches
    data["total_exact"] = listing.total_exact
    data["num_pages"] = num_pages(listing.total, query.per_page)
    return data, grouped.results


def api_response(data: dict, results: SearchResults) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    return views.uncached_if_degraded(response, results)
