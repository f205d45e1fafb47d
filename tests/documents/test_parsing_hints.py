"""Filling what the text lacks from the record: documents.parsing.hints."""

import json

import pytest

from documents.parsing import SourceRecord, parse_document, parse_record
from documents.parsing.flags import FLAG_MESSAGES, describe, missing_fields
from documents.parsing.hints import fill_from_record, record_metadata
from documents.parsing.readers import read_records
from documents.parsing.slugs import subject_from_text, url_hints

TVPL = "https://thuvienphapluat.vn/van-ban/Linh-vuc/"


@pytest.mark.parametrize(
    "slug, expected",
    [
        (
            "Cong-van-7197-BKHCN-CDSQG-2025-so-hoa-ho-so-681234.aspx",
            ("Công văn", "7197/BKHCN-CĐSQG", 2025),
        ),
        (
            "Quyet-dinh-5067-QD-BNNMT-2025-quy-trinh-noi-bo-682001.aspx",
            ("Quyết định", "5067/QĐ-BNNMT", 2025),
        ),
        (
            "Thong-tu-57-2025-TT-BCT-noi-dung-ky-thuat-dau-khi-682789.aspx",
            ("Thông tư", "57/2025/TT-BCT", 2025),
        ),
        (
            "Cong-dien-219-CD-TTg-2025-khac-phuc-hau-qua-mua-lu-681321.aspx",
            ("Công điện", "219/CĐ-TTg", 2025),
        ),
        (
            "Nghi-quyet-62-2025-NQ-HDND-muc-ho-tro-Ha-Noi-682772.aspx",
            ("Nghị quyết", "62/2025/NQ-HĐND", 2025),
        ),
        (  # a number that looks like a year is still the number
            "Quyet-dinh-1973-QD-UBND-2025-thu-tuc-hanh-chinh-682001.aspx",
            ("Quyết định", "1973/QĐ-UBND", 2025),
        ),
        (
            "Nghi-quyet-66-8-2025-NQ-CP-tach-noi-dung-boi-thuong-682001.aspx",
            ("Nghị quyết", "66.8/2025/NQ-CP", 2025),
        ),
        (  # Party documents keep the Party form
            "Ket-luan-221-KL-TW-2025-chinh-quyen-dia-phuong-682001.aspx",
            ("Kết luận", "221-KL/TW", 2025),
        ),
        (  # an English translation's address
            "Decree-301-2025-ND-CP-amendments-to-Decree-38-2024-682001.aspx",
            ("Nghị định", "301/2025/NĐ-CP", 2025),
        ),
    ],
)
def test_url_slug_shapes(slug, expected):
    hints = url_hints(TVPL + slug)
    assert (hints["doc_type"], hints["code"], hints["year"]) == expected


def test_lower_case_slug_of_another_site():
    url = (
        "https://xaydungchinhsach.chinhphu.vn/toan-van-nghi-quyet-so-1663-nq-"
        "ubtvqh15-sap-xep-cac-dvhc-cap-xa-nam-2025-119250616203652359.htm"
    )
    hints = url_hints(url)
    assert (hints["doc_type"], hints["code"]) == ("Nghị quyết", "1663/NQ-UBTVQH15")
    assert "year" not in hints  # the code carries none; "nam 2025" is the subject's
    assert hints["subject"][:2] == ["sap", "xep"]


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://example.org/",
        TVPL + "QCVN-97-2025-BNNMT-san-pham-xu-ly-moi-truong-922131.aspx",
        "not a url at all",
    ],
)
def test_url_without_a_known_kind_gives_nothing(url):
    assert url_hints(url) == {}


def test_record_metadata_reads_nested_then_top_level_then_english_keys():
    record = {
        "text": "…",
        "heuristic": {"so_ky_hieu": "7197/BKHCN-CĐSQG", "ngay_ban_hanh": None},
        "so_ky_hieu": "1/XX",
        "loai_van_ban": "Công văn",
        "issue_date": "20/11/2025",
        "co_quan_ban_hanh": 12,
    }
    assert record_metadata(record) == {
        "code": "7197/BKHCN-CĐSQG",
        "doc_type": "Công văn",
        "issued_date": "20/11/2025",
        "issuer": "12",
    }
    assert record_metadata(None) == {} and record_metadata({"heuristic": 3}) == {}


