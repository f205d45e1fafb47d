"""A chooser given a value that is no id shows nothing chosen, never a 500.

Wagtail's choosers (page, snippet, image, document: ``BaseChooser``) look up
the submitted value to show the chosen item again when a form comes back with
errors; a value that is no id ("abc" in the hidden input of "Cơ quan chủ quản",
of a redirect's page, of a site's root page) raised ``ValueError`` from the
lookup, a 500 in place of the form's own Vietnamese error ("Hãy chọn một lựa
chọn hợp lệ…"). Such a value now renders as nothing chosen. Patched on
Wagtail's class when this module is imported (from ``pages.wagtail_hooks``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail.admin.widgets.chooser import BaseChooser

_wagtail_get_instance = BaseChooser.get_instance


def get_instance(self, value):
    try:
        return _wagtail_get_instance(self, value)
    except (ValueError, ValidationError):
        return None


BaseChooser.get_instance = get_instance
