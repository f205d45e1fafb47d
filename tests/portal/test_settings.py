"""Settings and project-level checks."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def run_check(env_overrides: dict) -> subprocess.CompletedProcess:
    env = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}
    }
    env.update(env_overrides, DJANGO_SETTINGS_MODULE="portal.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_no_missing_migrations(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_production_fails_fast_without_secret_key():
    result = run_check({"ALLOWED_HOSTS": "portal.example.vn"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_fails_fast_without_allowed_hosts():
    result = run_check({"SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_deploy_check_passes():
    result = run_check(
        {
            "SECRET_KEY": "k8#Gq2@x!Lm9$wZr4^Tb7&Yc1*Hd6(Pn3)Vf0-Js5+Ue8=Ra2_Qo7~Xi4",
            "ALLOWED_HOSTS": "portal.example.vn",
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_vietnamese_locale_and_timezone(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
