"""Accuracy, recall and throughput of the citation extractor.

Usage: ``.venv/bin/python bench/citations.py [--misses N] [--data DIR]``

1. Examples: real citation strings with their expected parses
   (``documents.citations.examples``): share of expected citations whose
   doc_type, number, year, code and date are all exact.
2. Legal-basis lines: every line of ``../shared/data/documents/*.jsonl`` that
   starts with "Căn cứ" (skipped cleanly when the folder is absent). An
   independent, deliberately simple regex finds the symbol-shaped tokens
   (``98/2023/NĐ-CP``, ``5324/KH-UBND``, ``34-CT/TW``); *recall* is the share
   of tokens for which a citation with the same code (number compared as an
   integer, case and accents folded) was extracted. For tokens that the simple
   reference also parses completely (type word right before, date right after),
   *exactness* compares doc_type, number, year, code and date with it.
3. Throughput: extract_citations over the full text of every document, one core.
"""

from __future__ import annotations

import argparse
import glob
import json
import platform
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from documents.citations import extract_citations  # noqa: E402
from documents.citations.examples import EXAMPLES  # noqa: E402
from documents.text import fold, nfc  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "documents"
FIELDS = ("doc_type", "number", "year", "code", "date")
_SEG = r"[A-ZĐÐ][A-ZĐÐ0-9&]*[a-zđ]?(?:[A-ZĐÐ0-9]+)?"
TOKEN = re.compile(
    rf"(?<![\w/.:-])(?P<num>\d{{1,5}})\s?(?:"
    rf"-\s?(?P<ptype>[A-ZĐ][A-Za-zĐđ]{{0,3}})/(?P<piss>[A-ZĐƯ][A-ZĐƯ0-9]*)"
    rf"|(?:/\s?(?P<year>(?:19|20)\d\d))?/\s?(?P<sym>{_SEG}(?:\s?[-–/]\s?{_SEG})*))"
)
TYPES = (
    "Thông tư liên tịch|Nghị quyết liên tịch|Văn bản hợp nhất|Nghị định|Nghị quyết|"
    "Thông tư|Quyết định|Chỉ thị|Kế hoạch|Công văn|Thông báo|Hướng dẫn|Kết luận|"
    "Tờ trình|Báo cáo|Quy định|Luật|Văn bản|Công điện|Chương trình"
)
LEGAL_BASIS = re.compile(r"\s*can cu(?![a-z])")
TYPE_BEFORE = re.compile(rf"(?i:({TYPES}))\s+(?:(?i:số)\s*)?$")
DATE_AFTER = re.compile(
    r"^\s*,?\s*(?i:ngày)\s*(\d{1,2})\s*(?:([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})"
    r"|(?i:tháng)\s*(\d{1,2})\s*(?i:năm)\s*(\d{4}))"
)


def token_key(number: str, year: str | None, symbol: str, party: bool) -> str:
    """Folded code with an integer number: the comparison key."""
    symbol = re.sub(r"\s+", "", nfc(symbol)).replace("–", "-")
    if not party:
        symbol = symbol.replace("/", "-")
    if party:
        return fold(f"{int(number)}-{symbol}")
    middle = f"/{year}" if year else ""
    return fold(f"{int(number)}{middle}/{symbol}")


def citation_key(code: str | None) -> str | None:
    found = re.match(r"(\d+)(.*)", code or "")
    if found is None:
        return None
    return fold(f"{int(found.group(1))}{found.group(2)}")


def reference(line: str, match: re.Match) -> dict | None:
    """What the simple reference says about a token (None if incomplete)."""
    kind = TYPE_BEFORE.search(line[: match.start()])
    date = DATE_AFTER.match(line[match.end() :])
    if kind is None or date is None:
        return None
    day, month, year = date.group(1), date.group(3) or date.group(5), date.group(4)
    year = year or date.group(6)
    iso = f"{year}-{int(month):02d}-{int(day):02d}"
    code = re.sub(r"\s+", "", nfc(match.group(0))).replace("–", "-")
    doc_year = int(match.group("year")) if match.group("year") else int(year)
    word = kind.group(1)
    return {
        "doc_type": word[0].upper() + word[1:].lower(),
        "number": int(match.group("num")),
        "year": doc_year,
        "code": code,
        "date": iso,
    }


def legal_basis_lines(data: Path) -> list[str]:
    lines = []
    for path in sorted(glob.glob(str(data / "*.jsonl"))):
        with open(path, encoding="utf-8") as handle:
            for row in handle:
                text = json.loads(row).get("text") or ""
                lines += [ln for ln in text.split("\n") if LEGAL_BASIS.match(fold(ln))]
    return lines