LETTER = (
    "Kính gửi: Các cơ quan, tổ chức trong hệ thống chính trị\n\n"
    "Ngày 15/10/2025, Cơ quan thường trực Ban Chỉ đạo đã có văn bản đề nghị "
    "số hóa hồ sơ, tài liệu.\n\nĐề nghị các cơ quan thực hiện./.\n\n"
    "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn A"
)
LETTER_URL = TVPL + "Cong-van-7197-BKHCN-CDSQG-2025-so-hoa-ho-so-681234.aspx"


def test_headerless_letter_is_completed_from_metadata_url_and_symbol():
    doc = parse_document(LETTER)
    assert set(missing_fields(doc)) == {"symbol", "issuing_body", "issued_date"}
    filled = fill_from_record(
        doc, LETTER, {"code": "7197/BKHCN-CĐSQG", "doc_type": "Công văn"}, LETTER_URL
    )
    assert missing_fields(filled) == []
    assert (filled.code, filled.number, filled.symbol) == (
        "7197/BKHCN-CĐSQG",
        7197,
        "BKHCN-CĐSQG",
    )
    assert filled.issuer == "Bộ Khoa học và Công nghệ"
    assert filled.issued_date == "2025"  # the year alone; 15/10/2025 is an event
    for flag in ("code_from_metadata", "issuer_from_symbol", "year_from_url"):
        assert flag in filled.flags
    # the input is not changed
    assert doc.code is None and "code_from_metadata" not in doc.flags


def test_url_alone_fills_code_and_restores_d():
    filled = fill_from_record(parse_document(LETTER), LETTER, {}, LETTER_URL)
    assert filled.code == "7197/BKHCN-CĐSQG"
    assert "code_from_url" in filled.flags


def test_text_values_win_over_the_record(sample_text):
    doc = parse_document(sample_text)
    filled = fill_from_record(
        doc,
        sample_text,
        {"code": "9/QĐ-UBND", "issued_date": "01/01/2025", "issuer": "Bộ Y tế"},
        TVPL + "Quyet-dinh-9-QD-UBND-2025-abc-681234.aspx",
    )
    for name in ("code", "doc_type", "issuer", "issued_date", "title"):
        assert getattr(filled, name) == getattr(doc, name)
    assert filled.flags == doc.flags


@pytest.fixture
def sample_text():
    return (
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 471/QĐ-UBND\n\n"
        "Bắc Ninh, ngày 28 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n\n"
        "Về việc công bố danh mục địa điểm tổ chức hội chợ\n\n"
        "ỦY BAN NHÂN DÂN TỈNH BẮC NINH\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Công bố.\n\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nPhạm Văn Thịnh"
    )


CIRCULAR = (
    "THÔNG TƯ\n\nQUY ĐỊNH MỘT SỐ NỘI DUNG KỸ THUẬT TRONG HOẠT ĐỘNG DẦU KHÍ\n\n"
    "BỘ TRƯỞNG BỘ CÔNG THƯƠNG\n\n"
    "Căn cứ Luật Dầu khí ngày 14 tháng 11 năm 2022;\n\n"
    "Căn cứ Nghị định số 40/2025/NĐ-CP ngày 26 tháng 02 năm 2025 của Chính phủ;\n\n"
    "Điều 1. Phạm vi điều chỉnh\n\nThông tư này quy định.\n\n"
    "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Hoàng Long"
)
CIRCULAR_URL = TVPL + "Thong-tu-57-2025-TT-BCT-noi-dung-ky-thuat-682789.aspx"


