"""Accent statistics for restoring the diacritics of queries typed without them
(``search.restore``): two plain tables, the same SQL on SQLite and PostgreSQL.
Run ``rebuild_search_index`` afterwards to count the text already indexed.
"""

from django.db import migrations


def create(apps, schema_editor):
    from search.restore import create_tables

    create_tables(schema_editor.connection)


def drop(apps, schema_editor):
    from search.restore import drop_tables

    drop_tables(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0005_postgres_postings")]
    operations = [migrations.RunPython(create, drop)]
