"""Defects a legal officer met following the citation graph (walkthrough of
2026-12-07, /work/team/notes/officer_walk.md): each test failed on the code
before its fix."""

import datetime as dt

from django.test import TestCase

from pages.bodytext import body_text
from pages.graph import page_citations, sync_page
from search.indexing import index_pages
from tests.factories import DecisionPageFactory, build_site, replaced_decree
from tests.factories.scenarios import decree
from tests.pages.test_walk_defects import citation_panel as panel

LAW_BASIS = (
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
)
LAW_BODY = (
    "<p>Nghị định này quy định chi tiết thi hành một số điều của "
    "Luật Thi đua, khen thưởng.</p>"
)
#: 1520/QĐ-UBND of the demo: issued on 20/06/2025, when 98/2023 was in force.
BASIS = (
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;\n"
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ;\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15."
)


def item(html: str, title: str) -> str:
    rest = html[html.index(title) :]
    return rest[: rest.index("</li>")]


class BodyLawTitleTests(TestCase):
    """The body's bare "Luật Thi đua, khen thưởng" is the law the căn cứ dated
    (06/2022/QH15), not the 2003 law in force on the decree's date."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index = build_site()
        cls.page = decree(
            cls.index,
            98,
            2023,
            issued_date=dt.date(2023, 12, 31),
            legal_basis=LAW_BASIS,
            body=[{"type": "paragraph", "value": LAW_BODY}],
        )

    def test_body_mention_resolves_to_the_dated_law(self):
        found = [(origin, c) for origin, c in page_citations(self.page)]
        body = [c for origin, c in found if origin == "body"]
        self.assertEqual([c.key for c in body], ["qppl|luat|6|2022|qh15"])
        text = body_text(self.page)
        self.assertEqual(text[body[0].start : body[0].end], body[0].raw)
        basis = [c.key for origin, c in found if origin == "basis"]
        self.assertEqual(basis, ["qppl|luat|76|2015|qh13", "qppl|luat|6|2022|qh15"])

    def test_page_links_no_2003_law(self):
        sync_page(self.page)
        html = self.client.get(self.page.url).content.decode()
        self.assertNotIn("15%2F2003%2FQH11", html)
        self.assertNotIn("15/2003/QH11", html)
        # A law not on the portal is named, not only numbered.
        self.assertIn(
            "<span>Luật Tổ chức Chính phủ số 76/2015/QH13</span>", panel(html)
        )

    def test_law_labels_keep_the_name(self):
        from pages.models import DocumentCitation
        from pages.relations import Link

        def label(raw, code, doc_type="Luật", flags=("law_by_name",)):
            row = DocumentCitation(raw=raw, code=code, doc_type=doc_type, flags=flags)
            return Link(row, None, "").label

        pinpointed = "khoản 2 Điều 5 Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015"
        self.assertEqual(
            label(pinpointed, "76/2015/QH13"), "Luật Tổ chức Chính phủ số 76/2015/QH13"
        )
        amending = "Luật sửa đổi, bổ sung một số điều của Luật Xây dựng số 62/2020/QH14"
        self.assertEqual(
            label(amending, "62/2020/QH14"),
            "Luật sửa đổi, bổ sung một số điều của Luật Xây dựng số 62/2020/QH14",
        )
        decree = "Nghị định số 98/2023/NĐ-CP"
        self.assertEqual(
            label(decree, "98/2023/NĐ-CP", "Nghị định", ()),
            "Nghị định số 98/2023/NĐ-CP",
        )


class CitingDecisionCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index = build_site()
        cls.old, cls.new, _ = replaced_decree(cls.index)
        cls.decision = DecisionPageFactory(
            parent=cls.index, legal_basis=BASIS, issued_date=dt.date(2025, 6, 20)
        )
        sync_page(cls.decision)
        index_pages([cls.decision, cls.old, cls.new])


class CitesFilterTests(CitingDecisionCase):
    """?cites= reads a code as people write it, as the documents API does."""

    def test_search_api_reads_written_codes(self):
        for code in ("98/2023/NĐ-CP", "98/2023/ND-CP", "98/2023/nd-cp", "nd 98/2023"):
            with self.subTest(code=code):
                data = self.client.get("/api/v1/search/", {"cites": code}).json()
                pages = {hit["url"] for hit in data["results"]}
                self.assertIn(self.decision.url, pages)

    def test_search_page_reads_written_codes(self):
        html = self.client.get("/tim-kiem/", {"cites": "98/2023/NĐ-CP"}).content
        html = html.decode()
        self.assertIn("Dẫn chiếu đến Nghị định 98/2023/NĐ-CP", html)
        self.assertIn(self.decision.url, html)

    def test_a_code_not_on_the_portal_offers_its_citing_documents(self):
        html = self.client.get("/tim-kiem/", {"q": "72/2025/QH15"}).content.decode()
        self.assertIn("Văn bản <strong>Luật 72/2025/QH15</strong> chưa có", html)
        self.assertIn('<a href="?cites=72%2F2025%2Fqh15">Xem 1 văn bản dẫn chiếu', html)
        none = self.client.get("/tim-kiem/", {"q": "77/2019/NĐ-CP"}).content.decode()
        self.assertNotIn("văn bản dẫn chiếu", none)

    def test_a_code_on_the_portal_hidden_by_a_filter_is_not_called_missing(self):
        params = {"q": "98/2023/NĐ-CP", "year": "2020"}
        html = self.client.get("/tim-kiem/", params).content.decode()
        self.assertNotIn("chưa có trên cổng", html)


class BasisPanelTests(CitingDecisionCase):
    """ "Văn bản căn cứ" says when a cited document ended and whether it was
    in force when the citing one was issued; the panel names what a document
    replaces."""

    def test_expired_basis_was_in_force_on_the_date_of_issue(self):
        html = panel(self.client.get(self.decision.url).content.decode())
        old = item(html, self.old.title)
        self.assertIn("Hết hiệu lực", old)
        self.assertIn(
            "(hết hiệu lực từ 01/07/2025; còn hiệu lực vào ngày ban hành văn bản "
            "này, 20/06/2025)",
            old,
        )
        new = item(html, self.new.title)
        self.assertIn(
            "có hiệu lực từ 01/07/2025, sau ngày ban hành văn bản này, 20/06/2025",
            new,
        )

    def test_replacing_decree_names_what_it_replaces(self):
        html = panel(self.client.get(self.new.url).content.decode())
        self.assertIn("Văn bản được thay thế, sửa đổi, bãi bỏ bởi văn bản này", html)
        line = item(html, "Thay thế:")
        self.assertIn(f'href="{self.old.url}"', line)
        self.assertIn("98/2023/NĐ-CP", line)
        plain = panel(self.client.get(self.decision.url).content.decode())
        self.assertNotIn("bãi bỏ bởi văn bản này", plain)

    def test_citing_documents_are_grouped_validity_first(self):
        html = panel(self.client.get(self.old.url).content.decode())
        incoming = html[html.index('id="incoming-title"') :]
        replaced = incoming.index("Thay thế văn bản này (1)</h4>")
        based = incoming.index("Căn cứ văn bản này (1)</h4>")
        self.assertLess(replaced, based)
        self.assertLess(incoming.index(self.new.url), based)
        self.assertGreater(incoming.index(self.decision.url), based)


class PinpointLinkTests(TestCase):
    """A citation of a Điều lands on that Điều of the cited page."""

    def test_url_gets_the_anchor_of_an_existing_article(self):
        from pages.templatetags.document_graph import pinpoint_url

        anchors = {"dieu-1", "dieu-5", "dieu-2-2"}
        self.assertEqual(pinpoint_url("/a/", "khoản 1 Điều 5", anchors), "/a/#dieu-5")
        self.assertEqual(pinpoint_url("/a/", "Điều 3 và Điều 4", anchors), "/a/")
        self.assertEqual(pinpoint_url("/a/", "điều 1", anchors), "/a/#dieu-1")
        self.assertEqual(pinpoint_url("/a/", "khoản 2", anchors), "/a/")

    def test_body_link_lands_on_the_article(self):
        home, index = build_site()
        article = {
            "type": "article",
            "value": {"number": "5", "heading": "Thời hiệu", "body": "<p>x</p>"},
        }
        cited = decree(index, 172, 2025, body=[article])
        text = "<p>Theo khoản 1 Điều 5 Nghị định số 172/2025/NĐ-CP của Chính phủ.</p>"
        citing = decree(index, 9, 2025, body=[{"type": "paragraph", "value": text}])
        sync_page(citing)
        html = self.client.get(citing.url).content.decode()
        self.assertIn(f'href="{cited.url}#dieu-5"', html)


class DocumentsApiInForceTests(CitingDecisionCase):
    """/api/v1/documents/ reads ``in_force_on`` as /van-ban/ and the search API do."""

    def ids(self, **params):
        response = self.client.get("/api/v1/documents/", params)
        self.assertEqual(response.status_code, 200, response.content)
        return {row["id"] for row in response.json()["results"]}

    def test_filters_by_day(self):
        before = self.ids(in_force_on="2025-06-30")
        self.assertIn(self.old.pk, before)
        self.assertNotIn(self.new.pk, before)
        after = self.ids(in_force_on="02/07/2025")
        self.assertNotIn(self.old.pk, after)
        self.assertIn(self.new.pk, after)

    def test_a_bad_day_is_a_400(self):
        for value in ("abc", "2025-02-30", "0001-01-01"):
            with self.subTest(value=value):
                response = self.client.get("/api/v1/documents/", {"in_force_on": value})
                self.assertEqual(response.status_code, 400)
                self.assertIn("in_force_on", response.json()["detail"])


class BasisCheckUnknownValidityTests(TestCase):
    """/kiem-tra-can-cu/ does not call a document of unknown validity in force."""

    def test_unknown_status_is_named(self):
        home, index = build_site()
        decree(index, 172, 2025, status="khong_xac_dinh")
        decree(index, 171, 2025)
        text = (
            "Căn cứ Nghị định số 171/2025/NĐ-CP ngày 14/6/2025 của Chính phủ;\n"
            "Căn cứ Nghị định số 172/2025/NĐ-CP ngày 14/6/2025 của Chính phủ."
        )
        html = self.client.post(
            "/kiem-tra-can-cu/", {"text": text, "date": "2025-12-01"}
        ).content.decode()
        found = html[html.index('<ol class="basis-findings">') :]
        first, second = found.split("Dòng 2:")
        self.assertIn(
            "Khớp với văn bản trên cổng, còn hiệu lực vào ngày đã chọn.", first
        )
        self.assertIn("Hiệu lực vào ngày đã chọn: không xác định", second)
        self.assertNotIn("còn hiệu lực vào ngày đã chọn", second)


class BasisCheckSameCodeTests(TestCase):
    """A local code repeats across issuers: the validity named is the cited
    issuer's document's (review)."""

    def test_a_same_code_of_another_issuer_does_not_lend_its_status(self):
        from documents.models import IssuingBody

        home, index = build_site()
        decree(index, 171, 2025)  # Chính phủ's, in force
        other = IssuingBody.objects.create(name="Bộ Thử nghiệm", slug="bo-thu-nghiem")
        decree(
            index,
            171,
            2025,
            issuing_body=other,
            slug="nd-171-2025-b",
            status="khong_xac_dinh",
        )
        text = "Căn cứ Nghị định số 171/2025/NĐ-CP ngày 14/6/2025 của Chính phủ."
        html = self.client.post(
            "/kiem-tra-can-cu/", {"text": text, "date": "2025-12-01"}
        ).content.decode()
        found = html[html.index('<ol class="basis-findings">') :]
        self.assertIn("còn hiệu lực vào ngày đã chọn", found)
        self.assertNotIn("không xác định", found)
