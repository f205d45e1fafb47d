"""PostgreSQL backend: the same behaviour as SQLite with tsvector + GIN.

The tsvector is built in Python from the same token streams as the SQLite
columns (``sql.text_columns``), written as a tsvector literal so neither the
text-search parser nor the server locale can split Vietnamese letters or the
"thi_dua" bigram tokens. Weights: A = số ký hiệu + title (folded, exact,
bigrams), B = legal basis, C = body folded + bigrams, D = body with
diacritics. Columns are separated by a position gap, so a phrase never spans
two fields.

``ts_rank`` has no notion of rarity, so the score is a sum over the parts of the
query — each word (with its synonyms), its exact-accent form and its bigram
with the next word — of ``idf(part) * ts_rank(doc, part)``, with document
frequencies counted (and capped) through the GIN index and cached: rare words,
bigrams and exact forms weigh more, as each phrase does in FTS5's BM25.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import DatabaseError, connections, transaction

from ..query import Group, ParsedQuery
from ..types import IndexEntry, SearchQuery, SearchResults
from . import sql
from .base import BackendError, SearchBackend
from .sql_search import (
    DF_TTL,
    HORIZON,
    MATCHED,
    SAMPLE,
    SqlSearch,
    _df_cache,
    invalidate_frequencies,
)

WEIGHT_OF = {
    "code": "A",
    "title": "A",
    "title_x": "A",
    "title_bi": "A",
    "basis": "B",
    "body": "C",
    "body_bi": "C",
    "body_x": "D",
    "syn": "C",
}
# D, C, B, A. ts_rank saturates per part, so the body needs a higher class
# weight than FTS5's column weight to count as much (ALQAC MRR@10 with
# {0.15, 0.35, 0.55, 1}: 0.879; {0.1, 0.2, 0.4, 1}: 0.784; this: 0.921).
RANK_WEIGHTS = "{0.2, 0.5, 0.7, 1.0}"
COLUMN_GAP = 16
MAX_POSITION = 16383
AND_MAX_GROUPS = 4
# Part factors relative to a word (FTS5 weights: exact title 3 vs title 6).
WORD_FACTOR = 1.0
EXACT_FACTOR = 0.5
BIGRAM_FACTOR = 1.0

SCHEMA = [
    f"""CREATE TABLE IF NOT EXISTS {sql.ENTRY_TABLE} (
        id BIGSERIAL PRIMARY KEY, key TEXT NOT NULL UNIQUE,
        page_id BIGINT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,
        url TEXT NOT NULL, code TEXT NOT NULL, article TEXT, anchor TEXT,
        legal_basis TEXT NOT NULL, body TEXT NOT NULL, doc_type TEXT NOT NULL,
        issuer TEXT NOT NULL, issuer_id BIGINT, year INTEGER, date DATE,
        status TEXT NOT NULL, effective_date DATE, expiry_date DATE,
        doc TSVECTOR NOT NULL)""",
    f"CREATE INDEX IF NOT EXISTS portal_search_entry_page ON {sql.ENTRY_TABLE} (page_id)",
    f"CREATE INDEX IF NOT EXISTS portal_search_entry_date ON {sql.ENTRY_TABLE} (date)",
    f"CREATE INDEX IF NOT EXISTS portal_search_entry_doc "
    f"ON {sql.ENTRY_TABLE} USING GIN (doc)",
    f"""CREATE TABLE IF NOT EXISTS {sql.TERM_TABLE} (
        entry_id BIGINT NOT NULL REFERENCES {sql.ENTRY_TABLE} (id) ON DELETE CASCADE,
        name TEXT NOT NULL, value TEXT NOT NULL)""",
    f"CREATE INDEX IF NOT EXISTS portal_search_term_value "
    f"ON {sql.TERM_TABLE} (name, value, entry_id)",
    f"CREATE INDEX IF NOT EXISTS portal_search_term_entry ON {sql.TERM_TABLE} (entry_id)",
]
DROP = [f"DROP TABLE IF EXISTS {t} CASCADE" for t in (sql.TERM_TABLE, sql.ENTRY_TABLE)]


def create_schema(connection) -> None:
    """Create the tables and indexes (idempotent)."""
    with connection.cursor() as cursor:
        for statement in SCHEMA:
            cursor.execute(statement)


def _lexeme(token: str) -> str:
    """A quoted tsvector/tsquery lexeme; tokens are letters/digits/"_" only."""
    return "'" + token.replace("'", "").replace("\\", "") + "'"


def tsvector_literal(entry: IndexEntry) -> str:
    """The entry's weighted tsvector as literal text (see the module doc)."""
    positions: dict[tuple[str, str], list[int]] = defaultdict(list)
    position = 1
    for column, text in sql.text_columns(entry).items():
        weight = WEIGHT_OF[column]
        for token in text.split():
            positions[(token, weight)].append(min(position, MAX_POSITION))
            position += 1
        position += COLUMN_GAP
    return " ".join(
        f"{_lexeme(token)}:" + ",".join(f"{p}{weight}" for p in sorted(set(ps))[:256])
        for (token, weight), ps in positions.items()
    )


