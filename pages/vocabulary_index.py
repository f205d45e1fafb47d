"""Index the vocabularies that data migrations seed, after every ``migrate``.

``documents/migrations`` write the standard document types, issuing bodies,
fields and emulation titles with historical models, which send no save signal:
Wagtail's search index never heard of those rows, so the snippet choosers of
the page editor found nothing for "Kế hoạch" or "Giấy khen". ``post_migrate``
(after ``migrate``, also when nothing was left to apply, and on a new test
database) writes every row of these small tables to each search backend, which
also refreshes rows a later migration renamed. A site upgraded with ``migrate``
is fixed by the same pass; ``manage.py update_index`` does it by hand as well.
"""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from wagtail.search.backends import get_search_backends

from documents.models import DocumentType, EmulationTitle, Field, IssuingBody

#: The vocabularies seeded by ``documents/migrations`` (small tables).
MODELS = (DocumentType, IssuingBody, Field, EmulationTitle)

#: App labels whose migrations must all be applied before the pass runs.
NEEDED_APPS = ("documents", "wagtailsearch")


def fully_migrated(using: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether the vocabularies' and the search index's tables are current."""
    loader = MigrationLoader(connections[using], ignore_no_migrations=True)
    leaves = [node for node in loader.graph.leaf_nodes() if node[0] in NEEDED_APPS]
    return len(leaves) >= len(NEEDED_APPS) and all(
        node in loader.applied_migrations for node in leaves
    )


def index_vocabularies() -> int:
    """Write every vocabulary row to each search backend; the number of rows."""
    count = 0
    for model in MODELS:
        objects = list(model.objects.all())
        count += len(objects)
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objects)
    return count


def on_post_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    if using != DEFAULT_DB_ALIAS or not fully_migrated(using):
        return
    index_vocabularies()
