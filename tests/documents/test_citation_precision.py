"""Precision of the citation extractor on the shared corpus's defects.

Three classes, each taken from a real text of ../shared/data/documents: a law
name cut short, a non-citation taken for one, and a change relation ("sửa
đổi, bổ sung", "thay thế", "bãi bỏ") read from a table row or a quotation.
"""

import pytest

from documents.citations import extract_citations


def one(text: str):
    found = extract_citations(text)
    assert len(found) == 1, found
    return found[0]


def relations(text: str) -> dict[str, str | None]:
    return {c.code: c.relation for c in extract_citations(text)}


class TestWholeLawNames:
    def test_amending_law_that_counts_the_laws_it_amends(self):
        citation = one(
            "Căn cứ Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan "
            "đến quy hoạch ngày 20/11/2018;"
        )
        assert citation.raw == (
            "Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy "
            "hoạch ngày 20/11/2018"
        )
        assert citation.code == "35/2018/QH14"

    def test_amending_law_of_the_tax_laws(self):
        citation = one(
            "quy định chi tiết thi hành Luật sửa đổi, bổ sung một số điều của các "
            "Luật về thuế và sửa đổi"
        )
        assert citation.raw.endswith("của các Luật về thuế")
        assert citation.code == "71/2014/QH13"

    def test_unknown_amending_law_keeps_the_count(self):
        citation = one(
            "dự án Luật sửa đổi, bổ sung một số điều của 15 luật trong lĩnh vực"
        )
        assert citation.raw.endswith("của 15 luật")

    def test_amending_law_title_runs_to_the_last_amended_law(self):
        text = (
            "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, "
            "Luật Nhà ở số 27/2023/QH15 và Luật Các tổ chức tín dụng số "
            "32/2024/QH15;"
        )
        amending, *amended = extract_citations(text)
        assert amending.raw == text[: text.index(" số 32/2024")]
        assert [c.code for c in amended] == [
            "31/2024/QH15",
            "27/2023/QH15",
            "32/2024/QH15",
        ]
        # Named in another law's title: this text amends none of them.
        assert [c.relation for c in amended] == [None, None, None]

    @pytest.mark.parametrize(
        "title",
        [
            "Luật Quản lý, bảo vệ công trình quốc phòng và khu quân sự",
            "Luật Hỗ trợ doanh nghiệp nhỏ và vừa",
            "Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân",
            "Luật KH, CN&ĐMST",
        ],
    )
    def test_titles_with_commas_and_va(self, title):
        citation = one(f"theo quy định của {title}, cụ thể như sau")
        assert citation.raw == title

    def test_title_with_va_up_to_its_number(self):
        citation = one(
            "Căn cứ Luật Quản lý và Đầu tư vốn Nhà nước tại doanh nghiệp số "
            "68/2025/QH15;"
        )
        assert citation.raw.startswith("Luật Quản lý và Đầu tư vốn")
        assert citation.code == "68/2025/QH15"

    def test_title_stops_at_the_next_cell(self):
        citation = one("theo Luật Doanh nghiệp\n\nCơ sở dữ liệu quốc gia")
        assert citation.raw == "Luật Doanh nghiệp"

    def test_title_before_a_new_sentence_without_its_full_stop(self):
        citation = one(
            "dự án Pháp lệnh sửa đổi Pháp lệnh Cảnh sát môi trường Ngày "
            "21/11/2025, Chính phủ đã ban hành"
        )
        assert (citation.raw, citation.date) == ("Pháp lệnh Cảnh sát môi trường", None)

    def test_amending_ordinance_is_an_ordinance(self):
        citation = one(
            "Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh Cảnh sát môi "
            "trường do Bộ Công an trình"
        )
        assert citation.doc_type == "Pháp lệnh"
        assert citation.key.startswith("law|phap lenh|")


class TestNotCitations:
    @pytest.mark.parametrize(
        "text",
        [
            # A time limit after a lower-case "quy định" / "quyết định".
            "- Thời gian giải quyết theo quy định: 05 ngày kể từ ngày Sở Nội vụ",
            "Tổng thời gian xử lý theo quy định:\n\n150 ngày kể từ ngày nhận",
            "Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định: 42 ngày (trường",
            # A form, not a document.
            "CÁC MẪU VĂN BẢN\n\nMẫu số 47. Văn bản đăng ký môi trường",
            # A step of a procedure table: who signs, how many days.
            "Ký duyệt Tờ trình\n\nLãnh đạo Sở\n\n02 ngày\n\nB6",
            "Ký duyệt Công văn\n\nLãnh đạo Sở\n\n01 ngày\n\nB12",
            # A table of abbreviations.
            "L Luật NQ Nghị quyết NĐ Nghị định QĐ Quyết định",
            # "kỷ luật", "pháp luật" in a heading in capitals.
            "THẨM QUYỀN VÀ TRÌNH TỰ, THỦ TỤC\n\nXỬ LÝ KỶ LUẬT CÁN BỘ\n\nĐiều 13.",
            "XÂY DỰNG CHÍNH SÁCH, PHÁP LUẬT TRÊN ĐỊA BÀN TỈNH GIAI ĐOẠN 2026",
        ],
    )
    def test_is_no_citation(self, text):
        assert extract_citations(text) == []

    @pytest.mark.parametrize(
        "text",
        [
            "Công văn 67 ngày 21-1-2020",
            "Báo cáo thẩm tra số 412/BC-UBPLTP15",
            "Bộ Tư pháp\n\nLuật Bảo hiểm xã hội năm 2024\n\nKhoản 2 Điều 61",
        ],
    )
    def test_still_a_citation(self, text):
        assert len(extract_citations(text)) == 1


