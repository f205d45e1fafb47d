"""The public search page ``/tim-kiem/``, its suggestions, and the request
reading the JSON API (``search.api``) shares with it.

Views parse the request into a ``SearchQuery`` (``query_from_params``), call
``search.search`` (which falls back to the database backend with a notice when
the main one is down) and render; they never branch on the backend. Any
parameter, however malformed, gives a normal page: unknown values are ignored,
bad page numbers become page 1 (the API's paging is strict: ``search.api``).
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from documents.citations import parse_code
from documents.dates import MAX_YEAR, MIN_YEAR
from documents.models import IssuingBody

from . import get_backend
from . import search as run_search
from .backends.base import MAX_PAGE, BackendError
from .grouping import GroupedResults
from .listing import Listing, count_line, grouped_listing
from .query import clean
from .types import SearchQuery, SearchResults
from .unmatched import unmatched_words

PER_PAGE = 20
MAX_PER_PAGE = 100  # of the API
LIST_FILTERS = ("type", "issuer", "year", "field", "status", "tag", "kind", "cites")
KIND_LABELS = {
    "document": "Văn bản",
    "article": "Điều khoản",
    "exemplar": "Điển hình tiên tiến",
    "news": "Tin tức",
    "movement": "Phong trào thi đua",
    "page": "Trang",
}
FACET_TITLES = {
    "kind": "Loại nội dung",
    "type": "Loại văn bản",
    "issuer": "Cơ quan ban hành",
    "year": "Năm",
    "field": "Lĩnh vực",
    "status": "Hiệu lực",
    "tag": "Từ khóa",
}
MAX_QUERY = 500  # characters of q searched for (the search box's maxlength)
TRUNCATED_NOTICE = (
    f"Câu tìm kiếm dài quá {MAX_QUERY} ký tự; chỉ {MAX_QUERY} ký tự đầu được dùng."
)
# Control characters and U+FFFD (what bytes that are not UTF-8 decode to).
_UNREADABLE = re.compile(r"[\x00-\x1f\x7f\ufffd]")
WORDLESS_NOTICE = "Câu tìm kiếm không có chữ hoặc số nào để tìm; hãy nhập từ cần tìm."
DAY_NOTICE = (
    "Ngày “{}” không hợp lệ nên kết quả không lọc theo ngày còn hiệu lực: nhập "
    "một ngày có thật theo dạng ngày/tháng/năm (ví dụ 05/03/2025) hoặc "
    "năm-tháng-ngày (2025-03-05), năm từ {} đến {}."
)
DOWN_NOTICE = (
    "Chức năng tìm kiếm đang tạm thời gián đoạn. Vui lòng thử lại sau ít phút."
)


def _page_number(raw: str | None) -> int:
    """The page number asked for: a whole number from 1 (12 digits at most),
    else 1. Callers bring it within ``MAX_PAGE``."""
    raw = str(raw or "").strip()
    page = int(raw) if re.fullmatch(r"[0-9]{1,12}", raw) else 1
    return max(page, 1)


def in_force_day(raw: str | None) -> tuple[dt.date | None, bool]:
    """The day of ``in_force_on`` (05/03/2025 or 2025-03-05, as the documents
    list reads it; years MIN_YEAR–MAX_YEAR) and whether a value was sent that
    is no such day (the page says so, the API answers 400)."""
    text = clean(str(raw or ""))[:40]
    if not text:
        return None, False
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T[\d:.+Z-]*", text):  # an ISO time: its day
        text = text[:10]
    try:
        day = forms.DateField().clean(text)
    except ValidationError:
        return None, True
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        return None, True
    return day, False


def query_text(raw: str | None) -> tuple[str, bool]:
    """The text searched for ``raw`` and whether it was cut to ``MAX_QUERY``
    characters. Control characters and U+FFFD are spaces: a q of nothing else
    (``%00``, ``%ff%fe``), or with no letter or digit at all (``***``, ``—``),
    is an empty query on the page, the API and ``manage.py search`` alike
    (it used to list every document)."""
    text = clean(_UNREADABLE.sub(" ", str(raw or "")))
    if not any(char.isalnum() for char in text):
        return "", False
    return text[:MAX_QUERY].strip(), len(text) > MAX_QUERY


def wordless(raw: str | None) -> bool:
    """Whether ``raw`` was typed but holds nothing to search for."""
    return bool(str(raw or "").strip()) and not query_text(raw)[0]


def query_from_params(params, per_page: int = PER_PAGE) -> SearchQuery:
    """A SearchQuery from GET parameters (anything invalid is dropped)."""
    filters = {}
    for name in LIST_FILTERS:
        values = [clean(v)[:200] for v in params.getlist(name) if clean(v)]
        if name == "cites":
            values = cited_keys(values)
        if name == "year":  # a year the facet could list, MIN_YEAR–MAX_YEAR
            values = [v for v in values if is_year(v)]
        if name == "issuer" and any(v.isdecimal() for v in values):
            values = IssuingBody.current_ids(values)  # a merged row's old id
        if values:
            filters[name] = values[:10]
    day = in_force_day(params.get("in_force_on"))[0]
    if day:
        filters["in_force_on"] = day
    sort = "date" if params.get("sort") == "date" else "relevance"
    page = _page_number(params.get("page"))
    return SearchQuery(
        text=query_text(params.get("q"))[0],
        filters=filters,
        sort=sort,
        page=page if page <= MAX_PAGE else 1,  # past any listing: page 1
        per_page=per_page,
    )


def is_year(value: str) -> bool:
    """Whether ``value`` is a year of issue, MIN_YEAR–MAX_YEAR ("2025")."""
    return value.isascii() and value.isdigit() and MIN_YEAR <= int(value) <= MAX_YEAR


def cited_keys(values: list[str]) -> list[str]:
    """The index keys of ``cites`` values: a code as people write it
    ("34-CT/TW", "98/2023/NĐ-CP", "chỉ thị 34") becomes the folded key the
    index holds ("34-ct/tw"), as the documents API reads it; a value that is
    no code (an identity key such as "nghi dinh|98|2023") stays as it is."""
    keys: list[str] = []
    for value in values:
        parts = parse_code(value) if "|" not in value else None
        for key in (parts.match_keys() if parts else []) or [value]:
            if key not in keys:
                keys.append(key)
    return keys


def unmatched(text: str) -> list[str]:
    """The words of ``text`` no indexed entry holds, alone or side by side
    (``search.unmatched``); [] when the backend does not answer. Asked only
    when the search itself had no notice (engine down or fallen back)."""
    if not text:
        return []
    try:
        return unmatched_words(text, get_backend())
    except BackendError:
        return []


def execute(query: SearchQuery) -> SearchResults:
    """Run the query; a page past the end shows page 1; a dead backend a notice."""
    try:
        results = run_search(query)
        if not results.hits and query.page > 1:
            query.page = 1
            results = run_search(query)
    except BackendError:
        results = SearchResults(notice=DOWN_NOTICE)
    return results


def execute_grouped(query: SearchQuery) -> Listing:
    """Like ``execute``, one result per document (its best Điều nested)."""
    try:
        listing = grouped_listing(query, or_first_page=True)
    except BackendError:
        down = SearchResults(notice=DOWN_NOTICE)
        listing = Listing(GroupedResults([], down, 1, False))
    grouped = listing.grouped
    grouped.results.page = grouped.page
    grouped.results.num_pages = grouped.page + (1 if grouped.more else 0)
    return listing


def _status_labels() -> dict[str, str]:
    from documents.choices import ValidityStatus

    return dict(ValidityStatus.choices)


def facet_labels() -> dict[str, dict[str, str]]:
    """Vietnamese labels of the facets whose values are codes (kind, status);
    the other facets' values are names, labelled by the backend."""
    return {"kind": KIND_LABELS, "status": _status_labels()}


