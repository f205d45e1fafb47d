"""A query naming only a số ký hiệu lists the document, then the documents
citing it (those citing it in their legal basis first), before documents
that only share its words, on every backend (officer walk #9: 1520/QĐ-UBND,
whose Căn cứ cites 98/2023/NĐ-CP, came 7th). Which documents cite it in
their legal basis is an indexed term (``cites_basis``, from the citation
graph's "basis" citations), looked up however many documents cite it."""

from __future__ import annotations

import pytest

from documents.citations import code_lookup_keys
from search import codes
from search.backends.engine.reading import citing_first
from search.query import citing_keys, parse, strip_diacritics
from search.types import SearchQuery

from .conftest import DATABASES
from .corpus import document_entry

ND98_KEYS = code_lookup_keys(
    doc_type="Nghị định", number=98, year=2023, symbol="NĐ-CP", system="qppl"
)
BASIS = "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;"


def _entries(with_named: bool = True) -> list:
    entries = [
        # Share the code's words many times: BM25 alone puts them first.
        document_entry(
            10 + n,
            title=f"Công văn về số liệu 98 năm 2023 của NĐ-CP, mục {n}",
            body="Số 98, năm 2023, NĐ, CP: 98 2023 nd cp 98 2023 nd cp. " * 3,
            doc_type="Công văn",
        )
        for n in range(4)
    ]
    entries += [
        document_entry(
            2,
            title="Kế hoạch công tác thi đua, khen thưởng năm 2025",
            body="Thực hiện Nghị định số 98/2023/NĐ-CP của Chính phủ.",
            doc_type="Kế hoạch",
            cites=ND98_KEYS,
        ),
        document_entry(
            3,
            title="Quyết định về việc khen thưởng các tập thể",
            legal_basis=BASIS,
            body="Khen thưởng các tập thể có thành tích.",
            doc_type="Quyết định",
            cites=ND98_KEYS,
            cites_basis=ND98_KEYS,
        ),
    ]
    if with_named:
        entries.append(
            document_entry(
                1,
                title="Nghị định quy định chi tiết Luật Thi đua, khen thưởng",
                code="98/2023/NĐ-CP",
                code_keys=ND98_KEYS,
                doc_type="Nghị định",
                body="Quy định chi tiết thi hành một số điều.",
            )
        )
    return entries


def _pages(backend, text: str) -> list[int]:
    hits = backend.search(SearchQuery(text=text, per_page=6)).hits
    return [hit.page_id for hit in hits]


@pytest.mark.django_db(databases=DATABASES)
def test_a_code_lists_the_document_then_those_citing_it(backend):
    backend.add_bulk(_entries())
    for text in ("98/2023/NĐ-CP", "nghị định 98/2023", "98-2023-nd-cp"):
        for query in (text, strip_diacritics(text)):
            # The basis citation (3) before the body one (2), then the rest.
            assert _pages(backend, query)[:3] == [1, 3, 2], query


@pytest.mark.django_db(databases=DATABASES)
def test_a_code_not_on_the_portal_lists_those_citing_it_first(backend):
    backend.add_bulk(_entries(with_named=False))
    assert _pages(backend, "98/2023/NĐ-CP")[:2] == [3, 2]


@pytest.mark.django_db(databases=DATABASES)
def test_a_code_with_a_subject_is_not_reordered_by_citations(backend):
    backend.add_bulk(_entries())
    # "giấy khen": the query says more than the code; citing is no reason.
    pages = _pages(backend, "98/2023/NĐ-CP số liệu mục")
    assert pages[0] == 1 and pages[1] not in (2, 3)


#: A widely cited decree: more documents cite it than the old code read
#: the legal basis of (200), those citing it only in their body with the
#: better first-stage scores, as many citing it in their basis as fill a
#: page beyond the engines' second-stage window (100).
IN_BASIS = range(1000, 1105)
IN_BODY = range(2000, 2220)
SHARING_WORDS = range(10, 14)


