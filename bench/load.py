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
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from load_server import (
    PG_URL,
    base_env,
    fetch,
    free_port,
    prepare,
    production_env,
    redis_url,
    reset_postgres,
    run,
    seed,
    start_server,
)

PYTHON = sys.executable
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