def facet_groups(results: SearchResults, query: SearchQuery, params) -> list[dict]:
    """Facets ready for the sidebar: title, values with labels, counts, links."""
    labels = facet_labels()
    groups = []
    for name in ("kind", "type", "issuer", "year", "field", "status", "tag"):
        chosen = set(query.filters.get(name, []))
        values = [
            {
                "value": value,
                "label": labels.get(name, {}).get(value, label),
                "count": count,
                "selected": value in chosen,
                "url": _toggle_url(params, name, value),
            }
            for value, label, count in results.facets.get(name, [])
        ]
        if values:
            groups.append({"name": name, "title": FACET_TITLES[name], "values": values})
    return groups


def _toggle_url(params, name: str, value: str) -> str:
    items = [(k, v) for k in params for v in params.getlist(k) if k != "page"]
    if (name, value) in items:
        items.remove((name, value))
    else:
        items.append((name, value))
    return "?" + urlencode(items)


def _page_url(params, page: int) -> str:
    items = [(k, v) for k in params for v in params.getlist(k) if k != "page"]
    return "?" + urlencode([*items, ("page", page)])


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    """``/tim-kiem/``: search box, facet sidebar, result cards, pagination."""
    query = query_from_params(request.GET)
    truncated = query_text(request.GET.get("q"))[1]
    # A page past the end (or past MAX_PAGE) shows page 1, and says so.
    asked_page = _page_number(request.GET.get("page"))
    searched = bool(query.text or query.filters)
    listing = (
        execute_grouped(query)
        if searched
        else Listing(GroupedResults([], SearchResults(), 1, False))
    )
    grouped = listing.grouped
    results = grouped.results
    params = request.GET
    context = {
        "query": query,
        "header_q": query.text,  # the header's search box: the query as read
        "results": results,
        "searched": searched,
        "facets": facet_groups(results, query, params),
        "cards": _cards(grouped),
        "counts": count_line(listing),
        "missing_page": asked_page if asked_page != results.page else None,
        "previous_url": _page_url(params, results.page - 1) if results.page > 1 else "",
        "next_url": _page_url(params, results.page + 1)
        if results.page < results.num_pages
        else "",
        "cites_url": _cites_url(query),
        "cites_key": _cites_key(query),
        "truncated_notice": TRUNCATED_NOTICE if truncated else "",
        "wordless_notice": WORDLESS_NOTICE if wordless(request.GET.get("q")) else "",
        "day_notice": _day_notice(request.GET.get("in_force_on")),
        "unmatched": unmatched(query.text) if searched and not results.notice else [],
        "date_sort_url": _toggle_sort(params, "date"),
        "relevance_sort_url": _toggle_sort(params, "relevance"),
    }
    return uncached_if_degraded(render(request, "search/search.html", context), results)


