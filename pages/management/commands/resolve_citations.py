"""``manage.py resolve_citations``: re-extract and resolve every document's citations.

Idempotent: each live document's stored citations are replaced by those of its
current content, resolved against the live documents (``pages.graph``).
"""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from pages.graph import resolve_all


class Command(BaseCommand):
    help = "Re-extract and resolve the citations of all live documents."

    def handle(self, *args, **options):
        quiet = options["verbosity"] == 0

        def progress(pages):
            return tqdm(pages, unit="doc", disable=quiet, file=self.stderr._out)

        stats = resolve_all(progress=progress)
        self.stdout.write(
            f"{stats['documents']} documents, {stats['citations']} citations, "
            f"{stats['resolved']} resolved to a page on the portal"
        )
