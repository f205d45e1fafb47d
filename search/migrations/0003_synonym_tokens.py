"""Recreate the search tables: the SQLite FTS table gains the ``syn`` column.

The index is derived data: run ``manage.py rebuild_search_index`` afterwards.
"""

from django.db import migrations

from search.backends.database.schema import recreate


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_narrow_entries")]
    operations = [migrations.RunPython(recreate, migrations.RunPython.noop)]
