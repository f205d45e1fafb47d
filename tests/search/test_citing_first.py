"""A query naming only a số ký hiệu lists the document, then the documents
citing it (those citing it in their legal basis first), before documents
that only share its words, on every backend (officer walk #9: 1520/QĐ-UBND,
whose Căn cứ cites 98/2023/NĐ-CP, came 7th)."""

from __future__ import annotations

import pytest

from documents.citations import code_lookup_keys
from search import codes
from search.backends.database import tiers
from search.backends.engine.reading import citing_first
from search.query import citing_keys, parse, strip_diacritics
from search.types import SearchQuery

from .conftest import DATABASES, make_backend
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


@pytest.mark.django_db(databases=DATABASES)
@pytest.mark.parametrize("name", ["sqlite", "postgres"])
def test_only_the_best_citing_documents_have_their_basis_read(name, monkeypatch):
    # A widely cited law: thousands of citing matches would each have their
    # legal basis parsed (about 1 ms each); only BASIS_READ_LIMIT are.
    backend = make_backend(name)
    entries = _entries()
    entries += [
        document_entry(
            100 + n,
            title=f"Quyết định khen thưởng số {n}",
            legal_basis=BASIS,
            body="Khen thưởng.",
            doc_type="Quyết định",
            cites=ND98_KEYS,
        )
        for n in range(5)
    ]
    backend.add_bulk(entries)
    read = []
    monkeypatch.setattr(tiers, "BASIS_READ_LIMIT", 2)
    monkeypatch.setattr(
        tiers.codes,
        "citing_rank",
        lambda keys, basis: read.append(basis) or codes.CITES_IN_BASIS,
    )
    pages = _pages(backend, "98/2023/NĐ-CP")
    assert len(read) == 2
    assert pages[0] == 1 and set(pages[1:6]) <= {2, 3, 100, 101, 102, 103, 104}


def test_citing_rank_reads_the_legal_basis_with_the_graphs_keys():
    assert codes.citing_rank(["98/2023/nd-cp"], BASIS) == codes.CITES_IN_BASIS
    assert codes.citing_rank(["chi thi|34"], "Căn cứ Chỉ thị số 34-CT/TW;") == 2
    assert codes.citing_rank(["98/2023/nd-cp"], "") == codes.CITES_IN_BODY
    other = "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ;"
    assert codes.citing_rank(["98/2023/nd-cp"], other) == codes.CITES_IN_BODY


def test_the_engine_orders_its_window_alike():
    def hit(page_id, cites=(), basis="", kind="document"):
        source = {"kind": kind, "cites": list(cites), "legal_basis": basis}
        return {"_id": str(page_id), "_source": source}

    window = [hit(11), hit(2, ND98_KEYS), hit(12), hit(3, ND98_KEYS, BASIS)]
    order = citing_first(parse("98/2023/NĐ-CP"), [], window)
    assert [h["_id"] for h in order] == ["3", "2", "11", "12"]
    kept = citing_first(parse("98/2023/NĐ-CP số liệu"), [], window)
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
