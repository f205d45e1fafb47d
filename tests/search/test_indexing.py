"""Pages reach the index after commit, and leave it when no longer public."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from documents.choices import Relation
from search import get_backend
from search.indexing import all_entries, page_entries
from search.types import SearchQuery
from tests.factories.pages import DecisionPageFactory

from .pages import make_documents, make_exemplar, publish

pytestmark = pytest.mark.django_db


def keys(text="", **filters) -> list[str]:
    found = get_backend().search(SearchQuery(text=text, filters=filters, per_page=50))
    return [hit.key for hit in found.hits]


def test_long_document_is_indexed_per_article(documents):
    directive, _plan = documents
    entries = page_entries(directive)
    assert [e.kind for e in entries] == ["document", "article", "article"]
    article = entries[2]
    assert (article.article, article.anchor) == ("Điều 2", "dieu-2")
    assert article.url.endswith("#dieu-2")
    assert "giấy khen" in article.body and "<b>" not in article.body
    assert "34-ct/tw" in entries[0].code_keys


def test_publish_indexes_after_commit_and_code_lookup_works(documents):
    directive, plan = documents
    assert keys("34/CT-TW")[0] == f"page:{directive.pk}"
    assert keys("chi thi 34 giay khen")[0] == f"page:{directive.pk}#dieu-2"
    assert f"page:{plan.pk}" in keys("thi dua khen thuong 2025")


def test_a_document_is_found_by_its_signer(documents):
    """Staff look for what a leader signed: the signer's name, which the
    official layout prints under the text, is searchable, typed with or
    without diacritics; it stays on the document's entry, not its Điều."""
    directive, plan = documents
    for page in (directive, plan):
        assert page.signer.name in page_entries(page)[0].body
    assert all(page.signer.name not in e.body for e in page_entries(directive)[1:])
    from search.query import strip_diacritics

    for text in (plan.signer.name, strip_diacritics(plan.signer.name)):
        assert keys(text)[0] == f"page:{plan.pk}", text


def test_cites_lists_the_citing_plan(documents):
    _directive, plan = documents
    assert keys(cites="34-ct/tw") == [f"page:{plan.pk}"]


def test_the_legal_basis_citations_are_indexed_as_the_graph_stores_them(documents):
    """``cites_basis`` holds the keys of the citations the graph stored with
    the "basis" relation (the plan's "Căn cứ Chỉ thị số 34-CT/TW"), so a
    search for 34-CT/TW lists the plan among those citing it as a căn cứ."""
    directive, plan = documents
    entry = page_entries(plan)[0]
    stored = plan.outgoing_citations.filter(relation=Relation.BASIS)
    assert stored.exists()
    expected = {k for c in stored for k in [c.key, *c.lookup_keys.split("\n")] if k}
    assert set(entry.cites_basis) == expected
    assert "34-ct/tw" in entry.cites_basis
    assert set(entry.cites_basis) <= set(entry.cites)
    found = keys("34-CT/TW")
    cited = [k for k in found if not k.startswith(f"page:{directive.pk}")]
    assert found[0] == f"page:{directive.pk}" and cited[0] == f"page:{plan.pk}"
    plan.outgoing_citations.update(relation=Relation.RELATED)
    assert page_entries(plan)[0].cites_basis == []


def test_unpublish_and_delete_remove_after_commit(
    documents, django_capture_on_commit_callbacks
):
    directive, plan = documents
    with django_capture_on_commit_callbacks(execute=True):
        plan.unpublish()
    assert f"page:{plan.pk}" not in keys("ke hoach")
    with django_capture_on_commit_callbacks(execute=True):
        directive.delete()
    assert keys("34-CT/TW") == []


def test_view_restriction_removes_and_lifting_it_restores(
    documents, django_capture_on_commit_callbacks
):
    _directive, plan = documents
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=plan, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.create(name="Nội bộ"))
    assert f"page:{plan.pk}" not in keys("ke hoach thi dua")
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert f"page:{plan.pk}" in keys("ke hoach thi dua")


