"""The load benchmark's server side: a scratch database and gunicorn on loopback.

Used by ``bench/load.py``: ``prepare`` migrates, loads the demo and publishes
extra documents (``load.py --seed N`` runs ``seed`` inside Django);
``start_server`` starts the production server exactly as ``make serve`` does.
"""

from __future__ import annotations

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
LOAD_SCRIPT = Path(__file__).with_name("load.py")
PG_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"


# Preparation -------------------------------------------------------------------


def base_env(var_dir: Path, database_url: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL"}}
    env.update(
        PORTAL_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        PYTHONPATH=str(ROOT),
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def run(cmd: list[str], env: dict, timeout: int = 1800) -> str:
    result = subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{result.stderr[-4000:]}")
    return result.stdout


def reset_postgres() -> None:
    for sql in ("DROP DATABASE IF EXISTS portal_bench", "CREATE DATABASE portal_bench"):
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc", sql],
            check=True,
            capture_output=True,
        )


def prepare(env: dict, extra: int) -> None:
    started = time.monotonic()
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    run([PYTHON, "manage.py", "load_demo"], env)
    run([PYTHON, str(LOAD_SCRIPT), "--seed", str(extra)], env)
    print(f"prepared the database in {time.monotonic() - started:.0f} s", flush=True)


def seed(count: int) -> None:
    """(Runs inside Django.) Publish ``count`` copies of the demo plan's shape."""
    here = str(Path(__file__).resolve().parent)
    sys.path[:] = [str(ROOT)] + [p for p in sys.path if p not in {here, ""}]
    import django  # bench/search.py must not shadow the search app

    django.setup()
    from pages.models import DocumentIndexPage, PlanPage

    index = DocumentIndexPage.objects.first()
    model = PlanPage.objects.live().first()
    for n in range(count):
        page = PlanPage(
            title=f"Kế hoạch thử tải số {n} về thi đua, khen thưởng",
            slug=f"ke-hoach-thu-tai-{n}",
            document_type=model.document_type,
            number=6000 + n,
            symbol="KH-UBND",
            issuing_body=model.issuing_body,
            place=model.place,
            issued_date=model.issued_date or None,
            issued_year=None if model.issued_date else (model.issued_year or 2025),
            status=model.status,
            signing_authority=model.signing_authority,
            signer_position=model.signer_position,
            signer=model.signer,
            summary=f"Kế hoạch thử tải số {n}: phong trào thi đua năm 2025.",
            legal_basis=model.legal_basis,
            body=model.body.raw_data,
            recipients=model.recipients,
            field=model.field,
        )
        index.add_child(instance=page)
        page.save_revision().publish()


# The server --------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_url(choice: str) -> str | None:
    """Redis database 14 on loopback (emptied first), as production would use."""
    if choice == "locmem":
        return None
    url = "redis://127.0.0.1:6379/14"
    try:
        subprocess.run(
            ["redis-cli", "-n", "14", "FLUSHDB"], check=True, capture_output=True
        )
    except (OSError, subprocess.CalledProcessError):
        if choice == "redis":
            sys.exit("Redis does not answer on 127.0.0.1:6379")
        return None
    return url


def production_env(env: dict, cache_url: str | None) -> dict:
    if cache_url:
        env = {**env, "REDIS_URL": cache_url}
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "ERROR",
    }


def start_server(env: dict, port: int, workers: int) -> subprocess.Popen:
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    gunicorn = str(Path(PYTHON).with_name("gunicorn"))
    cmd = [gunicorn, "portal.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    cmd += ["--workers", str(workers), "--threads", "2", "--timeout", "30"]
    log = open(Path(env["PORTAL_VAR_DIR"]) / "server.log", "ab")  # noqa: SIM115
    server = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True
    )
    wait_until_up(port)
    return server


def wait_until_up(port: int, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if fetch(port, "/")[0] == 200:
                return
        except OSError:
            time.sleep(0.3)
    sys.exit("the server did not answer within a minute")


def fetch(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()
