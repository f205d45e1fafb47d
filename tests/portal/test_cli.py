"""``manage.py`` against a database that does not exist or is not migrated: the
portal's commands print one line and exit 1 instead of a traceback (portal.cli)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import load_command_class

from portal.cli import ManagementUtility, database_problem, needs_database
from tests.faults.test_sqlite_concurrency import manage, portal_env

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests/fixtures/documents/ke-hoach-thi-dua-khen-thuong-2025-tam-duong.txt"


def manage_on(tmp_path: Path, database_url: str, *args: str):
    """``manage.py ARGS`` in a subprocess against ``database_url``."""
    env = {**portal_env(tmp_path), "DATABASE_URL": database_url}
    return manage(env, *args, timeout=120)


@pytest.mark.parametrize(
    "args",
    [
        ("import_documents", str(SEED)),
        ("search", "thi đua"),
        ("rebuild_search_index", "--no-progress"),
    ],
)
def test_unmigrated_database_one_line_and_exit_1(tmp_path, args):
    result = manage_on(tmp_path, f"sqlite:///{tmp_path / 'empty.sqlite3'}", *args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("CommandError: database is not migrated (")
    assert "`make migrate` (python manage.py migrate)" in line


def test_database_that_cannot_be_opened(tmp_path):
    result = manage_on(
        tmp_path, f"sqlite:///{tmp_path / 'missing' / 'db.sqlite3'}", "load_demo"
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "CommandError: cannot open the database (unable to open database file): "
        f"check that the SQLite file {tmp_path / 'missing' / 'db.sqlite3'} can be "
        "created (its directory exists and is writable) and that DATABASE_URL "
        "names it, then run `make migrate` (python manage.py migrate)"
    )


def test_a_command_without_database_still_runs(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    parsed = manage_on(tmp_path, url, "parse_document", str(SEED))
    assert parsed.returncode == 0 and '"doc_type": "Kế hoạch"' in parsed.stdout


@pytest.mark.parametrize(
    ("app", "name", "expected"),
    [
        ("pages", "import_documents", True),
        ("pages", "load_demo", True),
        ("pages", "resolve_citations", True),
        ("pages", "check_citations", True),
        ("search", "search", True),
        ("search", "rebuild_search_index", True),
        ("documents", "parse_document", False),
        ("documents", "extract_citations", False),
        ("django.core", "migrate", False),
    ],
)
def test_which_commands_need_the_database(app, name, expected):
    assert needs_database(load_command_class(app, name)) is expected


@pytest.mark.parametrize(
    ("argv", "runs"),
    [
        (["manage.py", "search", "x"], True),
        (["manage.py", "search", "--help"], False),
        (["manage.py", "help", "search"], False),
    ],
)
def test_help_is_not_a_run(argv, runs):
    assert ManagementUtility(argv)._runs("search") is runs


@pytest.mark.django_db
def test_the_migrated_test_database_has_no_problem():
    assert database_problem() is None
