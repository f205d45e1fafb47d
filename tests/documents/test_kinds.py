"""One vocabulary of document kinds: the seeded types, the citation extractor,
the code parser and the document parser all agree with ``documents.kinds``."""

import pytest

from documents import kinds
from documents.citations import extract_citations, parse_code
from documents.citations import vocab as citation_vocab
from documents.models import DocumentType
from documents.parsing import vocab as parsing_vocab


@pytest.mark.parametrize("family", kinds.FAMILIES)
def test_seeded_document_types_are_the_vocabulary(db, family):
    seeded = set(
        DocumentType.objects.filter(family=family).values_list("name", "abbreviation")
    )
    assert seeded == set(kinds.family_types(family))


def test_every_code_of_the_table_names_its_kind_in_both_parsers():
    for kind in kinds.KINDS:
        for family in ("admin", "qppl"):
            code = kind.code(family)
            if code:
                assert citation_vocab.TYPE_CODES[code] == kind.name
                assert parsing_vocab.TYPE_CODES[code.upper()] == kind.name
    assert citation_vocab.PARTY_TYPES["tt"] == "Thông tri"
    assert citation_vocab.TYPE_CODES["TT"] == "Thông tư"


def test_folded_collisions_keep_the_first_kind():
    # "ĐA" (Đề án) and "DA" (Dự án), "HD" (Hướng dẫn) and "HĐ" (Hợp đồng) fold alike.
    assert citation_vocab.CANONICAL_SEGMENTS["da"] == "ĐA"
    assert citation_vocab.CANONICAL_SEGMENTS["hd"] == "HD"
    assert parse_code("12/ĐA-UBND").doc_type == "Đề án"


def test_a_code_of_the_table_types_an_untyped_citation():
    (citation,) = extract_citations("thực hiện số 728/PA-UBND ngày 28/02/2025")
    assert citation.doc_type == "Phương án"


def test_only_cited_kinds_anchor_a_citation():
    assert "Giấy mời" not in citation_vocab.TYPE_WORDS
    assert "Nghị định" in citation_vocab.TYPE_WORDS
    assert ("giay moi", "Giấy mời") in parsing_vocab.TYPE_WORDS
