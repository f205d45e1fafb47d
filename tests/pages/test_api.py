"""JSON API v1: only live public documents, filters, citations, resolve, schema."""

import datetime as dt

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from documents.models import IssuingBody
from pages.graph import sync_page
from search.indexing import index_pages
from tests.factories import (
    DecisionPageFactory,
    DirectivePageFactory,
    DocumentPageFactory,
    document_type,
)

pytestmark = pytest.mark.django_db

BASIS = (
    "Căn cứ Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới "
    "công tác thi đua, khen thưởng;"
)


@pytest.fixture
def docs(site_tree):
    """A party directive, a decision citing it, a draft and a private page."""
    _, index = site_tree
    directive = DirectivePageFactory(
        parent=index,
        title="Chỉ thị về tiếp tục đổi mới công tác thi đua",
        number=34,
        symbol="CT/TW",
        document_type=document_type("Chỉ thị", "party"),
        issuing_body=IssuingBody.objects.get(slug="bo-chinh-tri"),
        issued_date=dt.date(2014, 4, 7),
    )
    decision = DecisionPageFactory(
        parent=index, title="Quyết định khen thưởng năm 2025", legal_basis=BASIS
    )
    draft = DecisionPageFactory(
        parent=index, title="Quyết định dự thảo", legal_basis=BASIS, live=False
    )
    private = DecisionPageFactory(
        parent=index, title="Quyết định nội bộ", legal_basis=BASIS
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="x"
    )
    for page in (directive, decision, draft, private):
        sync_page(page)
    index_pages([directive, decision, draft, private])  # the portal search's index
    return {
        "directive": directive,
        "decision": decision,
        "draft": draft,
        "private": private,
    }


def get(url: str, status: int = 200) -> dict:
    response = Client().get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def titles(data: dict) -> set[str]:
    return {row["title"] for row in data["results"]}


class TestList:
    def test_only_live_public_documents(self, docs):
        data = get("/api/v1/documents/")
        assert titles(data) == {
            "Chỉ thị về tiếp tục đổi mới công tác thi đua",
            "Quyết định khen thưởng năm 2025",
        }
        assert data["count"] == 2

    def test_cites_filter_uses_code_variants(self, docs):
        for code in ("34-CT/TW", "34/CT-TW", "chỉ thị 34-CT/TW"):
            data = get(f"/api/v1/documents/?cites={code}")
            assert titles(data) == {"Quyết định khen thưởng năm 2025"}, code

    def test_type_issuer_year_status_and_q(self, docs):
        assert titles(get("/api/v1/documents/?type=chi-thi-dang")) == {
            "Chỉ thị về tiếp tục đổi mới công tác thi đua"
        }
        assert len(get("/api/v1/documents/?issuer=bo-chinh-tri")["results"]) == 1
        assert len(get("/api/v1/documents/?year=2014")["results"]) == 1
        assert get("/api/v1/documents/?status=het_hieu_luc")["count"] == 0
        assert titles(get("/api/v1/documents/?q=khen thưởng")) == {
            "Quyết định khen thưởng năm 2025"
        }

    def test_pagination(self, docs):
        data = get("/api/v1/documents/?page_size=1&page=2")
        assert data["count"] == 2 and data["num_pages"] == 2
        assert len(data["results"]) == 1
        past = get("/api/v1/documents/?page_size=1&page=3", 404)
        assert past == {"detail": "page: không có trang 3, trang cuối là 2"}
        assert get("/api/v1/documents/?page=9999", 404)["detail"].startswith("page")
        assert get("/api/v1/documents/?year=1999")["num_pages"] == 1  # none: page 1

    @pytest.mark.parametrize(
        ("query", "status"),
        [
            ("year=abc", 400),
            ("status=nope", 400),
            ("page_size=1000", 400),
            ("page=0", 400),
            ("page=" + "9" * 30, 404),
            ("page=1e309", 400),
            ("cites=hello", 400),
            ("type=khong-co", 400),
            ("q=" + "x" * 201, 400),
            ("q=thi đua&type=khong-co", 400),
        ],
    )
    def test_bad_parameters_are_client_errors(self, docs, query, status):
        data = get(f"/api/v1/documents/?{query}", status)
        assert data["detail"]


