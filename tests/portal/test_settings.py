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


def settings_value(module: str, expression: str, **env_overrides) -> str:
    """``expression`` evaluated in a fresh process that loads only ``module``."""
    env = {k: v for k, v in os.environ.items() if k != "LOG_LEVEL"}
    env.update(env_overrides)
    code = f"import sys, {module} as s; print({expression})"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_settings_import_no_app_code():
    loaded = settings_value(
        "portal.settings.base",
        "sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'documents', 'pages', 'search'})",
    )
    assert loaded == "[]"


def test_production_logs_at_info_unless_log_level_says_otherwise():
    production = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "portal.example.vn"}
    level = "s.LOGGING['root']['level']"
    assert settings_value("portal.settings.production", level, **production) == "INFO"
    debug = settings_value(
        "portal.settings.production", level, LOG_LEVEL="DEBUG", **production
    )
    assert debug == "DEBUG"
    assert settings_value("portal.settings.base", level) == "WARNING"


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


def test_admin_mail_links_follow_the_port_make_run_serves_on():
    expression = "s.WAGTAILADMIN_BASE_URL"
    module = "portal.settings.dev"
    assert settings_value(module, expression, PORT="8123") == "http://127.0.0.1:8123"
    chosen = {"PORT": "8123", "WAGTAILADMIN_BASE_URL": "https://vanban.example.vn"}
    assert settings_value(module, expression, **chosen) == "https://vanban.example.vn"


def test_vietnamese_locale_and_timezone(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
