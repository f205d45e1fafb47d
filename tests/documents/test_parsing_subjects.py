"""A trích yếu from a source address's subject words when the text gives none:
diacritics from the text, then from a general source, else none; flagged."""

from collections import Counter

import pytest

from documents.parsing import fill_from_record, parse_document
from documents.parsing.flags import FLAG_MESSAGES, describe
from documents.parsing.subjects import address_subject
from documents.text import fold

TVPL = "https://thuvienphapluat.vn/van-ban/Cong-nghe-thong-tin/"
TELECOM = (
    TVPL + "Nghi-dinh-295-2025-ND-CP-huong-dan-Luat-Vien-thong-ve-hoat-dong-"
    "vien-thong-cong-ich-681241.aspx"
)
ENGLISH = (
    "GOVERNMENT OF VIETNAM\n\nNo. 295/2025/ND-CP\n\nHanoi, November 15, 2025\n\n"
    "DECREE\n\nELABORATING LAW ON TELECOMMUNICATIONS REGARDING PUBLIC-UTILITY "
    "TELECOMMUNICATIONS ACTIVITIES\n\nPursuant to the Law on Government "
    "Organization; at the request of the Minister, the Government promulgates "
    "this Decree.\n\nArticle 1. Scope\n\nThis Decree provides for the use of "
    "the fund and the provision of services in the country."
)
HEADERLESS = (
    "Điều 1. Giá tối đa dịch vụ thu gom chất thải rắn sinh hoạt trên địa bàn "
    "được áp dụng từ ngày ký.\n\nĐiều 2. Sở Nông nghiệp và Môi trường có trách "
    "nhiệm hướng dẫn thực hiện./."
)
HEADERLESS_URL = (
    "https://thuvienphapluat.vn/van-ban/Tai-nguyen-Moi-truong/Quyet-dinh-5771-QD-"
    "UBND-2025-gia-toi-da-dich-vu-thu-gom-chat-thai-ran-sinh-hoat-Ha-Noi-682044.aspx"
)


def vocabulary(*texts: str):
    """An ``Accents`` source over ``texts``: the most frequent form of each
    word (no word pairs), None for a word the texts lack."""
    forms: dict[str, Counter] = {}
    for text in texts:
        for word in text.lower().split():
            forms.setdefault(fold(word), Counter())[word] += 1

    def accents(words, known):
        return [
            k or (forms[w].most_common(1)[0][0] if w in forms else None)
            for w, k in zip(words, known, strict=True)
        ]

    return accents


def test_words_the_text_spells_take_its_diacritics_the_rest_stay_as_written():
    words = "gia-toi-da-dich-vu-thu-gom-chat-thai-ran-sinh-hoat-Ha-Noi".split("-")
    found = address_subject(words, HEADERLESS)
    assert found.text == "giá tối đa dịch vụ thu gom chất thải rắn sinh hoạt Ha Noi"
    assert (found.from_text, found.guessed, found.unaccented) == (12, 0, 2)
    # the general source accents what the text lacks; the text still wins
    found = address_subject(words, HEADERLESS, vocabulary("hà nội", "già"))
    assert found.text.endswith("sinh hoạt Hà Nội")
    assert found.text.startswith("giá tối đa")
    assert (found.guessed, found.unaccented) == (2, 0)


def test_no_word_is_invented_or_dropped():
    words = "huong-dan-Luat-Vien-thong-ve-hoat-dong-xyzq".split("-")
    found = address_subject(words, "", vocabulary("hướng dẫn luật viễn thông về"))
    assert found.text == "hướng dẫn Luật Viễn thông về hoat dong xyzq"
    assert [fold(w) for w in found.text.split()] == [fold(w) for w in words]
    assert found.unaccented == 3


@pytest.mark.parametrize(
    "words",
    [[], ["2025"], ["681241"], ["12", "2025", "ND", "CP"], ["so"], ["Ha", "3"]],
)
def test_an_address_without_subject_words_gives_none(words):
    assert address_subject(words, HEADERLESS, vocabulary("hà nội số")) is None


