"""Create or drop the search tables of the database vendor (run by migrations)."""


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        from search.backends.database.sqlite import create_schema
    elif connection.vendor == "postgresql":
        from search.backends.database.postgres import create_schema
    else:
        return
    create_schema(connection)


def drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        from search.backends.database.sqlite import DROP
    elif connection.vendor == "postgresql":
        from search.backends.database.postgres import DROP
    else:
        return
    with connection.cursor() as cursor:
        for statement in DROP:
            cursor.execute(statement)


def recreate(apps, schema_editor):
    """Drop and create again (the index is rebuilt from the pages)."""
    drop(apps, schema_editor)
    create(apps, schema_editor)
