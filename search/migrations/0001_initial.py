"""Search tables of the database backend that matches the database vendor.

SQLite gets the FTS5 tables, PostgreSQL the tsvector table with its GIN index;
both are plain SQL owned by ``search.backends`` (no Django models), so the same
statements serve this migration and the tests.
"""

from django.db import migrations


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        from search.backends.sqlite import create_schema
    elif connection.vendor == "postgresql":
        from search.backends.postgres import create_schema
    else:
        return
    create_schema(connection)


def drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        from search.backends.sqlite import DROP
    elif connection.vendor == "postgresql":
        from search.backends.postgres import DROP
    else:
        return
    with connection.cursor() as cursor:
        for statement in DROP:
            cursor.execute(statement)


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunPython(create, drop)]