def test_a_cited_code_regains_its_d_and_slashes():
    words = "sua-doi-Nghi-dinh-38-2024-ND-CP-xu-phat".split("-")
    found = address_subject(words, "", vocabulary("sửa đổi nghị định xử phạt"))
    assert found.text == "sửa đổi Nghị định 38/2024/NĐ-CP xử phạt"
    # the same code read from an English text ("No. 38/2024/ND-CP") too
    found = address_subject(words, "Decree No. 38/2024/ND-CP")
    assert "38/2024/NĐ-CP" in found.text


def test_a_word_the_text_spells_two_ways_asks_the_general_source():
    text = "Bộ Tài chính công bố thủ tục hành chính bị bỏ. Bố trí."
    words = "bai-bo-quy-dinh".split("-")
    found = address_subject(words, text, vocabulary("bãi bỏ"))
    assert found.text == "bãi bỏ quy dinh"
    # without one, the text's most frequent form of the word
    assert address_subject(words, text + " Bộ.").text == "bai bộ quy dinh"
    # a run of words the text spells is taken whole: "bố thủ tục"
    assert address_subject("bo-thu-tuc".split("-"), text).text == "bố thủ tục"


def test_english_translation_is_titled_from_the_address_flagged():
    doc = parse_document(ENGLISH)
    assert "not_vietnamese" in doc.flags
    # the text's English words are not Vietnamese subject words
    filled = fill_from_record(doc, ENGLISH, {}, TELECOM)
    assert filled.title == "Huong dan Luat Vien thong ve hoat dong vien thong cong ich"
    assert "title_from_url_unaccented" in filled.flags
    assert FLAG_MESSAGES["title_from_url_unaccented"] in describe(filled)
    accents = vocabulary(
        "hướng dẫn luật viễn thông về hoạt động viễn thông công ích của chính phủ"
    )
    filled = fill_from_record(doc, ENGLISH, {}, TELECOM, accents)
    assert filled.title == "Hướng dẫn Luật Viễn thông về hoạt động viễn thông công ích"
    assert "title_from_url_guessed" in filled.flags
    assert "title_from_url" not in filled.flags
    assert FLAG_MESSAGES["title_from_url_guessed"] in describe(filled)


def test_a_translation_takes_no_trich_yeu_from_an_address_in_its_language():
    url = (
        TVPL + "Decree-295-2025-ND-CP-elaborating-Law-on-Telecommunications-681240.aspx"
    )
    filled = fill_from_record(parse_document(ENGLISH), ENGLISH, {}, url)
    assert filled.title is None
    assert not any(f.startswith("title_from") for f in filled.flags)


def test_headerless_text_partly_spelling_the_subject_is_flagged():
    doc = parse_document(HEADERLESS)
    filled = fill_from_record(doc, HEADERLESS, {}, HEADERLESS_URL)
    assert filled.title == ("Giá tối đa dịch vụ thu gom chất thải rắn sinh hoạt Ha Noi")
    assert "title_from_url_unaccented" in filled.flags
    filled = fill_from_record(doc, HEADERLESS, {}, HEADERLESS_URL, vocabulary("hà nội"))
    assert filled.title.endswith("sinh hoạt Hà Nội")
    assert "title_from_url_guessed" in filled.flags
    # a text that spells every word keeps the former flag
    whole = HEADERLESS + "\n\nThành phố Hà Nội"
    filled = fill_from_record(parse_document(whole), whole, {}, HEADERLESS_URL)
    assert filled.title.endswith("sinh hoạt Hà Nội")
    assert filled.flags.count("title_from_url") == 1


def test_a_trich_yeu_from_the_record_or_the_text_wins():
    given = {"title": "Giá tối đa dịch vụ thu gom, vận chuyển chất thải rắn"}
    filled = fill_from_record(
        parse_document(HEADERLESS), HEADERLESS, given, HEADERLESS_URL
    )
    assert filled.title == given["title"]
    assert not any(f.startswith("title_from_url") for f in filled.flags)
