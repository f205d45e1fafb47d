"""Search tables of the database backend that matches the database vendor.

SQLite gets the FTS5 tables, PostgreSQL the tsvector table with its GIN index;
both are plain SQL owned by ``search.backends`` (no Django models), so the same
statements serve this migration and the tests.
"""

from django.db import migrations

from search.backends.database.schema import create, drop


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunPython(create, drop)]
