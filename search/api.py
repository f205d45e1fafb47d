"""The search endpoint of the JSON API v1: ``GET /api/v1/search/``.

A django-ninja router, mounted at ``/api/v1/search/`` by ``portal.api`` so that
the endpoint appears in the OpenAPI schema. It answers exactly as the search
page does (``views.api_search``): parameters are read leniently (a malformed
value is ignored, never a 422), filters may repeat, and an answer from the
fallback backend carries a notice and is not cached.
"""

from __future__ import annotations

from ninja import Router, Schema

from . import views

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
    _param("in_force_on", "Documents in force on this date (YYYY-MM-DD)"),
    _param("sort", "relevance (default) or date"),
    _param("group", "0: a document and each of its Điều as separate results"),
    _param("page", "Page number, from 1", "integer"),
    _param(
        "per_page", f"Results per page, 1–100 (default {views.PER_PAGE})", "integer"
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
    total: int
    facets: dict[str, list[FacetValue]]
    page: int
    num_pages: int
    notice: str | None
    code_match: str | None
    facets_exact: bool


@router.get(
    "/",
    url_name="search",
    response={200: SearchAnswer},
    summary="Search documents, articles and pages",
    openapi_extra={"parameters": PARAMETERS},
)
def search(request):
    """Hits best first (or newest with ``sort=date``), facet counts, the code the
    query named. Never an error for bad parameters; a notice when the fallback
    backend answered."""
    return views.api_search(request)
