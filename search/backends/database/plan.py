"""The query plan shared by the database backends (SQLite FTS5, PostgreSQL).

For a query with words:

1. Pick the full-text expression: all words when that finds something, else
   any informative word (``expressions()``; existence is checked without
   scoring, which is cheap).
2. The total is an exact COUNT of the filtered matches (nothing scored); the
   facet counts are two GROUP BYs over the newest ``facet_horizon`` matches
   (all of them up to 5000; beyond, ``facets_exact`` is False).
3. Ranking scores at most ``rank_limit`` matches, the most recently indexed
   ones (highest ids) first, and keeps them in a temporary table together with
   the entries of the named số ký hiệu, scored to come first. When every word
   matched, a query with more than ``horizon`` (1000) matches is unspecific and
   its newest matches are ranked, which keeps short broad queries fast on 100k
   entries. A question-like query (any word) is matched by its rarest parts
   only, words and word pairs whose entries add up to at most
   ``candidate_budget`` (10,000); its commoner parts only add to the score
   of those entries (``split_by_budget``). So an old article that
   answers the question is scored however many newer entries share the
   question's common words; ``ANY_WORD_HORIZON`` (20,000 newest) is only a cap
   for a question made of common words alone.

4. Sorting by date sorts the matches when they are few, and otherwise walks the
   date index testing each entry against the match (one page of work).

Subclasses give ``newest_sql``, ``count_sql``, ``match_one_sql``,
``scored_sql``, ``expressions`` and ``document_frequencies``.
"""

from __future__ import annotations

from typing import Any

from ... import ranking
from ...query import COMMON_RATIO, ParsedQuery, code_remainder
from ...types import Hit, SearchResults
from .parts import QueryParts
from .rows import HitRows
from .tables import ENTRY_TABLE, TERM_TABLE, facet_rows_sql, filter_sql, fold_facets
from .tiers import CODE_SCORE, DOCUMENT_FIRST, MATCHED, CitingTier, shown_score

SAMPLE = "portal_search_sample"
CODE_GROUP_LIMIT = 500
HORIZON = 1000
ANY_WORD_HORIZON = 20_000
FACET_HORIZON = 5000
CANDIDATE_BUDGET = 10_000
SCORING_BUDGET = 60_000
TITLE_CAP = 10_000
DATE_SORT_LIMIT = 20_000