def _phrase(tokens: Iterable[str]) -> str:
    return "(" + " <-> ".join(_lexeme(t) for t in tokens) + ")"


def group_tsquery(group: Group, bigrams: list[str], lean: bool = False) -> str:
    """tsquery of one group: alternatives, plus exact-accent and bigram boosts."""
    alternatives = group.alternatives
    parts = []
    if group.synonym:  # phrases of a synonym group are indexed as one token
        parts.append(_lexeme(group.synonym))
        alternatives = [alt for alt in alternatives if len(alt) == 1]
    parts += [_phrase(alt) for alt in alternatives]
    if not lean:
        parts += [_lexeme(t) for t in (*group.exact, *bigrams)]
    return "(" + " | ".join(parts) + ")"


class PostgresBackend(SearchBackend):
    """tsvector + GIN in the Django database ``OPTIONS["DATABASE"]``."""

    @property
    def connection(self):
        return connections[self.options.get("DATABASE", "default")]

    @property
    def horizon(self) -> int:
        return int(self.options.get("RANK_HORIZON", HORIZON))

    def add_bulk(self, entries: Iterable[IndexEntry]) -> int:
        entries = list({e.key: e for e in entries}.values())
        if not entries:
            return 0
        invalidate_frequencies()
        fields = ", ".join(sql.ENTRY_FIELDS)
        marks = ", ".join(["%s"] * len(sql.ENTRY_FIELDS))
        with (
            transaction.atomic(using=self.connection.alias),
            self.connection.cursor() as cur,
        ):
            cur.execute(
                f"DELETE FROM {sql.ENTRY_TABLE} WHERE key = ANY(%s)",
                [[e.key for e in entries]],
            )
            for entry in entries:
                cur.execute(
                    f"INSERT INTO {sql.ENTRY_TABLE} ({fields}, doc) "
                    f"VALUES ({marks}, %s::tsvector) RETURNING id",
                    [*sql.entry_row(entry), tsvector_literal(entry)],
                )
                entry_id = cur.fetchone()[0]
                terms = [(entry_id, n, v) for n, v in sql.term_rows(entry)]
                if terms:
                    cur.executemany(
                        f"INSERT INTO {sql.TERM_TABLE} (entry_id, name, value) "
                        f"VALUES (%s, %s, %s)",
                        terms,
                    )
        return len(entries)

    def delete(self, keys: Iterable[str] = (), page_id: int | None = None) -> None:
        invalidate_frequencies()
        with self.connection.cursor() as cur:
            cur.execute(
                f"DELETE FROM {sql.ENTRY_TABLE} WHERE key = ANY(%s) OR page_id = %s",
                [list(keys), page_id if page_id is not None else -1],
            )

    def clear(self) -> None:
        invalidate_frequencies()
        with self.connection.cursor() as cur:
            cur.execute(f"DELETE FROM {sql.TERM_TABLE}")
            cur.execute(f"DELETE FROM {sql.ENTRY_TABLE}")

    def rebuild(self, entries, chunk_size: int = 500, progress=None) -> int:
        with transaction.atomic(using=self.connection.alias):
            return super().rebuild(entries, chunk_size, progress)

    def health(self) -> bool:
        try:
            with self.connection.cursor() as cur:
                cur.execute(f"SELECT 1 FROM {sql.ENTRY_TABLE} LIMIT 1")
            return True
        except DatabaseError:
            return False

    def _search(self, parsed: ParsedQuery, query: SearchQuery) -> SearchResults:
        try:
            with (
                transaction.atomic(using=self.connection.alias),
                self.connection.cursor() as cur,
            ):
                return _Search(cur, parsed, query, self.horizon).run()
        except DatabaseError as error:
            raise BackendError(str(error)) from error


