"""Vietnamese labels where Wagtail's admin derives English ones from code.

Wagtail's "Trang web" listing (``wagtail.sites.views.IndexView``) labels three
columns from their attribute names (``Column("site_name")`` reads "Site name",
untranslatable), and the workflow form's page field (``WorkflowPageForm.page``,
declared without a label) reads "Page" (Django's ``pretty_name``). The portal's
``SiteViewSet`` takes Wagtail's place at ``/admin/sites/`` (same addresses,
matched first; imported by ``pages.wagtail_hooks``) with the columns labelled
by the model fields' names, which Wagtail's catalogue translates; the workflow
form's page field and the group editor's page-permission rows
(``PagePermissionsForm.page``, no label either) are given the label "Page" of
that catalogue ("Trang"). The rich-text editor's link dialogs (external link,
anchor, email, phone: ``wagtail.admin.forms.choosers``) label their fields from
the names too ("Link text", "Email address", "Subject", "Body", "Phone
number"); no catalogue holds these, so they get Vietnamese labels here. The
root collection's name ("Root", data) is renamed by a migration
(``documents.0010_vietnamese_root_collection``).
"""

from __future__ import annotations

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import choosers
from wagtail.admin.forms.workflows import WorkflowPagesFormSet
from wagtail.admin.ui.tables import Column
from wagtail.models import Site
from wagtail.sites import views as wagtail_sites
from wagtail.users.forms import PagePermissionsForm


def field_label(name: str):
    """The model field's verbose name (translated by Wagtail's catalogue)."""
    return capfirst(Site._meta.get_field(name).verbose_name)


class SiteIndexView(wagtail_sites.IndexView):
    columns = [
        Column(column.name, label=field_label(column.name), sort_key=column.sort_key)
        if type(column) is Column
        else column
        for column in wagtail_sites.IndexView.columns
    ]


class SiteViewSet(wagtail_sites.SiteViewSet):
    index_view_class = SiteIndexView


@hooks.register("register_admin_viewset", order=-1)
def register_site_viewset():
    # Registered before Wagtail's (order -1): its addresses under sites/ are
    # matched first. Its own namespace: Wagtail's "wagtailsites:…" names (the
    # Settings menu, the edit links) reverse to the same addresses.
    return SiteViewSet("portal_sites", url_prefix="sites")


# The workflow views (wagtail.admin.views.workflows, not a viewset) build their
# page rows from this formset; its form's field had no label. This sets the
# label on Wagtail's form class itself, for the whole process, when this module
# is imported (from pages.wagtail_hooks).
WorkflowPagesFormSet.form.base_fields["page"].label = gettext_lazy("Page")
PagePermissionsForm.base_fields["page"].label = gettext_lazy("Page")

# The link dialogs' fields, by form; the same labels for the whole process.
LINK_FIELD_LABELS = {
    "link_text": "Chữ hiển thị của liên kết",
    "email_address": "Địa chỉ email",
    "subject": "Tiêu đề thư",
    "body": "Nội dung thư",
    "phone_number": "Số điện thoại",
}
for _form in (
    choosers.ExternalLinkChooserForm,
    choosers.AnchorLinkChooserForm,
    choosers.EmailLinkChooserForm,
    choosers.PhoneLinkChooserForm,
):
    for _name, _field in _form.base_fields.items():
        if _name in LINK_FIELD_LABELS:
            _field.label = LINK_FIELD_LABELS[_name]
