"""``manage.py import_documents PATH... [--parent SLUG] [--publish] [--note TEXT]
[--dry-run]``: create document pages from .txt/.md/.docx/.pdf files or JSON Lines.

Each record is imported in its own transaction (``document_import``); a record
whose identity is already on the portal becomes a new revision of that page.
The report lists, per file, what was created, revised or failed and why. Exit
status 0 when at least one document was imported, 1 when none was.
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from documents.parsing import ParseError, read_records
from pages.importing import ImportFailure, ImportResult, document_import

PROGRESS_MIN = 20


class Command(BaseCommand):
    help = "Import documents (.txt, .md, .docx, .pdf, .jsonl) as document pages."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--parent", help="slug of the parent section (Văn bản)")
        parser.add_argument("--publish", action="store_true", help="publish pages")
        parser.add_argument("--note", default="", help="change note of the revision")
        parser.add_argument("--dry-run", action="store_true", help="write nothing")

    def handle(self, *args, **options):
        parent = self._parent(options["parent"])
        started = time.monotonic()
        files, failures = self._read(options["paths"])
        total = sum(len(records) for records in files.values())
        results = defaultdict(list)
        bar = tqdm(
            total=total,
            disable=total < PROGRESS_MIN or options["verbosity"] == 0,
            unit="doc",
            file=self.stderr._out,
        )
        with bar:
            for path, records in files.items():
                for record in records:
                    results[path].append(self._import(record, parent, options))
                    bar.update()
        self._report(options["paths"], results, failures, options["dry_run"])
        imported = sum(r.ok for rs in results.values() for r in rs)
        self._summary(imported, total, failures, time.monotonic() - started)
        if not imported:
            raise CommandError("no document was imported", returncode=1)

    def _parent(self, slug: str | None):
        from pages.models import DocumentIndexPage

        pages = DocumentIndexPage.objects.all()
        parent = pages.filter(slug=slug).first() if slug else pages.first()
        if parent is None:
            what = f"no section with slug {slug!r}" if slug else "no 'Văn bản' section"
            raise CommandError(f"{what}; run load_demo or give --parent", returncode=1)
        return parent.specific

    def _read(self, paths: list[str]):
        files, failures = {}, {}
        for path in paths:
            try:
                files[path] = read_records(path)
            except ParseError as exc:
                failures[path] = str(exc)
        return files, failures

    def _import(self, record, parent, options) -> ImportResult:
        try:
            return document_import(
                record=record,
                parent=parent,
                publish=options["publish"],
                note=options["note"],
                dry_run=options["dry_run"],
            )
        except ImportFailure as exc:
            return ImportResult(name=record.name, action="failed", error=str(exc))
        except Exception as exc:  # noqa: BLE001 - report the record, go on
            error = f"unexpected error: {type(exc).__name__}: {exc}"
            return ImportResult(name=record.name, action="failed", error=error)

    def _report(self, paths, results, failures, dry_run: bool) -> None:
        verb = "would be " if dry_run else ""
        for path in paths:
            if path in failures:
                self.stdout.write(f"{Path(path).name}: FAILED: {failures[path]}")
                continue
            done = results.get(path, [])
            created = sum(r.action == "created" for r in done)
            revised = sum(r.action == "revised" for r in done)
            failed = [r for r in done if not r.ok]
            self.stdout.write(
                f"{Path(path).name}: {created} {verb}created, {revised} {verb}revised, "
                f"{len(failed)} failed"
            )
            for result in done:
                self._line(result)

    def _line(self, result: ImportResult) -> None:
        if not result.ok:
            self.stdout.write(f"  FAILED {result.name}: {result.error}")
        elif self.verbosity_level > 1:
            self.stdout.write(
                f"  {result.action} {result.name}: {result.code} {result.title}"
            )

    def _summary(self, imported: int, total: int, failures, seconds: float) -> None:
        self.stdout.write(
            f"{imported} of {total} documents imported"
            f"{f', {len(failures)} file(s) unreadable' if failures else ''}"
            f" in {seconds:.1f} s"
        )

    def execute(self, *args, **options):
        self.verbosity_level = options.get("verbosity", 1)
        return super().execute(*args, **options)
