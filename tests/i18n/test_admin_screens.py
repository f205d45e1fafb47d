"""The admin screens of the editor's journey show no English Wagtail phrase.

Twelve of Wagtail's screens (dashboard, explorer, a "Văn bản" section's
listing, a document's editor, its history, the add-page form, images,
documents, snippets, workflow tasks, locked pages, account) and the portal's own
(import, pending effects, exemplar report, "Cần bổ sung") are rendered for a superuser and for
a member of the editors' group on the demo site (a screen an editor may not
open redirects, and the page it lands on is checked); every English phrase of
``visible.ENGLISH_PHRASES`` found in what the user reads fails the test, named
with its screen.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from pages.incomplete_views import URL_NAME as INCOMPLETE_URL
from tests.i18n.visible import english_phrases, visible_texts

EDITORS = "Biên tập viên"  # the role created by documents.0005_roles_and_workflow


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)
    from pages.models import DecisionPage, DocumentIndexPage

    section = DocumentIndexPage.objects.live().first()
    document = DecisionPage.objects.child_of(section).first()
    assert section is not None and document is not None, "the demo has no documents"
    # One locked document, so "Trang đang khóa" lists something.
    document.locked = True
    document.save(update_fields=["locked"])
    return section, document


def screens(section, document) -> dict[str, str]:
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore_root"),
        "section listing": reverse("wagtailadmin_explore", args=[section.pk]),
        "document editor": reverse("wagtailadmin_pages:edit", args=[document.pk]),
        "document history": reverse("wagtailadmin_pages:history", args=[document.pk]),
        "add page": reverse(
            "wagtailadmin_pages:add",
            args=["pages", document.specific_class._meta.model_name, section.pk],
        ),
        "images": reverse("wagtailimages:index"),
        "documents": reverse("wagtaildocs:index"),
        # The vocabularies are the portal's snippets (a menu group, so
        # Wagtail's own snippet index has nothing to list).
        "snippets": reverse("wagtailsnippets_documents_issuingbody:list"),
        "workflow tasks": reverse("wagtailadmin_reports:workflow_tasks"),
        "locked pages": reverse("wagtailadmin_reports:locked_pages"),
        "account": reverse("wagtailadmin_account"),
        # The portal's own screens.
        "import": reverse("documents_import:upload"),
        "pending effects": reverse("documents_effects:index"),
        "exemplar report": reverse("pages_exemplar_report"),
        "needs attention": reverse(INCOMPLETE_URL),
    }


def english_on_screens(client, section, document) -> tuple[dict, dict]:
    found, statuses = {}, {}
    for name, url in screens(section, document).items():
        response = client.get(url, follow=True)
        statuses[name] = (response.status_code, response.request["PATH_INFO"])
        assert response.status_code == 200, (name, url, response.status_code)
        html = response.content.decode()
        assert visible_texts(html), f"{name}: nothing visible"
        for phrase, text in english_phrases(html).items():
            found[f"{name}: {phrase!r}"] = text
    return found, statuses


def test_superuser_sees_no_english(client, demo):
    section, document = demo
    admin = get_user_model().objects.create_superuser(
        "quantri-i18n", "quantri-i18n@example.invalid", "x"
    )
    client.force_login(admin)
    found, statuses = english_on_screens(client, section, document)
    print(statuses, *(f"{k} in {v!r}" for k, v in found.items()), sep="\n")
    # The superuser reaches every screen itself.
    assert {n: p for n, (_, p) in statuses.items()} == screens(section, document)
    assert found == {}, "\n".join(f"{k} in {v!r}" for k, v in found.items())


def test_editor_sees_no_english(client, demo):
    section, document = demo
    editor = get_user_model().objects.create_user(
        "bientap-i18n", "bientap-i18n@example.invalid", "x"
    )
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    found, statuses = english_on_screens(client, section, document)
    print(statuses, *(f"{k} in {v!r}" for k, v in found.items()), sep="\n")
    # Editors work on the documents: these screens are theirs, not redirects.
    for name in ("section listing", "document editor", "add page", "import"):
        assert statuses[name][1] == screens(section, document)[name], statuses[name]
    assert found == {}, "\n".join(f"{k} in {v!r}" for k, v in found.items())


def test_the_detector_sees_english():
    html = (
        '<main><button title="Save draft">Lưu</button><p>Xuất bản</p>'
        '<input type="submit" value="Publish">'
        '<script type="application/json" id="wagtail-config">'
        '{"STRINGS": {"X": "Sort menu order"}}</script>'
        "<script>var s = 'Reports';</script></main>"
    )
    assert set(english_phrases(html)) == {"Save draft", "Publish", "Sort menu order"}
    assert english_phrases("<p>Đã xuất bản; Published-at</p>") == {}


def test_login_screen_has_no_english(client, db):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mật khẩu" in visible_texts(html)
    assert english_phrases(html) == {}


def portal_editors() -> dict[str, str]:
    """The edit forms of the portal's vocabularies and of each page type."""
    from django.apps import apps
    from wagtail.models import Page
    from wagtail.snippets.models import get_snippet_models

    found = {}
    for model in get_snippet_models():
        instance = model.objects.first()
        if model._meta.app_label == "documents" and instance is not None:
            name = model._meta.model_name
            viewset = f"wagtailsnippets_{model._meta.app_label}_{name}"
            found[f"{name} editor"] = reverse(f"{viewset}:edit", args=[instance.pk])
            found[f"{name} add"] = reverse(f"{viewset}:add")
    for model in apps.get_app_config("pages").get_models():
        if issubclass(model, Page) and not model._meta.abstract:
            page = model.objects.first()
            if page is not None:
                found[f"{model._meta.model_name} editor"] = reverse(
                    "wagtailadmin_pages:edit", args=[page.pk]
                )
    return found


def test_portal_editors_show_no_english(client, demo):
    admin = get_user_model().objects.create_superuser(
        "quantri-i18n", "quantri-i18n@example.invalid", "x"
    )
    client.force_login(admin)
    found = {}
    screens_ = portal_editors()
    assert len(screens_) >= 10, screens_
    for name, url in screens_.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        for phrase, text in english_phrases(response.content.decode()).items():
            found[f"{name}: {phrase!r}"] = text
    assert found == {}, "\n".join(f"{k} in {v!r}" for k, v in found.items())
