"""Vocabularies are edited in the Wagtail admin as snippets with search and filters."""

from django.urls import reverse, reverse_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from documents.models import DocumentType, EmulationTitle, Field, IssuingBody, Signer


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "doc-full"
    menu_label = "Loại văn bản"
    list_display = ["name", "abbreviation", "family"]
    list_filter = ["family"]
    search_fields = ["name", "abbreviation"]


class IssuingBodyViewSet(SnippetViewSet):
    model = IssuingBody
    icon = "group"
    menu_label = "Cơ quan ban hành"
    list_display = ["name", "abbreviation", "level", "parent", "dissolved_on"]
    list_filter = ["level"]
    search_fields = ["name", "abbreviation"]


class SignerViewSet(SnippetViewSet):
    model = Signer
    icon = "user"
    menu_label = "Người ký"
    list_display = ["name", "position", "body"]
    list_filter = ["body"]
    search_fields = ["name", "position"]


class FieldViewSet(SnippetViewSet):
    model = Field
    icon = "tag"
    menu_label = "Lĩnh vực"
    list_display = ["name"]
    search_fields = ["name"]


class EmulationTitleViewSet(SnippetViewSet):
    model = EmulationTitle
    icon = "pick"
    menu_label = "Danh hiệu, hình thức khen thưởng"
    list_display = ["name", "abbreviation", "kind", "recipient"]
    list_filter = ["kind", "recipient"]
    search_fields = ["name", "abbreviation"]


class VocabularyGroup(SnippetViewSetGroup):
    items = (
        DocumentTypeViewSet,
        IssuingBodyViewSet,
        SignerViewSet,
        FieldViewSet,
        EmulationTitleViewSet,
    )
    menu_icon = "folder-open-inverse"
    menu_label = "Danh mục"
    menu_name = "vocabularies"


register_snippet(VocabularyGroup)


# Versions and validity (issue 6) ---------------------------------------------


@hooks.register("register_log_actions")
def register_validity_log_actions(actions):
    """Audit-log entries written when an effect on a document is decided."""
    actions.register_action(
        "documents.effect_confirmed",
        "Xác nhận hiệu lực",
        "Xác nhận tác động của văn bản mới lên hiệu lực",
    )
    actions.register_action(
        "documents.effect_rejected",
        "Từ chối tác động hiệu lực",
        "Từ chối tác động của văn bản mới lên hiệu lực",
    )


@hooks.register("register_admin_urls")
def register_effects_urls():
    from django.urls import include, path

    from documents import admin_views

    urls = [
        path("", admin_views.effects_index, name="index"),
        path(
            "<int:pk>/<str:decision>/",
            admin_views.effect_decide,
            name="decide",
        ),
    ]
    return [path("hieu-luc/", include((urls, "documents_effects")))]


class PendingEffectsMenuItem(MenuItem):
    """Menu entry "Hiệu lực chờ xác nhận" with the number of pending effects."""

    def is_shown(self, request):
        from documents.admin_views import can_view

        return can_view(request.user)

    def render_component(self, request):
        from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent

        from documents.admin_views import pending_effects

        count = pending_effects().count()
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs
        )


@hooks.register("register_admin_menu_item")
def register_effects_menu_item():
    return PendingEffectsMenuItem(
        "Hiệu lực chờ xác nhận",
        reverse_lazy("documents_effects:index"),
        name="pending-effects",
        icon_name="warning",
        order=250,
    )


# Import ("Nhập văn bản") and the citation graph's log action ------------------


@hooks.register("register_admin_urls")
def register_import_urls():
    from django.urls import include, path

    from documents import views

    urls = [
        path("", views.import_upload, name="upload"),
        path("xem-truoc/", views.import_preview, name="preview"),
    ]
    return [path("nhap-van-ban/", include((urls, "documents_import")))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        from documents.views import can_import

        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        "Nhập văn bản",
        reverse_lazy("documents_import:upload"),
        name="import-documents",
        icon_name="upload",
        order=240,
    )


@hooks.register("register_log_actions")
def register_import_log_action(actions):
    from documents.importing import IMPORT_ACTION

    def message(log_entry):
        note = (log_entry.data or {}).get("note")
        return f"Nhập văn bản: {note}" if note else "Nhập văn bản từ tệp"

    actions.register_action(IMPORT_ACTION, "Nhập văn bản", message)


class PendingEffectsPanel(Component):
    """Dashboard notice asking to confirm the pending effects."""

    name = "pending_effects"
    order = 90
    template_name = "documents/versions/pending_effects_panel.html"

    def __init__(self, count: int):
        self.count = count

    def get_context_data(self, parent_context=None):
        return {"count": self.count, "url": reverse("documents_effects:index")}


@hooks.register("construct_homepage_panels")
def add_pending_effects_panel(request, panels):
    from documents.admin_views import can_view, pending_effects

    count = pending_effects().count() if can_view(request.user) else 0
    if count:
        panels.append(PendingEffectsPanel(count))
