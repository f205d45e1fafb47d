"""``manage.py import_documents PATH... [--parent SLUG] [--publish] [--note TEXT]
[--dry-run] [--skip-invalid]``: create document pages from .txt/.md/.docx/.pdf
files or JSON Lines.

Every line of a JSON Lines file is checked before anything is stored
(``LineChecks``): valid JSON, an object with a non-empty ``text``, a given
``issued_date`` that is a date, a given ``doc_type`` the vocabulary knows, a
given ``slug`` not repeated in the file nor the address of another stored
document. A file with a bad line is not imported at all, and every bad line is
listed with its number and reason; ``--skip-invalid`` imports the good lines
and lists the skipped ones (exit status 1 when any was skipped).

Each record is imported in its own transaction (``document_import``); a record
whose identity is already on the portal becomes a new revision of that page.
A record whose số ký hiệu, issuing body, date or type cannot be found is still
stored, as a draft that is never published (``pages.completeness``). The report
lists, per file, what was created, revised, stored incomplete (with Vietnamese
sentences naming what to fill in) or failed and why, then how many documents
were stored complete and how many need attention. Exit status 1 only on errors
(a record that failed, a file that cannot be read), else 0.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify
from tqdm import tqdm

from documents.dates import dmy_to_iso
from documents.parsing import ParseError, parse_record, read_records
from documents.parsing.readers import _json_record, decode_text
from documents.text import fold
from pages.accents import ImportAccents
from pages.importing import ImportFailure, ImportResult, document_import

PROGRESS_MIN = 20
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
DATE_FORMS = "YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY"
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass
class BadLine:
    """A line of a JSON Lines file that cannot be imported, and why."""

    number: int
    reason: str


def _number(record) -> int:
    return int(record.name.rpartition("#")[2])


def _json_problem(line: str) -> str:
    """Why ``line`` is no record: bad JSON (where), no object, no text."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        return f"invalid JSON: {error.msg.lower()} at column {error.colno}"
    if not isinstance(obj, dict):
        return "not a JSON object"
    return "missing required field 'text'"


def _same_code(a: str, b: str) -> bool:
    return bool(a and b) and fold(a).replace(" ", "") == fold(b).replace(" ", "")


class LineChecks:
    """Reads a JSON Lines file line by line and checks each record's given
    fields before anything is stored; other files are read as they were."""

    def __init__(self, parent):
        self.parent = parent
        self._types: set[str] | None = None

    def read(self, path: str) -> tuple[list, list[BadLine]]:
        """The good records of ``path`` and its bad lines (``ParseError`` when
        the file itself cannot be read)."""
        try:
            records, bad = read_records(path), []
        except ParseError as error:
            if not self._per_line(path, str(error)):
                raise
            records, bad = self._lines(path)
        if Path(path).suffix.lower() not in JSON_SUFFIXES:
            return records, bad
        good, slugs = [], {}
        for record in records:
            reason = self.problem(record, slugs)
            if reason:
                bad.append(BadLine(_number(record), reason))
            else:
                good.append(record)
        return good, sorted(bad, key=lambda b: b.number)

    def _per_line(self, path: str, message: str) -> bool:
        name = Path(path).name
        lines = Path(path).suffix.lower() in JSON_SUFFIXES
        return lines and message.startswith(f"{name}: line ")

    def _lines(self, path: str) -> tuple[list, list[BadLine]]:
        name = Path(path).name
        text = decode_text(Path(path).read_bytes(), name)
        if text.lstrip().startswith("["):  # one JSON document, not lines
            raise ParseError(f"{name}: invalid JSON")
        records, bad = [], []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append(_json_record(line, name, number))
            except ParseError:
                bad.append(BadLine(number, _json_problem(line)))
        return records, bad

    def problem(self, record, slugs: dict[str, int]) -> str | None:
        """Why ``record`` cannot be imported, or None."""
        given = record.overrides
        if not record.text.strip():
            return "the field 'text' is empty"
        if "issued_date" in given:
            reason = self._date_problem(str(given["issued_date"]).strip())
            if reason:
                return reason
        if "doc_type" in given and not self._known_type(str(given["doc_type"])):
            return f"unknown document type (doc_type) {given['doc_type']!r}"
        if "slug" in given:
            return self._slug_problem(record, slugs)
        return None

    def _date_problem(self, value: str) -> str | None:
        from pages.models.documents import MAX_YEAR, MIN_YEAR

        match = _ISO.match(dmy_to_iso(value) or value)
        year, month, day = match.groups() if match else (None, None, None)
        try:
            if year:
                dt.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            year = None
        if year is None:
            return f"issued_date {value!r} is not a date ({DATE_FORMS})"
        if not MIN_YEAR <= int(year) <= MAX_YEAR:
            return f"issued_date {value!r} is outside {MIN_YEAR}-{MAX_YEAR}"
        return None

    def _known_type(self, name: str) -> bool:
        from documents.models import DocumentType

        if self._types is None:
            names = DocumentType.objects.values_list("name", flat=True)
            self._types = {fold(name) for name in names}
        return fold(" ".join(name.split())) in self._types

    def _slug_problem(self, record, slugs: dict[str, int]) -> str | None:
        """A slug given twice in the file, or the address of a stored page
        that is another document (a different số ký hiệu)."""
        slug = slugify(fold(str(record.overrides["slug"]).strip()))[:255]
        number = _number(record)
        if slug in slugs:
            return f"slug {slug!r} is also given on line {slugs[slug]}"
        slugs[slug] = number
        stored = self.parent.get_children().filter(slug=slug).first()
        if stored is None:
            return None
        stored = stored.specific
        code = getattr(stored, "code", "")
        mine = record.overrides.get("code") or (
            parse_record(record, ImportAccents([])).code if code else ""
        )
        if code and mine and not _same_code(str(mine), code):
            return (
                f"slug {slug!r} is already the address of page {stored.pk} "
                f"({code}), another document"
            )
        return None


