"""``manage.py rebuild_search_index`` — index every live, public page anew.

Works in chunks with a progress bar; each configured backend is rebuilt
(Elasticsearch into a new index whose alias is swapped at the end, the database
backends inside one transaction), so searches keep working meanwhile. The first
pass also counts the accent statistics again (``search.restore``).
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import get_backend
from search.backends.base import BackendError
from search.indexing import all_entries, backend_aliases, counting_text


class Command(BaseCommand):
    help = "Rebuild the search index of every configured backend."

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=500)
        parser.add_argument(
            "--backend", help="only this alias of PORTAL_SEARCH_BACKENDS"
        )
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options):
        if options["chunk_size"] < 1:
            raise CommandError("--chunk-size must be a positive number.")
        configured = backend_aliases()
        if options["backend"] and options["backend"] not in configured:
            raise CommandError(
                f"unknown backend {options['backend']!r}; configured: "
                + ", ".join(configured)
            )
        aliases = [options["backend"]] if options["backend"] else configured
        for n, alias in enumerate(aliases):
            # The first pass over the pages also counts the accent statistics.
            entries = counting_text(all_entries()) if n == 0 else all_entries()
            backend = get_backend(alias)
            bar = tqdm(
                desc=f"Index ({alias})",
                unit=" mục",
                disable=options["no_progress"],
                file=sys.stderr,
            )
            try:
                count = backend.rebuild(
                    entries, chunk_size=options["chunk_size"], progress=bar
                )
            except BackendError as error:
                raise CommandError(f"{alias}: {error}") from error
            finally:
                bar.close()
            self.stdout.write(f"{alias}: {count} entries indexed")
