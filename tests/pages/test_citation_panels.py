"""What the citation panels show, as a legal officer read them on the 348
shared documents (session 16): the names of laws cited by name, the search
offered for a law not on the portal, one entry per cited document, no
document citing itself, and "sửa đổi, bổ sung" only for what the document
itself amends. Each test failed on the code before its fix."""

import datetime as dt
from urllib.parse import parse_qs, urlsplit

from django.test import SimpleTestCase, TestCase

from documents.choices import Relation
from pages import relations
from pages.graph import sync_page
from pages.models import DocumentCitation
from pages.relations import Link
from pages.templatetags.document_graph import changed_documents
from tests.factories import DecisionPageFactory, IssuingBodyFactory, build_site


def law(raw: str, code: str = "", year: int | None = None) -> Link:
    row = DocumentCitation(
        raw=raw, code=code, year=year, doc_type="Luật", flags=["law_by_name"]
    )
    return Link(row, None, "")


def query(link: Link) -> str:
    return parse_qs(urlsplit(link.url()).query)["q"][0]


class LawLabelTests(SimpleTestCase):
    """A law cited by name shows as its name, with its number or else its
    year, never with the clause that follows the name in the text."""

    def test_tails_are_cut(self):
        cases = [
            (
                law("Luật Đất đai được Quốc hội thông qua ngày 18/01/2024", "", 2024),
                "Luật Đất đai năm 2024",
            ),
            (
                law("Luật Quản lý, sử dụng tài sản công (sửa đổi, bổ sung"),
                "Luật Quản lý, sử dụng tài sản công",
            ),
            (
                law(
                    "Luật Di sản văn hóa số 28/2001/QH10 đã được sửa đổi, bổ sung "
                    "một số điều theo Luật số 32/2009/QH12",
                    "28/2001/QH10",
                    2001,
                ),
                "Luật Di sản văn hóa số 28/2001/QH10",
            ),
            (
                law(
                    "Luật Thi đua, khen thưởng ngày 15/6/2022 và các văn bản hướng "
                    "dẫn thi hành",
                    "",
                    2022,
                ),
                "Luật Thi đua, khen thưởng năm 2022",
            ),
            (law("Luật Doanh nghiệp\nCơ sở dữ liệu quốc gia"), "Luật Doanh nghiệp"),
        ]
        for link, label in cases:
            with self.subTest(raw=link.citation.raw):
                self.assertEqual(link.label, label)

    def test_name_without_pinpoint_and_number_once(self):
        self.assertEqual(law("khoản 1 Điều 25 Luật Đường sắt").label, "Luật Đường sắt")
        self.assertEqual(
            law(
                "Luật Quản lý, sử dụng tài sản công 15/2017/QH14 ngày 21/6/2017",
                "15/2017/QH14",
                2017,
            ).label,
            "Luật Quản lý, sử dụng tài sản công số 15/2017/QH14",
        )
        self.assertEqual(
            law("Luật số 56/2024/QH15", "56/2024/QH15", 2024).label,
            "Luật số 56/2024/QH15",
        )

    def test_amending_law_keeps_its_whole_title(self):
        """A law amending others is named by them; its label is cut after the
        last one it amends, not at the first amended law's number."""
        whole = (
            "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15,"
            " Luật Nhà ở số 27/2023/QH15 và Luật Các tổ chức tín dụng"
        )
        link = law(whole)
        link.citation.flags = ["law_by_name", "amending_law", "unresolved"]
        self.assertEqual(link.label, whole)
        numbered = law(
            "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư"
            " số 57/2024/QH15 ngày 29/11/2024",
            "57/2024/QH15",
            2024,
        )
        numbered.citation.flags = ["law_by_name", "amending_law"]
        self.assertEqual(
            numbered.label,
            "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư"
            " số 57/2024/QH15",
        )


class UnresolvedSearchTests(SimpleTestCase):
    """Officer #12: the search offered for a law not on the portal looks for
    the law (its code, else its name), not the whole quoted citation."""

    def test_law_by_name_searches_its_name(self):
        link = law(
            "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", "", 2015
        )
        self.assertEqual(query(link), "Luật Tổ chức chính quyền địa phương")

    def test_pinpointed_law_searches_its_name(self):
        link = law("điểm a khoản 2 Điều 28 Luật Thủ đô")
        self.assertEqual(query(link), "Luật Thủ đô")

    def test_law_with_code_searches_its_code(self):
        link = law(
            "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025",
            "72/2025/QH15",
            2025,
        )
        self.assertEqual(query(link), "72/2025/QH15")


