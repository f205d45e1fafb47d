"""PostgreSQL matches quoted phrases and title words through ``head`` and word
pairs (``search/backends/database/postgres_match.py``) exactly as the whole
tsvector does, and as SQLite's FTS5 does.

The parity tests need both databases (SQLite default database plus the local
PostgreSQL alias); the others need PostgreSQL only. Each skips with the reason
when its database is not there.
"""

from __future__ import annotations

import pytest
from django.db import connections

from search.backends.database import postgres_match as match
from search.backends.database import tables as sql
from search.query import parse
from search.types import IndexEntry, SearchQuery

from .conftest import DATABASES, make_backend

pytestmark = pytest.mark.django_db(databases=DATABASES)


def _entry(n: int, title: str, body: str = "", basis: str = "", code: str = ""):
    return IndexEntry(
        key=f"m:{n}",
        page_id=n,
        kind="document" if n % 2 else "article",
        title=title,
        url=f"/van-ban/{n}/",
        code=code,
        body=body,
        legal_basis=basis,
        doc_type="Kế hoạch" if n % 3 else "Quyết định",
        issuer="UBND tỉnh Lai Châu",
        year=2020 + n % 4,
    )


CORPUS = [
    # The phrase in each column, alone.
    _entry(1, "Kế hoạch chuyển đổi số năm 2024", "Triển khai các nhiệm vụ."),
    _entry(2, "Kế hoạch năm 2024", "Đẩy mạnh chuyển đổi số trong cơ quan."),
    _entry(
        3,
        "Quyết định ban hành quy chế",
        "Nội dung.",
        basis="Căn cứ Đề án chuyển đổi số",
    ),
    _entry(4, "Quyết định công nhận", "Nội dung.", code="125/QĐ-UBND"),
    # Its words, not together; across two columns; in another order.
    _entry(5, "Chuyển giao công nghệ", "Đổi mới sáng tạo, số hóa dữ liệu."),
    _entry(6, "Kế hoạch chuyển", "Đổi số liệu báo cáo."),
    _entry(7, "Báo cáo", "Số liệu chuyển đổi, số lượng hồ sơ."),
    # Punctuation between the words does not part them (as in FTS5).
    _entry(8, "Thông báo", "Về chuyển đổi, số hóa văn bản; ngân sách - nhà nước."),
    # Far into a long body; repeated.
    _entry(9, "Báo cáo tổng hợp", "Nội dung báo cáo. " * 300 + "Chuyển đổi số."),
    _entry(10, "Ngân sách nhà nước năm 2025", "Dự toán ngân sách nhà nước."),
    _entry(
        11,
        "Quyết định giao dự toán",
        "Nội dung.",
        basis="Căn cứ Luật Ngân sách nhà nước",
    ),
    _entry(12, "Công văn", "Ngân sách của nhà nước cấp.", code="45/UBND-KT"),
]
PHRASES = [
    '"chuyển đổi số"',
    '"chuyen doi so"',
    '"ngân sách nhà nước"',
    '"QĐ-UBND"',
    '"qd ubnd"',
    '"UBND KT"',
    '"chuyển đổi số" kế hoạch',
    '"chuyển đổi" "số hóa"',
    '"ngân sách nhà nước" "chuyển đổi số"',
    '"nhà nước ngân sách"',
    '"đổi số"',
]


CODE_PHRASES = {'"QĐ-UBND"', '"qd ubnd"', '"UBND KT"'}


def _postgres():
    backend = make_backend("postgres")
    backend.add_bulk(CORPUS)
    return backend, connections[backend.options["DATABASE"]]


def _view(results) -> dict:
    return {
        "hits": [(h.key, h.score, h.snippet) for h in results.hits],
        "total": results.total,
        "facets": results.facets,
    }


