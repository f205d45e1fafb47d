"""``manage.py normalize_issuers [--dry-run]`` — one stored row per issuing body.

Renames every issuing body to its one spelling and merges the rows that name
the same body (``documents.body_merge``), then rebuilds the search index so the
"Cơ quan ban hành" facets name the kept bodies (skipped with ``--dry-run`` or
``--no-reindex``, or when nothing changed).
"""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand

from documents.body_merge import normalize_bodies


class Command(BaseCommand):
    help = "Rename issuing bodies to one spelling and merge duplicates."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--no-reindex", action="store_true")

    def handle(self, *args, **options):
        changes = normalize_bodies(dry_run=options["dry_run"])
        for change in changes:
            verb = "merged into" if change.merged_into else "renamed"
            self.stdout.write(f"{change.old!r} {verb} {change.new!r}")
        merged = sum(1 for c in changes if c.merged_into)
        self.stdout.write(
            f"{len(changes) - merged} renamed, {merged} merged"
            + (" (dry run: nothing stored)" if options["dry_run"] else "")
        )
        if changes and not (options["dry_run"] or options["no_reindex"]):
            call_command("rebuild_search_index", no_progress=True, stdout=self.stdout)
