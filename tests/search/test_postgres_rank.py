"""PostgreSQL ranks with FTS5's BM25 (``search/backends/database/postgres_rank.py``).

The parity tests need both databases (SQLite default database plus the local
PostgreSQL alias); the others need PostgreSQL only. Each skips with the reason
when its database is not there.
"""

from __future__ import annotations

import pytest
from django.db import connections

from search.backends.database import frequencies
from search.backends.database import plan as sql_search
from search.backends.database import postgres_postings as postings
from search.backends.database import postgres_rank as postgres
from search.backends.database import tables as sql
from search.backends.database.postgres import tsvector_literal
from search.backends.database.sqlite import WEIGHTS
from search.query import parse
from search.types import IndexEntry, SearchQuery

from .conftest import DATABASES, make_backend
from .corpus import article_entry

pytestmark = pytest.mark.django_db(databases=DATABASES)

FILLER = (
    "Cơ quan có thẩm quyền xem xét hồ sơ và trả lời bằng văn bản trong thời hạn "
    "mười lăm ngày làm việc kể từ ngày nhận đủ giấy tờ hợp lệ. "
)


def _entry(n: int, title: str, body: str, basis: str = "") -> IndexEntry:
    return article_entry(f"rank:{n}", n, title, body, basis)


def _corpus() -> list[IndexEntry]:
    """Titles with a diacritic on every word a query below asks for."""
    return [
        _entry(1, "Quyền sử dụng đất", "Người sử dụng đất được cấp giấy chứng nhận."),
        _entry(2, "Thuế thu nhập", "Thuế thu nhập cá nhân. " + FILLER * 3),
        _entry(3, "Điều khoản chung", "Đất đai thuộc sở hữu toàn dân. " + FILLER),
        _entry(
            4,
            "Giao đất",
            "Nhà nước giao đất, cho thuê đất. UBND cấp tỉnh quyết định.",
            basis="Căn cứ Luật Đất đai",
        ),
        _entry(5, "Phí và lệ phí", "Lệ phí trước bạ nhà, đất. " + FILLER * 6),
        _entry(6, "Khiếu nại", "Ủy ban nhân dân giải quyết khiếu nại về đất đai."),
        _entry(7, "Thừa kế", "Người thừa kế quyền sử dụng đất. " + FILLER * 2),
    ]


def _scores(backend, text: str) -> dict[str, float]:
    hits = backend.search(SearchQuery(text=text, per_page=50)).hits
    return {hit.key: hit.score for hit in hits}


def _postgres():
    backend = make_backend("postgres")
    return backend, connections[backend.options["DATABASE"]]


def test_length_lexeme_once_and_out_of_reach_of_queries():
    literal = tsvector_literal(_corpus()[1])
    lexeme = postgres.lexeme(postgres.LENGTH_LEXEME)
    assert literal.count(lexeme + ":") == 1
    parsed = parse("#len '#len' \"#len\"")
    tokens = {t for g in parsed.groups for alt in g.alternatives for t in alt}
    assert postgres.LENGTH_LEXEME not in tokens


def test_class_weights_are_the_sqlite_column_weights():
    for kind, weights in postgres.CLASS_WEIGHTS.items():
        array, scale = postgres.rank_weights(kind)
        values = [float(v) for v in array.strip("{}").split(",")]
        if not any(weights.values()):  # the exact-accent class at weight 0
            assert values == [0.0] * 4 and scale == 0.0
            continue
        assert max(values) == 1.0 and min(values) >= 0.0
        assert {c: v * scale for c, v in zip("DCBA", values, strict=True) if v} == (
            pytest.approx(weights)
        )
    assert postgres.CLASS_WEIGHTS["exact"] == {
        "A": WEIGHTS["title_x"],
        "D": WEIGHTS["body_x"],
    }


@pytest.mark.parametrize(
    "text",
    [
        "quyền sử dụng đất",
        "quyen su dung dat",
        "thuế thu nhập",
        "lệ phí trước bạ",
        "UBND giải quyết khiếu nại đất đai",
        "đất đai thuộc sở hữu toàn dân",
        '"sử dụng đất"',
    ],
)
def test_scores_equal_fts5_bm25(text):
    lite = make_backend("sqlite")
    pg, _ = _postgres()
    for backend in (lite, pg):
        backend.add_bulk(_corpus())
    expected, got = _scores(lite, text), _scores(pg, text)
    assert expected, text
    assert list(got) == list(expected)
    assert got == pytest.approx(expected, rel=1e-4)


def test_shorter_entry_ranks_first_for_the_same_mention():
    pg, _ = _postgres()
    pg.add_bulk(
        [
            _entry(1, "Điều một", "Quy định về bồi thường. " + FILLER * 8),
            _entry(2, "Điều hai", "Quy định về bồi thường. " + FILLER),
            _entry(3, "Điều ba", FILLER),
        ]
    )
    assert list(_scores(pg, "bồi thường")) == ["rank:2", "rank:1"]