def test_date_whose_year_differs_from_the_code_is_refused():
    meta = {"code": "57/2025/TT-BCT", "issued_date": "14/11/2022"}
    filled = fill_from_record(parse_document(CIRCULAR), CIRCULAR, meta, CIRCULAR_URL)
    assert filled.code == "57/2025/TT-BCT"
    assert filled.issued_date == "2025"
    assert {"date_refused_year", "year_from_code"} <= set(filled.flags)
    assert missing_fields(filled) == []


def test_date_the_text_prints_for_a_cited_document_is_refused():
    meta = {"code": "57/2025/TT-BCT", "issued_date": "26/02/2025"}
    filled = fill_from_record(parse_document(CIRCULAR), CIRCULAR, meta, CIRCULAR_URL)
    assert filled.issued_date == "2025"
    assert "date_refused_cited" in filled.flags


def test_date_from_metadata_when_nothing_contradicts_it():
    meta = {"code": "57/2025/TT-BCT", "issued_date": "28/11/2025"}
    filled = fill_from_record(parse_document(CIRCULAR), CIRCULAR, meta, CIRCULAR_URL)
    assert filled.issued_date == "2025-11-28"
    assert "date_from_metadata" in filled.flags


def test_code_that_contradicts_the_kind_is_refused():
    """A Công văn never carries a Nghị định's code: the address's code is used."""
    url = TVPL + "Cong-van-6397-UBND-KT-2025-quan-ly-dau-thau-Ha-Noi-682931.aspx"
    text = LETTER.replace("Cơ quan thường trực", "Ủy ban nhân dân thành phố Hà Nội")
    filled = fill_from_record(
        parse_document(text), text, {"code": "257/2025/NĐ-CP"}, url
    )
    assert filled.code == "6397/UBND-KT"
    assert {"code_refused_metadata", "code_from_url"} <= set(filled.flags)
    assert filled.issuer == "Ủy ban nhân dân thành phố Hà Nội"
    assert "issuer_from_place" in filled.flags


def test_adoption_clause_gives_a_resolutions_date():
    text = (
        "Số: 1663/NQ-UBTVQH15\n\nNGHỊ QUYẾT\n\nVề việc sắp xếp\n\n"
        "ỦY BAN THƯỜNG VỤ QUỐC HỘI\n\n"
        "Căn cứ Nghị quyết số 202/2025/QH15 ngày 12 tháng 6 năm 2025;\n\n"
        "Điều 1. Sắp xếp.\n\nNghị quyết này được Ủy ban Thường vụ Quốc hội "
        "thông qua ngày 16 tháng 6 năm 2025."
    )
    filled = fill_from_record(
        parse_document(text), text, {"issued_date": "12/06/2025"}, None
    )
    assert filled.issued_date == "2025-06-16"
    assert "date_from_adoption" in filled.flags


def test_missing_everything_stays_missing():
    text = "Một đoạn văn không có thông tin gì về văn bản."
    doc = parse_document(text)
    filled = fill_from_record(doc, text, {}, None)
    assert (
        missing_fields(filled)
        == missing_fields(doc)
        == [
            "symbol",
            "issuing_body",
            "issued_date",
            "document_type",
        ]
    )
    assert filled.flags == doc.flags


def test_every_new_flag_reads_as_a_vietnamese_sentence():
    filled = fill_from_record(
        parse_document(CIRCULAR),
        CIRCULAR,
        {"code": "57/2025/TT-BCT", "issued_date": "14/11/2022"},
        CIRCULAR_URL,
    )
    sentences = describe(filled)
    assert FLAG_MESSAGES["date_refused_year"] in sentences
    assert FLAG_MESSAGES["code_from_metadata"] in sentences
    assert not any("_" in sentence for sentence in sentences)


def test_json_lines_record_carries_its_hints(tmp_path):
    path = tmp_path / "records.jsonl"
    row = {
        "id": "a1",
        "text": LETTER,
        "source_url": LETTER_URL,
        "heuristic": {"so_ky_hieu": "7197/BKHCN-CĐSQG", "loai_van_ban": "Công văn"},
    }
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    (record,) = read_records(path)
    assert record.hints["code"] == "7197/BKHCN-CĐSQG"
    doc = parse_record(record)
    assert missing_fields(doc) == [] and doc.source_url == LETTER_URL
    assert missing_fields(parse_record(SourceRecord(LETTER, "x.txt"))) != []


