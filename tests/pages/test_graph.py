"""The citation graph: storage, resolution on publish, public views, body links."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from documents.choices import Relation
from documents.citations import extract_citations
from documents.identity import DocumentIdentity, issuer_compatible
from documents.models import IssuingBody
from pages import relations
from pages.graph import TargetIndex
from pages.models import DocumentCitation
from pages.templatetags.document_graph import linkify_html
from tests.factories import (
    DirectivePageFactory,
    IssuingBodyFactory,
    PlanPageFactory,
    document_type,
)

BASIS = "Căn cứ Kế hoạch số 77/KH-UBND ngày 01/02/2025 của Ủy ban nhân dân xã Bản Bo."


def identity(**values) -> DocumentIdentity:
    defaults = dict(
        page_id=1,
        doc_type="Chỉ thị",
        number=9,
        year=2021,
        symbol="CT-UBND",
        code="09/CT-UBND",
        issuer="Ủy ban nhân dân tỉnh Lai Châu",
        system="admin",
    )
    return DocumentIdentity(**(defaults | values))


class TestIdentity:
    """No database: keys of stored documents meet the keys of citations."""

    def test_exact_key_of_an_administrative_document(self):
        (citation,) = extract_citations(
            "Chỉ thị số 09/CT-UBND ngày 11/8/2021 của UBND tỉnh Lai Châu"
        )
        assert citation.key in identity().keys()

    def test_elliptic_issuer_resolves_by_code_only_when_compatible(self):
        index = TargetIndex()
        index.add(identity())
        (elliptic,) = extract_citations(
            "Chỉ thị số 09/CT-UBND ngày 11/8/2021 của Chủ tịch Ủy ban nhân dân tỉnh"
        )
        assert index.find(elliptic) == (1, "code")
        (other,) = extract_citations(
            "Chỉ thị số 09/CT-UBND ngày 11/8/2021 của UBND tỉnh Hà Giang"
        )
        assert index.find(other) == (None, None)

    def test_law_cited_by_name_meets_the_law_page(self):
        law = identity(
            doc_type="Luật",
            number=6,
            year=2022,
            symbol="QH15",
            code="06/2022/QH15",
            issuer="Quốc hội",
            system="qppl",
            title="Luật Thi đua, khen thưởng",
        )
        (citation,) = extract_citations(
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
        )
        assert citation.key in law.keys()

    def test_same_symbol_other_issuer_never_merges(self):
        assert not issuer_compatible(
            "UBND huyện Tam Đường", "Ủy ban nhân dân tỉnh Lai Châu"
        )
        assert issuer_compatible("UBND tỉnh", "Ủy ban nhân dân tỉnh Lai Châu")
        assert issuer_compatible("Bộ trưởng Bộ Nội vụ", "Bộ Nội vụ")


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page the way the admin does, running on_commit handlers."""

    def _publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return _publish


@pytest.fixture
def ban_bo(db):
    return IssuingBodyFactory(name="Ủy ban nhân dân xã Bản Bo", slug="ubnd-xa-ban-bo-t")


def citing_plan(index, title: str, **fields):
    return PlanPageFactory(parent=index, title=title, legal_basis=BASIS, **fields)


def target_plan(index, body, **fields):
    return PlanPageFactory(
        parent=index,
        title="Kế hoạch số 77 của xã Bản Bo",
        number=77,
        issued_date=dt.date(2025, 2, 1),
        issuing_body=body,
        **fields,
    )


@pytest.mark.django_db
class TestResolution:
    def test_dangling_citation_resolves_when_target_is_published(
        self, site_tree, ban_bo, publish
    ):
        _, index = site_tree
        source = publish(citing_plan(index, "Kế hoạch dẫn chiếu"))
        row = DocumentCitation.objects.get(source=source)
        assert row.target is None and row.relation == Relation.BASIS
        target = publish(target_plan(index, ban_bo, live=False))
        row.refresh_from_db()
        assert row.target_id == target.pk

    def test_an_unsaved_page_has_no_links(self, site_tree, publish):
        from pages.models import PlanPage

        _, index = site_tree
        publish(citing_plan(index, "Kế hoạch dẫn chiếu"))
        assert DocumentCitation.objects.dangling().exists()
        unsaved = PlanPage(title="Bản xem trước")
        assert relations.incoming(unsaved) == relations.outgoing(unsaved) == []
        assert unsaved.citation_diagram_url() == ""

    def test_unpublishing_the_target_makes_it_dangling_again(
        self, site_tree, ban_bo, publish
    ):
        _, index = site_tree
        target = publish(target_plan(index, ban_bo))
        source = publish(citing_plan(index, "Kế hoạch dẫn chiếu"))
        assert DocumentCitation.objects.get(source=source).target_id == target.pk
        target.unpublish()
        assert DocumentCitation.objects.get(source=source).target is None

    def test_resolve_citations_command_is_idempotent(self, site_tree, ban_bo, publish):
        _, index = site_tree
        publish(target_plan(index, ban_bo))
        publish(citing_plan(index, "Kế hoạch dẫn chiếu"))
        for _ in range(2):
            out = StringIO()
            call_command("resolve_citations", stdout=out, stderr=StringIO())
        assert "2 documents, 1 citations, 1 resolved" in out.getvalue()


