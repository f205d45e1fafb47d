"""A service the portal needs is down: one clear line, never a traceback.

PostgreSQL not answering, a database that does not exist, a user it refuses:
every ``manage.py`` command (Django's ``migrate`` and ``runserver`` as well as
the portal's own) prints one line naming what failed and what to check, exit
status 1, no password. The search engine down: ``rebuild_search_index`` says
so in one line. Redis down: the site serves without its cache (no 500).
"""

from __future__ import annotations

import logging
import os
import runpy
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from portal.cli import describe_connection_error, engine_problem
from portal.failsoft import FailSoftRedisCache, OneLineLibraryErrors, OutageLog
from tests.services import local_postgres_answers

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests/fixtures/documents/ke-hoach-thi-dua-khen-thuong-2025-tam-duong.txt"
PG = {"ENGINE": "django.db.backends.postgresql", "HOST": "db", "PORT": 5432}


def unused_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    base.update(
        PORTAL_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="portal.settings.dev"
    )
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=180,
    )


def one_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "s3cret" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    return line


@pytest.mark.parametrize(
    "args",
    [
        ("migrate", "--noinput"),
        ("runserver", "127.0.0.1:0", "--noreload"),
        ("import_documents", str(SEED)),
        ("rebuild_search_index", "--no-progress"),
    ],
)
def test_postgres_down(tmp_path, args):
    port = unused_port()
    url = f"postgres://portal:s3cret@127.0.0.1:{port}/portal_ops_down"
    line = one_line(manage(tmp_path, *args, DATABASE_URL=url))
    assert line == (
        f"CommandError: cannot open the database: no PostgreSQL server answers at "
        f"127.0.0.1:{port} (Connection refused): check that the server is running "
        "and that DATABASE_URL names its host and port"
    )


@pytest.mark.skipif(
    not local_postgres_answers(), reason="no PostgreSQL on 127.0.0.1:5432"
)
def test_postgres_database_missing(tmp_path):
    name = f"portal_ops_missing_{os.getpid()}"
    url = f"postgres://postgres:s3cret@127.0.0.1:5432/{name}"
    line = one_line(manage(tmp_path, "migrate", "--noinput", DATABASE_URL=url))
    assert f'has no database "{name}": create it (createdb -h 127.0.0.1' in line
    assert line.endswith("run `make migrate` (python manage.py migrate)")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            'connection failed: connection to server at "db", port 5432 failed: '
            'FATAL:  password authentication failed for user "portal"',
            'the PostgreSQL server at db:5432 refused the user "portal" (password '
            'authentication failed for user "portal" ***): check the user name and '
            "password in DATABASE_URL",
        ),
        (
            'connection failed: connection to server at "db", port 5432 failed: '
            'FATAL:  role "portal" does not exist',
            'refused the user "portal" (role "portal" does not exist',
        ),
        (
            'connection failed: connection to server at "db", port 5432 failed: '
            'FATAL:  database "portal" does not exist',
            'the PostgreSQL server at db:5432 has no database "portal": create it '
            "(createdb -h db -p 5432 -U portal portal)",
        ),
        (
            "failed to resolve host 'db': [Errno -2] Name or service not known",
            "no PostgreSQL server answers at db:5432 (failed to resolve host 'db'",
        ),
    ],
)
def test_what_failed_and_what_to_check(error, expected):
    config = {**PG, "NAME": "portal", "USER": "portal", "PASSWORD": "s3cret"}
    message = describe_connection_error(config, Exception(f"{error} s3cret"))
    assert expected in message and "s3cret" not in message and "\n" not in message


def test_rebuild_with_the_search_engine_down(tmp_path):
    port = unused_port()
    url = f"http://portal:s3cret@127.0.0.1:{port}"
    line = one_line(
        manage(tmp_path, "rebuild_search_index", "--no-progress", OPENSEARCH_URL=url)
    )
    assert line == (
        f"CommandError: the search engine at 127.0.0.1:{port} does not answer "
        "(Connection refused): check that it is running (`make opensearch` starts "
        "a local node) and that OPENSEARCH_URL names it; meanwhile the site "
        "answers searches from the database"
    )


def test_engine_problem_names_the_variable(settings):
    port = unused_port()
    settings.OPENSEARCH_URL = f"http://u:s3cret@127.0.0.1:{port}"
    settings.PORTAL_SEARCH_BACKENDS = None
    problem = engine_problem(timeout=2)
    assert problem.startswith(f"the search engine at 127.0.0.1:{port} does not answer")
    assert "OPENSEARCH_URL names it" in problem and "s3cret" not in problem
    settings.OPENSEARCH_URL = None
    settings.ELASTICSEARCH_URL = None
    assert engine_problem() is None


