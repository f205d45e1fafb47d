"""The admin's settings screens (sites, collections, workflows) show no English.

Wagtail labels the Sites listing's columns from attribute names ("Site name",
"Port", "Root page"), the workflow form's page field "Page" (Django's
``pretty_name``) and its migration names the root collection "Root": the
portal's ``pages.admin_sites`` and ``documents.0010`` give them Vietnamese names.
Each screen is rendered for a superuser on the demo site.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Collection, Site, Workflow

from tests.i18n.visible import english_phrases, visible_texts


@pytest.fixture
def admin_client(client, db):
    call_command("load_demo", verbosity=0)
    admin = get_user_model().objects.create_superuser(
        "quantri-caidat", "quantri-caidat@example.invalid", "x"
    )
    client.force_login(admin)
    return client


def screens() -> dict[str, str]:
    site, workflow = Site.objects.first(), Workflow.objects.first()
    return {
        "sites": reverse("wagtailsites:index"),
        "site editor": reverse("wagtailsites:edit", args=[site.pk]),
        "add site": reverse("wagtailsites:add"),
        "collections": reverse("wagtailadmin_collections:index"),
        "add collection": reverse("wagtailadmin_collections:add"),
        "workflows": reverse("wagtailadmin_workflows:index"),
        "add workflow": reverse("wagtailadmin_workflows:add"),
        "workflow editor": reverse("wagtailadmin_workflows:edit", args=[workflow.pk]),
        "workflow tasks": reverse("wagtailadmin_workflows:task_index"),
    }


def test_settings_screens_show_no_english(admin_client):
    found = {}
    for name, url in screens().items():
        response = admin_client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        for phrase, text in english_phrases(response.content.decode()).items():
            found[f"{name}: {phrase!r}"] = text
    assert found == {}, "\n".join(f"{k} in {v!r}" for k, v in found.items())


def test_the_sites_listing_names_its_columns_in_vietnamese(admin_client):
    texts = visible_texts(
        admin_client.get(reverse("wagtailsites:index")).content.decode()
    )
    for label in ("Tên trang web", "Cổng", "Trang gốc"):
        assert label in texts, label
    # The listing's links still lead to Wagtail's site editor.
    site = Site.objects.first()
    response = admin_client.get(reverse("wagtailsites:edit", args=[site.pk]))
    assert response.status_code == 200


def test_the_root_collection_and_the_workflow_page_field_are_vietnamese(admin_client):
    assert Collection.get_first_root_node().name == "Gốc"
    html = admin_client.get(reverse("wagtailadmin_workflows:add")).content.decode()
    assert "Trang" in visible_texts(html)
