"""``manage.py import_documents PATH... [--parent SLUG] [--publish] [--note TEXT]
[--dry-run]``: create document pages from .txt/.md/.docx/.pdf files or JSON Lines.

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

import time
from collections import defaultdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from documents.parsing import ParseError, read_records
from pages.accents import ImportAccents
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
        self._report(options["paths"], results, failures, options["dry_run"])
        done = [r for rs in results.values() for r in rs]
        self._summary(done, total, failures, time.monotonic() - started)
        errors = sum(not r.ok for r in done) + len(failures)
        if errors:
            raise CommandError(f"{errors} error(s): see FAILED above", returncode=1)

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

    def _report(self, paths, results, failures, dry_run: bool) -> None:
        verb = "would be " if dry_run else ""
        for path in paths:
            if path in failures:
                self.stdout.write(f"{Path(path).name}: FAILED: {failures[path]}")
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

    def _summary(self, done, total: int, failures, seconds: float) -> None:
        stored = [r for r in done if r.ok]
        complete = sum(r.complete for r in stored)
        attention = len(stored) - complete
        self.stdout.write(
            f"{len(stored)} of {total} documents stored: {complete} complete, "
            f"{attention} need attention (drafts listed in Admin → Cần bổ sung), "
            f"{total - len(stored)} failed"
            f"{f', {len(failures)} file(s) unreadable' if failures else ''}"
            f" in {seconds:.1f} s"
        )

    def execute(self, *args, **options):
        self.verbosity_level = options.get("verbosity", 1)
        return super().execute(*args, **options)