def test_head_is_the_code_title_and_basis_classes():
    _, connection = _postgres()
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT COUNT(*), COUNT(*) FILTER (WHERE head = ts_filter(doc, "
            f"'{{a,b}}') AND length(head) < length(doc)) FROM {sql.ENTRY_TABLE}"
        )
        assert cur.fetchone() == (len(CORPUS), len(CORPUS))


@pytest.mark.parametrize("text", PHRASES)
def test_phrase_matches_are_those_of_the_whole_tsvector(text):
    """The matches read from ``head`` and the word pairs are the entries
    whose tsvector holds the phrase (checked on the whole tsvector)."""
    backend, connection = _postgres()
    parsed = parse(text)
    assert parsed.phrases
    queries = [match.phrase_query(tokens) for tokens in parsed.phrases]
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT key FROM {sql.ENTRY_TABLE} WHERE "
            + " AND ".join(["doc @@ %s::tsquery"] * len(queries)),
            queries,
        )
        whole = {row[0] for row in cur.fetchall()}
    results = backend.search(SearchQuery(text=text, per_page=50))
    if len(parsed.groups) == len({t for p in parsed.phrases for t in p}):
        assert {h.key for h in results.hits} == whole  # the phrases alone
    else:
        assert {h.key for h in results.hits} <= whole
    assert results.total == len(results.hits)


def test_phrases_in_each_column_are_found():
    backend, _ = _postgres()

    def keys(text):
        return {h.key for h in backend.search(SearchQuery(text=text)).hits}

    assert keys('"chuyển đổi số"') == {"m:1", "m:2", "m:3", "m:7", "m:8", "m:9"}
    assert keys('"ngân sách nhà nước"') == {"m:8", "m:10", "m:11"}
    assert keys('"QĐ-UBND"') == {"m:4"}
    assert keys('"UBND KT"') == {"m:12"}


@pytest.mark.parametrize(
    "text", [*PHRASES, "chuyển đổi số", "ngân sách nhà nước", "kế hoạch năm 2024"]
)
def test_same_page_as_sqlite(text):
    """Hits (order, scores, snippets), total and facets equal SQLite's. A
    phrase of the số ký hiệu scores with the title's weight on PostgreSQL
    (class A holds both; ``postgres_rank.CLASS_WEIGHTS``), so there the
    same hits, total and facets are asked, not the same scores."""
    pg, _ = _postgres()
    lite = make_backend("sqlite")
    lite.add_bulk(CORPUS)
    for query in (
        SearchQuery(text=text, per_page=50),
        SearchQuery(text=text, sort="date", per_page=5),
        SearchQuery(text=text, filters={"type": "Kế hoạch"}, per_page=50),
    ):
        expected, got = _view(lite.search(query)), _view(pg.search(query))
        if text in CODE_PHRASES and query.sort != "date":
            snippets = {h[0]: h[2] for h in expected["hits"]}
            assert {h[0]: h[2] for h in got["hits"]} == snippets
            assert (got["total"], got["facets"]) == (
                expected["total"],
                expected["facets"],
            )
            continue
        assert [h[0] for h in got["hits"]] == [h[0] for h in expected["hits"]]
        assert [h[1] for h in got["hits"]] == pytest.approx(
            [h[1] for h in expected["hits"]], rel=1e-4
        )
        assert [h[2] for h in got["hits"]] == [h[2] for h in expected["hits"]]
        assert (got["total"], got["facets"]) == (expected["total"], expected["facets"])


def test_title_words_read_from_head_as_from_the_whole_tsvector():
    _, connection = _postgres()
    queries = [
        "'ngan':A & 'sach':A & 'nha':A & 'nuoc':A",
        "'chuyen':A & 'doi':A & 'so':A",
        "'chuyen':A <-> 'doi':A <-> 'so':A",
        "'qd':A & 'ubnd':A",
        "'ke':A & 'hoach':A",
        "'can':B & 'cu':B",
    ]
    with connection.cursor() as cur:
        for query in queries:
            found = []
            for column in ("doc", "head"):
                cur.execute(
                    f"SELECT key FROM {sql.ENTRY_TABLE} WHERE {column} @@ %s::tsquery "
                    f"ORDER BY key",
                    [query],
                )
                found.append([row[0] for row in cur.fetchall()])
            assert found[0] == found[1] and found[0], query