def test_frequency_saturates():
    """Both words once beat one of them many times (BM25's k1)."""
    pg, _ = _postgres()
    pg.add_bulk(
        [
            _entry(1, "Điều một", "Tạm giữ. " * 12 + FILLER),
            _entry(2, "Điều hai", "Tạm giữ và tịch thu tang vật. " + FILLER),
            _entry(3, "Điều ba", "Tịch thu. " + FILLER),
            _entry(4, "Điều bốn", FILLER),
        ]
    )
    assert next(iter(_scores(pg, "tạm giữ tịch thu"))) == "rank:2"


def test_more_words_in_the_title_outweigh_fewer_in_the_body():
    """Columns weigh as on SQLite: the title counts once more through its
    word pairs and exact-accent forms, so with the same words in either
    column the entry naming them in its title ranks first on both."""
    pg, _ = _postgres()
    corpus = [
        _entry(1, "Điều một", "Hợp đồng thuê nhà. " + FILLER),
        _entry(2, "Hợp đồng thuê nhà ở", "Điều hai. " + FILLER),
        _entry(3, "Điều ba", FILLER),
    ]
    pg.add_bulk(corpus)
    sqlite = make_backend("sqlite")
    sqlite.add_bulk(corpus)
    for text in ("hợp đồng thuê nhà ở", "hop dong thue nha o"):
        assert list(_scores(pg, text)) == list(_scores(sqlite, text))
        assert next(iter(_scores(pg, text))) == "rank:2"


QUESTION = "Người lao động bị tạm đình chỉ công việc có được trả lương không?"


def _question_corpus() -> list[list[IndexEntry]]:
    """40 entries without the question's words, one old answer, then 30 newer
    entries with its common words (in 31 of 71 entries: an IDF above 0)."""
    answer = _entry(
        100,
        "Tạm đình chỉ công việc",
        "Người sử dụng lao động được quyền tạm đình chỉ công việc của người lao "
        "động; trong thời gian tạm đình chỉ, người lao động được tạm ứng tiền "
        "lương và được trả đủ tiền lương nếu không bị xử lý kỷ luật.",
    )
    crowd = [
        _entry(
            100 + n,
            f"Hồ sơ số {n}",
            "Người lao động có được nộp hồ sơ trực tuyến không? Công việc được "
            "trả lời trong ngày. " + FILLER,
        )
        for n in range(1, 31)
    ]
    others = [
        _entry(200 + n, f"Điều {n}. Lệ phí", "Mức thu lệ phí trước bạ nhà, đất.")
        for n in range(1, 41)
    ]
    return [others, [answer], crowd]


@pytest.mark.parametrize("budgets", [None, (12, 80)], ids=["all-select", "tiny"])
def test_question_selection_and_scores_equal_sqlite(budgets, monkeypatch):
    """Same selecting and scoring-only parts as SQLite, so the same matches and
    BM25 scores (selecting parts counted twice when some only score)."""
    if budgets:
        monkeypatch.setattr(sql_search.SqlSearch, "candidate_budget", budgets[0])
        monkeypatch.setattr(sql_search.SqlSearch, "scoring_budget", budgets[1])
    lite = make_backend("sqlite")
    pg, connection = _postgres()
    for backend in (lite, pg):
        for batch in _question_corpus():
            backend.add_bulk(batch)
    with connection.cursor() as cur:
        search = postgres.PostgresSearch(
            cur, parse(QUESTION), SearchQuery(text=QUESTION)
        )
        selecting, scoring = search.selective_parts(search.bigrams_by_group(), False)
    selecting_words = {q for part, _ in selecting for q in part.split("'")[1::2]}
    scoring_words = {q for part, _ in scoring for q in part.split("'")[1::2]}
    if budgets:
        assert {"dinh_chi", "tra_luong"} <= selecting_words
        assert "cong_viec" not in selecting_words  # in 31 of the 71 entries
        assert scoring_words and not scoring_words & selecting_words
    else:
        assert scoring == []
    expected, got = _scores(lite, QUESTION), _scores(pg, QUESTION)
    assert next(iter(got)) == "rank:100"
    assert list(got) == list(expected)
    assert got == pytest.approx(expected, rel=1e-4)
    total = pg.search(SearchQuery(text=QUESTION)).total
    assert total == lite.search(SearchQuery(text=QUESTION)).total
    assert total == (1 if budgets else 31)
    assert len(expected) == total


