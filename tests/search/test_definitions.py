"""Definition questions ("X là gì?", "Định nghĩa của X") and the Điều that
defines X (``search.definitions`` and the ``definition`` signal of
``search.ranking``): the term is read in every written form of the question,
only a sentence or numbered item that begins with the term and "là" defines
it, and the defining Điều moves up among its law's articles."""

from __future__ import annotations

import pytest

from search import definitions, ranking
from search.query import parse, strip_diacritics
from search.types import SearchQuery

from .conftest import DATABASES
from .corpus import article_entry


def _terms(text: str) -> list[tuple[str, ...]]:
    return definitions.asked_terms(parse(text).folded_tokens)


@pytest.mark.parametrize(
    "text, term",
    [
        ('Định nghĩa của "Người lao động"?', "nguoi lao dong"),
        ("Người thực hành là ai?", "nguoi thuc hanh"),
        ("Thế nào là hợp đồng vô hiệu?", "hop dong vo hieu"),
        ("Khái niệm về điển hình tiên tiến", "dien hinh tien tien"),
        ("Theo Bộ luật Dân sự 2015, hoa lợi được hiểu như thế nào?", "hoa loi"),
        ("AN NINH MANG LA GI", "an ninh mang"),
    ],
)
def test_the_term_asked_about_is_among_the_terms_read(text, term):
    for form in (text, strip_diacritics(text)):
        assert tuple(term.split()) in _terms(form), form


def test_a_question_that_asks_no_definition_has_no_term():
    assert _terms("Bộ luật Lao động quy định điều gì?") == []
    assert _terms("người lao động nước ngoài cần giấy phép") == []
    assert _terms("Việc là gì") == []  # one word is no term


TERMS = ("Người sử dụng lao động", "Người lao động")
DEFINITIONS = (
    "Giải thích từ ngữ\nTrong Bộ luật này, các từ ngữ dưới đây được hiểu như sau:"
    "1. Người lao động là người làm việc cho người sử dụng lao động. Độ tuổi lao "
    "động tối thiểu của người lao động là đủ 15 tuổi.2. Người sử dụng lao động là "
    "doanh nghiệp, cơ quan, tổ chức, hợp tác xã, hộ gia đình, cá nhân."
)


def _folded(text: str) -> str:
    return ranking.folded_text(ranking.Candidate(0, 0.0, "article", ""), text)


def test_only_a_sentence_or_item_beginning_with_the_term_defines_it():
    text = _folded(DEFINITIONS)
    assert definitions.defined_length(_terms('Định nghĩa "người lao động"'), text) == 3
    assert definitions.defined_length(_terms("Người sử dụng lao động là gì"), text) == 5
    # "… của người lao động là đủ 15 tuổi" does not begin a sentence.
    assert definitions.defined_length(_terms("Độ tuổi là gì"), text) == 0
    running = _folded("Trường hợp thuê người lao động là người nước ngoài.")
    assert definitions.defined_length(_terms("Người lao động là gì"), running) == 0
    own = _folded("Tình thế cấp thiết là tình thế của người muốn tránh gây thiệt hại.")
    assert definitions.defined_length(_terms("Tình thế cấp thiết là gì?"), own) == 4


def _law() -> list:
    bodies = [
        "Người lao động có quyền làm việc, tự do lựa chọn việc làm. Người lao "
        "động được trả lương; người lao động được nghỉ.",
        "Người sử dụng lao động có quyền tuyển dụng người lao động.",
        DEFINITIONS
        + "3. Quan hệ lao động là quan hệ xã hội phát sinh trong việc thuê mướn, "
        "sử dụng, trả lương giữa các bên. 4. Cưỡng bức lao động là việc dùng vũ "
        "lực, đe dọa dùng vũ lực hoặc các thủ đoạn khác để ép buộc làm việc.",
        "Hợp đồng lao động là sự thỏa thuận giữa người lao động và người sử dụng "
        "lao động về việc làm có trả công.",
    ]
    entries = [
        article_entry(f"page:1#dieu-{n}", 1, f"Bộ luật Lao động – Điều {n}", body)
        for n, body in enumerate(bodies, start=1)
    ]
    entries += [
        article_entry(
            f"page:1#dieu-{n}",
            1,
            f"Bộ luật Lao động – Điều {n}",
            f"Quyền của người lao động số {n}: được nghỉ.",
        )
        for n in range(5, 9)
    ]
    entries += [
        article_entry(f"page:2#dieu-{n}", 2, f"Luật Đất đai – Điều {n}", "Đất ở.")
        for n in range(1, 31)
    ]
    return entries


def test_the_signal_lifts_the_defining_article_among_candidates():
    entries = _law()
    candidates = [
        ranking.Candidate(e.key, 10.0 - n, e.kind, e.title)
        for n, e in enumerate(entries[:4])
    ]
    bodies = {e.key: e.body for e in entries}
    query = parse('Định nghĩa của "Người lao động"?').folded_tokens
    plain = ranking.rerank(query, candidates, {**ranking.WEIGHTS, "definition": 0})
    read = ranking.rerank(query, candidates, texts=lambda ids: bodies)
    assert plain[0].id == "page:1#dieu-1"
    assert read[0].id == "page:1#dieu-3"


@pytest.mark.django_db(databases=DATABASES)
def test_every_backend_lists_the_defining_article_first(backend, monkeypatch):
    """BM25 prefers the short articles holding the term; the defining one
    comes first with the signal, on every backend."""
    backend.add_bulk(_law())
    for weight in (0.0, ranking.WEIGHTS["definition"]):
        monkeypatch.setitem(ranking.WEIGHTS, "definition", weight)
        for text in ('Định nghĩa của "Người lao động"?', "nguoi lao dong la gi"):
            hits = backend.search(SearchQuery(text=text, per_page=3)).hits
            assert (hits[0].key == "page:1#dieu-3") is bool(weight), (weight, text)
