"""Tree rules, admin creation, rendering and identity of the document page types."""

import datetime as dt

from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from documents.models import IssuingBody
from pages.models import (
    DecisionPage,
    DirectivePage,
    DocumentIndexPage,
    DocumentPage,
    HomePage,
    LegalDocumentPage,
    PlanPage,
)
from tests.factories import (
    DecisionPageFactory,
    DirectivePageFactory,
    DocumentPageFactory,
    PlanPageFactory,
    build_site,
    document_type,
)

DOCUMENT_TYPES = [PlanPage, DirectivePage, DecisionPage, DocumentPage]


class TreeRulesTests(WagtailPageTestCase):
    def test_home_only_under_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_index_under_home_only(self):
        self.assertAllowedParentPageTypes(DocumentIndexPage, {HomePage})

    def test_documents_only_in_document_index(self):
        for model in DOCUMENT_TYPES:
            self.assertAllowedParentPageTypes(model, {DocumentIndexPage})
            self.assertCanNotCreateAt(HomePage, model)
            self.assertAllowedSubpageTypes(model, set())

    def test_base_is_not_creatable(self):
        self.assertFalse(LegalDocumentPage.is_creatable)
        self.assertCanNotCreateAt(DocumentIndexPage, LegalDocumentPage)


class AdminFormMixin:
    """Builds the admin form data of a document page, as the browser posts it."""

    def setUp(self):
        self.home, self.index = build_site()
        self.user = self.login()
        self.body = IssuingBody.objects.get(slug="chinh-phu")

    def form_data(self, model, title, number, **extra):
        data = {
            "title": title,
            "slug": f"{model.__name__.lower()}-{number}",
            "document_type": document_type(extra.pop("type_name", "Kế hoạch")).pk,
            "number": number,
            "symbol": extra.pop("symbol", "KH-UBND"),
            "issuing_body": self.body.pk,
            "place": "Hà Nội",
            "issued_date": "2025-03-14",
            "summary": title,
            "status": "con_hieu_luc",
            "signing_authority": "KT.",
            "signer_position": "Phó Thủ tướng",
            "legal_basis": "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;",
            "body": streamfield(
                [
                    ("heading", {"number": "I.", "text": "MỤC ĐÍCH", "level": "2"}),
                    ("paragraph", rich_text("<p>Đẩy mạnh phong trào thi đua.</p>")),
                    (
                        "article",
                        {
                            "number": "1",
                            "title": "Phạm vi",
                            "body": rich_text("<p>Nội dung.</p>"),
                        },
                    ),
                ]
            ),
            "recipients": "Như trên;\nLưu: VT.",
            "tags": "thi đua, khen thưởng",
            "attachments": inline_formset([]),
        }
        data.update(extra)
        return nested_form_data(data)