def _day_notice(raw: str | None) -> str:
    if not in_force_day(raw)[1]:
        return ""
    shown = clean(str(raw))[:40]
    return DAY_NOTICE.format(shown, MIN_YEAR, MAX_YEAR)


def _cards(grouped: GroupedResults) -> list[dict]:
    statuses = _status_labels()
    return [
        {
            "hit": group.hit,
            "articles": group.articles,
            "kind_label": KIND_LABELS.get(group.hit.kind, group.hit.kind),
            "code": group.hit.shown_code,
            "status_label": statuses.get(group.hit.status, "")
            if group.hit.kind in ("document", "article")
            else "",
        }
        for group in grouped.groups
    ]


def _toggle_sort(params, sort: str) -> str:
    items = [
        (k, v) for k in params for v in params.getlist(k) if k not in ("sort", "page")
    ]
    return "?" + urlencode([*items, ("sort", sort)])


def _cites_key(query: SearchQuery) -> str:
    """The key of the code the query names, for its "cites" link ("")."""
    from .query import parse

    keys = parse(query.text).code_keys if query.text else []
    return keys[0] if keys else ""


def _cites_url(query: SearchQuery) -> str:
    key = _cites_key(query)
    return "?" + urlencode({"cites": key}) if key else ""


@require_GET
def suggest(request: HttpRequest) -> JsonResponse:
    """Titles for the search box's datalist while typing."""
    text = clean(request.GET.get("q", ""))[:100]
    if len(text) < 2:
        return JsonResponse({"suggestions": []})
    try:
        titles = get_backend().suggest(text, limit=8)
    except BackendError:
        titles = []
    return JsonResponse({"suggestions": titles})


def uncached_if_degraded(
    response: HttpResponse, results: SearchResults
) -> HttpResponse:
    """A page answered by the fallback (or not at all) must not be cached."""
    if results.notice:
        add_never_cache_headers(response)
    return response
