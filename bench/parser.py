"""Accuracy and throughput of the document parser on the shared gold set.

Usage: ``.venv/bin/python bench/parser.py [--misses N] [--gold PATH]``

Reads ``../shared/data/documents/dev_gold.jsonl`` (skips cleanly, exit 0, when
absent), parses each text and compares four fields with the publisher's
attribute table: code (số ký hiệu), doc_type (loại văn bản), issued_date
(ngày ban hành) and signer_name (người ký). Names and types are compared after
NFC and tone-placement normalisation ("Hoà" = "Hòa") and case folding of the
type only; codes and dates are compared exactly.

Scraped copies of a few documents carry the publisher's attribute table above
the text; the parser uses it only to fill fields the text lacks. With
``--without-table`` those lines are removed first, measuring the text alone.
Throughput is per CPU second of this process (``time.process_time``), so a busy
shared machine changes it less than wall-clock time would.

``--hints`` measures the import's view instead: the text parsed, then what it
lacks filled from the record (its source address; ``documents.parsing.hints``),
adding the year and the issuing body (its place or name against the gold
"nơi ban hành") and how many records are complete. ``--strip-header`` first
cuts each text above its type word, "Kính gửi" or "V/v" line (issuer, number,
date gone), as scraped copies that start below the header do.

``--unseen A|B|all`` measures documents from outside the shared set
(``bench/data/unseen_documents.jsonl``, gold read by hand in
``bench/data/unseen_gold.jsonl``, halves fixed by a hash of the id): the four
fields, plus the issuer (names the gold "nơi ban hành"), the trích yếu (same
words as the gold, case and accents kept) and the codes of the documents cited
in the Căn cứ lines (found among ``legal_basis``).

``--unseen2 tuned|held|all`` measures a second such set the same way
(``bench/data/unseen2_*.jsonl``, 2026-12-07: scrapes with a date's digits split
by a space or the header in Markdown table cells, and controls); its halves,
fixed by a hash of the id before any parser output was read, are "tuned" (fixes
may look at it) and "held" (measured at the start and the end only).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from documents.dates import dmy_to_iso  # noqa: E402
from documents.parsing import SourceRecord, parse_document, parse_record  # noqa: E402
from documents.parsing.flags import missing_fields  # noqa: E402
from documents.parsing.hints import record_metadata  # noqa: E402
from documents.parsing.lines import clean_lines  # noqa: E402
from documents.parsing.metadata import read_table  # noqa: E402
from documents.parsing.vocab import TYPE_WORDS  # noqa: E402
from documents.text import fold, normalize_tones  # noqa: E402

UNSEEN = ROOT / "bench" / "data"
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "documents" / "dev_gold.jsonl"
FIELDS = ("code", "doc_type", "issued_date", "signer_name")


def expected(gold: dict) -> dict:
    """Gold attribute table → parser field names and formats."""
    return {
        "code": gold.get("so_ky_hieu"),
        "doc_type": gold.get("loai_van_ban"),
        "issued_date": dmy_to_iso(gold.get("ngay_ban_hanh", "")),
        "signer_name": gold.get("nguoi_ky"),
    }


def same(field: str, got, want) -> bool:
    """Field comparison (see module docstring)."""
    if got is None or want is None:
        return got == want
    if field in ("signer_name", "doc_type"):
        return normalize_tones(got).casefold() == normalize_tones(want).casefold()
    return got == want


def without_table(text: str) -> str:
    """The text with a leading publisher attribute table removed."""
    lines = clean_lines(text)
    table, end = read_table(lines)
    return "\n\n".join(lines[end:]) if table else text


_HEADINGS = frozenset(word for word, _ in TYPE_WORDS)


def without_header(text: str) -> str:
    """The text from its type word, "Kính gửi" or "V/v" line on (the header
    above it removed); unchanged when none is found in the first 40 lines."""
    lines = clean_lines(text)
    for i, line in enumerate(lines[:40]):
        f = fold(line).strip(" .:")
        heading = line.isupper() and any(f.startswith(w) for w in _HEADINGS)
        if heading or f.startswith(("kinh gui", "v/v")):
            return "\n\n".join(lines[i:])
    return text


def _parse(row: dict, hints: bool):
    if not hints:
        return parse_document(row["text"])
    overrides = {"source_url": row["source_url"]} if row.get("source_url") else {}
    return parse_record(
        SourceRecord(row["text"], row.get("id", ""), overrides, record_metadata(row))
    )


def trich_yeu_agreement(rows: list[dict], parsed: list) -> tuple[int, int, int]:
    """Records with a trích yếu; of those with a known-item look-up (its words
    name kind and subject, ``known_item_dev``), how many have every look-up
    word, with its diacritics, in "kind + trích yếu" (the gold set itself
    has no trích yếu)."""
    from documents.text import index_tokens

    path = DEFAULT_GOLD.parent.parent / "known_item_dev" / "queries.jsonl"
    lines = path.read_text("utf-8").splitlines() if path.exists() else []
    wanted = {q["id"]: q["accented"] for q in map(json.loads, filter(None, lines))}
    titled = asked = agree = 0
    for row, doc in zip(rows, parsed, strict=True):
        titled += bool(doc.title)
        if row.get("id") in wanted:
            asked += 1
            have = set(index_tokens(f"{doc.doc_type or ''} {doc.title or ''}")[0])
            agree += set(index_tokens(wanted[row["id"]])[0]) <= have
    return titled, asked, agree


def hint_report(rows: list[dict], parsed: list) -> None:
    """Year, issuing body and completeness of the filled parse."""
    year = body = complete = 0
    for row, doc in zip(rows, parsed, strict=True):
        gold = row["gold"]
        want = (dmy_to_iso(gold.get("ngay_ban_hanh", "")) or "")[:4]
        year += bool(want) and (doc.issued_date or "")[:4] == want
        place = fold(gold.get("noi_ban_hanh") or "")
        for level in ("tinh ", "thanh pho "):
            place = place.removeprefix(level)
        body += bool(place) and place in fold(doc.issuer or "")
        complete += not missing_fields(doc)
    n = len(rows)
    titled, asked, agree = trich_yeu_agreement(rows, parsed)
    print(f"  {'trích yếu':<12} {titled:>3}/{n} found; {agree}/{asked} hold every word")
    print(f"  {'':<12} of the record's known-item look-up, as written")
    print(f"  {'year':<12} {year:>3}/{n}")
    print(f"  {'issuer':<12} {body:>3}/{n} (names the gold nơi ban hành)")
    print(f"  {'complete':<12} {complete:>3}/{n}")


def run(
    path: Path,
    show: int,
    strip_table: bool = False,
    hints: bool = False,
    strip_header: bool = False,
) -> int:
    """Parse every gold record, print per-field accuracy, misses and throughput."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    if strip_table:
        rows = [{**row, "text": without_table(row["text"])} for row in rows]
    if strip_header:
        rows = [
            {**row, "text": without_header(without_table(row["text"]))} for row in rows
        ]
    hits = dict.fromkeys(FIELDS, 0)
    misses: list[tuple[str, str, object, object]] = []
    chars, started = 0, time.process_time()
    parsed = []
    for row in rows:
        parsed.append(_parse(row, hints))
        chars += len(row["text"].encode("utf-8"))
    elapsed = time.process_time() - started
    for row, doc in zip(rows, parsed, strict=False):
        want = expected(row["gold"])
        for field in FIELDS:
            got = getattr(doc, field)
            if same(field, got, want[field]):
                hits[field] += 1
            else:
                misses.append((row["gold"]["so_ky_hieu"], field, got, want[field]))
    _report(len(rows), hits, misses[:show], chars, elapsed)
    if hints:
        hint_report(rows, parsed)
    return 0


