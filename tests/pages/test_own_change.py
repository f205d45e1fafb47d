"""A body's change verb is the document's own act, not a proposal or another
document's (``pages.graph.own_change``), on clauses of the shared corpus."""

from django.test import SimpleTestCase

from documents.citations import extract_citations
from pages.graph import own_change


def kept(text: str) -> dict[str, str | None]:
    found = extract_citations(text)
    return {c.code: own_change(text, c, found).relation for c in found}


class OwnChangeTests(SimpleTestCase):
    def test_recommendation_under_its_heading(self):
        text = (
            "Lý do: Cắt giảm thời gian giải quyết.\n\n1.2. Kiến nghị thực thi\n\n"
            "Sửa đổi Điều 109 của Nghị định số 65/2023/NĐ-CP ngày 16/8/2023 của "
            "Chính phủ"
        )
        self.assertEqual(kept(text), {"65/2023/NĐ-CP": None})

    def test_tasks_and_drafts(self):
        for text, code in (
            (
                "thực hiện tốt vai trò Cơ quan Thường trực; tham mưu UBND tỉnh sửa "
                "đổi, bổ sung hoặc thay thế Quyết định số 15/2021/QĐ-UBND ngày "
                "08/7/2021 của UBND tỉnh Nghệ An",
                "15/2021/QĐ-UBND",
            ),
            (
                "(2) Xem xét, sửa đổi quy định về số lớp tối đa/trường tại Thông tư "
                "số 13/2020/TT-BGDĐT ngày 26/5/2020",
                "13/2020/TT-BGDĐT",
            ),
        ):
            with self.subTest(code=code):
                self.assertEqual(kept(text), {code: None})

    def test_draft_ordinance(self):
        text = (
            "Chính phủ thống nhất dự án Pháp lệnh sửa đổi Pháp lệnh Cảnh sát môi "
            "trường."
        )
        self.assertEqual(list(kept(text).values()), [None])

    def test_subject_that_already_amended(self):
        text = (
            "Theo đó, tại Thông tư 130/2025/TT-BQP đã sửa đổi một số nội dung của "
            "Thông tư 67/2024/TT-BQP về trình tự, thủ tục"
        )
        self.assertEqual(kept(text)["67/2024/TT-BQP"], None)

    def test_own_act_is_kept(self):
        text = (
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết "
            "định số 1849/QĐ-UBND ngày 20 tháng 8 năm 2024 của Ủy ban nhân dân"
        )
        self.assertEqual(kept(text), {"1849/QĐ-UBND": "thay thế"})
