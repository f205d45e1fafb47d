"""Legal-basis check ("Kiểm tra căn cứ") over real documents imported and published.

Usage::

    .venv/bin/python bench/basis_check.py [--data FILE.jsonl ...] [--limit N]

Each JSON Lines file holds real documents (``text``) with the publisher's own
metadata (``gold``, or ``heuristic`` for ``corpus.jsonl``: ``so_ky_hieu``,
``loai_van_ban``, ``ngay_ban_hanh`` dd/mm/yyyy, ``noi_ban_hanh`` or
``co_quan_ban_hanh``). Every document is imported with ``import_documents
--publish`` into a fresh SQLite database (the metadata given as the JSON Lines
overrides, so the check is measured, not the document parser). Then, for each
stored document, a "Căn cứ" line is written from that metadata::

    Căn cứ Quyết định số 471/QĐ-UBND ngày 28 tháng 11 năm 2025 của Ủy ban nhân dân tỉnh Bắc Ninh;

and checked with ``pages.basis_check.check_text`` on 31/12/2025 (after every
document's date). *Pass*: no problem at all. Then the same line with one
injected error — a wrong day (same month and year), a wrong kind, a number that
no document on the portal carries — must be flagged with ``date_mismatch``,
``type_mismatch`` or ``not_found``: *flagged* counts lines whose problems
include that kind, *only* those whose problems are exactly that kind.

Defaults: ``dev_gold.jsonl`` (the set the rules were developed on) and
``corpus.jsonl`` (held out: never looked at while writing the rules).
Skips cleanly when ``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PORTAL_SHARED_DIR", ROOT.parent / "shared"))
DOCUMENTS = SHARED / "data" / "documents"
CHECK_ON = dt.date(2025, 12, 31)
#: Publisher kinds that are not a kind of document one cites by name.
UNCITABLE = {"Văn bản khác"}
WRONG_KIND = {
    "Quyết định": "Nghị quyết",
    "Nghị quyết": "Quyết định",
    "Công văn": "Thông báo",
    "Thông báo": "Công văn",
    "Thông tư": "Nghị định",
    "Nghị định": "Thông tư",
    "Công điện": "Công văn",
    "Kế hoạch": "Quyết định",
    "Chỉ thị": "Quyết định",
    "Văn bản hợp nhất": "Thông tư",
}


def setup_django(workdir: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)


def metadata(row: dict) -> tuple[dict | None, str]:
    """(metadata to write a line from, or None with the reason it is skipped)."""
    meta = row.get("gold") or row.get("heuristic") or {}
    if row.get("lang", "vi") != "vi":
        return None, "not Vietnamese"
    code, kind = meta.get("so_ky_hieu"), meta.get("loai_van_ban")
    day = meta.get("ngay_ban_hanh")
    if not (code and kind and day):
        return None, "no số ký hiệu, kind or date"
    if kind in UNCITABLE:
        return None, f"kind {kind!r}"
    try:
        issued = dt.datetime.strptime(day, "%d/%m/%Y").date()
    except ValueError:
        return None, "unreadable date"
    year = re.match(r"\d+/((?:19|20)\d\d)/", code)
    if year and int(year.group(1)) != issued.year:
        return None, "code year differs from the date"
    place = meta.get("noi_ban_hanh") or ""
    # The heuristic header field sometimes runs on into the number line.
    body = re.split(r"_{2,}|\bSố\s*:", meta.get("co_quan_ban_hanh") or "")[0].strip()
    meta = {"code": code, "kind": kind, "date": issued, "place": place, "body": body}
    return meta, ""


def issuer_phrase(meta: dict) -> str:
    """The issuing body as the metadata gives it ("Tỉnh Bắc Ninh" + QĐ-UBND → UBND tỉnh)."""
    if meta["body"]:
        name = meta["body"]
        # An all-caps header name, as a person would write it in a line.
        return name.title() if name.isupper() else name
    place, symbol = meta["place"], meta["code"].upper()
    locality = re.match(r"(?i)(tỉnh|thành phố)\s", place)
    if locality:
        where = place[:1].lower() + place[1:]
        if symbol.endswith("UBND"):
            return f"Ủy ban nhân dân {where}"
        if "HĐND" in symbol:
            return f"Hội đồng nhân dân {where}"
        return ""
    return place


def basis_line(meta: dict, *, kind=None, code=None, day=None) -> str:
    day = day or meta["date"]
    issuer = issuer_phrase(meta)
    of = f" của {issuer}" if issuer else ""
    return (
        f"Căn cứ {kind or meta['kind']} số {code or meta['code']} ngày {day.day:02d} "
        f"tháng {day.month:02d} năm {day.year}{of};"
    )


def wrong_day(day: dt.date) -> dt.date:
    try:
        return day.replace(day=day.day + 1)
    except ValueError:
        return day.replace(day=day.day - 1)


def unused_number(code: str) -> str:
    from pages.models import LegalDocumentPage

    match = re.match(r"(\d+)(.*)", code)
    number, rest = int(match.group(1)), match.group(2)
    candidate = number + 7001
    while LegalDocumentPage.objects.filter(number=candidate).exists():
        candidate += 1
    return f"{candidate}{rest}"


def import_file(path: Path, workdir: Path, limit: int | None) -> list[tuple[str, dict]]:
    """Import the documents of ``path``; (slug, metadata) of those to check."""
    from django.core.management import call_command

    records, metas = [], []
    skipped = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        meta, reason = metadata(row)
        if meta is None:
            skipped[reason] += 1
            continue
        slug = f"b-{row['id']}"
        records.append(
            {
                "text": row["text"],
                "doc_type": meta["kind"],
                "code": meta["code"],
                "issued_date": meta["date"].isoformat(),
                "slug": slug,
            }
        )
        metas.append((slug, meta))
        if limit and len(records) >= limit:
            break
    staged = workdir / path.name
    staged.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )
    with open(os.devnull, "w") as quiet:
        try:
            call_command("import_documents", str(staged), publish=True, stdout=quiet)
        except SystemExit:
            pass
    return metas, skipped


def measure(metas: list[tuple[str, dict]]) -> dict:
    from pages.basis_check import check_text
    from pages.models import LegalDocumentPage

    live = set(
        LegalDocumentPage.objects.live()
        .filter(slug__in=[s for s, _ in metas])
        .values_list("slug", flat=True)
    )
    stats = Counter()
    failures: list[str] = []
    for slug, meta in metas:
        if slug not in live:
            stats["not_stored"] += 1
            continue
        stats["lines"] += 1
        problems = _kinds(check_text(basis_line(meta), on=CHECK_ON, public_only=True))
        stats["pass"] += not problems
        if problems:
            failures.append(f"pass: {basis_line(meta)} -> {problems}")
        wrong_kind = WRONG_KIND.get(meta["kind"], "Chỉ thị")
        injected = {
            "date_mismatch": basis_line(meta, day=wrong_day(meta["date"])),
            "type_mismatch": basis_line(meta, kind=wrong_kind),
            "not_found": basis_line(meta, code=unused_number(meta["code"])),
        }
        for kind, line in injected.items():
            found = _kinds(check_text(line, on=CHECK_ON, public_only=True))
            stats[f"{kind}:flagged"] += kind in found
            stats[f"{kind}:only"] += found == [kind]
            if kind not in found:
                failures.append(f"{kind}: {line} -> {found}")
    return {"stats": dict(stats), "failures": failures}


def _kinds(report) -> list[str]:
    return [p.kind for p in report.problems]


LABELS = ROOT / "bench" / "data" / "basis_form_labels.tsv"


def read_labels() -> dict[tuple[str, str, int, str], str]:
    """Verdicts ("right"/"wrong") on order and form warnings, read by hand."""
    labels = {}
    if LABELS.exists():
        for row in LABELS.read_text(encoding="utf-8").splitlines():
            if row.startswith("#") or not row.strip():
                continue
            name, ident, line, kind, verdict = row.split("\t")[:5]
            labels[(name, ident, int(line), kind)] = verdict
    return labels


def form_survey(path: Path) -> str:
    """Order and form warnings over the real documents of ``path`` (pure: the
    texts that are imported and published), with their precision on the
    warnings read by hand (``bench/data/basis_form_labels.tsv``)."""
    from documents.basis import checked_citations
    from documents.basis.form import basis_block, form_problems

    labels = read_labels()
    counts, warned, documents = Counter(), set(), 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        if not basis_block(text):
            continue
        documents += 1
        citations = checked_citations(text)
        for index, problems in form_problems(text, citations).items():
            number = text.count("\n", 0, citations[index].start) + 1
            for kind in {p.kind for p in problems}:
                counts[kind] += 1
                warned.add(row["id"])
                verdict = labels.get((path.name, row["id"], number, kind))
                counts[verdict or "unread"] += 1
    read = counts["right"] + counts["wrong"]
    precision = (
        f"{counts['right']}/{read} = {counts['right'] / read:.1%}" if read else "n/a"
    )
    return (
        f"{path.name}: {documents} documents with a basis block; warnings (line and "
        f"kind) form {counts['form']}, order {counts['order']} on {len(warned)} "
        f"documents; precision on those read by hand {precision} "
        f"({counts['unread']} not read)"
    )


def summary(name: str, result: dict) -> str:
    s = result["stats"]
    n = s.get("lines", 0) or 1
    parts = [f"{name}: {s.get('lines', 0)} lines ({s.get('not_stored', 0)} not stored)"]
    parts.append(f"pass {s.get('pass', 0)}/{n} = {s.get('pass', 0) / n:.1%}")
    for kind in ("date_mismatch", "type_mismatch", "not_found"):
        flagged, only = s.get(f"{kind}:flagged", 0), s.get(f"{kind}:only", 0)
        parts.append(f"{kind} {flagged / n:.1%} (only that kind {only / n:.1%})")
    return "; ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", nargs="*", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--failures", type=int, default=10)
    args = parser.parse_args()
    files = args.data or [DOCUMENTS / "dev_gold.jsonl", DOCUMENTS / "corpus.jsonl"]
    files = [f for f in files if f.exists()]
    if not files:
        print(f"skipped: no data under {DOCUMENTS}")
        return
    print(
        f"machine: {platform.node()} {platform.machine()}, Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        setup_django(workdir)
        for path in files:
            started = time.perf_counter()
            metas, skipped = import_file(path, workdir, args.limit)
            imported = time.perf_counter() - started
            result = measure(metas)
            checked = time.perf_counter() - started - imported
            print(summary(path.name, result))
            print(f"  import {imported:.0f} s, checks {checked:.1f} s")
            print(f"  records skipped: {dict(skipped)}")
            for failure in result["failures"][: args.failures]:
                print("  ", failure)
            print("  " + form_survey(path))


if __name__ == "__main__":
    main()
