"""Which entries a PostgreSQL search matches, and their facet counts.

The GIN index over ``doc`` answers a query of plain lexemes exactly; a query
with positions (a phrase ``'a' <-> 'b'``) or weights (``'a':A``) is only a
candidate set, and every candidate's tsvector is read again (decompressed) to
check it: for a quoted phrase of common words ("chuyển đổi số": 21,355
entries hold the three words, 2,281 the phrase, at 101,381 entries) that is
most of a search's time. Two things keep that work small, with the same
matches:

- ``head``, a stored column ``ts_filter(doc, '{a,b}')`` with its own GIN
  index: the số ký hiệu, title (folded, exact and word pairs) and legal basis
  classes of ``doc``, at the same positions, about a tenth of its size. A
  query whose lexemes all carry weight A or B (the title step) is checked on
  it instead of ``doc``.
- A quoted phrase occurs either in the title or the body, whose word pairs
  are indexed (``title_bi``, ``body_bi``), so the entry holds every pair of
  the phrase; or in the số ký hiệu or the legal basis, classes A and B, so
  ``head`` holds it. Its matches are the union of ``doc @@ pairs & phrase``
  (the pairs narrow the candidates read) and ``head @@ phrase``; they are
  collected once per search in the temporary table ``PHRASE``, from which the
  expressions holding the phrase are matched and its document frequency is
  counted.

Facets are counted over the sample's ids looked up by the primary key (an
array of ids: the planner, which has no statistics on the temporary table,
would otherwise merge it with the whole primary key index).
"""

from __future__ import annotations

from typing import Any

from ...query import bigrams
from . import tables
from .plan import SAMPLE

PHRASE = "portal_search_phrase"
HEAD_INDEX = "portal_search_entry_head"
SCHEMA = [
    f"ALTER TABLE {tables.ENTRY_TABLE} ADD COLUMN IF NOT EXISTS head TSVECTOR "
    f"GENERATED ALWAYS AS (ts_filter(doc, '{{a,b}}')) STORED",
    f"CREATE INDEX IF NOT EXISTS {HEAD_INDEX} ON {tables.ENTRY_TABLE} USING GIN (head)",
]


def lexeme(token: str) -> str:
    """A quoted tsquery lexeme (as ``postgres_rank.lexeme``)."""
    return "'" + token.replace("'", "").replace("\\", "") + "'"


def phrase_query(tokens) -> str:
    """The tsquery of a phrase of several tokens (as ``postgres_rank._phrase``)."""
    return "(" + " <-> ".join(lexeme(t) for t in tokens) + ")"