def test_nothing_is_indexed_before_commit(
    site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_documents(site_tree[1])
    assert callbacks and keys("34-CT/TW") == []


def test_exemplar_details_only_with_consent(
    site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        private = make_exemplar(site_tree[0], consent=False)
    assert keys("Lò Văn Sáng") == [f"page:{private.pk}"]
    assert keys("trong che gioi") == []
    entry = page_entries(private)[0]
    assert entry.kind == "exemplar"


def test_rebuild_entries_equal_incremental(documents):
    incremental = keys(per_page=50) if False else keys("thi dua")
    get_backend().rebuild(all_entries())
    assert keys("thi dua") == incremental


def test_a_regulation_after_its_decision_keeps_its_own_articles(
    site_tree, django_capture_on_commit_callbacks, client
):
    """A decision's Điều 1–2, then the regulation it issues, numbered from 1
    again: each Điều is indexed under its own anchor and the page renders the
    anchors the hits link to; the results name each by its heading."""

    def article(number, title, text):
        return ("article", {"number": number, "title": title, "body": RichText(text)})

    with django_capture_on_commit_callbacks(execute=True):
        decision = publish(
            DecisionPageFactory(
                parent=site_tree[1],
                title="Quyết định ban hành Quy chế lưu trữ",
                body=[
                    article("1", "Ban hành", "<p>Ban hành kèm theo Quy chế.</p>"),
                    article("2", "Hiệu lực", "<p>Có hiệu lực từ ngày ký.</p>"),
                    article("1", "Phạm vi", "<p>Quy chế này áp dụng cho kho.</p>"),
                    article("2", "Tiêu hủy", "<p>Tiêu hủy hồ sơ hết giá trị.</p>"),
                ],
            )
        )
    anchors = [e.anchor for e in page_entries(decision) if e.kind == "article"]
    assert anchors == ["dieu-1", "dieu-2", "dieu-1-2", "dieu-2-2"]
    assert keys("tieu huy ho so het gia tri")[0] == f"page:{decision.pk}#dieu-2-2"
    assert keys("co hieu luc tu ngay ky")[0] == f"page:{decision.pk}#dieu-2"
    html = client.get(decision.url).content.decode()
    for anchor in anchors:
        assert html.count(f'id="{anchor}"') == 1
    html = client.get("/tim-kiem/", {"q": "tiêu hủy hồ sơ"}).content.decode()
    assert '#dieu-2-2">Điều 2. Tiêu hủy</a>' in html  # not a bare "Điều 2"


def test_an_article_without_a_number_renders_and_is_left_out_of_the_index(
    site_tree, django_capture_on_commit_callbacks, client
):
    """Imported or legacy data may hold an Điều block without its number."""
    body = [
        (
            "article",
            {"number": None, "title": "Không số", "body": RichText("<p>A</p>")},
        ),
        ("article", {"number": "2", "title": "Hai", "body": RichText("<p>Ba</p>")}),
        ("article", {"number": "3", "title": "Ba", "body": RichText("<p>Bốn</p>")}),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        decision = publish(DecisionPageFactory(parent=site_tree[1], body=body))
    response = client.get(decision.url)
    assert response.status_code == 200
    assert 'id="dieu-x"' in response.content.decode()
    anchors = [e.anchor for e in page_entries(decision) if e.kind == "article"]
    assert anchors == ["dieu-2", "dieu-3"]


def indexed_cites_basis(page) -> list[str]:
    from django.db import connection

    from search.backends.database.tables import ENTRY_TABLE, TERM_TABLE

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT t.value FROM {TERM_TABLE} t JOIN {ENTRY_TABLE} e "
            "ON e.id = t.entry_id WHERE e.key = %s AND t.name = 'cites_basis' "
            "ORDER BY t.value",
            [f"page:{page.pk}"],
        )
        return [row[0] for row in cursor.fetchall()]


def test_resolve_citations_leaves_the_index_as_the_graph_stores_them(documents):
    """``resolve_citations`` re-extracts every document's citations, which can
    change their relation (a "căn cứ" now, or no longer): the index's
    ``cites_basis`` follows the rows it stored, with no rebuild to remember."""
    from io import StringIO

    from django.core.management import call_command

    from search.indexing import index_page_ids

    _directive, plan = documents
    assert "34-ct/tw" in indexed_cites_basis(plan)
    plan.outgoing_citations.update(relation=Relation.RELATED)  # as read before
    index_page_ids([plan.pk])
    assert indexed_cites_basis(plan) == []
    call_command("resolve_citations", stdout=StringIO(), stderr=StringIO())
    assert plan.outgoing_citations.filter(relation=Relation.BASIS).exists()
    assert "34-ct/tw" in indexed_cites_basis(plan)