class TestChangeRelations:
    def test_verb_in_another_table_cell(self):
        text = (
            "55.\n\nCấp bổ sung, sửa đổi Giấy chứng nhận đăng ký hoạt động thử "
            "nghiệm\n\n1662/QĐ-BKHCN ngày 15/6/2018;\n\n753/QĐ-BKHCN ngày 29/4/2025"
        )
        assert relations(text) == {"1662/QĐ-BKHCN": None, "753/QĐ-BKHCN": None}

    def test_verb_that_opens_a_list_keeps_it(self):
        text = (
            "2. Bãi bỏ các Quyết định sau:\n\na) Quyết định số 12/2023/QĐ-UBND "
            "ngày 20/4/2023 của Ủy ban nhân dân tỉnh;"
        )
        assert relations(text) == {"12/2023/QĐ-UBND": "bãi bỏ"}

    def test_quoted_amending_text(self):
        text = (
            "Nghị định số 12/2015/NĐ-CP quy định:\n\n“17. Bổ sung Điểm đ Khoản 2 "
            "Điều 19 Nghị định số 218/2013/NĐ-CP như sau:"
        )
        assert relations(text)["218/2013/NĐ-CP"] is None

    def test_quoted_phrase_being_replaced(self):
        text = (
            "7. Thay thế cụm từ “Thông tư số 36/2018/TT-BTC” bằng cụm từ “Thông "
            "tư số 100/2025/TT-BTC”."
        )
        assert relations(text) == {"36/2018/TT-BTC": None, "100/2025/TT-BTC": None}

    def test_verb_inside_a_quotation_that_ended(self):
        text = (
            "để xem xét sửa đổi, bổ sung cho phù hợp./.”\n\nĐiều 3 và Điều 4 của "
            "Thông tư số 54/2025/TT-BCT"
        )
        assert relations(text) == {"54/2025/TT-BCT": None}

    def test_quoted_words_before_the_citation_keep_the_verb(self):
        text = (
            "2. Bãi bỏ cụm từ “Công an cấp huyện” tại điểm a khoản 1 Điều 3 Nghị "
            "quyết số 38/2024/NQ-HĐND ngày 10 tháng 12 năm 2024"
        )
        assert relations(text) == {"38/2024/NQ-HĐND": "bãi bỏ"}

    def test_verb_in_the_title_of_the_document_opening_the_cell(self):
        text = (
            "Hoàn thuế theo Điều ước quốc tế khác\n\nThông tư số 94/2025/TT-BTC "
            "ngày 14 tháng 10 năm 2025 của Bộ Tài chính sửa đổi, bổ sung một số "
            "điều của Thông tư số 80/2021/TT-BTC ngày 29 tháng 9 năm 2021 của Bộ "
            "Tài chính hướng dẫn thi hành một số điều của Luật Quản lý thuế và sửa "
            "đổi, bổ sung một số mẫu biểu của Thông tư số 40/2021/TT-BTC"
        )
        found = relations(text)
        assert found["80/2021/TT-BTC"] is None
        assert found["40/2021/TT-BTC"] is None

    def test_verb_of_the_document_after_tai(self):
        text = (
            "Tại khoản 3, Điều 10, Thông tư số 38/2025/TT-BCT của Bộ Công Thương "
            "quy định sửa đổi, bổ sung một số điều của Thông tư số 36/2019/TT-BCT"
        )
        assert relations(text)["36/2019/TT-BCT"] is None

    def test_own_act_keeps_the_verb(self):
        text = (
            "2. Quyết định này thay thế Quyết định số 15/2014/QĐ-UBND ngày 02 "
            "tháng 7 năm 2014 của Ủy ban nhân dân tỉnh"
        )
        assert relations(text) == {"15/2014/QĐ-UBND": "thay thế"}


class TestListItems:
    """A change verb that opens a list ("Bãi bỏ các văn bản sau:") governs
    every item the list's citations open, not only the first (the review's
    finding: item b) was never marked repealed)."""

    def test_every_item_of_a_repeal_list_is_repealed(self):
        text = (
            "2. Bãi bỏ các văn bản sau:\n\n"
            "a) Quyết định số 12/2020/QĐ-UBND ngày 5/3/2020 của UBND tỉnh Lai Châu;\n\n"
            "b) Quyết định số 15/2021/QĐ-UBND ngày 7/4/2021 của UBND tỉnh Lai Châu;\n\n"
            "c) Chỉ thị số 03/CT-UBND ngày 2/1/2022 của UBND tỉnh Lai Châu."
        )
        assert relations(text) == {
            "12/2020/QĐ-UBND": "bãi bỏ",
            "15/2021/QĐ-UBND": "bãi bỏ",
            "03/CT-UBND": "bãi bỏ",
        }

    def test_a_citation_inside_an_item_passes_nothing_to_the_next(self):
        text = (
            "Căn cứ pháp lý:\n\n"
            "- Thông tư số 03/2025/TT-BYT ngày 15/9/2025 của Bộ Y tế hướng dẫn thi"
            " hành Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ;\n\n"
            "- Thông tư số 16/2020/TT-BYT ngày 29/10/2020 ban hành tiêu chuẩn."
        )
        found = relations(text)
        assert found["118/2025/NĐ-CP"] == "hướng dẫn"
        assert found["16/2020/TT-BYT"] != "hướng dẫn"