@pytest.mark.django_db
class TestPublicViews:
    def test_incoming_lists_only_live_public_sources(self, site_tree, ban_bo, publish):
        _, index = site_tree
        target = publish(target_plan(index, ban_bo))
        public = publish(citing_plan(index, "Nguồn công khai"))
        draft = publish(citing_plan(index, "Nguồn đã gỡ"))
        private = publish(citing_plan(index, "Nguồn nội bộ"))
        draft.unpublish()
        PageViewRestriction.objects.create(
            page=private, restriction_type="password", password="x"
        )
        assert [link.page.pk for link in relations.incoming(target)] == [public.pk]
        html = self.client_get(target.url)
        assert "Nguồn công khai" in html
        assert "Nguồn đã gỡ" not in html and "Nguồn nội bộ" not in html

    def test_basis_panel_marks_missing_documents(self, site_tree, publish):
        _, index = site_tree
        source = publish(citing_plan(index, "Kế hoạch dẫn chiếu"))
        html = self.client_get(source.url)
        assert "Văn bản căn cứ" in html
        assert "Kế hoạch số 77/KH-UBND" in html and "chưa có trên cổng" in html

    def test_body_citations_link_to_page_or_search(self, site_tree, publish):
        _, index = site_tree
        directive = publish(
            DirectivePageFactory(
                parent=index,
                title="Chỉ thị về đổi mới công tác thi đua",
                number=34,
                symbol="CT/TW",
                document_type=document_type("Chỉ thị", "party"),
                issuing_body=IssuingBody.objects.get(slug="bo-chinh-tri"),
                issued_date=dt.date(2014, 4, 7),
            )
        )
        text = (
            "Quán triệt Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị và "
            "Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ."
        )
        plan = PlanPageFactory(
            parent=index, body=[{"type": "paragraph", "value": f"<p>{text}</p>"}]
        )
        html = self.client_get(publish(plan).url)
        assert f'class="citation-link" href="{directive.url}"' in html
        assert 'href="/tim-kiem/?q=98%2F2023%2FN%C4%90-CP"' in html

    def test_diagram_view(self, site_tree, ban_bo, publish):
        _, index = site_tree
        target = publish(target_plan(index, ban_bo))
        publish(citing_plan(index, "Nguồn công khai"))
        html = self.client_get(target.url + "luoc-do/")
        assert "Lược đồ quan hệ văn bản" in html
        assert "Căn cứ văn bản này" in html and "Nguồn công khai" in html

    @staticmethod
    def client_get(url: str) -> str:
        from django.test import Client

        response = Client().get(url)
        assert response.status_code == 200
        return response.content.decode()


class TestLinkify:
    def test_escapes_text_and_attributes(self):
        links = {"Nghị định số 98": ('/x?a=1&b="2"', "Tên <b>")}
        out = linkify_html("<p>Theo Nghị định số 98 &amp; &lt;i&gt;</p>", links)
        assert 'href="/x?a=1&amp;b=&quot;2&quot;"' in out
        assert 'title="Tên &lt;b&gt;"' in out
        assert "&amp; &lt;i&gt;" in out and "<i>" not in out

    def test_existing_links_are_left_alone(self):
        links = {"Nghị định số 98": ("/x", "t")}
        source = '<a href="/y">Nghị định số 98</a>'
        assert linkify_html(source, links) == source

    def test_matches_across_line_breaks(self):
        links = {"Nghị định số 98": ("/x", "t")}
        assert 'href="/x"' in linkify_html("<p>Nghị định\nsố 98</p>", links)


@pytest.mark.django_db
def test_demo_content_has_a_resolved_graph(django_capture_on_commit_callbacks):
    from pages.demo.loader import load_demo
    from pages.models import PlanPage

    with django_capture_on_commit_callbacks(execute=True):
        load_demo()
    plan = PlanPage.objects.get(slug="ke-hoach-thi-dua-khen-thuong-2025")
    resolved = set(
        DocumentCitation.objects.filter(source=plan, target__isnull=False).values_list(
            "target__code", flat=True
        )
    )
    expected = {"5324/KH-UBND", "34-CT/TW", "19/CT-TTg", "09/CT-UBND", "118/KH-UBND"}
    assert expected | {"06/2022/QH15"} <= resolved
