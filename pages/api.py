"""Document and citation endpoints of the JSON API v1 (django-ninja routers).

``portal.api`` mounts ``router`` at ``/api/v1/documents/`` and
``citations_router`` at ``/api/v1/citations/``. Only live pages without view
restrictions are ever exposed. A bad parameter answers a 400 whose JSON
``detail`` names it, in Vietnamese (those ninja cannot read too: ``portal.api``
turns its 422 into the 400 of ``query_error``); a page of the list past its
last page a 404, as the search API (``search.api``) does.
"""

from __future__ import annotations

from typing import get_args

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from documents.choices import ValidityStatus
from documents.citations import extract_citations, parse_code
from documents.dates import MAX_YEAR, MIN_YEAR
from documents.identity import shown_code
from documents.models import DocumentType, IssuingBody
from documents.text import fold
from pages import relations
from pages.api_schemas import (
    DocumentDetail,
    DocumentList,
    Error,
    Resolution,
    Status,
)
from pages.models import DocumentCitation, PublishedVersion
from pages.validity import status_on, status_q
from search.api import past_the_end, shown, whole_number_error

router = Router(tags=["documents"])
citations_router = Router(tags=["citations"])

MAX_PAGE_SIZE = 100
MAX_CHARS = 200  # of a text parameter
MAX_SEARCH_HITS = 1000  # ``q`` ranks the documents of the best 1,000 search hits
# Helpers -----------------------------------------------------------------------


def page_ref(page, request) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "code": shown_code(page.code),
        "url": page.get_url(request) or "",
    }


def summary(page, request) -> dict:
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_url(request) or "",
        "code": shown_code(page.code),
        "document_type": page.document_type.name,
        "issuer": page.issuing_body.name,
        "issued_date": page.issued_date,
        "year": page.year,
        "status": status_on(page),
        "summary": page.summary,
    }


def _by_slug_or_name(model, value: str, what: str):
    if model is IssuingBody:  # its own slug or a merged row's (``by_slug``)
        body = IssuingBody.by_slug(value)
        matches = [body] if body else []
    else:
        matches = [obj for obj in model.objects.all() if value == obj.slug]
    if not matches:
        matches = [obj for obj in model.objects.all() if fold(obj.name) == fold(value)]
    if not matches:
        label = model._meta.verbose_name
        raise HttpError(
            400, f"{what}: không có {label} nào có tên hoặc slug {shown(value)}"
        )
    return matches


def cited_code_keys(code: str) -> list[str]:
    """``parse_code(code).match_keys()``, or a 400 naming the bad parameter."""
    parts = parse_code(code)
    keys = parts.match_keys() if parts is not None else []
    if not keys:
        raise HttpError(
            400,
            f"cites: {shown(code)} không phải số ký hiệu có số văn bản "
            "(ví dụ 34-CT/TW, 98/2023/NĐ-CP, 5324/KH-UBND)",
        )
    return keys


def in_force_date(raw: str):
    """The day of ``in_force_on`` (read as /tim-kiem/ reads it), or a 400."""
    from search.views import in_force_day

    day, bad = in_force_day(raw)
    if bad or day is None:
        raise HttpError(
            400,
            "in_force_on: phải là một ngày có thật dạng YYYY-MM-DD hoặc "
            f"DD/MM/YYYY, không phải {shown(raw)}",
        )
    return day


def filtered_documents(params) -> object:
    """Public documents filtered by the list endpoint's parameters but ``q``."""
    pages = relations.public_documents().with_metadata()
    if params.type:
        types = _by_slug_or_name(DocumentType, params.type, "type")
        pages = pages.filter(document_type__in=types)
    if params.issuer:
        bodies = _by_slug_or_name(IssuingBody, params.issuer, "issuer")
        pages = pages.filter(issuing_body__in=bodies)
    if params.year:
        pages = pages.filter(year=params.year)
    if params.status:
        pages = pages.filter(status_q(params.status))
    if params.cites:
        citing = DocumentCitation.objects.with_lookup_key(cited_code_keys(params.cites))
        pages = pages.filter(pk__in=citing.values("source_id"))
    if params.in_force_on:
        pages = pages.in_force_on(in_force_date(params.in_force_on))
    return pages.order_by("-year", "-issued_date", "-pk")


