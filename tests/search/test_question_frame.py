"""A question's frame ("…, đúng hay sai?", "là gì", "bao nhiêu") is not what it
asks about (``search.query.QUESTION_FRAMES``): the parser leaves it out and
forms no word pair across it, so a question ranks the same however it is
framed, on every backend.
"""

from __future__ import annotations

import pytest

from search.query import parse
from search.types import SearchQuery

from .conftest import DATABASES
from .corpus import article_entry

pytestmark = pytest.mark.django_db(databases=DATABASES)


def searched(parsed) -> list[str]:
    return [word for g in parsed.groups for word in g.primary]


def test_frames_are_left_out_with_their_word_pairs():
    parsed = parse("Phạt tù bao nhiêu năm khi chiếm đoạt di vật, đúng hay sai?")
    words = searched(parsed)
    assert words == ["phat", "tu", "nam", "khi", "chiem", "doat", "di", "vat"]
    # The second stage (search.ranking) still reads every word typed.
    assert parsed.folded_tokens[-3:] == ["dung", "hay", "sai"]
    # "tù" and "năm" stand apart in the question: no pair is formed across
    # the frame between them, nor with the frame's own words.
    assert "tu_nam" not in parsed.bigrams
    assert not {"tu_bao", "bao_nhieu", "vat_dung", "hay_sai"} & set(parsed.bigrams)
    assert {"phat_tu", "chiem_doat", "di_vat"} <= set(parsed.bigrams)


def test_la_stays_before_gi():
    """ "X là gì?" is answered by the Điều that says "X là …"."""
    parsed = parse("Phạm tội có tổ chức là gì?")
    assert searched(parsed)[-1] == "la"
    assert "chuc_la" in parsed.bigrams
    assert "la_gi" not in parsed.bigrams


def test_same_without_diacritics():
    written = parse("Cơ sở điện ảnh phải chịu trách nhiệm, đúng hay sai?")
    plain = parse("Co so dien anh phai chiu trach nhiem, dung hay sai?")
    assert searched(written) == searched(plain)
    assert written.bigrams == plain.bigrams


def test_a_query_of_frames_alone_is_kept():
    assert searched(parse("bao nhiêu")) == ["bao", "nhieu"]
    assert searched(parse("đúng hay sai")) == ["dung", "hay", "sai"]


def test_words_that_only_look_like_a_frame_stay():
    # "sai phạm" is content; only the whole phrase "đúng hay sai" is a frame.
    assert searched(parse("xử lý sai phạm")) == ["xu", "ly", "sai", "pham"]


def _laws():
    texts = [
        (
            "Điều 15. Trách nhiệm của cơ sở điện ảnh",
            "Cơ sở điện ảnh phát hành phim chịu trách nhiệm trước pháp luật về "
            "nội dung phim phát hành.",
        ),
        (
            "Điều 16. Thông tin sai sự thật",
            "Cấm đưa thông tin sai sự thật; sai phạm bị xử lý, dù đúng hay sai.",
        ),
        (
            "Điều 17. Phân loại phim",
            "Phim được phân loại theo độ tuổi người xem.",
        ),
    ]
    return [
        article_entry(f"law:{n}", n, title, body)
        for n, (title, body) in enumerate(texts, start=1)
    ]


@pytest.mark.parametrize(
    "question",
    [
        "Cơ sở điện ảnh phát hành phim phải chịu trách nhiệm về nội dung phim",
        "co so dien anh phat hanh phim phai chiu trach nhiem ve noi dung phim",
    ],
)
def test_framing_a_question_changes_no_ranking(backend, question):
    backend.add_bulk(_laws())

    def ranked(text):
        # Keys in order: the second stage reads every typed word, so a
        # frame may scale its bonus, never reorder what the words matched.
        return [h.key for h in backend.search(SearchQuery(text=text)).hits]

    plain = ranked(question + "?")
    assert plain[0] == "law:1"
    for framed in (", đúng hay sai?", ", dung hay sai?", " hay không?"):
        assert ranked(question + framed) == plain
