"""Wagtail's default groups get Vietnamese names.

Wagtail's own migrations create "Editors" (add and change any page, images and
documents) and "Moderators" (also publish), shown in English in Người dùng and
Nhóm quyền. The portal's roles of the document sections are "Biên tập viên",
"Lãnh đạo duyệt" and "Quản trị" (``0005_roles_and_workflow``); Wagtail's two
groups keep their wider rights over the whole site and are named for the
general content their workflow reviews ("Duyệt nội dung chung", renamed in
``0008``). A name already taken is left alone. The reverse migration restores
Wagtail's names.
"""

from django.db import migrations

# (Wagtail's name, the portal's name)
GROUPS = (
    ("Editors", "Biên tập viên nội dung chung"),
    ("Moderators", "Người duyệt nội dung chung"),
)


def _rename(apps, forward: bool) -> None:
    Group = apps.get_model("auth", "Group")
    for wagtail_name, portal_name in GROUPS:
        old, new = (
            (wagtail_name, portal_name) if forward else (portal_name, wagtail_name)
        )
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    _rename(apps, forward=True)


def backwards(apps, schema_editor):
    _rename(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        # After every Wagtail migration that looks these groups up by name.
        ("documents", "0008_vietnamese_labels_and_names"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
