"""A tampered row id in an inline formset is a form error, never a 500.

The admin's inline rows (a workflow's tasks on /admin/workflows/edit/N/, a
document's attachments and plan tasks) are modelcluster's formsets
(``BaseTransientModelFormSet``). Each existing row posts its hidden id; an id
that is no number ("abc") raised ``ValidationError`` while the formset was
built, and a missing id ``MultiValueDictKeyError``: both 500s, where Django's
own model formsets treat such an id as tampered. This does as Django does: a
row whose id is no number gets a blank instance and its id field says "Hãy
chọn một lựa chọn hợp lệ…"; a row without an id stands for the parent's row of
its position. An id that is a number but not one of the parent's rows
(modelcluster: no instance) is unchanged. Patched on
modelcluster's class when this module is imported (from ``pages.admin_patches``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms.formsets import BaseFormSet
from modelcluster.forms import BaseTransientModelFormSet


def _construct_form(self, i, **kwargs):
    existing = i < self.initial_form_count()
    if self.is_bound and existing:
        pk_field = self.model._meta.pk
        pk = self.data.get(f"{self.add_prefix(i)}-{pk_field.name}")
        if pk is None:  # missing: the row it stands for, as Django does
            rows = list(self.get_queryset())
            kwargs["instance"] = rows[i] if i < len(rows) else self.model()
        else:
            kwargs["instance"] = self.model()
            try:
                if pk != "":
                    kwargs["instance"] = self._existing_object(
                        self._get_to_python(pk_field)(pk)
                    )
            except ValidationError:
                pass  # no number: the row's id field refuses it
    if existing and "instance" not in kwargs:
        kwargs["instance"] = self.get_queryset()[i]
    if not existing and self.initial_extra:
        extra = i - self.initial_form_count()
        if extra < len(self.initial_extra):
            kwargs["initial"] = self.initial_extra[extra]
    return BaseFormSet._construct_form(self, i, **kwargs)


BaseTransientModelFormSet._construct_form = _construct_form