def _report(n, hits, misses, chars, elapsed) -> None:
    print(f"documents: {n}")
    for field in FIELDS:
        print(f"  {field:<12} {hits[field]:>3}/{n} = {100 * hits[field] / n:5.1f}%")
    print(
        f"throughput (CPU time): {n / elapsed:,.0f} documents/s, "
        f"{chars / elapsed / 1e6:.2f} MB/s ({elapsed:.2f} s for {chars / 1e6:.1f} MB)"
    )
    if misses:
        print("misses (document, field, parsed, gold):")
        for doc_id, field, got, want in misses:
            print(f"  {doc_id} {field}: {got!r} != {want!r}")


def corpus_throughput(path: Path) -> None:
    """Parse the larger unlabelled corpus: speed and how often fields are found."""
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    found = dict.fromkeys(FIELDS, 0)
    size = sum(len(row["text"].encode("utf-8")) for row in rows)
    started = time.process_time()
    for row in rows:
        doc = parse_document(row["text"])
        for field in FIELDS:
            found[field] += getattr(doc, field) is not None
    elapsed = time.process_time() - started
    print(
        f"corpus: {len(rows)} documents, {size / 1e6:.1f} MB in {elapsed:.2f} s "
        f"({size / elapsed / 1e6:.2f} MB/s); found "
        + ", ".join(f"{f} {n}" for f, n in found.items())
    )