class SqlSearch(QueryParts, CitingTier, HitRows):
    """One search against the database tables (see the module docstring)."""

    param = "%s"
    common_ratio = COMMON_RATIO
    candidate_budget = CANDIDATE_BUDGET
    scoring_budget = SCORING_BUDGET
    title_cap = TITLE_CAP
    upsert = "INSERT OR REPLACE INTO"
    upsert_tail = ""
    body_join = ""
    body_columns = "e.body, e.legal_basis"

    def __init__(
        self,
        cur,
        parsed: ParsedQuery,
        query,
        horizon: int = HORIZON,
        facet_horizon: int = FACET_HORIZON,
    ):
        self.cur, self.parsed, self.query, self.horizon = cur, parsed, query, horizon
        self.facet_horizon = facet_horizon
        self.rank_limit = horizon
        self.scored = 0
        filters = dict(query.filters)
        self.where, self.where_params = filter_sql(filters, self.param)
        if parsed.is_empty and not filters.get("kind"):
            self.where.append("e.kind <> 'article'")

    # -- provided by each database -------------------------------------------
    def newest_sql(self, expr: str) -> tuple[str, list[Any]]:
        """Ids of filtered matches, newest (highest id) first, without LIMIT."""
        raise NotImplementedError

    def count_sql(self, expr: str) -> tuple[str, list[Any]]:
        """COUNT(*) of the filtered matches."""
        raise NotImplementedError

    def match_one_sql(self, expr: str) -> tuple[str, list[Any]]:
        """A condition on ``e`` true when that entry matches ``expr``."""
        raise NotImplementedError

    def scored_sql(self, expr: str) -> tuple[str, list[Any]]:
        raise NotImplementedError

    def exists_sql(self, expr: str) -> tuple[str, list[Any]]:
        """A statement returning a row when some filtered entry matches."""
        newest, params = self.newest_sql(expr)
        return f"{newest} LIMIT 1", params

    def expressions(self, lean: bool = False) -> list[str]:
        """Full-text expressions to try in order (``lean``: without boosts)."""
        raise NotImplementedError

    def document_frequencies(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        raise NotImplementedError

    def create_matched(self) -> None:
        self.cur.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {MATCHED} "
            f"(id INTEGER PRIMARY KEY, score REAL NOT NULL)"
        )
        self.cur.execute(f"DELETE FROM {MATCHED}")

    def create_sample(self) -> None:
        self.cur.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {SAMPLE} (id INTEGER PRIMARY KEY)"
        )
        self.cur.execute(f"DELETE FROM {SAMPLE}")

    def materialize(self, sample: str, params: list[Any]) -> None:
        """Keep the facet sample in a temporary table, computed once."""
        self.create_sample()
        self.cur.execute(f"INSERT INTO {SAMPLE} (id) {sample}", params)

    # -- the plan -------------------------------------------------------------
    def run(self) -> SearchResults:
        if self.parsed.is_empty:
            return self.browse()
        expr, scoring = self.choose_expression()
        code_rows = self.code_rows()
        code_ids = [row["id"] for row in code_rows]
        if self.query.sort != "date" and self.rank_limit >= self.facet_horizon:
            # Every match up to rank_limit gets scored: the scored table is
            # also the facet sample and, unless the limit was reached, the
            # total (the named entries included).
            hits = self.page_by_score(scoring, code_rows)
            self.materialize(
                f"SELECT id FROM {MATCHED} ORDER BY id DESC LIMIT {self.facet_horizon}",
                [],
            )
            if self.scored < self.rank_limit:
                total = self.fetch(f"SELECT COUNT(*) FROM {MATCHED}", [])[0][0]
            else:
                total = self.total(expr, code_ids)
        else:
            total = self.sample_and_total(expr, code_ids)
            if self.query.sort == "date":
                hits = self.page_by_date(expr, code_ids, total)
            else:
                hits = self.page_by_score(scoring, code_rows, total)
        facets = self.facets()
        return SearchResults(
            hits=hits,
            total=total,
            facets=facets,
            facets_exact=total <= self.facet_horizon,
            code_match=self.code_match(code_rows),
        )

    def browse(self) -> SearchResults:
        """No words: the filtered entries, newest first."""
        where, params = self.where_clause(), list(self.where_params)
        total = self.fetch(
            f"SELECT COUNT(*) FROM {ENTRY_TABLE} e WHERE {where}", params
        )[0][0]
        self.materialize(
            f"SELECT e.id FROM {ENTRY_TABLE} e WHERE {where} "
            f"ORDER BY e.id DESC LIMIT {self.facet_horizon}",
            params,
        )
        hits = self.hits_by_date(where, params)
        return SearchResults(
            hits=hits,
            total=total,
            facets=self.facets(),
            facets_exact=total <= self.facet_horizon,
        )

    def where_clause(self) -> str:
        return " AND ".join(self.where) if self.where else "1 = 1"

    def filtered(self, extra: str = "") -> str:
        where = self.where_clause() + (f" AND ({extra})" if extra else "")
        return f"SELECT e.id FROM {ENTRY_TABLE} e WHERE {where}"

    def fetch(self, statement: str, params: list[Any]) -> list[tuple]:
        self.cur.execute(statement, params)
        return self.cur.fetchall()

    def marks(self, values: list[Any]) -> str:
        return ", ".join([self.param] * len(values))

    def choose_expression(self) -> tuple[str, str]:
        """(matching, scoring) forms of the first expression that matches some
        entry after the filters; the matching form leaves out score boosts."""
        tries = list(zip(self.expressions(lean=True), self.expressions(), strict=True))
        for lean, full in tries[:-1]:
            if self.fetch(*self.exists_sql(lean)):
                return lean, full
        self.rank_limit = ANY_WORD_HORIZON
        return tries[-1]

    def sample_and_total(self, expr: str, code_ids: list[int]) -> int:
        """Fill the facet sample (``sample``) and return the total."""
        self.materialize(*self.sample(expr, code_ids))
        return self.total(expr, code_ids)

    def total(self, expr: str, code_ids: list[int], counted: int | None = None) -> int:
        """Exact number of matches: full text (``counted`` when already
        known), plus named entries it missed.

        When the facet sample is not full it holds every match: its size is
        the total and nothing needs counting.
        """
        sampled = self.fetch(f"SELECT COUNT(*) FROM {SAMPLE}", [])[0][0]
        if sampled < self.facet_horizon:
            return sampled
        if counted is None:
            statement, params = self.count_sql(expr)
            counted = self.fetch(statement, params)[0][0]
        total = counted
        if code_ids:
            match, match_params = self.match_one_sql(expr)
            found = self.fetch(
                f"SELECT COUNT(*) FROM {ENTRY_TABLE} e WHERE e.id IN "
                f"({self.marks(code_ids)}) AND {match}",
                code_ids + match_params,
            )[0][0]
            total += len(code_ids) - found
        return total

    def sample(self, expr: str, code_ids: list[int]) -> tuple[str, list[Any]]:
        """The newest ``facet_horizon`` matches (all of them when fewer)."""
        newest, params = self.newest_sql(expr)
        statement = f"SELECT id FROM ({newest} LIMIT {self.facet_horizon}) s"
        if code_ids:
            statement += (
                f" UNION SELECT id FROM {ENTRY_TABLE} WHERE id IN "
                f"({self.marks(code_ids)})"
            )
            params = params + code_ids
        return statement, params

    # -- số ký hiệu -------------------------------------------------------------
    def code_rows(self) -> list[dict[str, Any]]:
        keys = self.parsed.code_keys[:20]
        if not keys:
            return []
        # Within the limit, a long law's own entry and its named Điều first.
        numbers = sorted(ranking.named_articles(self.parsed.folded_tokens))[:5]
        patterns = [p for n in numbers for p in (f"%#dieu-{n}", f"%#dieu-{n}-%")]
        named = " OR ".join([f"e.key LIKE {self.param}"] * len(patterns)) or "0 = 1"
        rows = self.fetch(
            f"SELECT e.id, e.kind, e.code, e.doc_type, e.key FROM {ENTRY_TABLE} e "
            f"WHERE e.id IN (SELECT entry_id FROM {TERM_TABLE} WHERE name = 'code' "
            f"AND value IN ({self.marks(keys)})) AND {self.where_clause()} "
            f"ORDER BY CASE WHEN e.kind = 'document' THEN 0 WHEN {named} THEN 1 "
            f"ELSE 2 END, e.id LIMIT {CODE_GROUP_LIMIT}",
            keys + self.where_params + patterns,
        )
        names = ("id", "kind", "code", "doc_type", "key")
        return [dict(zip(names, r, strict=True)) for r in rows]

    @staticmethod
    def code_match(code_rows: list[dict[str, Any]]) -> str | None:
        documents = [r for r in code_rows if r["kind"] == "document"] or code_rows
        return (documents[0]["code"] or None) if documents else None

    # -- pages ------------------------------------------------------------------
    def page_by_score(
        self, expr: str, code_rows: list[dict[str, Any]], total: int = 0
    ) -> list[Hit]:
        """Score the matches (see the module docstring) and return the page.

        Beyond the rank limit only the newest matches are scored; while the
        matches are few enough to walk (``title_cap``), the newest entries
        holding every word in their title are scored too, so that an older
        document the query names ("Bộ luật Lao động", "Luật An ninh mạng") is
        not lost among newer entries that mention it in their text.
        """
        self.create_matched()
        statement = None
        if self.rank_limit < total <= self.facet_horizon:
            statement = self.scored_sample_sql(expr)
        elif self.rank_limit < total <= self.title_cap:
            statement = self.scored_with_titles_sql(expr)
        scored, params = statement or self.scored_sql(expr)
        self.cur.execute(f"INSERT INTO {MATCHED} (id, score) {scored}", params)
        self.scored = self.cur.rowcount
        if code_rows:
            self.add_code_rows(code_rows)
        self.lift_citing(code_rows)
        self.rerank()
        return self.hits(
            f"SELECT {self.columns()}, m.score FROM (SELECT id, score FROM {MATCHED} "
            f"ORDER BY score DESC, id {self.limit()}) m "
            f"JOIN {ENTRY_TABLE} e ON e.id = m.id {self.hit_join()} "
            f"ORDER BY m.score DESC, e.id",
            [],
        )

    def rerank(self) -> None:
        """Add the second-stage signals (``search.ranking``) to the best
        ``ranking.DEPTH`` scored entries; the named số ký hiệu stays first,
        the citing tiers (``lift_citing``, before) stay in their order: the
        signals read the scores without them."""
        rows = self.fetch(
            f"SELECT m.id, m.score, e.kind, e.title, e.issuer, e.doc_type, e.year, "
            f"e.code, e.key, e.page_id FROM (SELECT id, score FROM {MATCHED} WHERE score < {CODE_SCORE} "
            f"ORDER BY score DESC, id LIMIT {ranking.DEPTH}) m "
            f"JOIN {ENTRY_TABLE} e ON e.id = m.id",
            [],
        )
        candidates = [
            ranking.Candidate(row[0], shown_score(float(row[1])), *row[2:])
            for row in rows
        ]
        added = ranking.bonuses(
            self.parsed.folded_tokens,
            candidates,
            texts=self.entry_texts,
            asked=self.parsed.asked_terms,
        )
        if added:
            self.add_bonuses(added)

    def entry_texts(self, ids: list[int]) -> dict[int, str]:
        """{entry id: stored body} of these entries: the text the second
        stage's ``proximity`` signal reads for the best candidates."""
        if not ids:
            return {}
        body = self.body_columns.split(",")[0]
        return dict(
            self.fetch(
                f"SELECT e.id, {body} FROM {ENTRY_TABLE} e {self.body_join} "
                f"WHERE e.id IN ({self.marks(ids)})",
                list(ids),
            )
        )

    def add_bonuses(self, added: dict[int, float]) -> None:
        """Add ``added`` ({entry id: bonus}) to the scored entries."""
        self.cur.executemany(
            f"UPDATE {MATCHED} SET score = score + {self.param} WHERE id = {self.param}",
            [(bonus, entry_id) for entry_id, bonus in added.items()],
        )

    def scored_sample_sql(self, expr: str) -> tuple[str, list[Any]] | None:
        """Like ``scored_sql`` for every match in the facet sample (when the
        sample holds them all); None where not supported."""
        return None

    def scored_with_titles_sql(self, expr: str) -> tuple[str, list[Any]] | None:
        """Like ``scored_sql``, plus the newest ``rank_limit`` matches holding
        every query word in their title; None where not supported."""
        return None

    def add_code_rows(self, code_rows: list[dict[str, Any]]) -> None:
        """Score the named document's entries above everything else."""
        marks = ", ".join([self.param] * len(code_rows))
        ids = [row["id"] for row in code_rows]
        scores = dict(
            self.fetch(f"SELECT id, score FROM {MATCHED} WHERE id IN ({marks})", ids)
        )
        doc_first = not code_remainder(self.parsed, code_rows)
        # "98/2023/NĐ-CP điều 5": that Điều of the named document goes first.
        numbers = ranking.named_articles(self.parsed.folded_tokens)

        def first(row: dict[str, Any]) -> float:
            document = doc_first and row["kind"] == "document"
            named = ranking.article_number(row["key"]) in numbers
            return DOCUMENT_FIRST if document or named else 0.0

        values = [
            (row["id"], CODE_SCORE + float(scores.get(row["id"], 0.0)) + first(row))
            for row in code_rows
        ]
        self.cur.executemany(
            f"{self.upsert} {MATCHED} (id, score) VALUES ({self.param}, {self.param})"
            f"{self.upsert_tail}",
            values,
        )

    def page_by_date(self, expr, code_ids, total) -> list[Hit]:
        """Newest first. Few matches (all in the sample): sort them; up to
        ``DATE_SORT_LIMIT``: collect their ids once and walk the date index
        against that set; more: walk the date index testing each entry
        against the full-text match (one page of work when matches are dense).
        """
        if total <= self.facet_horizon:
            return self.hits_by_date(f"e.id IN (SELECT id FROM {SAMPLE})", [])
        if total <= DATE_SORT_LIMIT:
            match, match_params = self.match_ids_sql(expr)
            match = f"e.id IN ({match})"
        else:
            match, match_params = self.match_one_sql(expr)
        condition = f"{self.where_clause()} AND ({match}"
        extra = list(match_params)
        if code_ids:
            condition += f" OR e.id IN ({self.marks(code_ids)})"
            extra += code_ids
        return self.hits_by_date(condition + ")", self.where_params + extra)

    def match_ids_sql(self, expr: str) -> tuple[str, list[Any]]:
        """A SELECT of the ids of the entries matching ``expr`` (unfiltered)."""
        newest, params = self.newest_sql(expr)
        return f"SELECT id FROM ({newest}) m", params

    def hits_by_date(self, where: str, params: list[Any]) -> list[Hit]:
        order = "e.date DESC, e.id DESC"
        return self.hits(
            f"SELECT {self.columns()}, 0 FROM (SELECT e.id FROM {ENTRY_TABLE} e "
            f"WHERE {where} ORDER BY {order} {self.limit()}) p "
            f"JOIN {ENTRY_TABLE} e ON e.id = p.id {self.hit_join()} ORDER BY {order}",
            params,
        )

    # -- facets -----------------------------------------------------------------
    def facets(self) -> dict:
        single, multi = facet_rows_sql(SAMPLE)
        return fold_facets(self.fetch(single, []), self.fetch(multi, []))[0]
