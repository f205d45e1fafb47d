"""SQLite FTS5 backend, the default: the portal runs with no search server.

Storage (created by migration ``0001``): ``portal_search_entry`` (display and
facet columns), ``portal_search_term`` (fields, tags, cites, code keys) and the
FTS5 table ``portal_search_fts`` whose columns hold pre-tokenised text:

=========  ============================================  ======
column     content                                        weight
=========  ============================================  ======
code       folded số ký hiệu tokens                       10
title      folded title                                   1
basis      folded legal basis (Căn cứ ...)                1
body       folded body                                    1
title_x    title with diacritics (one tone placement)     EXACT_WEIGHT
body_x     body with diacritics                           EXACT_WEIGHT
title_bi   folded word bigrams of the title ("thi_dua")   1
body_bi    folded word bigrams of the body                1
syn        one token per synonym phrase ("syn_ubnd" for   1
           both "UBND" and "Ủy ban nhân dân")
=========  ============================================  ======

A query word matches the folded columns, so accents never matter; when typed
with diacritics and EXACT_WEIGHT is above 0, it also matches the exact
columns, which ranks exact-accent matches higher (at 0, the weight chosen by
cross-validation, the parser leaves the accented forms out). Bigrams reward words that appear next to each other as in the
query. Short queries require every word (falling back to any word when nothing
matches); long, question-like queries rank by BM25 over any word, skipping words
found in most entries, and match only the entries holding their rarest words
and word pairs (``_Search.selective_parts``). See ``tables.py`` for
filters, facets and codes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from django.db import DatabaseError, transaction

from ...query import EXACT_WEIGHT, Group, ParsedQuery, all_words_first
from ...types import IndexEntry, SearchQuery, SearchResults
from ..base import BackendError
from . import tables
from .backend import DatabaseBackend
from .frequencies import invalidate_frequencies
from .plan import SAMPLE, SqlSearch

FTS_TABLE = "portal_search_fts"
TEXT_TABLE = "portal_search_text"
VOCAB_TABLE = "portal_search_vocab"
FTS_COLUMNS = (
    "code",
    "title",
    "basis",
    "body",
    "title_x",
    "body_x",
    "title_bi",
    "body_bi",
    "syn",
)
# Chosen by cross-validation on the development questions and look-ups
# (bench/search.py cross-validate; docs/benchmarks.md): the số ký hiệu keeps
# its weight, the other columns count as the body does, the synonym column
# as a boost; heavier title columns raised no held-out figure, and the
# exact-accent columns do best at 0 (``query.EXACT_WEIGHT``).
WEIGHTS = {
    "code": 10.0,
    "title": 1.0,
    "basis": 1.0,
    "body": 1.0,
    "title_x": EXACT_WEIGHT,
    "body_x": EXACT_WEIGHT,
    "title_bi": 1.0,
    "body_bi": 1.0,
    "syn": 1.0,
}
# The score of a row: FTS5's BM25 with the column weights (higher is better).
SCORE = f"-bm25({FTS_TABLE}, {', '.join(str(WEIGHTS[c]) for c in FTS_COLUMNS)})"
FOLDED = "{code title basis body}"
EXACT = "{title_x body_x}"
BIGRAM = "{title_bi body_bi}"
TITLE = "{code title}"

SCHEMA = [
    f"""CREATE TABLE IF NOT EXISTS {tables.ENTRY_TABLE} (
        id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE,
        page_id INTEGER NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,
        url TEXT NOT NULL, code TEXT NOT NULL, article TEXT, anchor TEXT,
        doc_type TEXT NOT NULL, issuer TEXT NOT NULL, issuer_id INTEGER,
        year INTEGER, date TEXT, status TEXT NOT NULL, effective_date TEXT,
        expiry_date TEXT)""",
    f"""CREATE TABLE IF NOT EXISTS {TEXT_TABLE} (
        id INTEGER PRIMARY KEY, legal_basis TEXT NOT NULL, body TEXT NOT NULL)""",
    f"CREATE INDEX IF NOT EXISTS portal_search_entry_page "
    f"ON {tables.ENTRY_TABLE} (page_id)",
    f"CREATE INDEX IF NOT EXISTS portal_search_entry_date ON {tables.ENTRY_TABLE} (date)",
    f"CREATE INDEX IF NOT EXISTS portal_search_entry_type "
    f"ON {tables.ENTRY_TABLE} (doc_type, kind)",
    f"""CREATE TABLE IF NOT EXISTS {tables.TERM_TABLE} (
        entry_id INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL)""",
    f"CREATE INDEX IF NOT EXISTS portal_search_term_value "
    f"ON {tables.TERM_TABLE} (name, value, entry_id)",
    f"CREATE INDEX IF NOT EXISTS portal_search_term_entry "
    f"ON {tables.TERM_TABLE} (entry_id)",
    f"""CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
        {", ".join(FTS_COLUMNS)},
        tokenize = "unicode61 remove_diacritics 0 tokenchars '_'")""",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCAB_TABLE} USING fts5vocab({FTS_TABLE}, row)",
]
DROP = [
    f"DROP TABLE IF EXISTS {name}"
    for name in (
        VOCAB_TABLE,
        FTS_TABLE,
        tables.TERM_TABLE,
        TEXT_TABLE,
        tables.ENTRY_TABLE,
    )
]
NARROW_FIELDS = tuple(
    f for f in tables.ENTRY_FIELDS if f not in ("body", "legal_basis")
)


def create_schema(connection) -> None:
    """Create the tables (idempotent); used by the migration and the tests."""
    with connection.cursor() as cursor:
        for statement in SCHEMA:
            cursor.execute(statement)


def _phrase(tokens: Iterable[str]) -> str:
    """An FTS5 string literal: tokens are letters/digits only, so quoting is safe."""
    return '"' + " ".join(tokens).replace('"', "") + '"'


def group_expr(group: Group, bigrams: list[str], lean: bool = False) -> str:
    """FTS5 expression of one group: its alternatives plus ranking boosts.

    Exact-accent tokens and bigrams imply the folded words, so OR-ing them into
    the group never changes which rows match, only their BM25 score; the
    ``lean`` form leaves them out for matching and counting.
    """
    alternatives = group.alternatives
    parts = []
    if group.synonym:  # phrases of a synonym group are indexed as one token
        parts.append(f"syn : {_phrase([group.synonym])}")
        alternatives = [alt for alt in alternatives if len(alt) == 1]
    parts += [f"{FOLDED} : {_phrase(alt)}" for alt in alternatives]
    if not lean:
        parts += [f"{EXACT} : {_phrase([token])}" for token in group.exact]
        parts += [f"{BIGRAM} : {_phrase([b])}" for b in bigrams]
    return "(" + " OR ".join(parts) + ")"


class SQLiteBackend(DatabaseBackend):
    """FTS5 full text + plain tables, in the Django database ``OPTIONS["DATABASE"]``."""

    def _cursor(self):
        return self.connection.cursor()

    # -- writing ------------------------------------------------------------
    def add_bulk(self, entries: Iterable[IndexEntry]) -> int:
        entries = list({e.key: e for e in entries}.values())
        if not entries:
            return 0
        invalidate_frequencies()
        with transaction.atomic(using=self.connection.alias), self._cursor() as cur:
            self._delete_keys(cur, [e.key for e in entries])
            for entry in entries:
                self._insert(cur, entry)
        return len(entries)

    def _insert(self, cur, entry: IndexEntry) -> None:
        row = dict(zip(tables.ENTRY_FIELDS, tables.entry_row(entry), strict=True))
        marks = ", ".join(["%s"] * len(NARROW_FIELDS))
        cur.execute(
            f"INSERT INTO {tables.ENTRY_TABLE} ({', '.join(NARROW_FIELDS)}) "
            f"VALUES ({marks}) RETURNING id",
            [row[name] for name in NARROW_FIELDS],
        )
        entry_id = cur.fetchone()[0]
        cur.execute(
            f"INSERT INTO {TEXT_TABLE} (id, legal_basis, body) VALUES (%s, %s, %s)",
            [entry_id, entry.legal_basis, entry.body],
        )
        columns = tables.text_columns(entry)
        cur.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(FTS_COLUMNS)}) "
            f"VALUES (%s, {', '.join(['%s'] * len(FTS_COLUMNS))})",
            [entry_id, *(columns[c] for c in FTS_COLUMNS)],
        )
        terms = tables.term_rows(entry)
        if terms:
            cur.executemany(
                f"INSERT INTO {tables.TERM_TABLE} (entry_id, name, value) VALUES (%s, %s, %s)",
                [(entry_id, name, value) for name, value in terms],
            )

    def _delete_ids(self, cur, where: str, params: list[Any]) -> None:
        cur.execute(f"SELECT id FROM {tables.ENTRY_TABLE} WHERE {where}", params)
        ids = [row[0] for row in cur.fetchall()]
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cur.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)
            cur.execute(
                f"DELETE FROM {tables.TERM_TABLE} WHERE entry_id IN ({marks})", chunk
            )
            cur.execute(f"DELETE FROM {TEXT_TABLE} WHERE id IN ({marks})", chunk)
            cur.execute(
                f"DELETE FROM {tables.ENTRY_TABLE} WHERE id IN ({marks})", chunk
            )

    def _delete_keys(self, cur, keys: list[str]) -> None:
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            self._delete_ids(cur, f"key IN ({', '.join(['%s'] * len(chunk))})", chunk)

    def delete(self, keys: Iterable[str] = (), page_id: int | None = None) -> None:
        invalidate_frequencies()
        with transaction.atomic(using=self.connection.alias), self._cursor() as cur:
            self._delete_keys(cur, list(keys))
            if page_id is not None:
                self._delete_ids(cur, "page_id = %s", [int(page_id)])

    def clear(self) -> None:
        invalidate_frequencies()
        with transaction.atomic(using=self.connection.alias), self._cursor() as cur:
            cur.execute(f"DELETE FROM {FTS_TABLE}")
            cur.execute(f"DELETE FROM {tables.TERM_TABLE}")
            cur.execute(f"DELETE FROM {TEXT_TABLE}")
            cur.execute(f"DELETE FROM {tables.ENTRY_TABLE}")

    def rebuild(self, entries, chunk_size: int = 500, progress=None) -> int:
        with self._cursor() as cur:
            cur.execute("PRAGMA cache_size = -65536")
        with transaction.atomic(using=self.connection.alias):
            count = super().rebuild(entries, chunk_size, progress)
        with self._cursor() as cur:
            cur.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('optimize')")
        return count

    def health(self) -> bool:
        try:
            with self._cursor() as cur:
                cur.execute(f"SELECT 1 FROM {FTS_TABLE} LIMIT 1")
            return True
        except DatabaseError:
            return False

    # -- reading ------------------------------------------------------------
    def _search(self, parsed: ParsedQuery, query: SearchQuery) -> SearchResults:
        try:
            with self._cursor() as cur:
                return self.plan(cur, parsed, query).run()
        except (DatabaseError, sqlite3.Error) as error:
            raise BackendError(str(error)) from error

    def plan(self, cur, parsed, query):
        return _Search(cur, parsed, query, self.horizon)


class _Search(SqlSearch):
    """One query against the SQLite tables (see ``sql_search.SqlSearch``)."""

    body_join = f"JOIN {TEXT_TABLE} b ON b.id = e.id"
    body_columns = "b.body, b.legal_basis"

    def entry_join(self) -> str:
        """The join to the entry table, needed only to apply filters; CROSS
        JOIN keeps the full-text match as the outer loop (driven from an entry
        index instead, FTS5 would run the whole match once per entry)."""
        return (
            f"CROSS JOIN {tables.ENTRY_TABLE} e ON e.id = f.rowid "
            if self.where
            else ""
        )

    def newest_sql(self, expr: str) -> tuple[str, list[Any]]:
        return (
            f"SELECT f.rowid AS id FROM {FTS_TABLE} f "
            f"{self.entry_join()}"
            f"WHERE {FTS_TABLE} MATCH %s AND {self.where_clause()} "
            f"ORDER BY f.rowid DESC",
            [expr, *self.where_params],
        )

    def count_sql(self, expr: str) -> tuple[str, list[Any]]:
        if not self.where:
            return f"SELECT COUNT(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [
                expr
            ]
        newest, params = self.newest_sql(expr)
        return f"SELECT COUNT(*) FROM ({newest})", params

    def match_ids_sql(self, expr: str) -> tuple[str, list[Any]]:
        return f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expr]

    def match_one_sql(self, expr: str) -> tuple[str, list[Any]]:
        return (
            f"EXISTS (SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
            f"AND rowid = e.id)",
            [expr],
        )

    def scored_sql(self, expr: str) -> tuple[str, list[Any]]:
        """BM25 of the newest ``horizon`` matches that pass the filters."""
        return self.bm25_sql(
            expr, tail=f"ORDER BY f.rowid DESC LIMIT {int(self.rank_limit)}"
        )

    def scored_with_titles_sql(self, expr: str) -> tuple[str, list[Any]]:
        """BM25 of the matches newer than the ``rank_limit``-th newest (read
        off the facet sample) or among the newest ``rank_limit`` holding every
        word in their title. Walks every match: used while they are few."""
        limit = int(self.rank_limit)
        in_titles = " AND ".join(
            "("
            + " OR ".join(f"{TITLE} : {_phrase(alt)}" for alt in g.alternatives)
            + ")"
            for g in self.parsed.groups
        )
        newest_in_titles = (
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
            f"ORDER BY rowid DESC LIMIT {limit}"
        )
        boundary = (
            f"SELECT id FROM {SAMPLE} ORDER BY id DESC LIMIT 1 OFFSET {limit - 1}"
        )
        return self.bm25_sql(
            expr,
            f"AND (f.rowid >= ({boundary}) OR f.rowid IN ({newest_in_titles}))",
            [in_titles],
        )

    def scored_sample_sql(self, expr: str) -> tuple[str, list[Any]]:
        """BM25 of every match in the facet sample (which holds them all:
        filtered, so no join is needed; ``+`` keeps FTS5 from seeking each id)."""
        return (
            f"SELECT f.rowid, {SCORE} FROM {FTS_TABLE} f "
            f"WHERE {FTS_TABLE} MATCH %s AND +f.rowid IN (SELECT id FROM {SAMPLE})",
            [expr],
        )

    def bm25_sql(
        self, expr: str, condition: str = "", params: list[Any] = (), tail: str = ""
    ) -> tuple[str, list[Any]]:
        """(id, score) of the filtered matches of ``expr`` that meet ``condition``."""
        return (
            f"SELECT f.rowid, {SCORE} FROM {FTS_TABLE} f "
            f"{self.entry_join()}"
            f"WHERE {FTS_TABLE} MATCH %s AND {self.where_clause()} {condition} {tail}",
            [expr, *self.where_params, *params],
        )

    def expressions(self, lean: bool = False) -> list[str]:
        """Full-text expressions to try in order: all words, then any word.

        In the any-word form, words found in most entries keep only their
        bigrams ("phạt_tù" still ranks, "có" alone does not), and only the
        rarest parts select entries (``selective_parts``), which keeps the
        match set, and the time to score it, small.
        """
        parsed = self.parsed
        bigrams_of = self.bigrams_by_group()
        groups = [
            group_expr(g, bigrams_of.get(i, []), lean)
            for i, g in enumerate(parsed.groups)
        ]
        phrases = [f"{FOLDED} : {_phrase(p)}" for p in parsed.phrases]
        unquoted = [groups[i] for i in self.unquoted_groups()]
        tries = []
        if groups and all_words_first(parsed):
            tries.append(" AND ".join(unquoted + phrases))
        selecting, others = self.selective_parts(bigrams_of, lean)
        any_word = [f"({' OR '.join(selecting)})"] if selecting else []
        if any_word and others and not lean:
            any_word.append(f"({' OR '.join(selecting + others)})")
        tries.append(" AND ".join(any_word + phrases))
        return tries

    def selective_parts(
        self, bigrams_of: dict[int, list[str]], lean: bool
    ) -> tuple[list[str], list[str]]:
        """(selecting, scoring-only) parts of the any-word expression.

        The parts are the informative words (with their exact-accent boosts)
        and the query bigrams, rarest first. The rarest select the entries to
        score, while the entries they match add up to at most
        ``candidate_budget``; the next ones, while their entries add up to at
        most ``scoring_budget``, only add to the score of those entries. The
        scoring form ``(selecting) AND (selecting OR scoring-only)`` matches
        exactly the selected entries; BM25 counts the selecting parts twice.

        So the work is bounded by what the words say rather than by recency:
        an old entry holding the question's rare words and word pairs is
        scored however many newer entries share its common words. A small
        index keeps every part selecting.
        """
        return self.question_parts(
            bigrams_of,
            lambda group: group_expr(group, [], lean),
            lambda bigram: f"{BIGRAM} : {_phrase([bigram])}",
        )

    def document_frequencies(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        if not tokens:
            return {}, 0
        marks = ", ".join(["%s"] * len(tokens))
        self.cur.execute(
            f"SELECT term, doc FROM {VOCAB_TABLE} WHERE term IN ({marks})", tokens
        )
        df = dict(self.cur.fetchall())
        self.cur.execute(f"SELECT COUNT(*) FROM {tables.ENTRY_TABLE}")
        return df, self.cur.fetchone()[0]