class _Search(SqlSearch):
    """One query against the PostgreSQL tables."""

    upsert = "INSERT INTO"
    upsert_tail = " ON CONFLICT (id) DO UPDATE SET score = EXCLUDED.score"

    def create_matched(self) -> None:
        self.cur.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {MATCHED} "
            f"(id BIGINT PRIMARY KEY, score DOUBLE PRECISION NOT NULL) "
            f"ON COMMIT DELETE ROWS"
        )
        self.cur.execute(f"DELETE FROM {MATCHED}")

    def create_sample(self) -> None:
        self.cur.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {SAMPLE} (id BIGINT PRIMARY KEY) "
            f"ON COMMIT DELETE ROWS"
        )
        self.cur.execute(f"DELETE FROM {SAMPLE}")

    def group_queries(self, lean: bool = False) -> list[str]:
        bigrams_of = self.bigrams_by_group()
        return [
            group_tsquery(g, bigrams_of.get(i, []), lean)
            for i, g in enumerate(self.parsed.groups)
        ]

    def expressions(self, lean: bool = False) -> list[str]:
        """All groups, then informative groups or bigrams (as for SQLite)."""
        groups = self.group_queries(lean)
        phrases = [_phrase(p) for p in self.parsed.phrases]
        tries = []
        if groups and len(groups) <= AND_MAX_GROUPS:
            tries.append(" & ".join(groups + phrases))
        informative = set(self.informative_groups())
        kept = [groups[i] for i in sorted(informative)]
        kept += [
            _lexeme(b)
            for i, bigrams in self.bigrams_by_group().items()
            if i not in informative
            for b in bigrams
        ]
        kept = kept or groups
        any_word = "(" + " | ".join(kept) + ")" if kept else ""
        tries.append(" & ".join(([any_word] if any_word else []) + phrases))
        return tries

    def newest_sql(self, expr: str) -> tuple[str, list[Any]]:
        return (
            f"SELECT e.id FROM {sql.ENTRY_TABLE} e WHERE e.doc @@ %s::tsquery "
            f"AND {self.where_clause()} ORDER BY e.id DESC",
            [expr, *self.where_params],
        )

    def count_sql(self, expr: str) -> tuple[str, list[Any]]:
        return (
            f"SELECT COUNT(*) FROM {sql.ENTRY_TABLE} e WHERE e.doc @@ %s::tsquery "
            f"AND {self.where_clause()}",
            [expr, *self.where_params],
        )

    def match_one_sql(self, expr: str) -> tuple[str, list[Any]]:
        return "e.doc @@ %s::tsquery", [expr]

    def scored_sql(self, expr: str) -> tuple[str, list[Any]]:
        """BM25-like score of the newest ``horizon`` filtered matches.

        Each part of the query (a word or phrase, its exact-accent form, its
        bigram with the next word) is ranked on its own and weighted by its own
        IDF, as FTS5's BM25 does for each phrase of the expression: a rare
        bigram or exact form weighs more than the common word it contains.
        """
        parts = self.scored_parts() or [(expr, 1.0)]
        idfs = self.part_idfs([part for part, _ in parts])
        rank = " + ".join(
            f"{idf * factor:.4f} * ts_rank('{RANK_WEIGHTS}', s.doc, %s::tsquery, 1)"
            for (_, factor), idf in zip(parts, idfs, strict=True)
        )
        return (
            f"SELECT s.id, ({rank}) FROM (SELECT e.id, e.doc FROM {sql.ENTRY_TABLE} e "
            f"WHERE e.doc @@ %s::tsquery AND {self.where_clause()} "
            f"ORDER BY e.id DESC LIMIT {int(self.rank_limit)}) s",
            [*(part for part, _ in parts), expr, *self.where_params],
        )

    def scored_parts(self) -> list[tuple[str, float]]:
        """(tsquery, factor) of every scored part of the query, deduplicated."""
        bigrams_of = self.bigrams_by_group()
        parts: dict[str, float] = {}
        for i, group in enumerate(self.parsed.groups):
            alternatives = group.alternatives
            words = []
            if group.synonym:
                words.append(_lexeme(group.synonym))
                alternatives = [alt for alt in alternatives if len(alt) == 1]
            words += [_phrase(alt) for alt in alternatives]
            parts.setdefault("(" + " | ".join(words) + ")", WORD_FACTOR)
            for token in group.exact:
                parts.setdefault(_lexeme(token), EXACT_FACTOR)
            for bigram in bigrams_of.get(i, []):
                parts.setdefault(_lexeme(bigram), BIGRAM_FACTOR)
        for phrase in self.parsed.phrases:
            parts.setdefault(_phrase(phrase), WORD_FACTOR)
        return list(parts.items())

    def part_idfs(self, parts: list[str]) -> list[float]:
        """BM25 IDF of each tsquery, document frequencies cached (DF_TTL)."""
        total = self.count_entries()
        cap = max(total // 2, 1)
        now = time.monotonic()
        idfs = []
        for part in parts:
            key = ("postgres-part", part)
            cached = _df_cache.get(key)
            if cached and now - cached[0] < DF_TTL and cached[2] == total:
                df = cached[1]
            else:
                df = self.fetch(
                    f"SELECT COUNT(*) FROM (SELECT 1 FROM {sql.ENTRY_TABLE} "
                    f"WHERE doc @@ %s::tsquery LIMIT {cap}) s",
                    [part],
                )[0][0]
                _df_cache[key] = (now, df, total)
            idfs.append(math.log(1 + (total - df + 0.5) / (df + 0.5)))
        return idfs

    def count_entries(self) -> int:
        return self.fetch(f"SELECT COUNT(*) FROM {sql.ENTRY_TABLE}", [])[0][0]

    def document_frequencies(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        total = self.count_entries()
        cap = int(total * self.common_ratio) + 1
        df = {}
        for token in tokens:
            df[token] = self.fetch(
                f"SELECT COUNT(*) FROM (SELECT 1 FROM {sql.ENTRY_TABLE} "
                f"WHERE doc @@ %s::tsquery LIMIT {cap}) s",
                [_lexeme(token)],
            )[0][0]
        return df, total