class PostgresMatching:
    """Mixed into ``postgres_rank.PostgresSearch`` (needs ``cur``, ``parsed``,
    ``where_clause``, ``where_params`` and ``fetch``)."""

    # A quoted phrase's tsquery -> its tokens and word pairs AND-ed (implied
    # by the phrase, read from the GIN index without positions); filled by
    # ``collect_phrases``.
    phrase_words: dict[str, str]

    def collect_phrases(self) -> None:
        """Every quoted phrase's matches (unfiltered) in ``PHRASE``, at once."""
        self.phrase_words = {}
        statements, params = [], []
        for tokens in self.parsed.phrases:
            query = phrase_query(tokens)
            if len(tokens) < 2 or query in self.phrase_words:
                continue
            self.phrase_words[query] = "(" + " & ".join(map(lexeme, tokens)) + ")"
            pairs = " & ".join(lexeme(b) for b in bigrams(list(tokens)))
            statements.append(
                f"SELECT %s, e.id FROM {tables.ENTRY_TABLE} e "
                f"WHERE e.doc @@ %s::tsquery UNION "
                f"SELECT %s, e.id FROM {tables.ENTRY_TABLE} e "
                f"WHERE e.head @@ %s::tsquery"
            )
            params += [query, f"{pairs} & {query}", query, query]
        if not statements:
            return
        self.cur.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {PHRASE} (part TEXT NOT NULL, "
            f"id BIGINT NOT NULL, PRIMARY KEY (part, id)) ON COMMIT DELETE ROWS; "
            f"DELETE FROM {PHRASE}"
        )
        self.cur.execute(
            f"INSERT INTO {PHRASE} (part, id) " + " UNION ".join(statements), params
        )

    def doc_match(self, expr: str, probe: bool = False) -> tuple[str, list[Any]]:
        """A condition on ``e`` true when the entry matches the tsquery
        ``expr``. A quoted phrase that is one of its top-level terms (as
        ``expressions`` writes them) is read from ``PHRASE``, and replaced in
        the GIN condition by its words (implied by the phrase, so the
        condition is the same for the entries that hold it); the GIN
        condition is left out when nothing else is asked.

        When the GIN condition finds the entries, or ``probe`` (the condition
        is tested on entries found otherwise), each phrase is a hashed set of
        ids tested per entry (``COALESCE`` keeps it from becoming a join the
        planner might drive from the phrase's ids, reading each one's
        tsvector); otherwise the first phrase's ids are looked up by the
        primary key.
        """
        terms = expr.split(" & ")
        phrases = [q for q in getattr(self, "phrase_words", {}) if q in terms]
        if not phrases:
            return "e.doc @@ %s::tsquery", [expr]
        conditions, params = [], []
        if any(term not in phrases for term in terms):
            words = expr
            for query in phrases:
                words = words.replace(query, self.phrase_words[query])
            conditions.append("e.doc @@ %s::tsquery")
            params.append(words)
        for query in phrases:
            ids = f"SELECT id FROM {PHRASE} WHERE part = %s"
            if conditions or probe:
                conditions.append(f"COALESCE(e.id IN ({ids}), FALSE)")
            else:
                conditions.append(f"e.id = ANY(ARRAY({ids}))")
            params.append(query)
        return " AND ".join(conditions), params

    def exists_sql(self, expr: str) -> tuple[str, list[Any]]:
        """Any filtered match: the first one found (``OFFSET 0`` keeps the
        GIN bitmap, see ``newest_sql``; no order, so it stops there)."""
        match, params = self.doc_match(expr)
        return (
            f"SELECT m.id FROM (SELECT e.id FROM {tables.ENTRY_TABLE} e "
            f"WHERE {match} AND {self.where_clause()} OFFSET 0) m LIMIT 1",
            [*params, *self.where_params],
        )

    def newest_sql(self, expr: str) -> tuple[str, list[Any]]:
        """Matches newest first. ``OFFSET 0`` keeps the match a subquery, read
        through the GIN index: walked backwards along the primary key, the
        planner's choice for a LIMIT, every entry passed over has its
        tsvector decompressed."""
        match, params = self.doc_match(expr)
        return (
            f"SELECT m.id FROM (SELECT e.id FROM {tables.ENTRY_TABLE} e "
            f"WHERE {match} AND {self.where_clause()} OFFSET 0) m "
            f"ORDER BY m.id DESC",
            [*params, *self.where_params],
        )

    def sample_and_total(self, expr: str, code_ids: list[int]) -> int:
        """The facet sample (the newest ``facet_horizon`` filtered matches,
        and the named entries) and the number of matches, from one reading
        of the matches."""
        match, params = self.doc_match(expr)
        codes = ""
        if code_ids:
            codes = (
                f" UNION SELECT id FROM {tables.ENTRY_TABLE} WHERE id IN "
                f"({self.marks(code_ids)})"
            )
        self.create_sample()
        counted, _ = self.fetch(
            f"WITH m AS MATERIALIZED (SELECT e.id FROM {tables.ENTRY_TABLE} e "
            f"WHERE {match} AND {self.where_clause()} OFFSET 0), "
            f"s AS (INSERT INTO {SAMPLE} (id) SELECT id FROM (SELECT id FROM m "
            f"ORDER BY id DESC LIMIT {int(self.facet_horizon)}) n{codes} "
            f"RETURNING 1) SELECT (SELECT COUNT(*) FROM m), (SELECT COUNT(*) FROM s)",
            [*params, *self.where_params, *code_ids],
        )[0]
        # Without named entries, the sample's newest are the newest matches.
        self.sample_is_newest = not code_ids
        return self.total(expr, code_ids, counted)

    def newest_matches(self, expr: str, limit: int) -> tuple[str, list[Any]]:
        """The ids of the newest ``limit`` filtered matches: read off the
        facet sample when it holds them (``limit`` up to its size)."""
        if getattr(self, "sample_is_newest", False) and limit <= self.facet_horizon:
            return f"SELECT id FROM {SAMPLE} ORDER BY id DESC LIMIT {limit}", []
        newest, params = self.newest_sql(expr)
        return f"{newest} LIMIT {limit}", params

    def count_sql(self, expr: str) -> tuple[str, list[Any]]:
        match, params = self.doc_match(expr)
        return (
            f"SELECT COUNT(*) FROM {tables.ENTRY_TABLE} e WHERE {match} "
            f"AND {self.where_clause()}",
            [*params, *self.where_params],
        )

    def match_one_sql(self, expr: str) -> tuple[str, list[Any]]:
        return self.doc_match(expr, probe=True)

    def count_matches(self, query: str, cap: int) -> int:
        """Entries matching a tsquery, counted up to ``cap``: a quoted phrase
        from ``PHRASE``, anything else through the GIN index (see
        ``PostgresBackend._search``: no sequential scan)."""
        if query in getattr(self, "phrase_words", {}):
            return self.fetch(
                f"SELECT COUNT(*) FROM (SELECT 1 FROM {PHRASE} WHERE part = %s "
                f"LIMIT {cap}) s",
                [query],
            )[0][0]
        return self.fetch(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {tables.ENTRY_TABLE} "
            f"WHERE doc @@ %s::tsquery LIMIT {cap}) s",
            [query],
        )[0][0]

    def facets(self) -> dict:
        single, multi = tables.facet_rows_sql(SAMPLE, by_ids=True)
        return tables.fold_facets(self.fetch(single, []), self.fetch(multi, []))[0]
