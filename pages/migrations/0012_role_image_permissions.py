"""The portal's roles may upload and choose images.

``documents.0005_roles_and_workflow`` created "Biên tập viên", "Lãnh đạo duyệt"
and "Quản trị", and ``pages.workflow.roles_ensure`` gave them the files of
"Tài liệu" but no permission on "Hình ảnh": an editor could not upload a
picture, and the image chooser of an exemplar's photo listed nothing. This
gives each role add, change and choose on the root collection's images (and
"Quản trị" delete), as ``pages.workflow.COLLECTION_PERMISSIONS`` now does for
new databases. A permission already given is kept; the reverse migration
removes only these rows.
"""

from django.db import migrations

ROLES = {
    "Biên tập viên": ["add_image", "change_image", "choose_image"],
    "Lãnh đạo duyệt": ["add_image", "change_image", "choose_image"],
    "Quản trị": ["add_image", "change_image", "choose_image", "delete_image"],
}


def _rows(apps):
    """(group, permission) pairs to grant; Wagtail's image migrations (0002,
    0023) created the permissions, a missing one is left to ``roles_ensure``."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailimages",
            content_type__model="image",
            codename__in=codenames,
        ):
            yield group, permission


def forwards(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for group, permission in _rows(apps):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def backwards(apps, schema_editor):
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    for group, permission in _rows(apps):
        GroupCollectionPermission.objects.filter(
            group=group, permission=permission, collection__depth=1
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0011_document_number_max"),
        ("documents", "0005_roles_and_workflow"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
