"""What a new site's IT officer met following README.md and docs/operations.md
literally (docs/../team notes: readme_walk.md): a malformed REDIS_URL, the
mail settings, the API docs page under the CSP, one-line command-line errors,
the search command's lines and the import's dry-run summary."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import Client

from portal.settings.base import REDIS_FORMS, engine_url, redis_location
from search.management.commands.search import Command as SearchCommand
from tests.faults.test_sqlite_concurrency import manage, portal_env

SEED = (
    Path(__file__).resolve().parents[1]
    / "fixtures/documents/ke-hoach-thi-dua-khen-thuong-2025-tam-duong.txt"
)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://:s3cret@127.0.0.1:6379/0", "unsupported scheme 'http'"),
        ("127.0.0.1:6379", "not a URL"),
        ("redis://:s3cret@127.0.0.1:port/0", "check the port"),
        ("redis://127.0.0.1:6379/five", "the database 'five' is no number"),
    ],
)
def test_a_malformed_redis_url_is_one_clear_line(url, reason):
    with pytest.raises(ImproperlyConfigured) as raised:
        redis_location(url)
    message = str(raised.value)
    assert message == f"REDIS_URL is invalid ({reason}); expected {REDIS_FORMS}"
    assert "s3cret" not in message


@pytest.mark.parametrize(
    "url",
    [
        "redis://127.0.0.1:6379/5",
        "redis://:pw@cache.internal:6379/0",
        "rediss://cache:6380",
        "unix:///run/redis.sock",
    ],
)
def test_the_redis_forms_redis_py_reads_are_kept(url):
    assert redis_location(url) == url


def test_manage_py_stops_on_a_malformed_redis_url(tmp_path):
    env = {**portal_env(tmp_path), "REDIS_URL": "http://127.0.0.1:6379/5"}
    result = manage(env, "parse_document", str(SEED), timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "ImproperlyConfigured: REDIS_URL is invalid (unsupported scheme 'http'); "
        f"expected {REDIS_FORMS}"
    ]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        (
            "http://portal:p@ss@127.0.0.1:abc",
            "check the port; quote special characters",
        ),
        ("ftp://search:9200", "unsupported scheme 'ftp'"),
        ("http://:9200", "no host"),
    ],
)
def test_a_malformed_engine_url_is_one_clear_line(monkeypatch, url, reason):
    monkeypatch.setenv("OPENSEARCH_URL", url)
    with pytest.raises(ImproperlyConfigured) as raised:
        engine_url("OPENSEARCH_URL")
    message = str(raised.value)
    assert message.startswith(f"OPENSEARCH_URL is invalid ({reason}")
    assert "expected http(s)://[user:password@]host:9200" in message
    assert "p@ss" not in message


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:9200", "https://portal:secret@search.example:9200", "es:9200"],
)
def test_the_engine_forms_are_kept(monkeypatch, url):
    monkeypatch.setenv("ELASTICSEARCH_URL", url)
    assert engine_url("ELASTICSEARCH_URL") == url


@pytest.mark.parametrize(
    ("name", "value", "line"),
    [
        ("OPENSEARCH_URL", "http://127.0.0.1:abc", "OPENSEARCH_URL is invalid (check"),
        ("SEARCH_REPLICAS", "one", "SEARCH_REPLICAS is invalid ('one' is no whole"),
    ],
)
def test_manage_py_stops_on_a_malformed_search_setting(tmp_path, name, value, line):
    result = manage({**portal_env(tmp_path), name: value}, "search", "x", timeout=120)
    assert result.returncode == 1
    [printed] = result.stderr.strip().splitlines()
    assert printed.startswith(f"ImproperlyConfigured: {line}")


def production_env(tmp_path, **extra) -> dict:
    return {
        **portal_env(tmp_path),
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "vanban.example",
        **extra,
    }


SHOW_MAIL = (
    "from django.conf import settings as s; print(s.EMAIL_BACKEND, s.EMAIL_HOST, "
    "s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL, "
    "s.SERVER_EMAIL)"
)


def test_production_mail_comes_from_the_environment(tmp_path):
    env = production_env(
        tmp_path,
        EMAIL_HOST="smtp.tinh.gov.vn",
        EMAIL_PORT="587",
        EMAIL_HOST_USER="vanban",
        EMAIL_HOST_PASSWORD="pw",
        EMAIL_USE_TLS="1",
        DEFAULT_FROM_EMAIL="vanban@tamduong.gov.vn",
    )
    result = manage(env, "shell", "-c", SHOW_MAIL, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-7:] == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.tinh.gov.vn",
        "587",
        "vanban",
        "True",
        "vanban@tamduong.gov.vn",
        "vanban@tamduong.gov.vn",
    ]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("EMAIL_PORT", "smtp"),
        ("PAGE_CACHE_TIMEOUT", "5m"),
        ("SECURE_HSTS_SECONDS", "-1"),
    ],
)
def test_a_number_setting_that_is_no_number_is_one_line(tmp_path, name, value):
    env = production_env(tmp_path, **{name: value})
    result = manage(env, "parse_document", str(SEED), timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"ImproperlyConfigured: {name} is invalid ({value!r} is no whole number)"
    ]


@pytest.mark.django_db
def test_the_api_docs_load_nothing_the_public_csp_refuses():
    response = Client().get("/api/v1/docs")
    html = response.content.decode()
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "style-src 'self';" in csp
    assert "cdn." not in html and "https://" not in html
    scripts = re.findall(r"<script([^>]*)>", html)
    # only external scripts and the JSON settings block, which CSP does not run
    assert all("src=" in attrs or "application/json" in attrs for attrs in scripts)


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--bogus", "x"], "unrecognized arguments: --bogus"),
        ([], "the following arguments are required: FILE"),
    ],
)
def test_a_command_line_mistake_is_one_line(tmp_path, args, error):
    result = manage(portal_env(tmp_path), "parse_document", *args, timeout=120)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"manage.py parse_document: error: {error} (see --help)"
    ]


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("serch", "Unknown command: 'serch'; did you mean 'search'?"),
        ("zzzz", "Unknown command: 'zzzz'"),
    ],
)
def test_an_unknown_command_is_one_line(tmp_path, name, line):
    result = manage(portal_env(tmp_path), name, timeout=120)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{line} (`manage.py help` lists them)"]


def test_help_still_prints_the_usage(tmp_path):
    result = manage(portal_env(tmp_path), "parse_document", "--help", timeout=120)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: manage.py parse_document")


def test_call_command_still_raises_command_error():
    with pytest.raises(CommandError, match="unrecognized arguments"):
        call_command("parse_document", str(SEED), "--bogus")


def printed(row: dict) -> str:
    command = SearchCommand(stdout=StringIO())
    command._print(1, row)
    return command.stdout._out.getvalue().splitlines()[0]


def test_the_search_command_names_an_article_once():
    row = {
        "title": "Quyết định về việc kiện toàn Ban chỉ đạo – Điều 1",
        "code": "2102/QĐ-UBND",
        "article": "Điều 1",
        "score": 47.1,
        "url": "/van-ban/quyet-dinh-2102-qd-ubnd-2025/#dieu-1",
    }
    assert printed(row) == (
        " 1. Quyết định về việc kiện toàn Ban chỉ đạo – Điều 1 [2102/QĐ-UBND]  (47.1)"
    )
    row = {**row, "title": "Quyết định về việc kiện toàn Ban chỉ đạo"}
    assert printed(row).endswith("Ban chỉ đạo [2102/QĐ-UBND] – Điều 1  (47.1)")


def test_a_dry_run_does_not_say_it_stored(site_tree):
    out = StringIO()
    call_command("import_documents", str(SEED), "--dry-run", stdout=out)
    summary = out.getvalue().splitlines()[-1]
    assert summary.startswith(
        "1 of 1 documents would be stored (dry run: nothing was): "
    )