class Command(BaseCommand):
    help = "Import documents (.txt, .md, .docx, .pdf, .jsonl) as document pages."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--parent", help="slug of the parent section (Văn bản)")
        parser.add_argument("--publish", action="store_true", help="publish pages")
        parser.add_argument("--note", default="", help="change note of the revision")
        parser.add_argument("--dry-run", action="store_true", help="write nothing")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the valid lines of a JSON Lines file and list the bad "
            "ones (default: a file with a bad line is not imported at all)",
        )

    def handle(self, *args, **options):
        parent = self._parent(options["parent"])
        started = time.monotonic()
        skip = options["skip_invalid"]
        files, failures, bad = self._read(options["paths"], LineChecks(parent))
        if not skip:  # a file with a bad line is not imported at all
            files = {p: [] if p in bad else records for p, records in files.items()}
        total = sum(len(records) for records in files.values())
        results = defaultdict(list)
        # Diacritics for subjects taken from source addresses: the texts of
        # every record read here, counted only if a record needs them.
        accents = ImportAccents(
            lambda: (record.text for rs in files.values() for record in rs)
        )
        bar = tqdm(
            total=total,
            disable=total < PROGRESS_MIN or options["verbosity"] == 0,
            unit="doc",
            file=self.stderr._out,
        )
        with bar:
            for path, records in files.items():
                for record in records:
                    result = self._import(record, parent, options, accents)
                    results[path].append(result)
                    bar.update()
        self._report(options["paths"], results, failures, bad, options)
        done = [r for rs in results.values() for r in rs]
        seconds = time.monotonic() - started
        self._summary(done, total, failures, seconds, options["dry_run"])
        if skip and (bad or any(not r.ok for r in done)):
            self._skipped(done, bad, options["dry_run"])
        self._fail(done, failures, bad, skip)

    def _fail(self, done, failures, bad, skip: bool) -> None:
        errors = sum(not r.ok for r in done) + len(failures)
        lines = sum(len(lines) for lines in bad.values())
        if lines and not skip:
            raise CommandError(
                f"{lines} bad line(s) in {len(bad)} file(s), listed above: nothing "
                "was imported from such a file; fix the lines, or import the "
                "others with --skip-invalid"
                + (f"; {errors} other error(s)" if errors else ""),
                returncode=1,
            )
        if errors or lines:
            what = f"{errors} error(s): see FAILED above" if errors else ""
            skipped = f"{lines} line(s) skipped" if lines else ""
            message = "; ".join(part for part in (what, skipped) if part)
            raise CommandError(message, returncode=1)

    def _skipped(self, done, bad, dry_run: bool) -> None:
        """ "Imported 97 documents, skipped 3 lines: a.jsonl line 4 (...)":
        the bad lines, then the records that failed as they were imported."""
        stored = sum(r.ok for r in done)
        listed = [
            f"{Path(path).name} line {line.number} ({line.reason})"
            for path, lines in bad.items()
            for line in lines
        ]
        listed += [
            f"{r.name.replace('#', ' line ')} ({r.error})" for r in done if not r.ok
        ]
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(
            f"{verb} {stored} documents, skipped {len(listed)} lines: "
            + "; ".join(listed)
        )

    def _parent(self, slug: str | None):
        from pages.models import DocumentIndexPage

        pages = DocumentIndexPage.objects.all()
        parent = pages.filter(slug=slug).first() if slug else pages.first()
        if parent is None:
            if slug:
                known = ", ".join(sorted(pages.values_list("slug", flat=True)[:20]))
                what = f"--parent {slug!r} is no documents section (sections: {known or 'none'})"
            else:
                what = "no 'Văn bản' section; run load_demo or give --parent"
            raise CommandError(what, returncode=1)
        return parent.specific

    def _read(self, paths: list[str], checks: LineChecks):
        files, failures, bad = {}, {}, {}
        for path in paths:
            try:
                files[path], lines = checks.read(path)
            except ParseError as exc:
                failures[path] = str(exc)
                continue
            if lines:
                bad[path] = lines
        return files, failures, bad

    def _import(self, record, parent, options, accents=None) -> ImportResult:
        try:
            return document_import(
                record=record,
                parent=parent,
                accents=accents,
                publish=options["publish"],
                note=options["note"],
                dry_run=options["dry_run"],
            )
        except ImportFailure as exc:
            return ImportResult(name=record.name, action="failed", error=str(exc))
        except Exception as exc:  # noqa: BLE001 - report the record, go on
            error = f"unexpected error: {type(exc).__name__}: {exc}"
            return ImportResult(name=record.name, action="failed", error=error)

    def _report(self, paths, results, failures, bad, options) -> None:
        verb = "would be " if options["dry_run"] else ""
        for path in paths:
            if path in failures:
                self.stdout.write(f"{Path(path).name}: FAILED: {failures[path]}")
                continue
            lines = bad.get(path, [])
            if lines and not options["skip_invalid"]:
                self.stdout.write(
                    f"{Path(path).name}: NOT IMPORTED, {len(lines)} bad line(s); "
                    "nothing from this file was stored"
                )
                for line in lines:
                    self.stdout.write(f"  BAD LINE {line.number}: {line.reason}")
                continue
            done = results.get(path, [])
            created = sum(r.action == "created" for r in done)
            revised = sum(r.action == "revised" for r in done)
            unchanged = sum(r.action == "unchanged" for r in done)
            failed = [r for r in done if not r.ok]
            attention = sum(r.ok and not r.complete for r in done)
            kept = f", {unchanged} translations kept as sources" if unchanged else ""
            self.stdout.write(
                f"{Path(path).name}: {created} {verb}created, {revised} {verb}revised"
                f"{kept} ({attention} need attention), {len(failed)} failed"
            )
            for line in lines:
                self.stdout.write(f"  SKIPPED LINE {line.number}: {line.reason}")
            for result in done:
                self._line(result)

    def _line(self, result: ImportResult) -> None:
        """Failures always; drafts that need attention with the Vietnamese
        sentences of what is missing; every record and its checks at -v 2."""
        if not result.ok:
            self.stdout.write(f"  FAILED {result.name}: {result.error}")
            return
        verbose = self.verbosity_level > 1
        if result.action == "unchanged":
            self.stdout.write(
                f"  TRANSLATION {result.name}: {result.code} is page {result.page_id}, "
                "left as it is (its address is kept as a source)"
            )
        if result.redirect.made:
            self.stdout.write(
                f"  SAME DOCUMENT {result.name}: {result.code} is page "
                f"{result.page_id}, {result.action}; {result.redirect.made} "
                "redirects to it"
            )
        if result.redirect.kept:
            self.stdout.write(
                f"  REDIRECT KEPT {result.name}: {result.redirect.kept} already "
                f"redirects to {result.redirect.kept_to}; left as it is, not "
                f"pointed at page {result.page_id}"
            )
        if result.complete and not verbose:
            return
        label = "NEEDS ATTENTION" if not result.complete else result.action
        self.stdout.write(f"  {label} {result.name}: {result.code} {result.title}")
        for sentence in result.warnings if verbose else result.warnings[:4]:
            self.stdout.write(f"    - {sentence}")

    def _summary(self, done, total, failures, seconds, dry_run=False) -> None:
        stored = [r for r in done if r.ok]
        complete = sum(r.complete for r in stored)
        attention = len(stored) - complete
        verb = "would be stored (dry run: nothing was)" if dry_run else "stored"
        self.stdout.write(
            f"{len(stored)} of {total} documents {verb}: {complete} complete, "
            f"{attention} need attention (drafts listed in Admin → Cần bổ sung), "
            f"{total - len(stored)} failed"
            f"{f', {len(failures)} file(s) unreadable' if failures else ''}"
            f" in {seconds:.1f} s"
        )

    def execute(self, *args, **options):
        self.verbosity_level = options.get("verbosity", 1)
        return super().execute(*args, **options)
