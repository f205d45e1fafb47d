"""Every word a user types is searched, and every adjacent pair is paired.

Legal text is full of words that, without their diacritics, spell a
question's frame: "sử dụng không đúng" folds to "su dung khong dung", where
"dung khong" also spells "đúng không". Dropping such "frames" from a query
dropped real words, so the parser keeps them all.
"""

import pytest

from search.query import parse, strip_diacritics

QUERIES = [
    ("sử dụng không đúng mục đích đất", ["su_dung", "dung_khong", "khong_dung"]),
    ("áp dụng không thời hạn", ["ap_dung", "dung_khong", "khong_thoi"]),
    ("thẻ nào được cấp lại", ["the_nao", "nao_duoc"]),
    ("mức phạt bao nhiêu, đúng hay sai", ["bao_nhieu", "dung_hay", "hay_sai"]),
]


@pytest.mark.parametrize("text, pairs", QUERIES)
@pytest.mark.parametrize("form", ["accented", "plain"])
def test_every_typed_word_and_pair_is_searched(text, pairs, form):
    typed = text if form == "accented" else strip_diacritics(text)
    parsed = parse(typed)
    searched = [word for group in parsed.groups for word in group.primary]
    assert searched == parsed.folded_tokens
    assert len(parsed.folded_tokens) == len(text.replace(",", " ").split())
    assert set(pairs) <= set(parsed.bigrams)
