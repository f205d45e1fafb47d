"""The portal's changes to Wagtail's admin classes, applied on import.

Imported once by ``pages.wagtail_hooks``; each module says what it changes and
why (a chooser's bad value, labels Wagtail derives from code, the reason of
"Yêu cầu chỉnh sửa", permission names, a tampered formset row id).
"""

from pages import (  # noqa: F401
    admin_bad_input,
    admin_choosers,
    admin_formsets,
    admin_permissions,
    admin_sites,
    admin_workflow,
)
