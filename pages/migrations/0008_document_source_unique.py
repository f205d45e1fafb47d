"""One ``DocumentSource`` row per source of a page.

The import finds a page's source by its address, or by its file name when it
has no address; two imports of the same record running at once could each add
a row. Such duplicates are removed first (the earliest row, the lowest id, is
kept: the later ones only repeat it), then two unique constraints make the
database refuse them. Reversing drops the constraints and restores nothing.
"""

from django.db import migrations, models


def remove_duplicates(apps, schema_editor):
    DocumentSource = apps.get_model("pages", "DocumentSource")
    rows = DocumentSource.objects.using(schema_editor.connection.alias).order_by()
    by_address = rows.exclude(source_url=""), ("page_id", "source_url")
    by_file = rows.filter(source_url=""), ("page_id", "file_name")
    for same, key in (by_address, by_file):
        earliest = same.values(*key).annotate(kept=models.Min("pk")).values("kept")
        same.exclude(pk__in=earliest).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0007_document_sources"),
    ]

    operations = [
        migrations.RunPython(remove_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="documentsource",
            constraint=models.UniqueConstraint(
                condition=models.Q(("source_url", ""), _negated=True),
                fields=("page", "source_url"),
                name="unique_document_source_url",
            ),
        ),
        migrations.AddConstraint(
            model_name="documentsource",
            constraint=models.UniqueConstraint(
                condition=models.Q(("source_url", "")),
                fields=("page", "file_name"),
                name="unique_document_source_file",
            ),
        ),
    ]