def _widely_cited() -> list:
    entries = _entries()[:4]  # the Công văn sharing the code's words
    entries += [
        document_entry(
            page_id,
            title=f"Quyết định khen thưởng tập thể, đợt {page_id}",
            legal_basis=BASIS,
            body="Tặng Bằng khen cho các tập thể có thành tích xuất sắc "
            "trong phong trào thi đua yêu nước của tỉnh. " * 4,
            doc_type="Quyết định",
            cites=ND98_KEYS,
            cites_basis=ND98_KEYS,
        )
        for page_id in IN_BASIS
    ]
    entries += [
        document_entry(
            page_id,
            title=f"Kế hoạch thực hiện Nghị định 98/2023/NĐ-CP, số {page_id}",
            body="Thực hiện Nghị định số 98/2023/NĐ-CP; Nghị định 98/2023/NĐ-CP.",
            doc_type="Kế hoạch",
            cites=ND98_KEYS,
        )
        for page_id in IN_BODY
    ]
    return [*entries, _entries()[-1]]  # the decree itself (page 1)


@pytest.mark.django_db(databases=DATABASES)
def test_every_document_citing_a_code_in_its_basis_comes_before_the_body_ones(
    backend,
):
    backend.add_bulk(_widely_cited())
    basis, body, rest = set(IN_BASIS), set(IN_BODY), set(SHARING_WORDS)

    def page(number: int) -> list[int]:
        query = SearchQuery(text="98/2023/NĐ-CP", page=number, per_page=20)
        return [hit.page_id for hit in backend.search(query).hits]

    first = page(1)
    assert first[0] == 1 and set(first[1:]) <= basis
    # Offsets 100-119 (a flat API page beyond the engines' window): the last
    # 6 citing it in their basis, then those citing it in their body.
    beyond = page(6)
    assert set(beyond[:6]) <= basis and set(beyond[6:]) <= body, beyond
    # Offsets 320-339: the last 6 body citations, then the documents that
    # only share the code's words.
    last = page(17)
    assert set(last[:6]) <= body and set(last[6:]) == rest, last


def test_the_citing_tier_is_read_from_the_indexed_terms():
    keys = ["98/2023/nd-cp"]
    assert codes.citing_tier(keys, "document", keys, keys) == codes.CITES_IN_BASIS
    assert codes.citing_tier(keys, "document", keys, []) == codes.CITES_IN_BODY
    assert codes.citing_tier(keys, "document", ["152/2025/nd-cp"], []) == 0
    assert codes.citing_tier(keys, "article", keys, keys) == 0
    assert codes.citing_tier([], "document", keys, keys) == 0


def test_the_engine_orders_its_window_alike():
    def hit(page_id, cites=(), basis=(), kind="document"):
        source = {"kind": kind, "cites": list(cites), "cites_basis": list(basis)}
        return {"_id": str(page_id), "_source": source}

    window = [hit(11), hit(2, ND98_KEYS), hit(12), hit(3, ND98_KEYS, ND98_KEYS)]
    order = citing_first(citing_keys(parse("98/2023/NĐ-CP"), []), window)
    assert [h["_id"] for h in order] == ["3", "2", "11", "12"]
    kept = citing_first(citing_keys(parse("98/2023/NĐ-CP số liệu"), []), window)
    assert kept == window


def test_the_citing_keys_are_those_of_the_named_documents_own_code():
    directive = {"code": "34-CT/TW", "doc_type": "Chỉ thị", "kind": "document"}
    # "Chỉ thị 34" names 34-CT/TW on the portal, not Chỉ thị 34/2008/CT-TTg
    # that other texts cite as "Chỉ thị 34" too.
    assert citing_keys(parse("Chỉ thị 34"), [directive]) == ["34-ct/tw"]
    assert citing_keys(parse("chi thi 34"), []) == ["chi thi|34"]
    assert citing_keys(parse("98-2023-nd-cp"), []) == ["98/2023/nd-cp"]
    assert citing_keys(parse("Chỉ thị 34 thi đua"), [directive]) == []
    assert citing_keys(parse("thi đua khen thưởng"), []) == []
