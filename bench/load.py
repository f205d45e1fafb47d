"""Load benchmark: the production server on loopback, a realistic mix of requests.

    .venv/bin/python bench/load.py [--db sqlite|postgres] [--extra 300]
        [--duration 10] [--connections 16] [--workers 3] [--keep DIR]

What it does, bounded in time and count:

1. prepares a database in a temporary ``PORTAL_VAR_DIR`` (SQLite) or the scratch
   PostgreSQL database ``portal_bench`` on 127.0.0.1:5432 (dropped and created):
   ``migrate``, ``load_demo`` and ``--extra`` more published documents;
2. runs ``collectstatic`` and starts gunicorn exactly as ``make serve`` does
   (production settings, whitenoise, ``--workers 3 --threads 2``, no access log)
   on a free port of 127.0.0.1;
3. runs each scenario for ``--duration`` seconds (at most ``--max-requests``) with
   ``wrk`` when installed (a Lua script picks the paths), otherwise with a pool of
   stdlib ``http.client`` threads; both count every non-200 answer as an error;
4. prints a Markdown table: req/s, p50/p95/p99 latency, errors, and the ratio to
   the static file served by the same server.

Only loopback is used; the server and the database are removed at the end
(``--keep DIR`` keeps the SQLite directory for a re-run with ``--reuse``).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PG_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
SEARCH_TERMS = [
    "thi dua khen thuong",
    "thi đua khen thưởng",
    "ke hoach",
    "5324/KH-UBND",
    "chỉ thị",
    "quyết định khen thưởng",
    "luật thi đua",
    "tam duong",
    "phong trào thi đua",
    "hiệu lực",
]


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
    run([PYTHON, __file__, "--seed", str(extra)], env)
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


# Scenarios ---------------------------------------------------------------------


@dataclass
class Scenario:
    name: str
    paths: list[str]
    unique: bool = False  # append a counter so that the page cache never answers
    weights: list[int] = field(default_factory=list)


def check_search(port: int) -> None:
    """Refuse to measure a degraded search (its notice page is cheap and wrong)."""
    status, body = fetch(port, f"/tim-kiem/?q={quote(SEARCH_TERMS[0])}")
    text = body.decode()
    if status != 200 or "search-notice" in text or "<article" not in text:
        sys.exit(f"search does not work on this database (HTTP {status})")


def discover(port: int) -> dict[str, list[str]]:
    """Document URLs from the sitemap, the static CSS from the home page."""
    sitemap = fetch(port, "/sitemap.xml")[1].decode()
    urls = re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", sitemap)
    documents = [u for u in urls if u.startswith("/van-ban/") and u != "/van-ban/"]
    home = fetch(port, "/")[1].decode()
    static = re.findall(r'href="(/static/[^"]+\.css)"', home)[:1]
    return {"documents": documents, "static": static}


def scenarios(found: dict[str, list[str]]) -> list[Scenario]:
    docs = found["documents"]
    listings = [
        "/van-ban/",
        "/van-ban/?year=2025",
        "/van-ban/?type=ke-hoach",
        "/van-ban/?status=con_hieu_luc",
        "/van-ban/?page=2",
        "/van-ban/?field=thi-dua-khen-thuong&year=2025",
    ]
    searches = [f"/tim-kiem/?q={quote(t)}" for t in SEARCH_TERMS]
    feeds = ["/van-ban/rss/", "/van-ban/atom/"]
    mix = docs[:40] * 4 + ["/"] * 24 + listings * 4 + searches * 2 + feeds * 8
    return [
        Scenario("static file (CSS, whitenoise)", found["static"]),
        Scenario("document pages, cached", docs),
        Scenario("document pages, uncached", docs, unique=True),
        Scenario("home page, cached", ["/"]),
        Scenario("listing with filters, cached", listings),
        Scenario("listing with filters, uncached", listings, unique=True),
        Scenario("search, uncached (distinct queries)", searches, unique=True),
        Scenario("search, popular queries, cached", searches),
        Scenario("feeds RSS/Atom, cached", feeds),
        Scenario("realistic mix (cached where repeated)", mix),
    ]


def quote(text: str) -> str:
    from urllib.parse import quote_plus

    return quote_plus(text)


def warm(port: int, scenario: Scenario) -> None:
    """Visit each distinct path once, so that "cached" means cached."""
    from concurrent.futures import ThreadPoolExecutor

    paths = sorted(set(scenario.paths))[: 1 if scenario.unique else None]
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda path: fetch(port, path), paths))


# Load generators ---------------------------------------------------------------

WRK_SCRIPT = """
paths = {%(paths)s}
unique = %(unique)s
counter = 0
errors = 0
function request()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  if unique then
    local sep = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. sep .. "_bench=" .. counter .. "-" .. math.random(1, 1000000000)
  end
  return wrk.format("GET", path)
