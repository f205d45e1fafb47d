"""The admin's "Cơ quan ban hành" (Danh mục → Cơ quan ban hành): its viewset,
its form and its edit screen's list of old addresses.

``normalize_issuers`` keeps the slug and id of a merged body row as an
``IssuingBodyAlias`` of the row it was merged into, so old links
(``/van-ban/?issuer=<slug>``, the API's ``issuer``, ``/tim-kiem/?issuer=<id>``)
keep naming it. The form refuses such an old slug for another body: since
``IssuingBody.by_slug`` prefers a body's own slug, that body would silently
take the old links over. The edit screen shows which old addresses the body
answers to (read only; deleting the body ends them).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.snippets.views.snippets import SnippetViewSet

from documents.models import IssuingBody, IssuingBodyAlias


class IssuingBodyForm(WagtailAdminModelForm):
    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        alias = (
            IssuingBodyAlias.objects.filter(slug=slug)
            .exclude(body_id=self.instance.pk)
            .select_related("body")
            .first()
        )
        if alias is not None:
            raise ValidationError(
                f"Đường dẫn “{slug}” là đường dẫn cũ của cơ quan “{alias.body}” "
                "(một cơ quan đã được gộp vào cơ quan này): các liên kết cũ vẫn "
                "dẫn tới đó. Hãy chọn đường dẫn khác."
            )
        return slug


class AliasesPanel(Panel):
    """The body's old addresses, read only; shown only when it has some."""

    class BoundPanel(Panel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.aliases = (
                list(self.instance.aliases.order_by("slug")) if self.instance.pk else []
            )

        def is_shown(self):
            return bool(self.aliases)

        def render_html(self, parent_context=None):
            items = format_html_join(
                "",
                "<li><code>?issuer={}</code>{}</li>",
                (
                    (
                        alias.slug,
                        f" (mã cũ {alias.former_id})" if alias.former_id else "",
                    )
                    for alias in self.aliases
                ),
            )
            return format_html(
                "<p>Cơ quan này được gộp từ các bản ghi khác; các liên kết cũ "
                "tới chúng vẫn dẫn tới cơ quan này. Xóa cơ quan này thì các "
                "đường dẫn cũ cũng hết tác dụng.</p><ul>{}</ul>",
                items,
            )


FIELDS = [
    "name",
    "abbreviation",
    "level",
    "parent",
    "place",
    "dissolved_on",
    "successors",
    "slug",
]


class IssuingBodyViewSet(SnippetViewSet):
    model = IssuingBody
    icon = "group"
    menu_label = "Cơ quan ban hành"
    list_display = ["name", "abbreviation", "level", "parent", "dissolved_on"]
    list_filter = ["level"]
    edit_handler = ObjectList(
        [FieldPanel(name) for name in FIELDS]
        + [AliasesPanel(heading="Đường dẫn cũ (chỉ xem)")],
        base_form_class=IssuingBodyForm,
    )
