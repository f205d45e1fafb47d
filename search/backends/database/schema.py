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


def add_postings(apps, schema_editor):
    """PostgreSQL: create the posting table and fill it from the stored
    entries (``postgres_postings.fill``); SQLite's FTS5 keeps its own."""
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    from search.backends.database import postgres_postings

    with connection.cursor() as cursor:
        for statement in postgres_postings.SCHEMA:
            cursor.execute(statement)
        postgres_postings.fill(cursor)


def add_head(apps, schema_editor):
    """PostgreSQL: the stored column ``head`` (the số ký hiệu, title and legal
    basis classes of each entry's tsvector) and its GIN index
    (``postgres_match``); computed from the stored tsvectors, no rebuild.
    Adding it rewrites the table, which forgets which pages are all visible:
    VACUUM records them again (outside a transaction), so that counting the
    matches need not read every row."""
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    from search.backends.database import postgres_match, tables

    with connection.cursor() as cursor:
        for statement in postgres_match.SCHEMA:
            cursor.execute(statement)
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        cursor.execute(f"{command} {tables.ENTRY_TABLE}")


def drop_head(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    from search.backends.database import postgres_match, tables

    with connection.cursor() as cursor:
        cursor.execute(
            f"DROP INDEX IF EXISTS {postgres_match.HEAD_INDEX}; "
            f"ALTER TABLE {tables.ENTRY_TABLE} DROP COLUMN IF EXISTS head"
        )
