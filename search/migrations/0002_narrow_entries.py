"""Recreate the search tables: SQLite keeps the long text in its own table.

The index is derived data: run ``manage.py rebuild_search_index`` afterwards.
"""

from django.db import migrations

from search.backends.database.schema import recreate


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]
    operations = [migrations.RunPython(recreate, migrations.RunPython.noop)]
