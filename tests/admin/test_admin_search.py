"""Wagtail's own search (admin page search, snippet listings, choosers) finds
Vietnamese text typed with or without diacritics (pages/admin_search.py)."""

from django.test import TestCase
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Phrase, PlainText

from documents.models import IssuingBody
from pages.models import LegalDocumentPage
from tests.factories import (
    DecisionPageFactory,
    IssuingBodyFactory,
    PlanPageFactory,
    build_site,
)

PLAN = "Kế hoạch công tác thi đua, khen thưởng năm 2025"
DECISION = "Quyết định về việc khen thưởng Đội tuyển Đường Bộ"


class AdminSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = cls.create_admin()
        _home, index = build_site()
        cls.plan = PlanPageFactory(parent=index, title=PLAN)
        cls.decision = DecisionPageFactory(parent=index, title=DECISION)
        cls.body = IssuingBodyFactory(
            name="Ủy ban nhân dân huyện Tam Đường", slug="ubnd-tam-duong-x"
        )

    @staticmethod
    def create_admin():
        from django.contrib.auth import get_user_model

        return get_user_model().objects.create_superuser("quantri", "q@x.vn", "x")

    def setUp(self):
        self.client.force_login(self.user)

    def page_search(self, query: str) -> str:
        response = self.client.get("/admin/pages/search/", {"q": query})
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_page_search_without_diacritics(self):
        for query in ("quyet dinh", "QUYET DINH", "doi tuyen duong bo", "quyet"):
            with self.subTest(query=query):
                html = self.page_search(query)
                self.assertIn(DECISION, html)
                self.assertNotIn(PLAN, html)
        for query in ("ke hoach thi dua", "ke hoach cong tac"):
            with self.subTest(query=query):
                html = self.page_search(query)
                self.assertIn(PLAN, html)
                self.assertNotIn(DECISION, html)

    def test_page_search_with_diacritics_still_works(self):
        for query in ("Quyết định", "quyết định", "Đường Bộ", "khen thưởng"):
            with self.subTest(query=query):
                self.assertIn(DECISION, self.page_search(query))
        self.assertIn(PLAN, self.page_search("Kế hoạch thi đua"))
        self.assertNotIn(PLAN, self.page_search("Quyết định"))

    def test_backend_search_and_autocomplete(self):
        backend = get_search_backend()
        pages = LegalDocumentPage.objects.all()
        for method in (backend.search, backend.autocomplete):
            with self.subTest(method=method.__name__):
                found = list(method("ke hoach thi dua", pages))
                self.assertEqual([p.pk for p in found], [self.plan.pk])
        self.assertEqual(
            [p.pk for p in backend.search(Phrase("khen thuong doi tuyen"), pages)],
            [self.decision.pk],
        )

    def test_search_restricted_to_a_text_field(self):
        # PostgreSQL folds a restricted field's column in SQL: a TextField
        # (summary) must not meet the CharField arguments as "mixed types".
        from django.db import connection

        if connection.vendor != "postgresql":
            self.skipTest("restricted fields are folded in SQL on PostgreSQL only")
        backend = get_search_backend()
        self.plan.summary = "Kế hoạch tổ chức phong trào thi đua năm 2025"
        self.plan.save()
        found = backend.search(
            "phong trao thi dua", LegalDocumentPage.objects.all(), fields=["summary"]
        )
        self.assertIn(self.plan.pk, [page.pk for page in found])

    def test_vocabulary_abbreviation_and_signer_position(self):
        from documents.models import EmulationTitle, Signer

        backend = get_search_backend()
        signer = Signer.objects.create(name="Sùng Lữ Páo", position="Chủ tịch")
        title, _ = EmulationTitle.objects.update_or_create(
            name="Chiến sĩ thi đua cơ sở", defaults={"abbreviation": "CSTĐCS"}
        )
        for query, queryset, wanted in (
            ("chu tich", Signer.objects.all(), signer),
            ("Chủ tịch", Signer.objects.all(), signer),
            ("cstdcs", EmulationTitle.objects.all(), title),
        ):
            with self.subTest(query=query):
                found = backend.autocomplete(query, queryset)
                self.assertIn(wanted.pk, [row.pk for row in found])

    def test_page_chooser_search(self):
        response = self.client.get("/admin/choose-page/search/", {"q": "quyet dinh"})
        self.assertEqual(response.status_code, 200)
        self.assertIn(DECISION, response.content.decode())

    def test_snippet_listing_search(self):
        url = "/admin/snippets/documents/issuingbody/"
        for query in ("uy ban nhan dan huyen tam duong", "Ủy ban Tam Đường"):
            with self.subTest(query=query):
                response = self.client.get(url, {"q": query})
                self.assertEqual(response.status_code, 200)
                self.assertIn("huyện Tam Đường", response.content.decode())

    def test_snippet_autocomplete_without_diacritics(self):
        found = get_search_backend().autocomplete(
            "uy ban tam duong", IssuingBody.objects.all()
        )
        self.assertEqual([b.pk for b in found], [self.body.pk])


class FoldQueryTests(TestCase):
    def test_nested_queries_are_folded_and_left_unchanged(self):
        from pages.admin_search import fold_query

        original = And([PlainText("Quyết định"), Phrase("Đường Bộ")])
        folded = fold_query(original)
        self.assertEqual(
            [q.query_string for q in folded.subqueries], ["quyet dinh", "duong bo"]
        )
        self.assertEqual(original.subqueries[0].query_string, "Quyết định")
        self.assertEqual(fold_query("Kế Hoạch"), "ke hoach")

    def test_sql_fold_matches_python_fold(self):
        from django.db import connection
        from django.db.models import Value

        from pages.admin_search import SQLFold

        if connection.vendor != "postgresql":
            self.skipTest("translate() folding is used on PostgreSQL only")

        from documents.text import fold

        text = "Quyết Định Ủy ban nhân dân huyện Tam Đường ĐỜI SỐNG"
        value = IssuingBody.objects.annotate(f=SQLFold(Value(text))).values_list(
            "f", flat=True
        )
        IssuingBodyFactory()
        self.assertEqual(value.first(), fold(text))
