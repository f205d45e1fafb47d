"""Citation, source, version and validity rows now belong to the ``pages`` app.

They all point at document pages, so they moved with them. The tables keep
their names (``documents_*``): this migration only removes the models from the
``documents`` state; ``pages.0005_page_rows_from_documents`` adds them there.
"""

from django.db import migrations

MOVED = [
    "DocumentCitation",
    "DocumentSource",
    "PublishedVersion",
    "RevisionNote",
    "ValidityEvent",
    "PendingEffect",
]


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0006_keep_published_revisions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name=name) for name in MOVED],
            database_operations=[],
        )
    ]
