"""The root collection Wagtail's migration creates as "Root" is named "Gốc", as
the root page is (0008): the admin shows it as the parent to choose when adding
a collection and in the collection choosers. The reverse restores "Root"."""

from django.db import migrations

# (Wagtail's name, the portal's name)
ROOT_NAME = ("Root", "Gốc")


def renaming(old: str, new: str):
    def run(apps, schema_editor):
        Collection = apps.get_model("wagtailcore", "Collection")
        Collection.objects.filter(depth=1, name=old).update(name=new)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0009_vietnamese_group_names"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [
        migrations.RunPython(renaming(*ROOT_NAME), renaming(*ROOT_NAME[::-1]))
    ]
