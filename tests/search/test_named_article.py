"""A query naming a Điều by its number ("điều 35 bộ luật lao động", "khoản 2
Điều 35 …", "45/2019/QH14 điều 35") lists that Điều of the document it
names first, on every backend: staff cite a law's articles so."""

from __future__ import annotations

import pytest

from documents.citations import code_lookup_keys
from search import ranking
from search.query import parse
from search.types import IndexEntry, SearchQuery

from .conftest import DATABASES
from .corpus import document_entry

LAO_DONG_KEYS = code_lookup_keys(
    doc_type="Luật", number=45, year=2019, symbol="QH14", system="qppl"
)


def _law(page_id: int, title: str, code: str, keys: list[str]) -> list:
    law = document_entry(
        page_id,
        title=title,
        code=code,
        code_keys=keys,
        doc_type="Luật",
        body=f"{title}. Phạm vi điều chỉnh và đối tượng áp dụng.",
    )
    articles = []
    for number in range(30, 41):
        # Điều 39 speaks of Điều 35 over and over: BM25 alone prefers it.
        body = (
            "Thời hạn báo trước theo Điều 35 và khoản 2 Điều 35; người lao động "
            "đơn phương chấm dứt hợp đồng theo Điều 35."
            if number == 39
            else f"Quy định số {number} về hợp đồng lao động."
        )
        articles.append(
            IndexEntry(
                page_id=page_id,
                key=f"page:{page_id}#dieu-{number}",
                kind="article",
                title=f"{title} – Điều {number}. Nội dung {number}",
                url=f"/van-ban/{page_id}/#dieu-{number}",
                code=code,
                code_keys=keys,
                doc_type="Luật",
                body=body,
            )
        )
    return [law, *articles]


def test_the_number_a_query_names_and_the_number_an_entry_bears():
    assert ranking.named_articles(parse("khoản 2 Điều 35a Bộ luật").folded_tokens) == {
        "35a"
    }
    assert (
        ranking.named_articles(parse("điều kiện hưởng 35 ngày").folded_tokens) == set()
    )
    # A list names each of its numbers; a year after the number is none.
    for text in ("Điều 35, 36 và 37 Bộ luật", "các điều 35 36 37 bo luat"):
        assert ranking.named_articles(parse(text).folded_tokens) == {"35", "36", "37"}
    assert ranking.named_articles(parse("Điều 35 2019 Bộ luật").folded_tokens) == {"35"}
    assert ranking.article_number("page:7#dieu-35") == "35"
    assert ranking.article_number("page:7#dieu-35-2") == "35"
    assert ranking.article_number("page:7") == ""


@pytest.mark.django_db(databases=DATABASES)
def test_a_query_naming_an_article_lists_it_first(backend):
    entries = _law(1, "Bộ luật Lao động", "45/2019/QH14", LAO_DONG_KEYS)
    entries += _law(2, "Luật An ninh mạng", "24/2018/QH14", [])
    backend.add_bulk(entries)
    for text in (
        "Điều 35 Bộ luật Lao động",
        "bo luat lao dong dieu 35",
        "khoản 2 Điều 35 Bộ luật Lao động",
        "45/2019/QH14 điều 35",
    ):
        hits = backend.search(SearchQuery(text=text, per_page=5)).hits
        assert hits and hits[0].key == "page:1#dieu-35", (text, [h.key for h in hits])
    hits = backend.search(SearchQuery(text="điều 35 luật an ninh mạng")).hits
    assert hits[0].key == "page:2#dieu-35"
    # Without a Điều number the named law and Điều 39 keep their places.
    hits = backend.search(SearchQuery(text="45/2019/QH14", per_page=3)).hits
    assert hits[0].key == "page:1"


@pytest.mark.django_db(databases=DATABASES)
def test_a_named_article_beyond_the_code_group_limit_still_comes_first(
    backend, monkeypatch
):
    """A long law has more entries than the database backends gather for a
    named số ký hiệu (``plan.CODE_GROUP_LIMIT``): its own entry and the Điều
    the query names are gathered first."""
    from search.backends.database import plan

    monkeypatch.setattr(plan, "CODE_GROUP_LIMIT", 4)
    backend.add_bulk(_law(1, "Bộ luật Lao động", "45/2019/QH14", LAO_DONG_KEYS))
    hits = backend.search(SearchQuery(text="45/2019/QH14 điều 40", per_page=3)).hits
    assert hits[0].key == "page:1#dieu-40"
    hits = backend.search(SearchQuery(text="45/2019/QH14", per_page=3)).hits
    assert hits[0].key == "page:1"


def test_a_text_citing_its_own_article_names_none():
    """A law's sentence quoted as a question ("… theo quy định tại Điều 24
    của Luật này") cites Điều 24; the answer is the Điều the sentence is in."""
    for text in (
        "Người được trợ giúp pháp lý theo quy định tại Điều 24 của Luật này",
        "trừ trường hợp quy định tại điểm b khoản 1 Điều 142 của Bộ luật này",
        "các Điều 35 và 36 Nghị định này",
        "Điều 12 Luật này",
        "Điều 3 của Quyết định này",
        "Điều 4 của Thông tư liên tịch này",
    ):
        assert ranking.named_articles(parse(text).folded_tokens) == set(), text
    # A law named by its name, or "hiện nay", is no reference to itself.
    for text in (
        "Điều 24 của Luật Trợ giúp pháp lý",
        "Điều 24 hiện nay",
        "dieu 24 nay",
    ):
        assert ranking.named_articles(parse(text).folded_tokens) == {"24"}, text


@pytest.mark.django_db(databases=DATABASES)
def test_a_quoted_sentence_citing_another_article_keeps_its_own_first(backend):
    entries = _law(1, "Bộ luật Lao động", "45/2019/QH14", LAO_DONG_KEYS)
    backend.add_bulk(entries)
    # Điều 39's words, citing Điều 35 "of this law": Điều 39 answers.
    text = "Bộ luật Lao động: đơn phương chấm dứt theo Điều 35 của Bộ luật này"
    hits = backend.search(SearchQuery(text=text, per_page=5)).hits
    assert hits and hits[0].key == "page:1#dieu-39", [h.key for h in hits]
