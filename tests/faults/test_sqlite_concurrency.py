"""SQLite under concurrent writers: imports while the site is browsed.

A file-based SQLite database (WAL, busy timeout, ``BEGIN IMMEDIATE``; see
``portal/settings/base.py``), copied from the migrated test database into a
temporary ``PORTAL_VAR_DIR``, gets the demo content.
Several ``manage.py import_documents --publish`` processes then write to it at
the same time while another process keeps reading the public pages. No process
may see "database is locked", no page may fail, and every document must land.
"""

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 3
DOCS_PER_WRITER = 8

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
        reason="the SQLite locking test runs in the SQLite pass of the suite",
    ),
    # A database test, so that pytest-django runs it before the transactional
    # tests (tests/e2e) that leave the test database flushed.
    pytest.mark.django_db,
]

BROWSE = """
import json, os, sys, time, django, threading
django.setup()
from django.test import Client
stop, urls = sys.argv[1], sys.argv[2:]
stats = {"requests": 0, "errors": []}
def browse():
    client = Client(raise_request_exception=True, HTTP_HOST="localhost")
    while not os.path.exists(stop):
        for url in urls:
            try:
                status = client.get(url).status_code
                if status != 200:
                    stats["errors"].append(f"{url}: HTTP {status}")
            except Exception as exc:
                stats["errors"].append(f"{url}: {exc!r}")
            stats["requests"] += 1
threads = [threading.Thread(target=browse) for _ in range(2)]
[t.start() for t in threads]
[t.join() for t in threads]
print(json.dumps(stats))
"""


def portal_env(var_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    env.update(
        PORTAL_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        PAGE_CACHE_ENABLED="0",  # every request must really read the database
    )
    return env


def manage(env, *args, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def record(writer: int, n: int) -> dict:
    number = 1000 + writer * 100 + n
    text = (
        "ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Độc lập - Tự do - Hạnh phúc\n\nSố: {number}/KH-UBND\n\n"
        "Tam Đường, ngày 14 tháng 3 năm 2025\n\nKẾ HOẠCH\n"
        f"Thử nghiệm ghi đồng thời số {number}\n\nI. MỤC ĐÍCH\n\n"
        f"Nội dung thử nghiệm {number}.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nSùng Lữ Páo"
    )
    return {
        "text": text,
        "doc_type": "Kế hoạch",
        "title": f"Thử nghiệm ghi đồng thời số {number}",
        "issuer": "UBND huyện Tam Đường",
        "slug": f"thu-nghiem-dong-thoi-{number}",
    }


def write_batches(var_dir: Path) -> list[Path]:
    paths = []
    for writer in range(WRITERS):
        path = var_dir / f"batch-{writer}.jsonl"
        lines = (record(writer, n) for n in range(DOCS_PER_WRITER))
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines)
        )
        paths.append(path)
    return paths


def copy_test_database(target: Path) -> None:
    """Copy the migrated (in-memory) test database into a file, in milliseconds.

    Migrating a fresh file takes minutes on a loaded 2-core machine; the test
    database already holds the schema and the data migrations' vocabularies.
    """
    from django.db import connection

    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=WAL")


@pytest.fixture(scope="module")
def file_db(tmp_path_factory, django_db_setup, django_db_blocker):
    """A migrated, demo-loaded file database in its own PORTAL_VAR_DIR."""
    var_dir = tmp_path_factory.mktemp("sqlite-faults")
    env = portal_env(var_dir)
    with django_db_blocker.unblock():
        copy_test_database(var_dir / "db.sqlite3")
    for args in (("migrate", "--noinput", "-v0"), ("load_demo",)):
        result = manage(env, *args)
        assert result.returncode == 0, result.stderr[-3000:]
    return var_dir, env


PRAGMAS = """
import json, django
django.setup()
from django.db import connection
with connection.cursor() as cursor:
    pragmas = {
        name: cursor.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "busy_timeout", "foreign_keys")
    }
pragmas["transaction_mode"] = connection.settings_dict["OPTIONS"]["transaction_mode"]
print(json.dumps(pragmas))
"""


def test_connections_use_wal_a_busy_timeout_and_immediate_transactions(file_db):
    _var_dir, env = file_db
    result = subprocess.run(
        [sys.executable, "-c", PRAGMAS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    pragmas = json.loads(result.stdout.strip().splitlines()[-1])
    assert pragmas["journal_mode"] == "wal"
    assert pragmas["busy_timeout"] >= 5000
    assert pragmas["foreign_keys"] == 1
    assert pragmas["transaction_mode"] == "IMMEDIATE"


def start_browser(env, var_dir: Path) -> tuple[subprocess.Popen, Path]:
    stop = var_dir / "stop-browsing"
    urls = ["/", "/van-ban/", "/van-ban/?year=2025", "/van-ban/rss/", "/sitemap.xml"]
    process = subprocess.Popen(
        [sys.executable, "-c", BROWSE, str(stop), *urls],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, stop


def test_parallel_imports_while_browsing_never_lock(file_db):
    var_dir, env = file_db
    browser, stop = start_browser(env, var_dir)
    time.sleep(2)
    writers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "import_documents", str(p), "--publish"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in write_batches(var_dir)
    ]
    outputs = [w.communicate(timeout=600) for w in writers]
    stop.touch()
    browsed, browse_err = browser.communicate(timeout=120)
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert "database is locked" not in out + err
        assert writer.returncode == 0, err[-3000:]
        assert f"{DOCS_PER_WRITER} created" in out, out
    stats = json.loads(browsed.strip().splitlines()[-1])
    assert stats["errors"] == [], stats["errors"][:5]
    assert stats["requests"] > 20, browse_err[-2000:]
    with sqlite3.connect(var_dir / "db.sqlite3") as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM wagtailcore_page WHERE slug LIKE "
            "'thu-nghiem-dong-thoi-%' AND live"
        ).fetchone()
    assert count == WRITERS * DOCS_PER_WRITER
