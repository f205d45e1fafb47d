"""Vietnamese names of the permissions on the group editor.

Django stores each permission's name as data, in English, written by its
``post_migrate`` ("Can add group", "Can change loại văn bản"); Wagtail's group
editor (/admin/groups/edit/N/, /admin/groups/new/) reads it out: each
Thêm/Sửa/Xóa checkbox of "Quyền đối tượng" is labelled with ``perm.name``
(``wagtailusers/groups/includes/formatted_permissions.html`` prints it without
``{% trans %}``), and each checkbox of a page-permission row with
``str(permission)`` ("Lõi Wagtail | trang | Can add page"). Both labels are
hidden on screen and read by screen readers.

``permission_label`` names a permission in the user's language: Django's
default permissions from the catalogue's "Can add %(name)s" (locale/django)
and the model's translated name, any other by the catalogues (Wagtail's own
"Publish any page", "Can access Wagtail admin" are in them). The object table's
tag (``format_permissions``) is registered again around Wagtail's, giving each
checkbox's permission that name (on the instance shown, nothing saved); the
page rows' checkboxes take Wagtail's own long labels of the page permission
types ("Thêm/sửa trang do mình tạo"). Applied when this module is imported
(from ``pages.admin_patches``).
"""

from __future__ import annotations

from django.contrib.auth import get_permission_codename
from django.utils.translation import gettext, gettext_lazy
from wagtail.models import Page
from wagtail.users.forms import PagePermissionsForm
from wagtail.users.templatetags import wagtailusers_tags

DEFAULT_PERMISSIONS = {
    "add": gettext_lazy("Can add %(name)s"),
    "change": gettext_lazy("Can change %(name)s"),
    "delete": gettext_lazy("Can delete %(name)s"),
    "view": gettext_lazy("Can view %(name)s"),
}
OBJECT_TABLE = "wagtailusers/groups/includes/formatted_permissions.html"


def permission_label(permission) -> str:
    model = permission.content_type.model_class()
    action = permission.codename.split("_", 1)[0]
    if (
        model is not None
        and action in DEFAULT_PERMISSIONS
        and permission.codename == get_permission_codename(action, model._meta)
    ):
        return DEFAULT_PERMISSIONS[action] % {"name": model._meta.verbose_name}
    return gettext(permission.name)


def page_permission_label(permission) -> str:
    for codename, _short, long_label in Page.permission_types:
        if codename == permission.codename:
            return str(long_label)
    return permission_label(permission)


_wagtail_format_permissions = wagtailusers_tags.format_permissions


def format_permissions(permission_bound_field):
    context = _wagtail_format_permissions(permission_bound_field)
    for row in context["object_perms"]:
        for action in ("add", "change", "delete"):
            if action in row:
                row[action]["perm"].name = permission_label(row[action]["perm"])
    return context


wagtailusers_tags.register.inclusion_tag(OBJECT_TABLE, name="format_permissions")(
    format_permissions
)
PagePermissionsForm.base_fields[
    "permissions"
].label_from_instance = page_permission_label