end
function response(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end
function setup(thread) table.insert(threads, thread) end
threads = {}
function done(summary, latency, requests)
  local errs = 0
  for _, t in ipairs(threads) do errs = errs + t:get("errors") end
  io.write(string.format(
    '{"requests": %%d, "seconds": %%f, "p50": %%f, "p95": %%f, "p99": %%f, '
    .. '"errors": %%d, "socket_errors": %%d}\\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, errs,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout))
end
"""


def run_wrk(port: int, scenario: Scenario, args) -> dict:
    lua = WRK_SCRIPT % {
        "paths": ", ".join(json.dumps(p) for p in scenario.paths),
        "unique": "true" if scenario.unique else "false",
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(lua)
    cmd = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.duration}s"]
    cmd += ["--timeout", "10s", "-s", handle.name, f"http://127.0.0.1:{port}"]
    output = subprocess.run(
        cmd, capture_output=True, text=True, timeout=args.duration + 60
    )
    os.unlink(handle.name)
    line = [ln for ln in output.stdout.splitlines() if ln.startswith("{")][-1]
    result = json.loads(line)
    result["errors"] += result.pop("socket_errors")
    return result


def run_threads(port: int, scenario: Scenario, args) -> dict:
    """The fallback generator: keep-alive connections in stdlib threads."""
    latencies: list[float] = []
    errors = [0]
    counter = iter(range(args.max_requests))
    lock = threading.Lock()
    stop_at = time.monotonic() + args.duration

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop_at:
            with lock:
                n = next(counter, None)
            if n is None:
                return
            path = scenario.paths[n % len(scenario.paths)]
            if scenario.unique:
                path += ("&" if "?" in path else "?") + f"_bench={n}"
            started = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
                errors[0] += not ok

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summarise(latencies, errors[0], time.monotonic() - started)


def summarise(latencies: list[float], errors: int, seconds: float) -> dict:
    ordered = sorted(latencies) or [0.0]

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]

    return {
        "requests": len(latencies),
        "seconds": seconds,
        "p50": pct(50),
        "p95": pct(95),
        "p99": pct(99),
        "errors": errors,
    }


# Report ------------------------------------------------------------------------


def report(results: list[tuple[Scenario, dict]], label: str, args) -> str:
    static_rate = results[0][1]["requests"] / results[0][1]["seconds"]
    lines = [
        f"### {label}",
        "",
        "| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | vs static |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for scenario, r in results:
        rate = r["requests"] / r["seconds"]
        lines.append(
            f"| {scenario.name} | {rate:,.0f} | {r['p50']:.1f} | {r['p95']:.1f} "
            f"| {r['p99']:.1f} | {r['errors']} of {r['requests']:,} "
            f"| {rate / static_rate:.2f} |"
        )
    return "\n".join(lines)


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0
    return (
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} "
        f"cores, Python {platform.python_version()}, load average {load:.1f}"
    )


def benchmark(args) -> None:
    var_dir = Path(args.keep or tempfile.mkdtemp(prefix="portal-bench-"))
    var_dir.mkdir(parents=True, exist_ok=True)
    database_url = PG_URL if args.db == "postgres" else None
    env = base_env(var_dir, database_url)
    if not args.reuse:
        if args.db == "postgres":
            reset_postgres()
        prepare(env, args.extra)
    else:  # the code may have new migrations since the data was prepared
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
        run([PYTHON, "manage.py", "rebuild_search_index"], env)
    port = free_port()
    cache_url = redis_url(args.cache)
    server = start_server(production_env(env, cache_url), port, args.workers)
    try:
        found = discover(port)
        check_search(port)
        generator = run_wrk if shutil.which("wrk") and not args.threads else run_threads
        results = []
        for scenario in scenarios(found):
            warm(port, scenario)
            results.append((scenario, generator(port, scenario, args)))
            print(report(results, args.db, args).splitlines()[-1], flush=True)
        tool = generator.__name__.removeprefix("run_")
        label = (
            f"{args.db}: {len(found['documents'])} documents, {args.workers} workers "
            f"x 2 threads, {args.connections} connections, {args.duration} s each, "
            f"{tool}, cache {'Redis' if cache_url else 'local memory'}; {machine()}"
        )
        print("\n" + report(results, label, args))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        if not args.keep:
            shutil.rmtree(var_dir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--extra", type=int, default=300, help="more documents")
    parser.add_argument("--duration", type=int, default=10, help="seconds each")
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", action="store_true", help="never use wrk")
    parser.add_argument(
        "--cache",
        choices=["auto", "redis", "locmem"],
        default="auto",
        help="auto: Redis on 127.0.0.1:6379 when it answers",
    )
    parser.add_argument("--keep", help="keep the SQLite data in this directory")
    parser.add_argument("--reuse", action="store_true", help="skip preparation")
    parser.add_argument("--seed", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed is not None:
        seed(args.seed)
    else:
        benchmark(args)


if __name__ == "__main__":
    main()
