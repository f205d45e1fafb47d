"""Speed of the portal's search backend at growing sizes: indexing rate,
latency of a fixed query mix, the /tim-kiem/ page, and on an engine its index
size and heap (``bench/search.py speed --sizes ...``).
"""

from __future__ import annotations

import itertools
import json
import statistics
import sys
import time

from search_data import (
    DOCUMENTS,
    QUERY_MIX,
    engine_stats,
    patient,
    percentiles,
    scaled_entries,
    source_chunks,
)


def page_latency(rounds: int = 5) -> dict:
    """End-to-end /tim-kiem/ latency (Django test client, full page render)."""
    from django.conf import settings
    from django.test import Client

    client, latencies = Client(), []
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    for _round in range(rounds):
        for text, filters in QUERY_MIX:
            started = time.perf_counter()  # a new "n" defeats any page cache
            nonce = time.perf_counter_ns()
            response = client.get("/tim-kiem/", {"q": text, **filters, "n": nonce})
            latencies.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
    latencies.sort()
    return {
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "requests": len(latencies),
    }


class Progress:
    """Prints the entries indexed so far and their rate every ``every``
    entries (stderr), so that a run stopped early still tells how far and how
    fast it went; on an engine, samples the node's heap each time. The time
    between ``pause()`` and ``resume()`` (queries at a checkpoint) is not
    indexing time."""

    def __init__(self, backend, size: int, every: int = 50_000):
        self.backend, self.size, self.every = backend, size, every
        self.done, self.heap_mb = 0, []
        self.started, self.paused, self.paused_at = time.perf_counter(), 0.0, None

    @property
    def seconds(self) -> float:
        """Indexing seconds so far (pauses left out)."""
        now = self.paused_at or time.perf_counter()
        return now - self.started - self.paused

    def pause(self) -> None:
        self.paused_at = time.perf_counter()

    def resume(self) -> None:
        self.paused += time.perf_counter() - self.paused_at
        self.paused_at = None

    def update(self, count: int) -> None:
        before, self.done = self.done, self.done + count
        if self.done // self.every == before // self.every:
            return
        seconds = self.seconds
        heap = engine_stats(self.backend, index=False).get("heap_used_mb")
        if heap is not None:
            self.heap_mb.append(heap)
        print(
            f"  {self.done:,}/{self.size:,} entries in {seconds:.0f} s "
            f"({self.done / seconds:.0f}/s), heap {heap} MB",
            file=sys.stderr,
            flush=True,
        )


# One engine build of N entries reports a row at each of these sizes below N
# (and at N): a run stopped early still leaves its rows.
CHECKPOINTS = (10_000, 100_000, 250_000, 500_000, 1_000_000)


def query_mix(backend) -> dict:
    """Wall and CPU time of the query mix, 6 rounds, one in three by date,
    after one untimed round (a freshly refreshed index is cold)."""
    from search.types import SearchQuery

    for text, filters in QUERY_MIX:
        backend.search(SearchQuery(text=text, filters=filters))
    wall, cpu = [], []
    for round_ in range(6):
        for text, filters in QUERY_MIX:
            sort = "date" if round_ % 3 == 2 else "relevance"
            t0, c0 = time.perf_counter(), time.process_time()
            backend.search(SearchQuery(text=text, filters=filters, sort=sort))
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    return {
        **percentiles("wall", wall),
        **percentiles("cpu", cpu),
        "queries": len(wall),
    }


def row(backend, entries: int, seconds: float, progress: Progress) -> dict:
    figures = {
        "entries": entries,
        "index_seconds": round(seconds, 1),
        "entries_per_second": round(entries / seconds),
        **query_mix(backend),
        **engine_stats(backend),
        **({"heap_peak_mb": max(progress.heap_mb)} if progress.heap_mb else {}),
        "tim_kiem_page": page_latency(),
        "at": time.strftime("%H:%M UTC", time.gmtime()),
    }
    print(json.dumps(figures), flush=True)
    return figures


def grow(backend, entries, progress: Progress) -> None:
    """Append ``entries`` to the index behind the alias the way ``rebuild``
    fills a new one (build settings, ``fill``, live settings, refresh)."""
    from search.backends.engine.mapping import BUILD_SETTINGS, live_settings

    (index,) = backend._alias_targets()
    put = backend.writer.indices.put_settings
    backend._call(put, index=index, body=BUILD_SETTINGS)
    backend.fill(index, entries, chunk_size=1000, progress=progress)
    backend._call(put, index=index, body=live_settings(backend.replicas))
    backend._call(backend.writer.indices.refresh, index=index)


def engine_speed(backend, size: int, chunks) -> list[dict]:
    """One build of ``size`` entries with a row at each checkpoint: the first
    part by ``rebuild``, each next part appended (``grow``); the indexing
    rate of a row is over everything indexed so far."""
    marks = [mark for mark in CHECKPOINTS if mark < size] + [size]
    entries, done, rows = scaled_entries(size, chunks), 0, []
    progress = Progress(backend, size)
    for mark in marks:
        part = itertools.islice(entries, mark - done)
        if done == 0:
            backend.rebuild(part, chunk_size=1000, progress=progress)
        else:
            grow(backend, part, progress)
        done = mark
        progress.pause()
        rows.append(row(backend, mark, progress.seconds, progress))
        progress.resume()
    return rows


def speed(sizes: list[int], reuse_index: bool = False) -> list[dict]:
    """Indexing throughput and query latency for each size (on an engine,
    at every checkpoint below each size as well); with ``reuse_index``, the
    latency only, on the index as it is (e.g. after a change to the search
    code)."""
    if not DOCUMENTS.exists():
        print(f"skip speed: {DOCUMENTS} not found")
        return []
    from django.core.management import call_command

    from search import get_backend

    call_command("migrate", verbosity=0)  # the /tim-kiem/ page needs every app
    backend, rows = patient(get_backend()), []
    if reuse_index:
        figures = {"entries": backend.count(), "reused_index": True}
        figures |= {**query_mix(backend), **engine_stats(backend)}
        figures |= {"tim_kiem_page": page_latency()}
        figures |= {"at": time.strftime("%H:%M UTC", time.gmtime())}
        print(json.dumps(figures), flush=True)
        return [figures]
    chunks = source_chunks()
    for size in sizes:
        if hasattr(backend, "fill"):
            rows += engine_speed(backend, size, chunks)
            continue
        progress = Progress(backend, size)
        backend.rebuild(
            scaled_entries(size, chunks), chunk_size=1000, progress=progress
        )
        rows.append(row(backend, size, progress.seconds, progress))
    return rows
