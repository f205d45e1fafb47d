"""``manage.py normalize_issuers [--dry-run] [--no-reindex]`` — one stored row
per issuing body.

Renames every issuing body to its one spelling and merges the rows that name
the same body (``documents.body_merge``), lists the documents that the merge
leaves with one identity (same type, number, year, Ký hiệu and issuer,
``pages.body_duplicates``) for an editor to check — nothing is deleted —, then
rebuilds the search index so the "Cơ quan ban hành" facets name the kept bodies
(skipped with ``--dry-run`` or ``--no-reindex``, or when nothing changed).
With ``--dry-run`` everything is rolled back, the list included. The command
lives in ``pages`` because those documents are pages.
"""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from documents.body_merge import normalize_bodies
from pages.body_duplicates import group_lines, identity_duplicates


class Command(BaseCommand):
    help = (
        "Rename issuing bodies to one spelling, merge duplicates and list the "
        "documents the merge leaves with one identity."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--no-reindex", action="store_true")

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        with transaction.atomic():
            changes = normalize_bodies()
            kept = {c.merged_into for c in changes if c.merged_into}
            groups = [group_lines(g) for g in identity_duplicates(kept)]
            if dry_run:
                transaction.set_rollback(True)
        for change in changes:
            verb = "merged into" if change.merged_into else "renamed"
            self.stdout.write(f"{change.old!r} {verb} {change.new!r}")
        merged = sum(1 for c in changes if c.merged_into)
        self.stdout.write(
            f"{len(changes) - merged} renamed, {merged} merged"
            + (" (dry run: nothing stored)" if dry_run else "")
        )
        self._write_duplicates(groups)
        if changes and not (dry_run or options["no_reindex"]):
            call_command("rebuild_search_index", no_progress=True, stdout=self.stdout)

    def _write_duplicates(self, groups: list[list[str]]) -> None:
        if not groups:
            return
        self.stdout.write(
            f"{len(groups)} group(s) of documents now share type, number, year, "
            "symbol and issuer; check each (nothing was deleted):"
        )
        for line in (line for lines in groups for line in lines):
            self.stdout.write(line)
