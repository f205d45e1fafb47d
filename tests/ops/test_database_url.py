"""A DATABASE_URL the portal cannot use stops it with one English line that
names the variable and the accepted forms, never the password."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.settings.base import database_settings

ROOT = Path(__file__).resolve().parents[2]
FORMS = "sqlite:///path/to/db.sqlite3 or postgres://user@host:5432/name"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("foo", "not a URL"),
        ("postgres://", "no database name"),
        ("postgres://portal:s3cret@db:5432/", "no database name"),
        ("mysql://portal:s3cret@db/portal", "unsupported scheme 'mysql'"),
        ("redis://127.0.0.1:6379/0", "unsupported scheme 'redis'"),
        ("postgres://portal:s3cret@db:port/portal", "check the port"),
    ],
)
def test_an_unusable_address_is_one_clear_line(url, reason):
    with pytest.raises(ImproperlyConfigured) as raised:
        database_settings(url)
    message = str(raised.value)
    assert message.startswith("DATABASE_URL is invalid (")
    assert reason in message and FORMS in message
    assert "s3cret" not in message and "\n" not in message


@pytest.mark.parametrize(
    ("url", "engine", "name"),
    [
        ("sqlite:///var/db.sqlite3", "django.db.backends.sqlite3", "var/db.sqlite3"),
        (
            "postgres://postgres@127.0.0.1:5432/portal",
            "django.db.backends.postgresql",
            "portal",
        ),
        ("postgresql://u:p@db/portal", "django.db.backends.postgresql", "portal"),
    ],
)
def test_the_accepted_forms_still_work(url, engine, name):
    config = database_settings(url)
    assert (config["ENGINE"], config["NAME"]) == (engine, name)


def test_manage_py_stops_with_the_message_and_a_nonzero_status():
    env = os.environ | {
        "DATABASE_URL": "mysql://portal:s3cret@db/portal",
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert "DATABASE_URL is invalid (unsupported scheme 'mysql')" in last
    assert "s3cret" not in done.stderr
    assert "Traceback" not in done.stderr
