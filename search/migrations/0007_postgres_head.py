"""PostgreSQL: each entry's số ký hiệu, title and legal basis classes of its
tsvector as a stored column with its own GIN index (``postgres_match``), so
that title and quoted-phrase matches do not read the whole tsvector. Filled
from the stored tsvectors; SQLite is unchanged.
"""

from django.db import migrations

from search.backends.database.schema import add_head, drop_head


class Migration(migrations.Migration):
    atomic = False  # VACUUM runs outside a transaction (schema.add_head)
    dependencies = [("portal_search", "0006_accent_statistics")]
    operations = [migrations.RunPython(add_head, drop_head)]
