"""The text signal of the second stage (``search.proximity`` and the
``texts`` hook of ``search.ranking.bonuses``): a Điều holding the question's
informative words side by side, in order, moves up; words most candidates hold
do not count; the three forms of a query get the same value."""

from __future__ import annotations

import pytest

from search import proximity, ranking
from search.query import parse, strip_diacritics
from search.types import SearchQuery

from .conftest import DATABASES
from .corpus import article_entry


def _q(text: str) -> list[str]:
    return parse(text).folded_tokens


def _words(text: str) -> list[str]:
    return ranking.text_words(ranking.Candidate(0, 0.0, "document", ""), text)


def test_a_word_half_the_candidates_hold_is_not_informative():
    texts = [["lao", "dong", "a"], ["lao", "dong", "b"], ["x"], ["y"]]
    # "lao" and "dong" are in 2 of 4: idf log(2.5 / 2.5) = 0.
    assert proximity.informative(["lao", "dong", "a"], texts) == {"a"}
    assert proximity.informative(["z"], texts) == {"z"}  # held by none
    assert proximity.informative(["a"], []) == set()


def test_triples_counts_only_triples_side_by_side_in_order():
    texts = [
        _words("Người lao động nước ngoài làm việc tại Việt Nam phải có giấy phép."),
        _words("Giấy phép lao động cấp cho người nước ngoài làm việc."),
        _words("Hợp đồng thử việc."),
        _words("Tiền lương làm thêm giờ."),
        _words("Thời giờ nghỉ ngơi."),
        _words("Kỷ luật lao động."),
    ]
    values = proximity.triples(_q("người lao động nước ngoài có cần giấy phép"), texts)
    # The second text holds the words too, but not side by side in order.
    assert values[0] > 0
    assert values[1:] == [0.0] * 5
    assert all(0.0 <= v <= 1.0 for v in values)


def test_no_informative_triple_gives_zero():
    texts = [_words("a b c"), _words("a b c d")]  # every word in every text
    assert proximity.triples(["a", "b", "c"], texts) == [0.0, 0.0]
    assert proximity.triples(["a", "b"], [_words("a b")]) == [0.0]


def test_the_three_forms_of_a_query_get_the_same_value():
    texts = [
        _words("Thời hạn sử dụng đất nông nghiệp là 50 năm."),
        _words("Người sử dụng đất có quyền chuyển nhượng."),
        _words("Điều kiện kinh doanh."),
    ]
    written = "Thời hạn sử dụng đất nông nghiệp là bao lâu?"
    half = "Thời han sử dung đất nông nghiêp là bao lâu?"
    forms = (written, strip_diacritics(written), half)
    values = [proximity.triples(_q(form), texts) for form in forms]
    assert values[0] == values[1] == values[2]
    assert values[0][0] > values[0][1]


def _candidates():
    return [
        ranking.Candidate(1, 10.0, "article", "Bộ luật Lao động – Điều 1. Phạm vi"),
        ranking.Candidate(2, 9.5, "article", "Bộ luật Lao động – Điều 151. Điều kiện"),
        ranking.Candidate(3, 9.0, "article", "Bộ luật Lao động – Điều 3. Giải thích"),
    ]


BODIES = {
    1: "Bộ luật này quy định tiêu chuẩn lao động.",
    2: "Người lao động nước ngoài làm việc tại Việt Nam phải có giấy phép lao động.",
    3: "Người lao động là người làm việc cho người sử dụng lao động.",
}


def test_bonuses_read_the_texts_once_and_move_the_closer_text_up():
    asked = []

    def texts(ids):
        asked.append(list(ids))
        return {i: BODIES[i] for i in ids}

    query = _q("người lao động nước ngoài làm việc có cần giấy phép không")
    candidates = _candidates()
    plain = ranking.rerank(query, candidates)
    read = ranking.rerank(query, candidates, texts=texts)
    assert [c.id for c in plain] == [1, 2, 3]
    assert [c.id for c in read][0] == 2
    assert asked == [[1, 2, 3]]  # one call, best first
    # Without the weight, or without a query of three words, nothing is read.
    weights = {**ranking.WEIGHTS, "proximity": 0.0}
    assert [c.id for c in ranking.rerank(query, candidates, weights, texts)] == [
        1,
        2,
        3,
    ]
    assert ranking.bonuses(_q("giấy phép"), candidates, texts=texts) == {}
    assert len(asked) == 1


