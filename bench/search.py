"""Search benchmark: relevance on ALQAC 2022 and speed at 10k to 1M entries.

    python bench/search.py relevance            # MRR@10, recall@10
    python bench/search.py relevance-scale --sizes 100000  # laws + 100k newer
    python bench/search.py speed --sizes 10000 100000 1000000  # + /tim-kiem/
    python bench/search.py speed --reuse-index  # the queries only, index as it is
    python bench/search.py wagtail-speed --sizes 10000     # Wagtail's own search
    python bench/search.py known-item [--reuse]  # document MRR@10, look-ups
                        # (with OPENSEARCH_URL: the engine and its database)
    python bench/search.py cross-validate [--reuse]  # ranking weights, held out
    python bench/search_collect.py alqac|known-item  # the engine's candidates,
                        # for bench/relevance.py cross-validate --variants engine
    python bench/search.py                      # all but wagtail-speed

The modes live in ``search_relevance.py``, ``search_speed.py`` and
``search_wagtail.py`` beside this file, their data in ``search_data.py``.

Relevance: the laws of ``shared/data/retrieval_dev`` are indexed as documents
with one entry per Điều (``search.entries``, as the portal indexes pages), and
every question goes through ``search.search`` — the code path of /tim-kiem/ —
once as written and once with diacritics stripped. Speed: entries scaled from
``shared/data/documents`` texts, indexing throughput and p50/p95 latency of a
fixed query mix, and of the /tim-kiem/ page on that index. Relevance at scale:
the same questions with the laws indexed first and the scaled entries after
them. With ``OPENSEARCH_URL`` (or
``ELASTICSEARCH_URL``) set, every mode runs on the engine and the speed rows
add its index size and heap. Skips cleanly when the shared data is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The modes live beside this file (search_data, search_relevance, search_speed,
# search_wagtail). Appended, not prepended: the portal's own ``search`` app must
# win over this file's name once the repository root is on the path.
sys.path.append(str(Path(__file__).resolve().parent))

import search_relevance  # noqa: E402
from search_data import (  # noqa: E402, F401 - bench/relevance.py reads these
    DOCUMENTS,
    KNOWN_ITEM,
    RETRIEVAL,
    ROOT,
    law_entries,
    setup_django,
)
from search_known_item import known_item_both  # noqa: E402
from search_relevance import relevance, relevance_at_scale, wagtail_comparison  # noqa: E402
from search_speed import page_latency, speed  # noqa: E402
from search_wagtail import wagtail_speed  # noqa: E402


def run_relevance(what: str, reuse: bool) -> None:
    """``bench/relevance.py``: known-item look-ups, or the cross-validation
    of the ranking weights (collects both sets, then tunes and holds out)."""
    script = [sys.executable, str(ROOT / "bench" / "relevance.py")]
    again = ["--reuse"] if reuse else []
    steps = [["known-item", *again]]
    if what == "cross-validate":
        steps = [["collect-alqac"], ["collect-known-item", *again], ["cross-validate"]]
    for step in steps:
        subprocess.run(script + step, check=True)
        again = ["--reuse"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "what",
        nargs="?",
        default="all",
        choices=[
            "all",
            "relevance",
            "relevance-scale",
            "wagtail",
            "speed",
            "wagtail-speed",
            "known-item",
            "cross-validate",
        ],
    )
    parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000])
    parser.add_argument(
        "--operators",
        nargs="+",
        choices=["and", "or"],
        default=["and", "or"],
        help="wagtail-speed: Wagtail search operators to time",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=30,
        help="wagtail-speed: seconds before a Wagtail query is stopped",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="known-item, cross-validate: reuse var/bench/known_item.sqlite3",
    )
    parser.add_argument(
        "--reuse-index",
        action="store_true",
        help="speed: time the queries on the index as it is (no indexing)",
    )
    parser.add_argument(
        "--questions",
        type=int,
        default=0,
        help="relevance, relevance-scale: ask only the first N questions",
    )
    args = parser.parse_args()
    search_relevance.QUESTIONS = args.questions
    engine = os.environ.get("OPENSEARCH_URL") or os.environ.get("ELASTICSEARCH_URL")
    if args.what == "known-item" and engine:
        if not KNOWN_ITEM.exists():
            return print(f"skip known-item: {KNOWN_ITEM} not found")
        report = known_item_both(args.reuse)
        return print(json.dumps(report, ensure_ascii=False, indent=1))
    if args.what in ("known-item", "cross-validate"):
        return run_relevance(args.what, args.reuse)
    with tempfile.TemporaryDirectory(prefix="bench-search-") as workdir:
        setup_django(Path(workdir))
        print(
            f"# {platform.node()} {platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} cpus, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
        )
        if args.what in ("all", "relevance"):
            print(json.dumps(relevance(), indent=1), flush=True)
        if args.what in ("all", "wagtail"):
            print(
                json.dumps({"wagtail_comparison": wagtail_comparison()}, indent=1),
                flush=True,
            )
            print(json.dumps({"tim_kiem_page": page_latency()}), flush=True)
        if args.what in ("all", "speed"):
            speed(args.sizes, reuse_index=args.reuse_index)
        if args.what in ("all", "relevance-scale"):
            scale = relevance_at_scale(max(args.sizes))
            print(json.dumps({"relevance_at_scale": scale}, indent=1), flush=True)
        if args.what == "wagtail-speed":  # not in "all": it publishes pages
            wagtail_speed(args.sizes, args.operators, args.timeout)


if __name__ == "__main__":
    main()