def unseen_rows(half: str, name: str = "unseen") -> list[dict]:
    """The outside documents of one half ("A", "B" or "all"; for the second set
    "tuned", "held" or "all") with their gold."""
    texts = {}
    for line in (UNSEEN / f"{name}_documents.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        texts[row["id"]] = row
    rows = []
    for line in (UNSEEN / f"{name}_gold.jsonl").read_text("utf-8").splitlines():
        gold = json.loads(line)
        if half in ("all", gold["half"]):
            rows.append({**texts[gold["id"]], **gold})
    return rows


def _words(text: str | None) -> list[str]:
    return normalize_tones(text or "").casefold().replace(",", " ").split()


def _capitals(text: str) -> list[str]:
    """Words after the first with a capital letter ("Chính", "QĐ-TTg")."""
    words = normalize_tones(text).replace(",", " ").split()[1:]
    return [w for w in words if any(c.isupper() for c in w)]


def unseen_report(rows: list[dict], parsed: list) -> None:
    """Issuer, trích yếu and Căn cứ citations of the outside documents."""
    body = title = cited = wanted = caps = caps_kept = 0
    for row, doc in zip(rows, parsed, strict=True):
        gold = row["gold"]
        place = fold(gold["noi_ban_hanh"])
        for level in ("tinh ", "thanh pho "):
            place = place.removeprefix(level)
        named = place in fold(doc.issuer or "")
        body += named
        if not named:
            print(f"  issuer {gold['so_ky_hieu']}: {doc.issuer!r}")
        same_title = _words(doc.title) == _words(gold["trich_yeu"])
        capitals = _capitals(gold["trich_yeu"])
        have = set(normalize_tones(doc.title or "").replace(",", " ").split())
        caps += len(capitals)
        caps_kept += sum(word in have for word in capitals)
        title += same_title
        codes = {fold(c.code or "") for c in doc.legal_basis}
        found = [code for code in row["can_cu"] if fold(code) in codes]
        cited += len(found)
        wanted += len(row["can_cu"])
        if not same_title:
            print(f"  title {gold['so_ky_hieu']}: {doc.title!r}")
        if len(found) < len(row["can_cu"]):
            lost = sorted(set(row["can_cu"]) - set(found))
            print(f"  Căn cứ {gold['so_ky_hieu']}: not found {lost}")
    n = len(rows)
    print(f"  {'issuer':<12} {body:>3}/{n} (names the gold nơi ban hành)")
    print(f"  {'trích yếu':<12} {title:>3}/{n} (same words as the gold)")
    print(f"  {'capitals':<12} {caps_kept:>3}/{caps} capitalised words of the gold")
    print(f"  {'':<12} trích yếu (names, codes, cited kinds) kept in the title")
    print(f"  {'Căn cứ cited':<12} {cited:>3}/{wanted} gold codes among legal_basis")


def run_unseen(half: str, show: int, name: str = "unseen") -> int:
    """Measure the outside documents of one half."""
    rows = unseen_rows(half, name)
    started = time.process_time()
    parsed = [parse_document(row["text"]) for row in rows]
    elapsed = max(time.process_time() - started, 1e-6)
    hits = dict.fromkeys(FIELDS, 0)
    misses = []
    for row, doc in zip(rows, parsed, strict=True):
        want = expected(row["gold"])
        for field in FIELDS:
            if same(field, getattr(doc, field), want[field]):
                hits[field] += 1
            else:
                misses.append(
                    (row["gold"]["so_ky_hieu"], field, getattr(doc, field), want[field])
                )
    chars = sum(len(row["text"].encode("utf-8")) for row in rows)
    print(f"half {half}")
    _report(len(rows), hits, misses[:show], chars, elapsed)
    unseen_report(rows, parsed)
    return 0


def main(argv: list[str] | None = None) -> int:
    """CLI entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--misses", type=int, default=50)
    parser.add_argument("--without-table", action="store_true")
    parser.add_argument("--hints", action="store_true")
    parser.add_argument("--strip-header", action="store_true")
    parser.add_argument("--unseen", choices=("A", "B", "all"))
    parser.add_argument("--unseen2", choices=("tuned", "held", "all"))
    args = parser.parse_args(argv)
    if args.unseen:
        return run_unseen(args.unseen, args.misses)
    if args.unseen2:
        return run_unseen(args.unseen2, args.misses, "unseen2")
    if not args.gold.exists():
        print(f"skipped: {args.gold} not found (shared data absent)")
        return 0
    status = run(
        args.gold, args.misses, args.without_table, args.hints, args.strip_header
    )
    corpus = args.gold.parent / "corpus.jsonl"
    if corpus.exists():
        corpus_throughput(corpus)
    return status


if __name__ == "__main__":
    sys.exit(main())