class PanelEntriesTests(TestCase):
    """One entry per cited document; none for the page itself or for a
    reference without a number; the change panel only for its own acts."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index = build_site()
        cls.body = IssuingBodyFactory(
            name="Ủy ban nhân dân tỉnh Lai Châu", slug="ubnd-tinh-lai-chau-test"
        )

    def decision(self, *, basis: str = "", body: str = "", **values):
        page = DecisionPageFactory(
            parent=self.index,
            legal_basis=basis,
            body=[{"type": "paragraph", "value": f"<p>{body}</p>"}] if body else [],
            issuing_body=self.body,
            **values,
        )
        sync_page(page)
        return page

    def test_document_cited_twice_is_listed_once(self):
        page = self.decision(
            basis="Căn cứ Quyết định số 991/QĐ-TTg ngày 16/9/2024 của Thủ tướng "
            "Chính phủ;",
            body="Triển khai Quyết định số 991/QĐ-TTg đúng tiến độ.",
        )
        labels = [link.label for link in relations.outgoing(page)]
        self.assertEqual(labels, ["Quyết định số 991/QĐ-TTg"])

    def test_reference_without_number_is_not_listed(self):
        page = self.decision(
            body="Giao Sở Tài chính trình Quyết định số    /QĐ-UBND trước ngày "
            "15/12/2025; thực hiện Kế hoạch số 46/KH-UBND ngày 01/02/2025 của "
            "Ủy ban nhân dân tỉnh."
        )
        codes = [link.citation.code for link in relations.outgoing(page)]
        self.assertEqual(codes, ["46/KH-UBND"])

    def test_appendix_naming_its_decision_is_no_citation(self):
        page = self.decision(
            number=2820,
            issued_date=dt.date(2025, 11, 19),
            body="(Ban hành kèm theo Quyết định số 2820/QĐ-UBND ngày 19 tháng 11 "
            "năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh)",
        )
        self.assertEqual(relations.outgoing(page), [])

    def test_basis_amended_by_is_basis_not_amended(self):
        page = self.decision(
            basis="Căn cứ Luật Ban hành văn bản quy phạm pháp luật số "
            "64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;",
            body="Quyết định này thay thế Quyết định số 15/2014/QĐ-UBND ngày "
            "02/7/2014 của Ủy ban nhân dân tỉnh. Các thủ tục tại Nghị định số "
            "105/2012/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số "
            "237/2025/NĐ-CP.",
        )
        basis = [link.citation.code for link in relations.legal_basis(page)]
        self.assertEqual(basis, ["64/2025/QH15", "87/2025/QH15"])
        changes = [
            (link.relation_label, link.citation.code)
            for link in changed_documents(page)
        ]
        self.assertEqual(changes, [("Thay thế", "15/2014/QĐ-UBND")])

    def test_subject_of_the_verb_is_another_document(self):
        page = self.decision(
            body="Áp dụng Thông tư số 39/2018/TT-BTC ngày 20/4/2018 sửa đổi, bổ "
            "sung một số điều tại Thông tư số 38/2015/TT-BTC ngày 25/3/2015."
        )
        rows = DocumentCitation.objects.filter(source_id=page.pk)
        self.assertEqual(
            {row.code: row.relation for row in rows},
            {"39/2018/TT-BTC": Relation.RELATED, "38/2015/TT-BTC": Relation.RELATED},
        )

    def test_body_mention_of_a_merged_entry_keeps_its_link(self):
        page = self.decision(
            basis="Căn cứ Quyết định số 991/QĐ-TTg ngày 16/9/2024 của Thủ tướng "
            "Chính phủ;",
            body="Triển khai Quyết định số 991/QĐ-TTg đúng tiến độ.",
        )
        html = self.client.get(page.url).content.decode()
        self.assertIn(
            'href="/tim-kiem/?q=991%2FQ%C4%90-TTg" title="Tìm “Quyết định số '
            '991/QĐ-TTg” trên cổng">Quyết định số 991/QĐ-TTg</a>',
            html,
        )
