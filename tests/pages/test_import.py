"""Import of documents as pages: services.document_import and import_documents."""

from io import StringIO
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import PageLogEntry, Revision

from documents.models import IssuingBody, Signer
from documents.parsing import read_records
from pages.importing import IMPORT_ACTION, document_import
from pages.models import (
    DecisionPage,
    DirectivePage,
    DocumentCitation,
    DocumentPage,
    DocumentSource,
    LegalDocumentPage,
    PlanPage,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
SEED = FIXTURES / "ke-hoach-thi-dua-khen-thuong-2025-tam-duong.txt"
DOCX = FIXTURES / "quyet-dinh-khen-thuong.docx"
PDF = FIXTURES / "cong-van-text-layer.pdf"
PARTY = FIXTURES / "party-chi-thi.txt"
RECORDS = FIXTURES / "import-records.jsonl"
GIVEN = FIXTURES / "given-fields.jsonl"
# ../shared beside the repository (as CI lays it out); skipped when absent.
SHARED = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "data"
    / "documents"
    / "corpus.jsonl"
)

pytestmark = pytest.mark.django_db


def import_file(path, index, *, publish=False, note="", number=0):
    record = read_records(path)[number]
    return document_import(record=record, parent=index, publish=publish, note=note)


def run(*args, out=None) -> str:
    out = out or StringIO()
    call_command("import_documents", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


class TestFileTypes:
    def test_txt_plan_without_number_is_a_draft_plan(self, site_tree):
        _, index = site_tree
        result = import_file(SEED, index)
        page = LegalDocumentPage.objects.get(pk=result.page_id).specific
        assert isinstance(page, PlanPage)
        assert result.action == "created"
        assert page.number is None and page.code == "/KH-UBND"
        assert page.issued_year == 2025 and not page.live
        assert page.issuing_body.level == IssuingBody.Level.DISTRICT
        assert page.signer.name == "Sùng Lữ Páo"
        assert "5324/KH-UBND" in page.legal_basis

    def test_docx_decision_creates_body_with_parent_and_signer(self, site_tree):
        _, index = site_tree
        page = LegalDocumentPage.objects.get(pk=import_file(DOCX, index).page_id)
        page = page.specific
        assert isinstance(page, DecisionPage)
        assert page.code == "215/QĐ-UBND"
        assert str(page.issued_date) == "2025-01-20"
        body = page.issuing_body
        assert body.name == "Ủy ban nhân dân huyện Tam Đường"
        assert body.parent.level == IssuingBody.Level.PROVINCE
        assert body.slug == "uy-ban-nhan-dan-huyen-tam-duong"
        assert Signer.objects.filter(name="Lò Văn Mạnh").exists()

    def test_pdf_cong_van_uses_existing_ministry(self, site_tree):
        _, index = site_tree
        page = LegalDocumentPage.objects.get(pk=import_file(PDF, index).page_id)
        assert isinstance(page.specific, DocumentPage)
        assert page.document_type.name == "Công văn"
        assert page.issuing_body.slug == "bo-tai-chinh"

    def test_party_directive_uses_party_type_and_level(self, site_tree):
        _, index = site_tree
        page = LegalDocumentPage.objects.get(pk=import_file(PARTY, index).page_id)
        assert isinstance(page.specific, DirectivePage)
        assert page.document_type.family == "party"
        assert page.code == "12-CT/HU"
        assert page.issuing_body.level == IssuingBody.Level.PARTY


class TestJsonLines:
    def test_slug_source_url_and_overrides(self, site_tree):
        _, index = site_tree
        result = import_file(RECORDS, index, number=0)
        page = LegalDocumentPage.objects.get(pk=result.page_id)
        assert page.slug == "bang-khen-1801-lai-chau"
        assert page.summary == "Về việc tặng Bằng khen năm 2025"
        source = DocumentSource.objects.get(page=page)
        assert source.source_url == "https://example.gov.vn/van-ban/1801-qd-ubnd"

    def test_issuer_override_creates_commune_council(self, site_tree):
        _, index = site_tree
        page = LegalDocumentPage.objects.get(
            pk=import_file(RECORDS, index, number=1).page_id
        )
        assert page.issuing_body.name == "Hội đồng nhân dân xã Bình Lư"
        assert page.issuing_body.level == IssuingBody.Level.COMMUNE
        assert page.issuing_body.abbreviation == "HĐND"

    def test_record_without_metadata_is_kept_as_a_draft(self, site_tree):
        _, index = site_tree
        result = import_file(RECORDS, index, number=2, publish=True)
        assert result.ok and not result.complete and not result.published
        assert result.missing == [
            "document_type",
            "symbol",
            "issuing_body",
            "issued_date",
        ]
        assert result.warnings[1].startswith("Chưa có số ký hiệu: điền ô “Số”")
        page = LegalDocumentPage.objects.get(pk=result.page_id)
        assert not page.live and page.document_type is None
        assert page.title == "Văn bản chưa rõ số ký hiệu (import-records.jsonl#3)"
        entry = PageLogEntry.objects.get(page=page, action=IMPORT_ACTION)
        assert entry.data["checks"] == result.warnings

    def test_title_that_begins_with_its_kind_keeps_it_once(self, site_tree):
        _, index = site_tree
        result = import_file(GIVEN, index, number=0, publish=True)
        page = LegalDocumentPage.objects.get(pk=result.page_id)
        assert page.title == "Luật Phòng, chống ma túy"
        assert page.summary == "Phòng, chống ma túy"
        assert (page.code, page.year, page.is_normative) == ("73/2021/QH14", 2021, True)
        assert page.issuing_body.name == "Quốc hội" and page.live

    def test_given_fields_win_and_disagreements_are_reported(self, site_tree):
        _, index = site_tree
        result = import_file(GIVEN, index, number=1)
        page = LegalDocumentPage.objects.get(pk=result.page_id)
        assert (page.code, str(page.issued_date)) == ("1802/QĐ-UBND", "2025-09-06")
        assert any(
            "Số ký hiệu trong dữ liệu nhập (“1802/QĐ-UBND”) khác với văn bản "
            "(“1801/QĐ-UBND”)" in w
            for w in result.warnings
        )
        assert any(
            w.startswith("Ngày ban hành trong dữ liệu nhập") for w in result.warnings
        )

    def test_reply_without_header_names_its_issuer(self, site_tree):
        _, index = site_tree
        result = import_file(GIVEN, index, number=2)
        page = LegalDocumentPage.objects.get(pk=result.page_id)
        assert page.issuing_body.name == "Cục Hải quan"
        assert result.missing == ["symbol", "issued_date"]
        assert page.title.startswith("Công văn chưa rõ số ký hiệu")


class TestRevisions:
    def test_reimport_adds_a_published_revision_with_note(self, site_tree):
        _, index = site_tree
        first = import_file(DOCX, index)
        second = import_file(DOCX, index, publish=True, note="Sửa lỗi chính tả")
        assert second.action == "revised" and second.page_id == first.page_id
        assert LegalDocumentPage.objects.count() == 1
        page = LegalDocumentPage.objects.get(pk=first.page_id)
        assert page.live
        assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == 2
        entry = PageLogEntry.objects.filter(page=page, action=IMPORT_ACTION).first()
        assert entry.data["note"] == "Sửa lỗi chính tả"
        versions = page.published_versions.all()
        assert [v.note for v in versions] == ["Sửa lỗi chính tả"]

    def test_draft_without_number_is_matched_by_slug(self, site_tree):
        _, index = site_tree
        first = import_file(SEED, index)
        second = import_file(SEED, index)
        assert second.action == "revised" and second.page_id == first.page_id
        assert LegalDocumentPage.objects.count() == 1

    def test_published_import_stores_citations(self, site_tree):
        _, index = site_tree
        result = import_file(RECORDS, index, publish=True)
        codes = set(
            DocumentCitation.objects.filter(source_id=result.page_id).values_list(
                "code", flat=True
            )
        )
        assert {"06/2022/QH15", "152/2025/NĐ-CP"} <= codes


class TestAtomicity:
    def test_crash_mid_import_leaves_nothing(self, site_tree):
        _, index = site_tree
        bodies = IssuingBody.objects.count()
        revisions = Revision.objects.count()
        with mock.patch(
            "pages.graph.resolve_incoming", side_effect=RuntimeError("disk full")
        ):
            with pytest.raises(RuntimeError):
                import_file(RECORDS, index, publish=True)
        assert not LegalDocumentPage.objects.exists()
        assert not DocumentCitation.objects.exists()
        assert not DocumentSource.objects.exists()
        assert IssuingBody.objects.count() == bodies
        assert Revision.objects.count() == revisions

    def test_command_reports_crash_and_goes_on(self, site_tree):
        with mock.patch(
            "pages.graph.resolve_incoming", side_effect=RuntimeError("disk full")
        ):
            with pytest.raises(CommandError):
                run(DOCX, "--publish")
        assert not LegalDocumentPage.objects.exists()
        assert not DocumentCitation.objects.exists()


class TestCommand:
    def test_imports_files_and_reports_per_file(self, site_tree):
        out = StringIO()
        with pytest.raises(CommandError) as error:  # broken.docx is an error
            run(DOCX, PDF, RECORDS, FIXTURES / "broken.docx", "--publish", out=out)
        assert error.value.returncode == 1
        out = out.getvalue()
        assert (
            "quyet-dinh-khen-thuong.docx: 1 created, 0 revised "
            "(0 need attention), 0 failed"
        ) in out
        assert "import-records.jsonl: 3 created, 0 revised (1 need attention)" in out
        assert "NEEDS ATTENTION import-records.jsonl#3" in out
        assert "    - Chưa có số ký hiệu: điền ô “Số” và “Ký hiệu” theo bản gốc." in out
        assert "broken.docx: FAILED: broken.docx: not a valid DOCX file" in out
        assert "5 of 5 documents stored: 4 complete, 1 need attention" in out
        assert LegalDocumentPage.objects.live().count() == 4

    def test_drafts_that_need_attention_are_no_error(self, site_tree):
        out = run(RECORDS, GIVEN)
        assert "6 of 6 documents stored: 4 complete, 2 need attention" in out
        assert "draft_no_number" not in out and "_" not in out.split("stored")[-1]

    def test_dry_run_writes_nothing(self, site_tree):
        bodies = IssuingBody.objects.count()
        out = run(DOCX, RECORDS, "--dry-run", "--publish")
        assert "1 would be created" in out
        assert not LegalDocumentPage.objects.exists()
        assert not DocumentCitation.objects.exists()
        assert IssuingBody.objects.count() == bodies

    def test_exit_status_1_when_nothing_imported(self, site_tree):
        with pytest.raises(CommandError) as error:
            run(FIXTURES / "broken.pdf", FIXTURES / "scanned-no-text.pdf")
        assert error.value.returncode == 1

    def test_unknown_parent_is_an_error(self, site_tree):
        with pytest.raises(CommandError) as error:
            run(DOCX, "--parent", "khong-co")
        index = site_tree[1]
        message = str(error.value)
        assert message.startswith("--parent 'khong-co' is no documents section")
        assert index.slug in message  # the sections there are
        assert "give --parent" not in message  # it was given

    def test_reimport_through_command_revises(self, site_tree):
        run(DOCX, "--publish")
        out = run(DOCX, "--publish", "--note", "Bản cập nhật")
        assert "0 created, 1 revised" in out
        assert LegalDocumentPage.objects.count() == 1


@pytest.mark.skipif(not SHARED.exists(), reason="shared data not available")
def test_shared_corpus_sample_imports_without_unhandled_errors(site_tree, tmp_path):
    sample = tmp_path / "sample.jsonl"
    lines = SHARED.read_text(encoding="utf-8").splitlines()[:12]
    sample.write_text("\n".join(lines), encoding="utf-8")
    out = run(sample, "--publish")
    assert "unexpected error" not in out
    assert LegalDocumentPage.objects.live().count() >= 6


class TestAdminImport:
    """ "Nhập văn bản": upload, preview and correct, save as draft."""

    @pytest.fixture
    def admin_client(self, client, django_user_model):
        user = django_user_model.objects.create_superuser("bientap", "b@x.vn", "pw")
        client.force_login(user)
        return client

    def upload(self, client, path: Path, name: str | None = None):
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile(name or path.name, path.read_bytes())
        return client.post("/admin/nhap-van-ban/", {"file": upload})

    @pytest.mark.parametrize(
        ("name", "message"),
        [
            ("broken.docx", "Tệp DOCX bị hỏng"),
            ("broken.pdf", "Tệp PDF bị hỏng"),
            ("scanned-no-text.pdf", "không có lớp chữ"),
        ],
    )
    def test_malformed_files_get_a_vietnamese_error(
        self, site_tree, admin_client, name, message
    ):
        response = self.upload(admin_client, FIXTURES / name)
        assert response.status_code == 200
        assert message in response.content.decode()

    def test_wrong_type_is_refused(self, site_tree, admin_client):
        response = self.upload(admin_client, DOCX, name="virus.exe")
        assert "Chỉ nhận tệp .docx, .pdf, .txt hoặc .md" in response.content.decode()

    def test_upload_preview_correct_and_save_draft(self, site_tree, admin_client):
        _, index = site_tree
        response = self.upload(admin_client, DOCX)
        assert response.status_code == 302
        preview = admin_client.get(response["Location"])
        html = preview.content.decode()
        assert 'value="QĐ-UBND"' in html and "Lò Văn Mạnh" in html
        form = preview.context["form"]
        data = {
            name: ("" if value is None else value)
            for name, value in form.initial.items()
        }
        data |= {
            "parent": index.pk,
            "document_type": form.initial["document_type"].pk,
            "issued_date": "2025-01-20",
            "title": "Về việc khen thưởng (đã sửa)",
        }
        saved = admin_client.post(response["Location"], data)
        assert saved.status_code == 302, saved.content.decode()[:2000]
        page = LegalDocumentPage.objects.get()
        assert saved["Location"] == f"/admin/pages/{page.pk}/edit/"
        assert not page.live
        assert page.get_latest_revision_as_object().summary == (
            "Về việc khen thưởng (đã sửa)"
        )

    def test_preview_names_checks_in_vietnamese_and_keeps_gaps(
        self, site_tree, admin_client
    ):
        _, index = site_tree
        response = self.upload(admin_client, SEED)
        preview = admin_client.get(response["Location"])
        html = preview.content.decode()
        assert "Văn bản chưa có số: điền số khi ban hành (ô “Số”)." in html
        assert "Chỉ đọc được năm ban hành" in html
        assert "draft_no_number" not in html and "date_partial" not in html
        form = preview.context["form"]
        data = {
            name: ("" if value is None else value)
            for name, value in form.initial.items()
        }
        data |= {"parent": index.pk, "document_type": "", "symbol": "", "issuer": ""}
        saved = admin_client.post(response["Location"], data, follow=True)
        assert "Văn bản còn thiếu loại văn bản, số ký hiệu, cơ quan ban hành" in (
            saved.content.decode()
        )
        page = LegalDocumentPage.objects.get()
        assert not page.live and page.issuing_body is None
        listing = admin_client.get("/admin/can-bo-sung/?thieu=issuing_body")
        assert page.title in listing.content.decode()

    def test_preview_without_upload_redirects(self, site_tree, admin_client):
        response = admin_client.get("/admin/nhap-van-ban/xem-truoc/")
        assert response.status_code == 302

    def test_users_who_cannot_add_pages_are_refused(
        self, site_tree, client, django_user_model
    ):
        from django.contrib.auth.models import Permission

        user = django_user_model.objects.create_user("docgia", "d@x.vn", "pw")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(user)
        response = client.get("/admin/nhap-van-ban/")
        assert response.status_code in (302, 403)
        assert 'name="file"' not in response.content.decode()


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("Ủy ban nhân dân tỉnh Lai Châu", IssuingBody.Level.PROVINCE),
        ("UBND thành phố Hồ Chí Minh", IssuingBody.Level.PROVINCE),
        ("Ủy ban nhân dân thành phố Lai Châu", IssuingBody.Level.DISTRICT),
        ("Ủy ban nhân dân huyện Tam Đường", IssuingBody.Level.DISTRICT),
        ("Hội đồng nhân dân xã Bình Lư", IssuingBody.Level.COMMUNE),
        ("Sở Nội vụ tỉnh Lai Châu", IssuingBody.Level.PROVINCE),
        ("Bộ Văn hóa, Thể thao và Du lịch", IssuingBody.Level.CENTRAL),
        ("Tỉnh ủy Lai Châu", IssuingBody.Level.PARTY),
        ("Huyện ủy Tam Đường", IssuingBody.Level.PARTY),
        ("Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh", IssuingBody.Level.MASS),
    ],
)
def test_level_guessed_from_the_body_name(name, level):
    from documents.vocabulary import guess_level

    assert guess_level(name) == level
