"""The same questions' rows on SQLite and PostgreSQL, compared.

    python bench/relevance_backends.py var/bench/alqac_import [var/bench/probe_unseen]

``bench/alqac_import.py`` and ``bench/probe_unseen.py`` write each batch's
rows (``search --batch --json``) to ``results <batch>.jsonl`` in their folder,
and a PostgreSQL run (``--database``) to the same names under its
``postgres`` folder. For every batch found in both, this prints how many
questions got the same top 10 (row addresses, in order), the same first row,
and the largest relative score difference among rows both list at the same
place; then the first few questions whose lists differ, side by side. The
issue asks PostgreSQL to rank as SQLite does, so any difference is a bug.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def compare(lite: list[dict], pg: list[dict]) -> dict:
    same_top10 = same_first = 0
    largest = 0.0
    differing = []
    for a, b in zip(lite, pg, strict=True):
        assert a["query"] == b["query"], "the two runs asked different questions"
        urls_a = [r["url"] for r in a["results"]]
        urls_b = [r["url"] for r in b["results"]]
        same_top10 += urls_a == urls_b
        same_first += urls_a[:1] == urls_b[:1]
        if urls_a != urls_b:
            differing.append((a, b))
        for x, y in zip(a["results"], b["results"], strict=False):
            if x["url"] == y["url"] and x.get("score") and y.get("score"):
                largest = max(largest, abs(x["score"] - y["score"]) / abs(x["score"]))
    return {
        "questions": len(lite),
        "same top 10": same_top10,
        "same first": same_first,
        "largest relative score difference": largest,
        "differing": differing,
    }


def show(a: dict, b: dict) -> None:
    print(f"  {a['query']}")
    for n in range(max(len(a["results"]), len(b["results"]))):
        x = a["results"][n]["url"] if n < len(a["results"]) else ""
        y = b["results"][n]["url"] if n < len(b["results"]) else ""
        print(f"   {'  ' if x == y else '≠ '}{n + 1:2} {x[-45:]:45} | {y[-45:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--show", type=int, default=3, help="differing lists shown")
    args = parser.parse_args()
    for folder in args.folders:
        for lite_path in sorted(folder.glob("results *.jsonl")):
            pg_path = folder / "postgres" / lite_path.name
            if not pg_path.exists():
                continue
            result = compare(rows(lite_path), rows(pg_path))
            differing = result.pop("differing")
            print(f"{folder.name}, {lite_path.stem.removeprefix('results ')}:", result)
            for a, b in differing[: args.show]:
                show(a, b)


if __name__ == "__main__":
    main()