def documents(data: Path) -> list[str]:
    texts = []
    for path in sorted(glob.glob(str(data / "*.jsonl"))):
        with open(path, encoding="utf-8") as handle:
            texts += [json.loads(row).get("text") or "" for row in handle]
    return texts


def bench_examples() -> tuple[int, int, list[str]]:
    total = exact = 0
    misses = []
    for ident, text, context, expected in EXAMPLES:
        found = list(extract_citations(text, context_date=context))
        for want in expected:
            total += 1
            got = next((c for c in found if c.number == want["number"]), None)
            if got is not None and all(getattr(got, f) == want[f] for f in FIELDS):
                exact += 1
                found.remove(got)
            else:
                misses.append(f"{ident}: want {want} got {got}")
    return total, exact, misses


def bench_lines(lines: list[str]) -> dict:
    stats = {"tokens": 0, "found": 0, "ref": 0, "exact": 0, "miss": [], "wrong": []}
    for line in lines:
        citations = extract_citations(line)
        for match in TOKEN.finditer(line):
            party = bool(match.group("ptype"))
            symbol = (
                f"{match.group('ptype')}/{match.group('piss')}"
                if party
                else match.group("sym")
            )
            key = token_key(match.group("num"), match.group("year"), symbol, party)
            stats["tokens"] += 1
            got = next(
                (
                    c
                    for c in citations
                    if citation_key(c.code) == key and c.start <= match.start() < c.end
                ),
                None,
            )
            if got is None:
                stats["miss"].append(f"{match.group(0)!r} in: {line[:160]}")
                continue
            stats["found"] += 1
            ref = reference(line, match)
            if ref is None:
                continue
            stats["ref"] += 1
            if all(getattr(got, f) == ref[f] for f in FIELDS):
                stats["exact"] += 1
            else:
                diff = {
                    f: (ref[f], getattr(got, f))
                    for f in FIELDS
                    if getattr(got, f) != ref[f]
                }
                stats["wrong"].append(f"{diff} in: {line[:160]}")
    return stats


def bench_speed(texts: list[str]) -> tuple[float, float, float, int]:
    """MB of UTF-8 text, wall and CPU seconds (this process only), citations."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    wall, cpu = time.perf_counter(), time.process_time()
    count = sum(len(extract_citations(t)) for t in texts)
    return (
        size / 1e6,
        time.perf_counter() - wall,
        time.process_time() - cpu,
        count,
    )


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def corpus_rows(data: Path) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Table rows and miss/difference lines for the shared corpus."""
    lines = legal_basis_lines(data)
    stats = bench_lines(lines)
    megabytes, seconds, cpu, count = bench_speed(documents(data))
    rows = [
        ("Căn cứ lines read", str(len(lines)), ""),
        (
            "Căn cứ lines: symbol tokens found",
            f"{stats['found']}/{stats['tokens']}",
            pct(stats["found"], stats["tokens"]),
        ),
        (
            "Căn cứ lines: exact vs simple reference",
            f"{stats['exact']}/{stats['ref']}",
            pct(stats["exact"], stats["ref"]),
        ),
        (
            "Throughput, CPU time (full texts)",
            f"{megabytes:.1f} MB in {cpu:.2f} s",
            f"{megabytes / cpu:.2f} MB/s",
        ),
        (
            "Throughput, wall clock",
            f"{megabytes:.1f} MB in {seconds:.2f} s",
            f"{megabytes / seconds:.2f} MB/s",
        ),
        ("Citations in full texts", str(count), ""),
    ]
    misses = ["MISS " + m for m in stats["miss"]]
    return rows, misses + ["DIFF " + m for m in stats["wrong"]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=20)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    total, exact, misses = bench_examples()
    rows = [
        ("citation examples: exact (5 fields)", f"{exact}/{total}", pct(exact, total))
    ]
    if args.data.is_dir():
        more_rows, more_misses = corpus_rows(args.data)
        rows, misses = rows + more_rows, misses + more_misses
    else:
        print(f"{args.data} not found: corpus measurements skipped")
    print(f"{'measure':45} {'count':>22} {'value':>10}")
    for name, count_text, value in rows:
        print(f"{name:45} {count_text:>22} {value:>10}")
    print(f"({platform.python_version()}, {platform.machine()})")
    for line in misses[: args.misses]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
