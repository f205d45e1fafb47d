"""The portal's search: Vietnamese-aware backends behind one interface.

``get_backend(alias)`` returns the configured backend (``PORTAL_SEARCH_BACKENDS``,
shaped like ``CACHES``); ``search(query)`` asks the default backend and falls
back to the "fallback" backend, with a visible notice, when it is down.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .backends.base import SearchBackend
    from .types import SearchQuery, SearchResults

FALLBACK_NOTICE = (
    "Máy chủ tìm kiếm chính đang tạm thời không phản hồi; kết quả dưới đây "
    "được tìm trong cơ sở dữ liệu và có thể kém đầy đủ hơn."
)
_cache: dict[tuple, SearchBackend] = {}


def _config() -> dict:
    """``PORTAL_SEARCH_BACKENDS``, or the default for this environment: the
    database's own backend, behind OpenSearch when ``OPENSEARCH_URL`` is set (or
    else Elasticsearch when ``ELASTICSEARCH_URL`` is)."""
    from django.conf import settings

    configured = getattr(settings, "PORTAL_SEARCH_BACKENDS", None)
    if configured:
        return configured
    from django.db import connections

    from .backends import default_config

    return default_config(
        connections["default"].vendor,
        getattr(settings, "ELASTICSEARCH_URL", None),
        getattr(settings, "SEARCH_INDEX", None) or "portal",
        opensearch_url=getattr(settings, "OPENSEARCH_URL", None),
        replicas=getattr(settings, "SEARCH_REPLICAS", None),
    )


def backend_aliases() -> list[str]:
    """The configured aliases ("default", and "fallback" when there is one)."""
    return list(_config())


def get_backend(alias: str = "default") -> SearchBackend:
    """The backend configured under ``alias`` (instances are reused)."""
    from django.utils.module_loading import import_string

    config = _config()[alias]
    cache_key = (
        alias,
        config["BACKEND"],
        repr(sorted(config.get("OPTIONS", {}).items())),
    )
    if cache_key not in _cache:
        backend_class = import_string(config["BACKEND"])
        _cache[cache_key] = backend_class(alias, config.get("OPTIONS", {}))
    return _cache[cache_key]


def has_fallback() -> bool:
    return "fallback" in _config()


def search(query: SearchQuery) -> SearchResults:
    """Search with the default backend, or the fallback one when it fails;
    in the page of hits, a document's own row follows the Điều whose heading
    the query holds (``grouping.articles_before_their_document``)."""
    from .backends.base import BackendError
    from .grouping import articles_before_their_document

    try:
        results = get_backend("default").search(query)
    except BackendError:
        if not has_fallback():
            raise
        results = get_backend("fallback").search(query)
        results.notice = FALLBACK_NOTICE
    results.hits = articles_before_their_document(results.hits, query.text)
    return results
