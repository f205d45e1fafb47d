"""Backends for the contract suite: SQLite always; PostgreSQL, the live OpenSearch
node (``tests.engine.live``) and Elasticsearch (``ELASTICSEARCH_URL``) when
available (an explicit skip with the reason otherwise).

PostgreSQL is used through the default database when ``DATABASE_URL`` is
PostgreSQL, else through an extra alias ``search_pg`` pointing at
127.0.0.1:5432 (test database ``test_portal_search_<pid>``, so parallel runs do
not collide) when that server answers.
"""

from __future__ import annotations

import os
import uuid

import pytest
from django.conf import settings
from django.db import connections

from tests.engine.live import require_node
from tests.services import local_postgres_answers

PG_ALIAS = "search_pg"


def _default_is_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def _add_postgres_alias() -> str | None:
    if _default_is_postgres():
        return "default"
    if not local_postgres_answers():
        return None
    config = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "portal_search",
        "USER": "postgres",
        "HOST": "127.0.0.1",
        "PORT": 5432,
        "TEST": {"NAME": f"test_portal_search_{os.getpid()}", "MIGRATE": False},
    }
    settings.DATABASES[PG_ALIAS] = config
    configured = connections.configure_settings(
        {"default": settings.DATABASES["default"], PG_ALIAS: dict(config)}
    )
    connections.settings[PG_ALIAS] = configured[PG_ALIAS]
    return PG_ALIAS


POSTGRES_ALIAS = _add_postgres_alias()
DATABASES = ["default"] + ([PG_ALIAS] if POSTGRES_ALIAS == PG_ALIAS else [])
BACKEND_NAMES = ["sqlite", "postgres", "opensearch", "elasticsearch"]
ENGINES = {"opensearch", "elasticsearch"}


def make_backend(name: str):
    """A fresh, empty backend called ``name``, or pytest.skip with the reason."""
    if name == "sqlite":
        from search.backends.database.sqlite import SQLiteBackend, create_schema

        if connections["default"].vendor != "sqlite":
            pytest.skip("SQLite backend: the default database is not SQLite")
        create_schema(connections["default"])
        backend = SQLiteBackend("test", {})
    elif name == "postgres":
        if POSTGRES_ALIAS is None:
            pytest.skip(
                "PostgreSQL backend: no DATABASE_URL and 127.0.0.1:5432 is down"
            )
        from search.backends.database.postgres import PostgresBackend, create_schema

        create_schema(connections[POSTGRES_ALIAS])
        backend = PostgresBackend("test", {"DATABASE": POSTGRES_ALIAS})
    elif name == "opensearch":
        from search.backends.engine.opensearch import OpenSearchBackend

        url = require_node()
        index = f"portal_test_{uuid.uuid4().hex[:8]}"
        backend = OpenSearchBackend("test", {"URL": url, "INDEX": index})
        backend.refresh_on_write = True
    else:
        url = os.environ.get("ELASTICSEARCH_URL")
        if not url:
            pytest.skip("Elasticsearch backend: ELASTICSEARCH_URL is not set")
        from search.backends.engine.elasticsearch import ElasticsearchBackend

        index = f"portal_test_{uuid.uuid4().hex[:8]}"
        backend = ElasticsearchBackend("test", {"URL": url, "INDEX": index})
        backend.refresh_on_write = True
    backend.clear()
    return backend


def search_with_exact_weight(monkeypatch, weight: float) -> None:
    """Search (not index) the database backends with the exact-accent columns
    at ``weight`` instead of ``search.query.EXACT_WEIGHT``."""
    from search import query
    from search.backends.database import postgres_postings as postings
    from search.backends.database import postgres_rank, sqlite

    weights = {**sqlite.WEIGHTS, "title_x": weight, "body_x": weight}
    columns = ", ".join(str(weights[c]) for c in sqlite.FTS_COLUMNS)
    monkeypatch.setattr(sqlite, "SCORE", f"-bm25({sqlite.FTS_TABLE}, {columns})")
    monkeypatch.setattr(query, "EXACT_WEIGHT", weight)
    monkeypatch.setitem(
        postgres_rank.CLASS_WEIGHTS, "exact", {"A": weight, "D": weight}
    )
    monkeypatch.setitem(
        postgres_rank.POSTING_SCALE, "exact", weight / postings.STORED_EXACT_WEIGHT
    )


@pytest.fixture(params=BACKEND_NAMES)
def backend(request):
    """Each available backend, empty."""
    backend = make_backend(request.param)
    yield backend
    if request.param in ENGINES:
        backend.drop()


@pytest.fixture
def documents(site_tree, django_capture_on_commit_callbacks):
    """The directive (with two Điều) and the plan of ``pages.make_documents``,
    published and indexed."""
    from .pages import make_documents

    with django_capture_on_commit_callbacks(execute=True):
        return make_documents(site_tree[1])
