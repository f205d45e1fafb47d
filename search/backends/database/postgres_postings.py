"""Term frequencies for PostgreSQL's BM25, read by token as FTS5 reads them.

FTS5 keeps, for every token, the entries holding it with their positions by
column, and ``bm25()`` scores from those lists. PostgreSQL's GIN index tells
which entries hold a token but not how often; reading that back from each
candidate's tsvector (``ts_rank_cd`` per part) decompresses every candidate's
tsvector once per query part. ``portal_search_posting`` keeps instead, for
each token and block of 4,096 entry ids (``id >> BLOCK_BITS``):

- ``ids``: the entries of the block holding the token;
- ``fs``: its frequency in each, weighted by the SQLite column weights
  (``sqlite.WEIGHTS``: the số ký hiệu 10, ...), as ``bm25()`` sums the
  weights of the columns of each occurrence; an exact-accent form counts
  STORED_EXACT_WEIGHT per occurrence whatever the weight searched with, and
  ``postgres_rank`` rescales it to ``query.EXACT_WEIGHT`` when scoring, so a
  new weight needs no rebuild;
- ``n``: the number of entries (document frequencies without reading ``ids``).

The kinds of token have their own shapes: folded words are letters and
digits without diacritics, exact-accent forms carry diacritics (the accented
columns keep only those, as the tsvector does), word pairs and synonym tokens
hold "_". So one frequency per token is the frequency of the FTS5 phrase
filtered to that token's columns. Under ``LENGTH_TOKEN`` each entry's
``fs`` is its number of tokens, all columns counted, as FTS5's ``docsize``.

Arrays are appended to (one upsert per token and block for a batch of new
entries, or for a whole block in a rebuild: ``Writer``); a deleted entry is
taken out of the rows of its own tokens, read from its tsvector.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from documents.text import fold_word

from ...types import IndexEntry
from . import tables
from .sqlite import WEIGHTS

POSTING_TABLE = "portal_search_posting"
STAGE_TABLE = "portal_search_posting_new"
BLOCK_BITS = 12
# The entry lengths; no query token can contain "#" (the tsvector's own length
# lexeme has the same name).
LENGTH_TOKEN = "#len"
EXACT_COLUMNS = ("title_x", "body_x")
# The weight the postings hold an exact-accent occurrence at (the weight of
# the first indexes written, so that they stay valid).
STORED_EXACT_WEIGHT = 0.5
SCHEMA = [
    f"""CREATE TABLE IF NOT EXISTS {POSTING_TABLE} (
        token TEXT NOT NULL, block INTEGER NOT NULL, n INTEGER NOT NULL,
        ids BIGINT[] NOT NULL, fs REAL[] NOT NULL, PRIMARY KEY (token, block))""",
]
DROP = [f"DROP TABLE IF EXISTS {POSTING_TABLE}"]
FILL_CHUNK = 500


def weighted_frequencies(
    entry: IndexEntry, columns: dict[str, str] | None = None
) -> tuple[dict[str, float], int]:
    """({token: column-weighted frequency}, number of tokens) of ``entry``
    (``columns``: its ``tables.text_columns`` when already computed)."""
    frequencies: dict[str, float] = defaultdict(float)
    length = 0
    for column, text in (columns or tables.text_columns(entry)).items():
        exact = column in EXACT_COLUMNS
        weight = STORED_EXACT_WEIGHT if exact else WEIGHTS[column]
        for token in text.split():
            length += 1
            if not (exact and fold_word(token) == token):  # no diacritics
                frequencies[token] += weight
    return frequencies, length


class Writer:
    """Postings of new entries grouped by block, written when asked.

    ``write`` adds one batch's; a rebuild keeps one writer for all its
    batches and writes each block once it is complete (ids grow, so a block
    before the last one added gets no more entries), so each (token, block)
    row is written once instead of once per batch (each append rewrites the
    whole arrays)."""

    def __init__(self) -> None:
        self.blocks: dict[int, dict[str, tuple[list[int], list[float]]]] = {}

    def add(self, rows: Iterable[tuple[int, IndexEntry, dict | None]]) -> None:
        """Group the postings of (id, entry, its text columns or None)."""
        for entry_id, entry, columns in rows:
            frequencies, length = weighted_frequencies(entry, columns)
            frequencies[LENGTH_TOKEN] = float(length)
            of_token = self.blocks.setdefault(entry_id >> BLOCK_BITS, {})
            for token, frequency in frequencies.items():
                posting = of_token.get(token)
                if posting is None:
                    of_token[token] = ([entry_id], [frequency])
                else:
                    posting[0].append(entry_id)
                    posting[1].append(frequency)

    def flush(self, cur, before: int | None = None) -> None:
        """Write the blocks before block ``before`` (all when None): staged
        with COPY, then appended to each (token, block) row in key order (no
        deadlock between two writers)."""
        done = sorted(b for b in self.blocks if before is None or b < before)
        if not done:
            return
        cur.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {STAGE_TABLE} (token TEXT, "
            f"block INTEGER, n INTEGER, ids BIGINT[], fs REAL[]) ON COMMIT DELETE ROWS"
        )
        cur.execute(f"DELETE FROM {STAGE_TABLE}")
        # COPY's text format, written out here: tokens hold no tab, newline or
        # backslash (letters, digits, "_" and "#"), numbers need no quoting.
        with cur.copy(
            f"COPY {STAGE_TABLE} (token, block, n, ids, fs) FROM STDIN"
        ) as copy:
            for block in done:
                copy.write(
                    "".join(
                        f"{token}\t{block}\t{len(ids)}\t{{{','.join(map(str, ids))}}}"
                        f"\t{{{','.join(map(repr, fs))}}}\n"
                        for token, (ids, fs) in self.blocks.pop(block).items()
                    )
                )
        cur.execute(
            f"INSERT INTO {POSTING_TABLE} AS p (token, block, n, ids, fs) "
            f"SELECT token, block, n, ids, fs FROM {STAGE_TABLE} ORDER BY token, block "
            f"ON CONFLICT (token, block) DO UPDATE SET n = p.n + EXCLUDED.n, "
            f"ids = p.ids || EXCLUDED.ids, fs = p.fs || EXCLUDED.fs"
        )
        cur.execute(f"DELETE FROM {STAGE_TABLE}")


def write(cur, rows: Iterable[tuple[int, IndexEntry, dict | None]]) -> None:
    """Add the postings of new entries ((id, entry, its text columns or
    None) triples) to their (token, block) rows."""
    writer = Writer()
    writer.add(rows)
    writer.flush(cur)


def remove(cur, where: str, params: list[Any]) -> None:
    """Take the entries selected by ``where`` (on the entry table) out of the
    rows of their tokens; the entries themselves are deleted by the caller."""
    cur.execute(f"SELECT id FROM {tables.ENTRY_TABLE} e WHERE {where}", params)
    ids = [row[0] for row in cur.fetchall()]
    if not ids:
        return
    blocks = sorted({entry_id >> BLOCK_BITS for entry_id in ids})
    cur.execute(
        f"SELECT DISTINCT t FROM {tables.ENTRY_TABLE} e, "
        f"unnest(tsvector_to_array(e.doc)) t WHERE e.id = ANY(%s::bigint[])",
        [ids],
    )
    tokens = [row[0] for row in cur.fetchall()] + [LENGTH_TOKEN]
    keys = "p.token = ANY(%s::text[]) AND p.block = ANY(%s::int[]) AND p.ids && %s::bigint[]"
    cur.execute(
        f"UPDATE {POSTING_TABLE} p SET (n, ids, fs) = (SELECT COUNT(*), "
        f"COALESCE(array_agg(u.id ORDER BY u.o), '{{}}'), "
        f"COALESCE(array_agg(u.f ORDER BY u.o), '{{}}') "
        f"FROM unnest(p.ids, p.fs) WITH ORDINALITY u(id, f, o) "
        f"WHERE u.id <> ALL(%s::bigint[])) WHERE {keys}",
        [ids, tokens, blocks, ids],
    )
    cur.execute(
        f"DELETE FROM {POSTING_TABLE} p WHERE p.n = 0 "
        f"AND p.token = ANY(%s::text[]) AND p.block = ANY(%s::int[])",
        [tokens, blocks],
    )


def fill(cur) -> int:
    """Write the postings of every stored entry (after the table is created
    on an index written without it); returns the number of entries."""
    cur.execute(f"DELETE FROM {POSTING_TABLE}")
    last, count, writer = 0, 0, Writer()
    fields = ("id", "title", "code", "legal_basis", "body")
    while True:
        cur.execute(
            f"SELECT {', '.join(fields)} FROM {tables.ENTRY_TABLE} WHERE id > %s "
            f"ORDER BY id LIMIT {FILL_CHUNK}",
            [last],
        )
        rows = cur.fetchall()
        if not rows:
            writer.flush(cur)
            return count
        entries = [
            (
                row[0],
                IndexEntry(
                    key="", page_id=0, **dict(zip(fields[1:], row[1:], strict=True))
                ),
                None,
            )
            for row in rows
        ]
        writer.add(entries)
        writer.flush(cur, before=rows[-1][0] >> BLOCK_BITS)
        last, count = rows[-1][0], count + len(rows)
