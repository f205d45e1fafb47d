"""PostgreSQL backend: the same behaviour as SQLite with tsvector + GIN.

The tsvector is built in Python from the same token streams as the SQLite
columns (``tables.text_columns``), written as a tsvector literal so neither the
text-search parser nor the server locale can split Vietnamese letters or the
"thi_dua" bigram tokens. Weights: A = số ký hiệu + title (folded, exact,
bigrams), B = legal basis, C = body folded + bigrams, D = body with
diacritics. Columns are separated by a position gap, so a phrase never spans
two fields.

The score (FTS5's BM25 computed in SQL) is ``postgres_rank``'s.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import DatabaseError, transaction

from documents.text import fold_word

from ...query import ParsedQuery
from ...types import IndexEntry, SearchQuery, SearchResults
from ..base import BackendError, chunked
from . import postgres_match, tables
from . import postgres_postings as postings
from .backend import DatabaseBackend
from .frequencies import invalidate_frequencies
from .postgres_rank import LENGTH_LEXEME, PostgresSearch, lexeme

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
COLUMN_GAP = 16
MAX_POSITION = 16383
# A lexeme in every tsvector (one position) from which the length is read, and
# padding lexemes (see tsvector_literal); no query lexeme can contain "#"
# (query tokens are letters, digits and "_").
PAD_LEXEME = "#pad{}"
MAX_POSITIONS = 256  # per lexeme, as PostgreSQL keeps them
EXACT_COLUMNS = ("title_x", "body_x")
INSERT_BATCH = 200  # entries per INSERT statement
SCHEMA = [
    f"""CREATE TABLE IF NOT EXISTS {tables.ENTRY_TABLE} (
        id BIGSERIAL PRIMARY KEY, key TEXT NOT NULL UNIQUE,
        page_id BIGINT NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,
        url TEXT NOT NULL, code TEXT NOT NULL, article TEXT, anchor TEXT,
        legal_basis TEXT NOT NULL, body TEXT NOT NULL, doc_type TEXT NOT NULL,
        issuer TEXT NOT NULL, issuer_id BIGINT, year INTEGER, date DATE,
        status TEXT NOT NULL, effective_date DATE, expiry_date DATE,
        doc TSVECTOR NOT NULL)""",
    f"CREATE INDEX IF NOT EXISTS portal_search_entry_page ON {tables.ENTRY_TABLE} (page_id)",
    f"CREATE INDEX IF NOT EXISTS portal_search_entry_date ON {tables.ENTRY_TABLE} (date)",
    f"CREATE INDEX IF NOT EXISTS portal_search_entry_doc "
    f"ON {tables.ENTRY_TABLE} USING GIN (doc)",
    f"""CREATE TABLE IF NOT EXISTS {tables.TERM_TABLE} (
        entry_id BIGINT NOT NULL REFERENCES {tables.ENTRY_TABLE} (id) ON DELETE CASCADE,
        name TEXT NOT NULL, value TEXT NOT NULL)""",
    f"CREATE INDEX IF NOT EXISTS portal_search_term_value "
    f"ON {tables.TERM_TABLE} (name, value, entry_id)",
    f"CREATE INDEX IF NOT EXISTS portal_search_term_entry ON {tables.TERM_TABLE} (entry_id)",
    *postgres_match.SCHEMA,
    *postings.SCHEMA,
]
DROP = [
    *postings.DROP,
    *(
        f"DROP TABLE IF EXISTS {t} CASCADE"
        for t in (tables.TERM_TABLE, tables.ENTRY_TABLE)
    ),
]


def create_schema(connection) -> None:
    """Create the tables and indexes (idempotent)."""
    with connection.cursor() as cursor:
        for statement in SCHEMA:
            cursor.execute(statement)


def tsvector_literal(entry: IndexEntry, columns: dict[str, str] | None = None) -> str:
    """The entry's weighted tsvector as literal text (see the module doc).

    The exact-accent columns keep only tokens with diacritics: no query asks
    for the others there (``Group.exact`` has diacritics only), and in the
    tsvector they would count as folded words of the title. Every token not
    written as a position (those, and positions beyond a lexeme's 256 or
    MAX_POSITION) is a position of a padding lexeme instead, so the number of
    positions is still the entry's number of tokens, plus one for
    LENGTH_LEXEME.
    """
    # Positions by weight, then token: they grow through the columns, so
    # each list is sorted and unique until positions reach MAX_POSITION.
    positions: dict[str, dict[str, list[int]]] = {}
    position, unwritten = 1, 0
    for column, text in (columns or tables.text_columns(entry)).items():
        weight = WEIGHT_OF[column]
        of_token = positions.setdefault(weight, {})
        get = of_token.get
        tokens = text.split()
        exact = column in EXACT_COLUMNS
        for at, token in enumerate(tokens, position):
            if exact and fold_word(token) == token:  # no diacritics (cached test)
                unwritten += 1
                continue
            ps = get(token)
            if ps is None:
                of_token[token] = [at]
            else:
                ps.append(at)
        position += len(tokens) + COLUMN_GAP
    lexemes = []
    for weight, of_token in positions.items():
        separator = weight + ","
        for token, ps in of_token.items():
            kept = ps
            if ps[-1] >= MAX_POSITION:
                kept = sorted({min(p, MAX_POSITION) for p in ps})
            if len(kept) > MAX_POSITIONS:
                kept = kept[:MAX_POSITIONS]
            unwritten += len(ps) - len(kept)
            lexemes.append(
                lexeme(token) + ":" + separator.join(map(str, kept)) + weight
            )
    lexemes.append(f"{lexeme(LENGTH_LEXEME)}:{min(position, MAX_POSITION)}")
    for n, start in enumerate(range(0, unwritten, MAX_POSITIONS)):
        count = min(MAX_POSITIONS, unwritten - start)
        lexemes.append(
            f"{lexeme(PAD_LEXEME.format(n))}:" + ",".join(map(str, range(1, count + 1)))
        )
    return " ".join(lexemes)


class PostgresBackend(DatabaseBackend):
    """tsvector + GIN in the Django database ``OPTIONS["DATABASE"]``."""

    def add_bulk(self, entries: Iterable[IndexEntry]) -> int:
        """Replace or add ``entries``."""
        with (
            transaction.atomic(using=self.connection.alias),
            self.connection.cursor() as cur,
        ):
            return self._add(cur, entries, None)

    def _add(self, cur, entries: Iterable[IndexEntry], writer) -> int:
        """Replace or add ``entries``, their postings given to ``writer``
        (a ``postings.Writer`` that keeps them until their block is complete)
        or written now (None). Ids are drawn from the sequence first, in the
        entries' order (the newest entry has the highest id, as one INSERT
        each would give), so that rows go in a few statements: each is a
        round trip, which on a busy machine costs more than the row."""
        entries = list({e.key: e for e in entries}.values())
        if not entries:
            return 0
        invalidate_frequencies()
        fields = ", ".join(("id", *tables.ENTRY_FIELDS, "doc"))
        row_marks = "(" + ", ".join(["%s"] * (len(tables.ENTRY_FIELDS) + 1))
        row_marks += ", %s::tsvector)"
        keys = [e.key for e in entries]
        cur.execute(f"SELECT id FROM {tables.ENTRY_TABLE} WHERE key = ANY(%s)", [keys])
        replaced = [row[0] for row in cur.fetchall()]
        if replaced:
            if writer is not None:  # postings of the replaced may still be held
                writer.flush(cur)
            postings.remove(cur, "e.id = ANY(%s)", [replaced])
            cur.execute(
                f"DELETE FROM {tables.ENTRY_TABLE} WHERE id = ANY(%s)", [replaced]
            )
        cur.execute(
            f"SELECT nextval(pg_get_serial_sequence('{tables.ENTRY_TABLE}', 'id')) "
            f"FROM generate_series(1, %s)",
            [len(entries)],
        )
        ids = sorted(row[0] for row in cur.fetchall())
        written, terms = [], []
        for start in range(0, len(entries), INSERT_BATCH):
            values = []
            batch = entries[start : start + INSERT_BATCH]
            for entry_id, entry in zip(ids[start:], batch, strict=False):
                columns = tables.text_columns(entry)
                values += [entry_id, *tables.entry_row(entry)]
                values.append(tsvector_literal(entry, columns))
                written.append((entry_id, entry, columns))
                terms += [(entry_id, n, v) for n, v in tables.term_rows(entry)]
            cur.execute(
                f"INSERT INTO {tables.ENTRY_TABLE} ({fields}) VALUES "
                + ", ".join([row_marks] * len(batch)),
                values,
            )
        if terms:
            cur.executemany(
                f"INSERT INTO {tables.TERM_TABLE} (entry_id, name, value) "
                f"VALUES (%s, %s, %s)",
                terms,
            )
        if writer is None:
            postings.write(cur, written)
        else:
            writer.add(written)
            writer.flush(cur, before=ids[-1] >> postings.BLOCK_BITS)
        return len(entries)

    def delete(self, keys: Iterable[str] = (), page_id: int | None = None) -> None:
        invalidate_frequencies()
        where = "e.key = ANY(%s) OR e.page_id = %s"
        params = [list(keys), page_id if page_id is not None else -1]
        with (
            transaction.atomic(using=self.connection.alias),
            self.connection.cursor() as cur,
        ):
            postings.remove(cur, where, params)
            cur.execute(f"DELETE FROM {tables.ENTRY_TABLE} e WHERE {where}", params)

    def clear(self) -> None:
        invalidate_frequencies()
        with self.connection.cursor() as cur:
            cur.execute(f"DELETE FROM {postings.POSTING_TABLE}")
            cur.execute(f"DELETE FROM {tables.TERM_TABLE}")
            cur.execute(f"DELETE FROM {tables.ENTRY_TABLE}")

    def rebuild(self, entries, chunk_size: int = 500, progress=None) -> int:
        """The whole index in one transaction (readers see the old one until
        it commits); each block of postings is written once, when complete."""
        with (
            transaction.atomic(using=self.connection.alias),
            self.connection.cursor() as cur,
        ):
            self.clear()
            count, writer = 0, postings.Writer()
            for chunk in chunked(entries, chunk_size):
                count += self._add(cur, chunk, writer)
                if progress is not None:
                    progress.update(len(chunk))
            writer.flush(cur)
            for table in (tables.ENTRY_TABLE, postings.POSTING_TABLE):
                cur.execute(f"ANALYZE {table}")  # the planner's statistics
            return count

    def health(self) -> bool:
        try:
            with self.connection.cursor() as cur:
                cur.execute(f"SELECT 1 FROM {tables.ENTRY_TABLE} LIMIT 1")
            return True
        except DatabaseError:
            return False

    def _search(self, parsed: ParsedQuery, query: SearchQuery) -> SearchResults:
        try:
            with (
                transaction.atomic(using=self.connection.alias),
                self.connection.cursor() as cur,
            ):
                # The planner takes ``@@`` for cheap and would read a common
                # word's entries by a sequential scan, decompressing every
                # tsvector (about 10 times slower at 100k entries); plans are
                # short, so compiling them (JIT) only adds time.
                cur.execute("SET LOCAL enable_seqscan = off; SET LOCAL jit = off")
                return self.plan(cur, parsed, query).run()
        except DatabaseError as error:
            raise BackendError(str(error)) from error

    def plan(self, cur, parsed, query):
        return PostgresSearch(cur, parsed, query, self.horizon)
