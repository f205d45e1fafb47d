"""PostgreSQL: the posting table (token, block of entries, weighted
frequencies) from which BM25 is scored, filled from the entries already
indexed. SQLite is unchanged (FTS5 keeps its own doclists).
"""

from django.db import migrations

from search.backends.database.schema import add_postings


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0004_type_index")]
    operations = [migrations.RunPython(add_postings, migrations.RunPython.noop)]