def test_redis_url_selects_the_fail_soft_cache(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    base = runpy.run_path(str(ROOT / "portal/settings/base.py"))
    assert base["CACHES"]["default"]["BACKEND"] == "portal.failsoft.FailSoftRedisCache"


@pytest.fixture
def dead_redis(settings, site_tree):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.failsoft.FailSoftRedisCache",
            "LOCATION": f"redis://:s3cret@127.0.0.1:{unused_port()}/0",
        }
    }
    settings.PAGE_CACHE_ENABLED = True


@pytest.mark.django_db
def test_redis_down_the_site_serves_without_cache(client, dead_redis, caplog):
    OutageLog.last_logged.clear()
    with caplog.at_level(logging.WARNING, logger="portal.failsoft"):
        for url in ("/", reverse("search:page") + "?q=thi+đua", "/admin/login/"):
            assert client.get(url).status_code == 200, url
        failed = client.post("/admin/login/", {"username": "a", "password": "b"})
        assert failed.status_code == 200
    [warning] = [r.getMessage() for r in caplog.records if "Redis" in r.getMessage()]
    assert "unavailable" in warning and "REDIS_URL" in warning
    assert "s3cret" not in warning


def test_one_outage_line_a_minute(caplog):
    OutageLog.last_logged.clear()
    url = f"redis://127.0.0.1:{unused_port()}/0"
    with caplog.at_level(logging.WARNING, logger="portal.failsoft"):
        for _thread in range(3):  # Django makes one cache object per thread
            FailSoftRedisCache(url, {}).get("x")
    assert len([r for r in caplog.records if "Redis" in r.getMessage()]) == 1


def test_the_cache_backend_reads_as_empty_while_down():
    cache = FailSoftRedisCache(f"redis://127.0.0.1:{unused_port()}/0", {})
    assert cache.get("x", "default") == "default"
    assert cache.get_many(["x"]) == {} and not cache.add("x", 1)
    cache.set("x", 1)  # dropped, no exception


def test_after_a_failure_redis_rests_before_the_next_try(monkeypatch):
    # A host that drops packets costs a timeout per call: after one failure the
    # cache answers at once, without trying Redis, for RETRY_AFTER seconds.
    import django_redis.cache

    from portal import failsoft

    OutageLog.resting_until.clear()
    tries = []
    original = django_redis.cache.RedisCache.client
    monkeypatch.setattr(
        django_redis.cache.RedisCache,
        "client",
        property(lambda cache: tries.append(1) or original.fget(cache)),
    )
    clock = [1000.0]
    monkeypatch.setattr(failsoft.time, "monotonic", lambda: clock[0])
    cache = FailSoftRedisCache(f"redis://127.0.0.1:{unused_port()}/0", {})
    assert cache.get("x") is None and len(tries) == 1
    cache.set("x", 1)
    assert cache.get("x") is None and len(tries) == 1  # resting: not tried
    clock[0] += failsoft.RETRY_AFTER + 1
    assert cache.get("x") is None and len(tries) == 2  # tried again


def test_library_warnings_lose_their_traceback():
    try:
        raise ConnectionError("first line\nConnection refused")
    except ConnectionError:
        record = logging.LogRecord(
            "opensearch", logging.WARNING, "", 0, "POST %s", ("/x",), sys.exc_info()
        )
    assert OneLineLibraryErrors().filter(record)
    assert record.exc_info is None
    assert record.getMessage() == "POST /x (ConnectionError: Connection refused)"
    error = logging.LogRecord(
        "opensearch", logging.ERROR, "", 0, "bug", (), (ValueError, ValueError(), None)
    )
    assert OneLineLibraryErrors().filter(error) and error.exc_info is not None


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["rebuild_search_index", "--backend", "fallback"], True),
        (["rebuild_search_index", "--backend=fallback"], True),
        (["rebuild_search_index", "--no-progress"], False),
    ],
)
def test_a_named_backend_needs_no_engine(argv, named):
    # With the engine down, `rebuild_search_index --backend=fallback` is the
    # way to keep the database index current: it must not be refused.
    from portal.cli import ManagementUtility

    assert ManagementUtility(["manage.py", *argv])._names_backend() is named
