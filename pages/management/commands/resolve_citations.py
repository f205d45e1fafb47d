"""``manage.py resolve_citations [--no-reindex]``: re-extract and resolve every
document's citations.

Idempotent: each live document's stored citations are replaced by those of its
current content, resolved against the live documents (``pages.graph``). Then
the documents are indexed again (skipped with ``--no-reindex``): their index
entries carry the keys of what they cite and of what their legal basis cites
(``pages.search_index._cites``), read from those rows, and a re-extraction can
change both (a citation dropped, a relation now "căn cứ" or no longer).
"""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from pages.graph import resolve_all
from pages.models import LegalDocumentPage
from search.indexing import index_page_ids


class Command(BaseCommand):
    help = "Re-extract and resolve the citations of all live documents."

    def add_arguments(self, parser):
        parser.add_argument("--no-reindex", action="store_true")

    def handle(self, *args, **options):
        quiet = options["verbosity"] == 0

        def progress(pages):
            return tqdm(pages, unit="doc", disable=quiet, file=self.stderr._out)

        stats = resolve_all(progress=progress)
        self.stdout.write(
            f"{stats['documents']} documents, {stats['citations']} citations, "
            f"{stats['resolved']} resolved to a page on the portal"
        )
        if options["no_reindex"]:
            return
        ids = list(LegalDocumentPage.objects.live().values_list("pk", flat=True))
        index_page_ids(ids)
        self.stdout.write(f"{len(ids)} documents indexed again")
