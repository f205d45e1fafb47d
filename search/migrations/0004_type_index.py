"""SQLite: index the entries by type, for counting and listing a type's
documents without a query (browsing a "Danh sách văn bản"). The statements are
idempotent; PostgreSQL's schema is unchanged.
"""

from django.db import migrations

from search.backends.database.schema import create


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0003_synonym_tokens")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