def test_only_the_articles_among_the_best_depth_candidates_are_read():
    asked = []

    def texts(ids):
        asked.extend(ids)
        return {}

    many = [
        ranking.Candidate(
            n, 100.0 - n, "document" if n % 5 == 0 else "article", f"Luật {n}"
        )
        for n in range(proximity.DEPTH + 15)
    ]
    ranking.bonuses(_q("một hai ba bốn"), many, texts=texts)
    assert asked == [n for n in range(proximity.DEPTH) if n % 5]


def test_a_document_entry_gets_no_text_bonus():
    """Two documents whose bodies differ in how close the query's words stand
    keep their order (a document is named by its metadata); two Điều so
    written swap."""
    bodies = {1: "Ô nhiễm. Không khí.", 2: "kiểm soát ô nhiễm môi trường không khí"}
    bodies.update({n: f"Văn bản số {n}." for n in range(3, 7)})
    query = _q("kiểm soát ô nhiễm môi trường không khí")
    for kind, order in (("document", [1, 2]), ("article", [2, 1])):
        entries = [
            ranking.Candidate(n, 10.0 - n / 10, kind, f"Công văn {n}")
            for n in range(1, 7)
        ]
        found = ranking.rerank(query, entries, texts=lambda ids: bodies)
        assert [c.id for c in found][:2] == order, kind


def test_a_query_that_names_a_document_reads_no_text():
    """A look-up (most of its words are one document's title) names that
    document: where its words stand in a Điều is not asked."""
    asked = []

    def texts(ids):
        asked.extend(ids)
        return {i: BODIES[i] for i in ids}

    candidates = _candidates()
    ranking.bonuses(_q("bộ luật lao động điều kiện"), candidates, texts=texts)
    assert asked == []
    ranking.bonuses(_q("bộ luật lao động nước ngoài"), candidates, texts=texts)
    assert asked == []  # 4 of 6 words are the title's
    ranking.bonuses(_q("bộ luật lao động người nước ngoài"), candidates, texts=texts)
    assert asked == [1, 2, 3]  # 4 of 7: below ranking.TITLE_MIN_COVER
    asked.clear()
    ranking.bonuses(
        _q("người nước ngoài làm việc cần giấy phép"), candidates, texts=texts
    )
    assert asked == [1, 2, 3]


@pytest.mark.django_db(databases=DATABASES)
def test_every_backend_gives_the_second_stage_its_stored_texts(backend, monkeypatch):
    """Each backend passes ``ranking.bonuses`` the stored body of its best
    Điều: the text signal sees words that only the body holds, and a Điều it
    values moves up (with the weight at 0 it stays below); also when the hits
    come without their texts (``SearchQuery.texts``: an engine reads the
    bodies again for the second stage)."""
    body = "Người nước ngoài làm việc phải có giấy phép lao động. "
    entries = [
        article_entry(f"page:{n}#dieu-{n}", n, f"Bộ luật Lao động – Điều {n}", body * 2)
        for n in range(1, 7)
    ]
    entries.append(
        article_entry("page:7#dieu-7", 7, "Bộ luật Lao động – Điều 7", body + "ketluan")
    )
    entries += [
        article_entry(f"page:{n}#dieu-{n}", n, f"Luật Đất đai – Điều {n}", "Đất ở.")
        for n in range(8, 12)
    ]
    backend.add_bulk(entries)
    seen = []

    def marked(query, texts):
        seen.extend(texts)
        return [1.0 if "ketluan" in words else 0.0 for words in texts]

    monkeypatch.setattr(proximity, "triples", marked)
    text = "người nước ngoài cần giấy phép lao động không"
    for weight, first in ((0.0, False), (ranking.WEIGHTS["proximity"], True)):
        monkeypatch.setitem(ranking.WEIGHTS, "proximity", weight)
        for texts in (True, False):
            query = SearchQuery(text=text, per_page=3, texts=texts)
            hits = backend.search(query).hits
            assert (hits[0].key == "page:7#dieu-7") is first, (weight, texts)
    assert any("ketluan" in words for words in seen)