class TestListSearch:
    """``q`` is the portal search of /tim-kiem/, most relevant first."""

    def test_accent_free_query(self, docs, site_tree):
        decree = DocumentPageFactory(
            parent=site_tree[1],
            title="Nghị định quy định chi tiết Luật Thi đua, khen thưởng",
            number=98,
            symbol="NĐ-CP",
            document_type=document_type("Nghị định", "qppl"),
            issued_date=dt.date(2023, 12, 31),
        )
        index_pages([decree])
        assert titles(get("/api/v1/documents/?q=nghi dinh")) == {decree.title}
        # draft and private pages stay hidden, found or not
        assert titles(get("/api/v1/documents/?q=quyet dinh")) == {
            "Quyết định khen thưởng năm 2025"
        }

    def test_code_variant_finds_the_document_first(self, docs):
        newest_first = get("/api/v1/documents/")["results"]
        assert newest_first[0]["id"] == docs["decision"].pk
        for code in ("34/CT-TW", "34-CT/TW", "chi thi 34"):
            data = get(f"/api/v1/documents/?q={code}")
            assert data["results"][0]["id"] == docs["directive"].pk, code
            assert data["results"][0]["code"] == "34-CT/TW"

    def test_other_filters_narrow_the_hits(self, docs):
        assert titles(get("/api/v1/documents/?q=thi dua&type=chi-thi-dang")) == {
            "Chỉ thị về tiếp tục đổi mới công tác thi đua"
        }
        assert titles(get("/api/v1/documents/?q=34/CT-TW&year=2025")) == {
            "Quyết định khen thưởng năm 2025"
        }
        assert get("/api/v1/documents/?q=thi dua&status=het_hieu_luc")["count"] == 0
        assert get("/api/v1/documents/?q=khong co tu nay")["count"] == 0

    def test_pagination_keeps_relevance_order(self, docs):
        both = get("/api/v1/documents/?q=34-CT/TW")
        assert both["count"] == 2
        second = get("/api/v1/documents/?q=34-CT/TW&page_size=1&page=2")
        assert second["count"] == 2 and second["num_pages"] == 2
        assert [row["id"] for row in second["results"]] == [both["results"][1]["id"]]
        past = get("/api/v1/documents/?q=34-CT/TW&page=3", 404)
        assert past == {"detail": "page: không có trang 3, trang cuối là 1"}

    @pytest.mark.parametrize("q", ['NEAR( "*', "🎉", "a%00b", "' OR 1=1 --", "?"])
    def test_odd_queries_are_answered(self, docs, q):
        assert get(f"/api/v1/documents/?q={q}")["count"] >= 0

    def test_search_down_is_503(self, docs, monkeypatch):
        import search
        from search.backends.base import BackendError

        def down(query):
            raise BackendError("down")

        monkeypatch.setattr(search, "search", down)
        assert "tìm kiếm" in get("/api/v1/documents/?q=thi dua", 503)["detail"]


class TestDetail:
    def test_metadata_citations_and_versions(self, docs):
        decision, directive = docs["decision"], docs["directive"]
        data = get(f"/api/v1/documents/{decision.pk}/")
        assert data["code"] == decision.code and data["issuer"]
        (cited,) = data["outgoing_citations"]
        assert cited["code"] == "34-CT/TW" and cited["relation"] == "can_cu"
        assert cited["target"]["id"] == directive.pk
        incoming = get(f"/api/v1/documents/{directive.pk}/")["incoming_citations"]
        assert [row["source"]["id"] for row in incoming] == [decision.pk]
        assert incoming[0]["relation_label"] == "Căn cứ văn bản này"
        assert isinstance(data["versions"], list)

    def test_draft_and_private_pages_are_404(self, docs):
        for name in ("draft", "private"):
            data = get(f"/api/v1/documents/{docs[name].pk}/", 404)
            assert "Không có văn bản công khai" in data["detail"]

    @pytest.mark.parametrize(
        "document_id", ["99999", "2147483648", "9223372036854775808", "9" * 40]
    )
    def test_an_id_too_large_for_the_database_is_404(self, docs, document_id):
        data = get(f"/api/v1/documents/{document_id}/", 404)
        assert "Không có văn bản công khai" in data["detail"]


@pytest.mark.parametrize(
    "url", ["/api/v1/", "/api/v1/documents/abc/", "/api/v1/khong-co/"]
)
def test_an_unknown_api_address_is_a_json_404(db, url):
    assert get(url, 404)["detail"] == "không có địa chỉ này trong API; xem /api/v1/docs"


def test_an_api_address_without_its_slash_is_still_redirected(db):
    response = Client().get("/api/v1/documents")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/documents/"


class TestResolve:
    def test_resolve_gives_key_and_documents(self, docs):
        data = get("/api/v1/citations/resolve/?q=34/CT-TW")
        assert data["code"] == "34-CT/TW" and data["system"] == "party"
        assert data["match_keys"] == ["34-ct/tw"]
        assert [doc["id"] for doc in data["documents"]] == [docs["directive"].pk]

    def test_not_a_code_is_400(self, docs):
        assert (
            "không phải số ký hiệu"
            in get("/api/v1/citations/resolve/?q=xin chào", 400)["detail"]
        )
        assert get("/api/v1/citations/resolve/", 400) == {
            "detail": "q: thiếu tham số này"
        }


def test_openapi_schema_is_served(db):
    schema = get("/api/v1/openapi.json")
    assert "/api/v1/documents/" in schema["paths"]
    assert "/api/v1/citations/resolve/" in schema["paths"]
    search = schema["paths"]["/api/v1/search/"]["get"]
    assert {"q", "type", "cites", "page"} <= {p["name"] for p in search["parameters"]}
    assert Client().get("/api/v1/docs").status_code == 200


def test_detail_has_validity_timeline_without_hidden_evidence(docs):
    from documents.choices import EffectKind
    from pages.models import ValidityEvent

    directive, decision = docs["directive"], docs["decision"]
    ValidityEvent.objects.create(
        page=directive,
        date=dt.date(2025, 7, 1),
        kind=EffectKind.REPLACED,
        source=decision,
        note="Bị thay thế.",
    )
    url = f"/api/v1/documents/{directive.pk}/"
    steps = get(url)["validity_timeline"]
    assert [s["kind"] for s in steps] == [EffectKind.ISSUED, EffectKind.REPLACED]
    assert steps[1]["source"]["code"] == decision.code
    decision.unpublish()
    steps = get(url)["validity_timeline"]
    assert steps[1]["source"] is None
    assert decision.title not in str(steps)