def test_subject_words_take_the_accents_the_text_gives():
    text = (
        "Cục Hải quan công bố thủ tục hành chính bị bãi bỏ trong lĩnh vực quản lý "
        "thuế của Bộ Tài chính tại Hà Nội."
    )
    words = "cong-bo-thu-tuc-hanh-chinh-bi-bai-bo-linh-vuc-quan-ly-thue-Ha-Noi"
    assert (
        subject_from_text(words.split("-"), text)
        == "công bố thủ tục hành chính bị bãi bỏ lĩnh vực quản lý thuế Hà Nội"
    )
    assert subject_from_text(["khong", "co"], text) is None  # not in the text
    # a lone word spelled two ways in the text is not guessed
    assert subject_from_text(["bo"], "bộ và bỏ") is None
    assert subject_from_text(
        ["sua", "doi", "Thong", "tu", "44", "2021", "TT", "BGTVT"],
        "sửa đổi Thông tư số 44/2021/TT-BGTVT",
    ) == ("sửa đổi Thông tư 44/2021/TT-BGTVT")


def test_title_from_the_address_when_the_record_has_none_worth_taking():
    text = LETTER + "\n\nVề số hóa hồ sơ, tài liệu thống nhất trong hệ thống chính trị."
    url = TVPL + "Cong-van-7197-BKHCN-CDSQG-2025-so-hoa-ho-so-tai-lieu-681234.aspx"
    cited = {"title": "Quyết định số 2496/QĐ-BVHTTDL ngày 26 tháng 8 năm 2024 của Bộ"}
    filled = fill_from_record(parse_document(text), text, cited, url)
    assert filled.title == "Số hóa hồ sơ tài liệu"
    assert "title_from_url" in filled.flags
    given = {"title": "V/v SỐ HÓA HỒ SƠ, TÀI LIỆU"}
    filled = fill_from_record(parse_document(text), text, given, url)
    assert filled.title == "Số hóa hồ sơ, tài liệu"
    assert "title_from_metadata" in filled.flags


def test_a_given_title_the_address_contradicts_is_refused():
    # An annex scraped without its decision: the publisher's guess is a row of
    # the table, the address spells the decision's own subject.
    text = (
        "STT\n\nTÊN THỦ TỤC HÀNH CHÍNH\n\nLĨNH VỰC\n\n1\n\n"
        "Quyết định điều chuyển tài sản công\n\nQuản lý công sản\n\n"
        "2\n\nCông bố thủ tục hành chính nội bộ ngành Tài chính tỉnh Đồng Nai"
    )
    url = (
        TVPL + "Quyet-dinh-2827-QD-UBND-2025-cong-bo-thu-tuc-hanh-chinh-noi-bo-"
        "nganh-Tai-chinh-Dong-Nai-682966.aspx"
    )
    guess = {"title": "điều chuyển tài sản công"}
    filled = fill_from_record(parse_document(text), text, guess, url)
    assert filled.title == "Công bố thủ tục hành chính nội bộ ngành Tài chính Đồng Nai"
    assert "title_refused_metadata" in filled.flags
    assert "title_from_url" in filled.flags
    assert FLAG_MESSAGES["title_refused_metadata"] in describe(filled)
    # A given title sharing a word pair with the address is kept; so is one
    # when the address spells too few words to tell.
    same = {"title": "Công bố thủ tục hành chính nội bộ ngành Tài chính"}
    filled = fill_from_record(parse_document(text), text, same, url)
    assert "title_from_metadata" in filled.flags
    short = TVPL + "Quyet-dinh-2827-QD-UBND-2025-Dong-Nai-682966.aspx"
    filled = fill_from_record(parse_document(text), text, guess, short)
    assert filled.title == "Điều chuyển tài sản công"