def searched_page_ids(query: str) -> list[int]:
    """Ids of the pages the portal search finds for ``query``, best first.

    The search of /tim-kiem/ (accents optional, any written variant of a số
    ký hiệu); a document hit and a Điều hit both name their page. Only the
    best ``MAX_SEARCH_HITS`` hits count.
    """
    import search
    from search.backends.base import MAX_PER_PAGE, BackendError
    from search.types import SearchQuery

    found: dict[int, None] = {}  # ordered set
    for number in range(1, MAX_SEARCH_HITS // MAX_PER_PAGE + 1):
        query_page = SearchQuery(
            text=query,
            filters={"kind": ["document", "article"]},
            page=number,
            per_page=MAX_PER_PAGE,
        )
        try:
            results = search.search(query_page)
        except BackendError as error:
            raise HttpError(
                503,
                "q: chức năng tìm kiếm đang tạm thời gián đoạn, vui lòng thử lại sau",
            ) from error
        found.update(dict.fromkeys(hit.page_id for hit in results.hits))
        if number >= results.num_pages:
            break
    return list(found)


# Endpoints ---------------------------------------------------------------------


class ListParams(Schema):
    q: str | None = Field(
        None,
        description="Search as on /tim-kiem/ (accents optional, số ký hiệu in any "
        "variant); results most relevant first",
    )
    type: str | None = Field(
        None, description="Document type slug or name (chi-thi-dang, Kế hoạch)"
    )
    issuer: str | None = Field(None, description="Issuing body slug or name")
    year: int | None = Field(None, description=f"Year of issue, {MIN_YEAR}–{MAX_YEAR}")
    status: Status | None = Field(None, description="Validity status")
    cites: str | None = Field(
        None, description="Documents citing this code (34-CT/TW, 98/2023/NĐ-CP)"
    )
    in_force_on: str | None = Field(
        None,
        description="Documents in force on this date (YYYY-MM-DD or DD/MM/YYYY), "
        "as the /van-ban/ list and /api/v1/search/ read it",
    )
    page: int = Field(1, description="Page number, from 1 to num_pages (past it: 404)")
    page_size: int = Field(20, description=f"Results per page, 1–{MAX_PAGE_SIZE}")


#: The whole-number parameters of the list and their bounds (None: no bound).
BOUNDS = {
    "page": (1, None),
    "page_size": (1, MAX_PAGE_SIZE),
    "year": (MIN_YEAR, MAX_YEAR),
}


def _check_list_params(params: ListParams) -> None:
    for name in ("q", "type", "issuer", "cites", "in_force_on"):
        value = getattr(params, name)
        if value is not None:
            if len(value) > MAX_CHARS:
                raise HttpError(400, f"{name}: tối đa {MAX_CHARS} ký tự")
            setattr(params, name, value.replace("\x00", "").strip() or None)
    for name, (low, high) in BOUNDS.items():
        value = getattr(params, name)
        if value is not None and not low <= value <= (high or value):
            raise whole_number_error(name, str(value), low, high)


def query_error(errors: list[dict], params) -> str | None:
    """The 400 ``detail`` for the first query parameter ninja could not read
    (its 422), worded as the checks above word theirs; None when no error is
    about the query string (a JSON body's errors are ``pages.basis_api.body_error``'s)."""
    for error in errors:
        where, name = (tuple(error.get("loc") or ()) + ("", ""))[:2]
        if where != "query":
            continue
        raw = params.get(name, "")
        if name in BOUNDS:
            return whole_number_error(name, raw, *BOUNDS[name]).message
        if error.get("type") == "missing":
            return f"{name}: thiếu tham số này"
        if name == "status":
            codes = ", ".join(get_args(Status))
            return f"status: phải là một trong {codes}, không phải {shown(raw)}"
        return f"{name}: giá trị không hợp lệ ({shown(raw)})"
    return None


@router.get(
    "/",
    response={200: DocumentList, 400: Error, 404: Error, 503: Error},
    summary="List documents",
)
def list_documents(request: HttpRequest, params: Query[ListParams]):
    """Live, public documents, newest first; every filter is optional.

    ``q`` searches as /tim-kiem/ does and orders the documents found by
    relevance (among the best 1,000 search hits); the other filters narrow
    them. ``cites`` lists the documents citing a code ("34-CT/TW"). A page
    past ``num_pages`` is a 404.
    """
    _check_list_params(params)
    pages = filtered_documents(params)
    if params.q:
        ranked = searched_page_ids(params.q)
        kept = set(pages.filter(pk__in=ranked).values_list("pk", flat=True))
        ids = [pk for pk in ranked if pk in kept]
        count = len(ids)
    else:
        count = pages.count()
    last = max(1, -(-count // params.page_size))
    if params.page > last:  # before slicing: no OFFSET too large for the database
        raise past_the_end(params.page, last)
    start = (params.page - 1) * params.page_size
    end = start + params.page_size
    if params.q:
        by_pk = pages.in_bulk(ids[start:end])
        rows = [by_pk[pk] for pk in ids[start:end]]
    else:
        rows = pages[start:end]
    return {
        "count": count,
        "page": params.page,
        "page_size": params.page_size,
        "num_pages": last,
        "results": [summary(page, request) for page in rows],
    }


@router.get(
    "/{int:document_id}/",
    response={200: DocumentDetail, 404: Error},
    summary="One document",
)
def get_document(request: HttpRequest, document_id: int):
    """All metadata, outgoing and incoming citations and published versions."""
    # ``id``, not ``pk`` (the parent link): an integer field's lookup finds
    # nothing for an id too large for the database instead of overflowing.
    page = relations.public_documents().with_metadata().filter(id=document_id).first()
    if page is None:
        raise HttpError(404, f"Không có văn bản công khai nào có id {document_id}")
    return detail(page.specific, request)


def detail(page, request) -> dict:
    body = page.issuing_body
    source = page.import_sources.first()  # the address it was first imported from
    return summary(page, request) | {
        "page_type": page.specific_class._meta.verbose_name,
        "family": page.document_type.family,
        "number": page.number,
        "symbol": page.symbol,
        "is_normative": page.is_normative,
        "issuer_level": body.level,
        "issuer_successors": [s.name for s in body.successors.all()],
        "place": page.place,
        "issued_year": page.issued_year,
        "effective_date": page.effective_date,
        "expiry_date": page.expiry_date,
        "status_label": ValidityStatus(status_on(page)).label,
        "signing_authority": page.signing_authority,
        "signer_position": page.signer_position,
        "signer": page.signer.name if page.signer else "",
        "legal_basis": page.legal_basis_lines(),
        "recipients": page.recipient_lines(),
        "field": page.field.name if page.field else "",
        "tags": [tag.name for tag in page.tags.all()],
        "source_url": source.source_url if source else "",
        "outgoing_citations": _outgoing(page, request),
        "incoming_citations": _incoming(page, request),
        "versions": versions(page),
        "validity_timeline": page.validity_timeline(),
    }


def _outgoing(page, request) -> list[dict]:
    rows = []
    for link in relations.outgoing(page):
        row = link.citation
        rows.append(
            {
                "raw": row.raw,
                "code": row.code,
                "doc_type": row.doc_type,
                "number": row.number,
                "year": row.year,
                "date": row.date,
                "issuer": row.issuer,
                "pinpoint": row.pinpoint,
                "relation": row.relation,
                "relation_label": row.get_relation_display(),
                "key": row.key,
                "target": page_ref(link.page, request) if link.page else None,
            }
        )
    return rows


def _incoming(page, request) -> list[dict]:
    return [
        {
            "relation": link.citation.relation,
            "relation_label": link.relation_label,
            "source": page_ref(link.page, request),
        }
        for link in relations.incoming(page)
        if link.page is not None
    ]


def versions(page) -> list[dict]:
    """Published versions (number, date, note) from ``pages.versioning``; a page
    published before versions were recorded shows its first publication."""
    rows = PublishedVersion.objects.filter(page_id=page.pk).order_by("number")
    found = [{"number": v.number, "date": v.published_at, "note": v.note} for v in rows]
    return found or _first_publication(page)


def _first_publication(page) -> list[dict]:
    when = page.first_published_at or page.last_published_at
    return [{"number": 1, "date": when, "note": ""}] if when else []


@citations_router.get(
    "/resolve/", response={200: Resolution, 400: Error}, summary="Resolve a code"
)
def resolve_code(request: HttpRequest, q: str):
    """Canonical form of a số ký hiệu and the public documents it names."""
    q = q.replace("\x00", "")
    if not q.strip() or len(q) > MAX_CHARS:
        raise HttpError(
            400, f"q: nhập một số ký hiệu, ví dụ 34-CT/TW (tối đa {MAX_CHARS} ký tự)"
        )
    parts = parse_code(q)
    if parts is None:
        raise HttpError(400, f"q: {shown(q)} không phải số ký hiệu (ví dụ 34-CT/TW)")
    keys = parts.match_keys()
    found = extract_citations(q)
    return {
        "query": q,
        "code": parts.code,
        "doc_type": parts.doc_type,
        "number": parts.number,
        "year": parts.year,
        "symbol": parts.symbol,
        "system": parts.system,
        "key": found[0].key if found else None,
        "match_keys": keys,
        "documents": [page_ref(page, request) for page in documents_matching(keys)],
    }


def documents_matching(keys: list[str]) -> list:
    """Public documents whose ``code_lookup_keys`` meet ``keys``."""
    if not keys:
        return []
    wanted = set(keys)
    pages = relations.public_documents().with_metadata().exclude(number=None)
    return [page for page in pages if wanted & set(page.identity().code_keys())]