def test_postings_follow_updates_and_deletes():
    """After replacing and deleting entries the posting rows are those of a
    fresh index of what is left (scores and all), and the migration's fill
    writes the same rows again."""
    pg, connection = _postgres()
    corpus = _corpus()
    pg.add_bulk(corpus)
    changed = _entry(3, "Điều khoản chung", "Đất đai do Nhà nước đại diện chủ sở hữu.")
    pg.add_bulk([changed])
    pg.delete(keys=["rank:5"])
    pg.delete(page_id=7)

    def rows():
        with connection.cursor() as cur:
            cur.execute(
                f"SELECT p.token, u.f, e.key FROM {postings.POSTING_TABLE} p, "
                f"unnest(p.ids, p.fs) u(id, f) JOIN {sql.ENTRY_TABLE} e ON e.id = u.id"
            )
            found = sorted(cur.fetchall())
            cur.execute(
                f"SELECT COUNT(*), COALESCE(SUM(cardinality(ids) - n), 0), "
                f"COUNT(*) FILTER (WHERE n = 0) FROM {postings.POSTING_TABLE}"
            )
            return found, cur.fetchone()

    updated, (count, mismatched, empty) = rows()
    assert count and mismatched == 0 and empty == 0
    assert {key for _, _, key in updated} == {f"rank:{n}" for n in (1, 2, 3, 4, 6)}
    scores = _scores(pg, "đất đai sở hữu")
    with connection.cursor() as cur:
        assert postings.fill(cur) == 5
    frequencies.invalidate_frequencies()
    assert rows()[0] == updated
    assert _scores(pg, "đất đai sở hữu") == pytest.approx(scores, rel=1e-9)

    fresh, _ = _postgres()
    fresh.clear()
    fresh.add_bulk([e for e in corpus if e.key not in ("rank:3", "rank:5", "rank:7")])
    fresh.add_bulk([changed])
    frequencies.invalidate_frequencies()
    assert _scores(fresh, "đất đai sở hữu") == pytest.approx(scores, rel=1e-9)


def test_weighted_frequency_is_the_fts5_column_sum():
    """A folded word counts 10 in the số ký hiệu and 1 in the other columns;
    an accented form 0.5 per occurrence, a word without diacritics only as
    folded; the length counts every token."""
    entry = IndexEntry(
        key="w",
        page_id=1,
        code="15/2020/NĐ-CP",
        title="Nghị định xử phạt",
        body="Xử phạt hành chính. Phạt tiền online.",
    )
    frequencies_, length = postings.weighted_frequencies(entry)
    columns = sql.text_columns(entry)
    assert length == sum(len(text.split()) for text in columns.values())
    assert frequencies_["nd"] == 10 + 0  # the code; the title says "nghi dinh"
    assert frequencies_["phat"] == 3  # title once, body twice
    assert frequencies_["phạt"] == 1.5
    assert frequencies_["xu_phat"] == 2  # the word pair, title and body
    assert "hanh" in frequencies_ and "hành" in frequencies_
    assert frequencies_["online"] == 1  # no diacritics: not again as accented


def test_rebuild_holds_blocks_and_writes_the_rows_of_batch_writes(monkeypatch):
    """A rebuild holds each block's postings until the block is complete;
    with blocks of 2 entries and batches of 3 its postings are those of the
    same entries written one batch at a time, each row in its block and in
    id order, also when a later batch replaces an entry whose block is still
    held."""
    monkeypatch.setattr(postings, "BLOCK_BITS", 1)
    pg, connection = _postgres()
    changed = _entry(2, "Thuế thu nhập", "Thuế sử dụng đất nông nghiệp.")
    entries = [*_corpus(), changed]  # rank:2 again, in the last batch

    def postings_by_key():
        with connection.cursor() as cur:
            cur.execute(
                f"SELECT p.token, p.block, p.n, p.ids, p.fs "
                f"FROM {postings.POSTING_TABLE} p"
            )
            found = cur.fetchall()
            cur.execute(f"SELECT id, key FROM {sql.ENTRY_TABLE}")
            keys = dict(cur.fetchall())
        for _, block, n, ids, fs in found:
            assert n == len(ids) == len(fs) and ids == sorted(ids)
            assert {i >> 1 for i in ids} == {block}
        return sorted(
            (token, keys[i], f)
            for token, _, _, ids, fs in found
            for i, f in zip(ids, fs, strict=True)
        )

    assert pg.rebuild(entries, chunk_size=3) == len(entries)
    rebuilt = postings_by_key()
    assert {key for _, key, _ in rebuilt} == {f"rank:{n}" for n in range(1, 8)}
    assert ("nong", "rank:2", 1.0) in rebuilt  # the replacement's words only
    assert not any(t == "thoi_han" and k == "rank:2" for t, k, _ in rebuilt)
    scores = _scores(pg, "thuế sử dụng đất")

    pg.clear()
    for start in range(0, len(entries), 3):
        pg.add_bulk(entries[start : start + 3])
    frequencies.invalidate_frequencies()
    assert postings_by_key() == rebuilt
    assert _scores(pg, "thuế sử dụng đất") == pytest.approx(scores, rel=1e-9)