class AdminCreateTests(AdminFormMixin, WagtailPageTestCase):
    def test_create_each_type_through_admin(self):
        extras = {
            PlanPage: {
                "tasks": inline_formset(
                    [
                        {
                            "content": "Tổ chức Đại hội thi đua yêu nước",
                            "lead_unit": "Phòng Nội vụ",
                            "coordinating_units": "",
                            "deadline": "Quý III/2025",
                            "status": "chua_thuc_hien",
                        }
                    ]
                )
            },
            DirectivePage: {"type_name": "Chỉ thị", "symbol": "CT-TTg"},
            DecisionPage: {
                "type_name": "Quyết định",
                "symbol": "QĐ-TTg",
                "awards": inline_formset([]),
            },
            DocumentPage: {"type_name": "Thông báo", "symbol": "TB-VPCP"},
        }
        for number, model in enumerate(DOCUMENT_TYPES, start=10):
            data = self.form_data(
                model, f"Văn bản {model.__name__}", number, **extras[model]
            )
            self.assertCanCreate(self.index, model, data)
        plan = PlanPage.objects.get(number=10)
        self.assertEqual(plan.code, "10/KH-UBND")
        self.assertEqual(plan.tasks.count(), 1)
        self.assertEqual(DirectivePage.objects.get().code, "11/CT-TTg")

    def test_admin_shows_identity_error_naming_existing_page(self):
        existing = PlanPageFactory(
            parent=self.index, number=7, issuing_body=self.body, title="Kế hoạch đã có"
        )
        data = self.form_data(PlanPage, "Bản trùng", 7, tasks=inline_formset([]))
        response = self.client.post(
            f"/admin/pages/add/pages/planpage/{self.index.pk}/", data
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Đã có văn bản số 07/KH-UBND")
        self.assertContains(response, existing.title)
        self.assertEqual(PlanPage.objects.filter(number=7).count(), 1)


class IdentityTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()

    def test_same_identity_rejected(self):
        first = PlanPageFactory(parent=self.index, number=5324)
        clone = PlanPage(
            title="Trùng",
            slug="trung",
            number=5324,
            symbol="KH-UBND",
            issuing_body=first.issuing_body,
            document_type=first.document_type,
            issued_date=dt.date(2025, 1, 2),
            summary="Trùng",
        )
        with self.assertRaises(ValidationError) as caught:
            clone.clean()
        self.assertIn("Đã có văn bản số 5324/KH-UBND", str(caught.exception))

    def test_same_symbol_other_issuer_or_year_allowed(self):
        first = PlanPageFactory(parent=self.index, number=118)
        other_body = PlanPageFactory.build(number=118).issuing_body
        other_body.save()
        for kwargs in (
            {"issuing_body": other_body, "issued_date": first.issued_date},
            {"issuing_body": first.issuing_body, "issued_date": dt.date(2024, 7, 12)},
        ):
            page = PlanPage(
                title="Khác",
                slug="khac",
                number=118,
                symbol="KH-UBND",
                document_type=first.document_type,
                summary="Khác",
                **kwargs,
            )
            page.clean()

    def test_drafts_without_number_never_collide(self):
        a = PlanPageFactory(
            parent=self.index, number=None, issued_date=None, issued_year=2025
        )
        b = PlanPage(
            title="Dự thảo khác",
            slug="du-thao",
            number=None,
            symbol="KH-UBND",
            issuing_body=a.issuing_body,
            document_type=a.document_type,
            issued_year=2025,
            summary="Dự thảo",
        )
        b.clean()
        self.assertEqual(a.code, "/KH-UBND")


class CodeCompositionTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()

    def test_codes_of_each_family(self):
        party = DirectivePageFactory(
            parent=self.index,
            number=34,
            symbol="CT/TW",
            document_type=document_type("Chỉ thị", "party"),
            issued_date=dt.date(2014, 4, 7),
        )
        decree = DocumentPageFactory(
            parent=self.index,
            number=98,
            symbol="NĐ-CP",
            document_type=document_type("Nghị định", "qppl"),
            issued_date=dt.date(2023, 12, 31),
        )
        directive = DirectivePageFactory(parent=self.index, number=9)
        self.assertEqual(party.code, "34-CT/TW")
        self.assertEqual(decree.code, "98/2023/NĐ-CP")
        self.assertEqual(directive.code, "09/CT-UBND")


class RenderTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()

    def test_document_renders_official_layout(self):
        page = DecisionPageFactory(
            parent=self.index,
            number=1520,
            title="Quyết định khen thưởng",
            summary="Về việc khen thưởng tập thể, cá nhân",
            legal_basis="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            recipients="Như Điều 2;\nLưu: VT, NV.",
            signing_authority="KT.",
            signer_position="Phó Chủ tịch",
        )
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        for text in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 1520/QĐ-UBND",
            "QUYẾT ĐỊNH",
            "Về việc khen thưởng tập thể",
            "Căn cứ Luật Thi đua, khen thưởng",
            "Nơi nhận:",
            "Lưu: VT, NV.",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            page.signer.name,
            "Thuộc tính",
            "ngày 14 tháng 3 năm 2025",
            'lang="vi"',
            'href="#main"',
        ]:
            self.assertContains(response, text)

    def test_party_document_has_party_header(self):
        page = DirectivePageFactory(
            parent=self.index,
            number=34,
            symbol="CT/TW",
            document_type=document_type("Chỉ thị", "party"),
        )
        response = self.client.get(page.url)
        self.assertContains(response, "ĐẢNG CỘNG SẢN VIỆT NAM")
        self.assertNotContains(response, "Độc lập - Tự do - Hạnh phúc")

    def test_draft_is_not_public(self):
        page = PlanPageFactory(parent=self.index, number=3, title="Bản nháp bí mật")
        page.unpublish()
        self.assertEqual(self.client.get(page.url).status_code, 404)
        self.assertNotContains(self.client.get(self.index.url), "Bản nháp bí mật")

    def test_revision_kept_on_every_save(self):
        page = PlanPageFactory(parent=self.index, number=4)
        page.summary = "Trích yếu mới"
        page.save_revision()
        page.save_revision()
        self.assertEqual(page.revisions.count(), 2)

    def test_index_filters_and_bad_parameters(self):
        PlanPageFactory(parent=self.index, number=1, title="Kế hoạch năm nay")
        DirectivePageFactory(
            parent=self.index,
            number=2,
            title="Chỉ thị năm trước",
            issued_date=dt.date(2024, 5, 6),
        )
        response = self.client.get(self.index.url, {"year": "2024"})
        self.assertContains(response, "Chỉ thị năm trước")
        self.assertNotContains(response, "Kế hoạch năm nay")
        response = self.client.get(self.index.url, {"type": "chi-thi"})
        self.assertNotContains(response, "Kế hoạch năm nay")
        for params in (
            {"page": "-1"},
            {"page": "99999999999"},
            {"page": "abc"},
            {"year": "x"},
            {"type": "khong-co"},
            {"in_force_on": "32/13"},
        ):
            self.assertEqual(self.client.get(self.index.url, params).status_code, 200)

    def test_feeds_list_only_live_documents(self):
        PlanPageFactory(parent=self.index, number=1, title="Kế hoạch công khai")
        hidden = PlanPageFactory(
            parent=self.index, number=2, title="Kế hoạch chưa đăng"
        )
        hidden.unpublish()
        for suffix in ("rss/", "atom/"):
            response = self.client.get(self.index.url + suffix)
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "Kế hoạch công khai")
            self.assertNotContains(response, "Kế hoạch chưa đăng")


