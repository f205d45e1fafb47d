"""Vocabularies are edited in the Wagtail admin as snippets with search and filters."""

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
