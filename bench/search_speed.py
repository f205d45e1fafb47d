"""Speed of the portal's search backend at growing sizes: indexing rate,
latency of a fixed query mix, the /tim-kiem/ page, and on an engine its index
size and heap (``bench/search.py speed --sizes ...``).
"""

from __future__ import annotations

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
    fast it went; on an engine, samples the node's heap each time."""

    def __init__(self, backend, size: int, every: int = 50_000):
        self.backend, self.size, self.every = backend, size, every
        self.done, self.started, self.heap_mb = 0, time.perf_counter(), []

    def update(self, count: int) -> None:
        before, self.done = self.done, self.done + count
        if self.done // self.every == before // self.every:
            return
        seconds = time.perf_counter() - self.started
        heap = engine_stats(self.backend, index=False).get("heap_used_mb")
        if heap is not None:
            self.heap_mb.append(heap)
        print(
            f"  {self.done:,}/{self.size:,} entries in {seconds:.0f} s "
            f"({self.done / seconds:.0f}/s), heap {heap} MB",
            file=sys.stderr,
            flush=True,
        )


def speed(sizes: list[int]) -> list[dict]:
    """Indexing throughput and query latency for each size."""
    if not DOCUMENTS.exists():
        print(f"skip speed: {DOCUMENTS} not found")
        return []
    from django.core.management import call_command

    from search import get_backend
    from search.types import SearchQuery

    call_command("migrate", verbosity=0)  # the /tim-kiem/ page needs every app
    chunks = source_chunks()
    backend, rows = patient(get_backend()), []
    for size in sizes:
        started, progress = time.perf_counter(), Progress(backend, size)
        backend.rebuild(
            scaled_entries(size, chunks), chunk_size=1000, progress=progress
        )
        index_seconds = time.perf_counter() - started
        wall, cpu = [], []
        for round_ in range(6):
            for text, filters in QUERY_MIX:
                sort = "date" if round_ % 3 == 2 else "relevance"
                t0, c0 = time.perf_counter(), time.process_time()
                backend.search(SearchQuery(text=text, filters=filters, sort=sort))
                wall.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
        rows.append(
            {
                "entries": size,
                "index_seconds": round(index_seconds, 1),
                "entries_per_second": round(size / index_seconds),
                **percentiles("wall", wall),
                **percentiles("cpu", cpu),
                "queries": len(wall),
                **engine_stats(backend),
                **({"heap_peak_mb": max(progress.heap_mb)} if progress.heap_mb else {}),
                "tim_kiem_page": page_latency(),
            }
        )
        print(json.dumps(rows[-1]), flush=True)
    return rows