class AdminEditPublishTests(AdminFormMixin, WagtailPageTestCase):
    EXTRAS = {
        PlanPage: {"tasks": inline_formset([])},
        DirectivePage: {"type_name": "Chỉ thị", "symbol": "CT-TTg"},
        DecisionPage: {
            "type_name": "Quyết định",
            "symbol": "QĐ-TTg",
            "awards": inline_formset([]),
        },
        DocumentPage: {"type_name": "Thông báo", "symbol": "TB-VPCP"},
    }

    def test_edit_and_publish_through_admin(self):
        for number, model in enumerate(DOCUMENT_TYPES, start=30):
            create = self.form_data(
                model, "Bản nháp", number, **dict(self.EXTRAS[model])
            )
            self.client.post(
                f"/admin/pages/add/pages/{model.__name__.lower()}/{self.index.pk}/",
                create,
            )
            page = model.objects.get(number=number)
            self.assertFalse(page.live)
            edit = self.form_data(
                model, "Bản đã sửa", number, **dict(self.EXTRAS[model])
            )
            edit["action-publish"] = "publish"
            response = self.client.post(f"/admin/pages/{page.pk}/edit/", edit)
            self.assertEqual(response.status_code, 302)
            page.refresh_from_db()
            self.assertTrue(page.live)
            self.assertEqual(page.title, "Bản đã sửa")
            self.assertGreaterEqual(page.revisions.count(), 2)


class HeadingAnchorTests(WagtailPageTestCase):
    def setUp(self):
        self.home, self.index = build_site()

    def test_imported_heading_keeps_its_unique_anchor(self):
        from pages.bodytext import body_stream_data

        body = body_stream_data(
            [
                {
                    "type": "heading",
                    "level": 2,
                    "number": "II.",
                    "text": "NHIỆM VỤ",
                    "anchor": "muc-ii",
                },
                {
                    "type": "heading",
                    "level": 3,
                    "number": "1.",
                    "text": "Nhiệm vụ chung",
                    "anchor": "muc-ii-1",
                },
                {"type": "heading", "level": 3, "number": "1.", "text": "Không neo"},
            ]
        )
        page = PlanPageFactory(parent=self.index, body=body)
        response = self.client.get(page.url)
        self.assertContains(response, 'id="muc-ii"')
        self.assertContains(response, 'id="muc-ii-1"')
        self.assertContains(response, 'id="muc-1"')
