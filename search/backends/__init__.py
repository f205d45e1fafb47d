"""Search backends and their configuration (``PORTAL_SEARCH_BACKENDS``).

The setting is shaped like ``CACHES``::

    PORTAL_SEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.database.sqlite.SQLiteBackend", "OPTIONS": {}},
        "fallback": {...},  # optional: answers when "default" is down
    }

``default_config(database_url, elasticsearch_url, opensearch_url=...)`` builds
the dict the project wants for a given environment. The database backends live
in ``sqlite``/``postgres``; the engine backends (OpenSearch, Elasticsearch) in
``engine``.
"""

from __future__ import annotations

from typing import Any

from .base import BackendError, SearchBackend

__all__ = ["BackendError", "SearchBackend", "default_config"]

SQLITE = "search.backends.database.sqlite.SQLiteBackend"
POSTGRES = "search.backends.database.postgres.PostgresBackend"
ELASTICSEARCH = "search.backends.engine.elasticsearch.ElasticsearchBackend"
OPENSEARCH = "search.backends.engine.opensearch.OpenSearchBackend"


def default_config(
    database_url: str | None,
    elasticsearch_url: str | None,
    index: str = "portal",
    opensearch_url: str | None = None,
    replicas: int | str | None = None,
) -> dict[str, dict[str, Any]]:
    """``PORTAL_SEARCH_BACKENDS`` for this environment.

    The database backend follows the database (PostgreSQL or SQLite); with an
    OpenSearch URL (or else an Elasticsearch URL) the engine answers and the
    database backend becomes the fallback used when the cluster is down.
    """
    is_postgres = (database_url or "").split(":", 1)[0] in {
        "postgres",
        "postgresql",
        "pgsql",
        "postgis",
    }
    database = {"BACKEND": POSTGRES if is_postgres else SQLITE, "OPTIONS": {}}
    if opensearch_url:
        engine, url = OPENSEARCH, opensearch_url
    elif elasticsearch_url:
        engine, url = ELASTICSEARCH, elasticsearch_url
    else:
        return {"default": database}
    options: dict[str, Any] = {"URL": url, "INDEX": index}
    if replicas not in (None, ""):
        options["REPLICAS"] = int(replicas)
    return {
        "default": {"BACKEND": engine, "OPTIONS": options},
        "fallback": database,
    }
