"""Saved searches as pages ("Danh sách văn bản") and their RSS feed."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text

from documents.models import DocumentType
from pages.models import DocumentIndexPage, DocumentListPage, HomePage, PlanPage
from tests.search.pages import make_documents, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return make_documents(site_tree[1])


def make_list(home, **fields) -> DocumentListPage:
    page = DocumentListPage(title="Danh sách chỉ thị", slug="danh-sach", **fields)
    home.add_child(instance=page)
    return publish(page)


def test_tree_rules():
    assert set(DocumentListPage.allowed_parent_page_models()) == {
        HomePage,
        DocumentIndexPage,
    }
    assert DocumentListPage.allowed_subpage_models() == []


def test_stored_filters_select_documents(client, site_tree, documents):
    directive, plan = documents
    party_directive = DocumentType.objects.get(name="Chỉ thị", family="party")
    listing = make_list(site_tree[0], document_type=party_directive)
    html = client.get(listing.url).content.decode()
    assert directive.title in html
    assert plan.title not in html
    assert "1 văn bản" in html


def test_stored_words_without_diacritics_and_cites(client, site_tree, documents):
    directive, plan = documents
    listing = make_list(site_tree[0], query="ke hoach thi dua", cites="34-CT/TW")
    html = client.get(listing.url).content.decode()
    assert plan.title in html and directive.title not in html


def test_rss_feed_lists_results_only_while_live(
    client, site_tree, documents, django_capture_on_commit_callbacks
):
    directive, plan = documents
    listing = make_list(site_tree[0], query="thi đua")
    feed = ET.fromstring(client.get(listing.url + "rss/").content)
    titles = [item.findtext("title") for item in feed.iter("item")]
    assert f"{plan.code} – {plan.title}" in titles
    with django_capture_on_commit_callbacks(execute=True):
        PlanPage.objects.get(pk=plan.pk).unpublish()
    feed = ET.fromstring(client.get(listing.url + "rss/").content)
    assert plan.title not in str([item.findtext("title") for item in feed.iter("item")])


def test_bad_page_numbers_never_fail(client, site_tree, documents):
    listing = make_list(site_tree[0])
    for raw in ("-3", "abc", "10" * 20, "99999"):
        assert client.get(listing.url, {"page": raw}).status_code == 200


def test_editor_creates_a_list_in_the_admin(admin_client, site_tree):
    home, _ = site_tree
    data = nested_form_data(
        {
            "title": "Văn bản về thi đua",
            "slug": "van-ban-thi-dua",
            "intro": rich_text("<p>Danh sách tự cập nhật.</p>"),
            "query": "thi đua",
            "sort": "date",
            "per_page": 10,
            "status": "",
            "tag": "",
            "cites": "",
            "action-publish": "publish",
        }
    )
    url = f"/admin/pages/add/pages/documentlistpage/{home.pk}/"
    assert admin_client.post(url, data).status_code == 302
    assert DocumentListPage.objects.get(slug="van-ban-thi-dua").live
