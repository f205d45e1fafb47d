"""Ranking on PostgreSQL: FTS5's BM25 computed in SQL.

The score is FTS5's BM25 (``bm25()`` as ``sqlite.py`` calls it). Each part of
the query that is a phrase of the FTS5 expression — a folded word or quoted
phrase, a synonym token, an exact-accent form, a word bigram — contributes

    idf(part) * f * (k1 + 1) / (f + k1 * (1 - b + b * len / avgdl))

with k1 = 1.2, b = 0.75 as in FTS5. ``f`` is the part's frequency weighted by
the SQLite column weights. For a part of one token (nearly all of them) it is
read from the posting table (``postgres_postings``), as are ``len`` (the
entry's number of tokens, all columns, as FTS5 counts it), ``avgdl`` (their
mean over every entry) and the document frequencies: FTS5's own numbers, so
the scores are SQLite's. A phrase of several tokens needs positions: its
``f`` is ``ts_rank_cd`` of the phrase with normalisation 0, which sums the
class weights of its occurrences, each kind of part with its own weight
array (0 for the classes FTS5's column filter leaves out); such a phrase is
counted through the GIN index.

The GIN index over the tsvector selects the matches (candidates) as before;
only their scores come from the posting table.

A question-like query (any word) is matched by its rarest parts and scored
with its commoner ones as well, split as for SQLite (``selective_parts``,
``SqlSearch.split_by_budget``); the selecting parts then count twice, as in
SQLite's ``(selecting) AND (selecting OR scoring-only)``.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from ...query import EXACT_WEIGHT, Group, all_words_first
from . import postgres_postings as postings
from . import tables
from .frequencies import DF_TTL, _df_cache
from .plan import MATCHED, SAMPLE, SqlSearch
from .postgres_match import PostgresMatching
from .sqlite import WEIGHTS

# A lexeme in every tsvector (one position) from which the length is read (see
# ``postgres.tsvector_literal``); no query lexeme can contain "#".
LENGTH_LEXEME = "#len"
# FTS5's BM25 constants (sqlite/ext/fts5/fts5_aux.c).
K1 = 1.2
B = 0.75
# A part that is one lexeme ('tok' or ('tok')): its token.
SINGLE_LEXEME = re.compile(r"\(?'([^']*)'\)?")
# A part of a question: its tsquery and the phrases it scores (tsquery, kind).
Part = tuple[str, list[tuple[str, str]]]
# Weight of each tsvector class (see WEIGHT_OF) for each kind of query part:
# the SQLite column weights of the columns FTS5 matches that part in, 0 for
# the other classes. Class A of the folded words holds the title and the số
# ký hiệu; it takes the title's weight (a số ký hiệu is found by its code key).
CLASS_WEIGHTS = {
    "folded": {"A": WEIGHTS["title"], "B": WEIGHTS["basis"], "C": WEIGHTS["body"]},
    "exact": {"A": WEIGHTS["title_x"], "D": WEIGHTS["body_x"]},
    "bigram": {"A": WEIGHTS["title_bi"], "C": WEIGHTS["body_bi"]},
    "syn": {"C": WEIGHTS["syn"]},
}


# A one-token part's posting frequency times this is its frequency at the
# searched weights: exact-accent forms are stored at a weight of their own.
POSTING_SCALE = {"exact": EXACT_WEIGHT / postings.STORED_EXACT_WEIGHT}


def rank_weights(kind: str) -> tuple[str, float]:
    """(``ts_rank_cd`` weight array {D, C, B, A}, scale) of a kind of part.

    ``ts_rank_cd`` takes weights up to 1, so they are divided by the largest
    and the frequency multiplied back by it (all zero: zeros, scale 0).
    """
    weights = CLASS_WEIGHTS[kind]
    scale = max(weights.values())
    if scale <= 0:
        return "{0, 0, 0, 0}", 0.0
    array = ", ".join(f"{weights.get(c, 0.0) / scale:.9g}" for c in "DCBA")
    return "{" + array + "}", scale


def lexeme(token: str) -> str:
    """A quoted tsvector/tsquery lexeme; tokens are letters/digits/"_" only."""
    return "'" + token.replace("'", "").replace("\\", "") + "'"


def _phrase(tokens: Iterable[str]) -> str:
    return "(" + " <-> ".join(lexeme(t) for t in tokens) + ")"


def group_parts(
    group: Group, bigrams: list[str], lean: bool = False
) -> list[tuple[str, str]]:
    """(tsquery, kind) of each phrase of one group, as in ``sqlite.group_expr``:
    its alternatives, plus the exact-accent and bigram boosts."""
    alternatives = group.alternatives
    parts = []
    if group.synonym:  # phrases of a synonym group are indexed as one token
        parts.append((lexeme(group.synonym), "syn"))
        alternatives = [alt for alt in alternatives if len(alt) == 1]
    parts += [(_phrase(alt), "folded") for alt in alternatives]
    if not lean:
        parts += [(lexeme(t), "exact") for t in group.exact]
        parts += [(lexeme(b), "bigram") for b in bigrams]
    return parts


class PostgresSearch(PostgresMatching, SqlSearch):
    """One query against the PostgreSQL tables."""

    upsert = "INSERT INTO"
    upsert_tail = " ON CONFLICT (id) DO UPDATE SET score = EXCLUDED.score"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Full expression -> its scored parts, (tsquery, kind) -> occurrences.
        self.parts: dict[str, Counter[tuple[str, str]]] = {}
        self.total_entries: int | None = None

    def run(self):
        if self.parsed.phrases:
            self.collect_phrases()
        return super().run()

    # Each statement is a round trip to the server: the temporary tables are
    # created (once per session), emptied and filled in one.
    def create_matched(self) -> None:
        self.cur.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {MATCHED} "
            f"(id BIGINT PRIMARY KEY, score DOUBLE PRECISION NOT NULL) "
            f"ON COMMIT DELETE ROWS; DELETE FROM {MATCHED}"
        )

    def create_sample(self, then: str = "") -> None:
        self.cur.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {SAMPLE} (id BIGINT PRIMARY KEY) "
            f"ON COMMIT DELETE ROWS; DELETE FROM {SAMPLE}{then}"
        )

    def materialize(self, sample: str, params: list[Any]) -> None:
        if params:
            super().materialize(sample, params)
        else:
            self.create_sample(f"; INSERT INTO {SAMPLE} (id) {sample}")

    def expressions(self, lean: bool = False) -> list[str]:
        """All groups, then the any-word form of ``selective_parts`` (as SQLite).

        The scored parts of each full expression are kept in ``self.parts``
        with their number of occurrences: the phrases FTS5 would score for the
        same expression (a word asked twice counts twice, as in FTS5). The
        any-word form matches the entries of its selecting parts only; when
        it has scoring-only parts, the selecting ones count twice, as in
        SQLite's ``(selecting) AND (selecting OR scoring-only)``.
        """
        bigrams_of = self.bigrams_by_group()
        group_parts_ = [
            group_parts(g, bigrams_of.get(i, []), lean)
            for i, g in enumerate(self.parsed.groups)
        ]
        groups = ["(" + " | ".join(q for q, _ in p) + ")" for p in group_parts_]
        phrases = [(_phrase(p), "folded") for p in self.parsed.phrases]
        phrase_queries = [q for q, _ in phrases]
        tries: list[tuple[str, Counter[tuple[str, str]]]] = []
        if groups and all_words_first(self.parsed):
            unquoted = self.unquoted_groups()
            tries.append(
                (
                    " & ".join([groups[i] for i in unquoted] + phrase_queries),
                    Counter([p for i in unquoted for p in group_parts_[i]] + phrases),
                )
            )
        selecting, others = self.selective_parts(bigrams_of, lean)
        any_word = (
            ["(" + " | ".join(q for q, _ in selecting) + ")"] if selecting else []
        )
        counted = Counter(phrases)
        for _, parts in selecting:
            counted.update(parts * (2 if others else 1))
        for _, parts in others:
            counted.update(parts)
        tries.append((" & ".join(any_word + phrase_queries), counted))
        if not lean:
            self.parts = dict(tries)
        return [expr for expr, _ in tries]

    def selective_parts(
        self, bigrams_of: dict[int, list[str]], lean: bool
    ) -> tuple[list[Part], list[Part]]:
        """(selecting, scoring-only) parts of the any-word expression, each a
        (tsquery, its scored phrases): the informative words (with their
        exact-accent boosts) and the query bigrams, split by their document
        frequencies as in ``sqlite._Search.selective_parts``
        (``SqlSearch.question_parts``)."""

        def part(phrases: list[tuple[str, str]]) -> Part:
            return "(" + " | ".join(q for q, _ in phrases) + ")", phrases

        return self.question_parts(
            bigrams_of,
            lambda group: part(group_parts(group, [], lean)),
            lambda bigram: part([(lexeme(bigram), "bigram")]),
        )

    def add_bonuses(self, added: dict[int, float]) -> None:
        """One UPDATE for all the second-stage bonuses."""
        values = ", ".join(["(%s::bigint, %s::float8)"] * len(added))
        self.cur.execute(
            f"UPDATE {MATCHED} m SET score = m.score + v.bonus FROM (VALUES {values}) "
            f"v(id, bonus) WHERE m.id = v.id",
            [value for item in added.items() for value in item],
        )

    def scored_sql(self, expr: str) -> tuple[str, list[Any]]:
        """FTS5's BM25 of the newest ``rank_limit`` filtered matches."""
        candidates = self.newest_matches(expr, int(self.rank_limit))
        return self.exact_sql(candidates, *self.counted_idfs(expr))

    def counted_idfs(self, expr: str):
        counted = self.parts.get(expr) or Counter([(expr, "folded")])
        idfs = dict(zip(counted, self.part_idfs([q for q, _ in counted]), strict=True))
        return counted, idfs

    def scored_sample_sql(self, expr: str) -> tuple[str, list[Any]]:
        """BM25 of every match in the facet sample (which holds them all)."""
        return self.exact_sql(
            (f"SELECT id FROM {SAMPLE}", []), *self.counted_idfs(expr)
        )

    def scored_with_titles_sql(self, expr: str) -> tuple[str, list[Any]]:
        """BM25 of the matches newer than the ``rank_limit``-th newest (read
        off the facet sample) or among the newest ``rank_limit`` holding every
        query word in their title (class A, read from ``head``), as SQLite's
        title step."""
        limit = int(self.rank_limit)
        in_titles = " & ".join(
            "("
            + " | ".join(
                "(" + " <-> ".join(f"{lexeme(t)}:A" for t in alt) + ")"
                for alt in g.alternatives
            )
            + ")"
            for g in self.parsed.groups
        )
        boundary = (
            f"SELECT id FROM {SAMPLE} ORDER BY id DESC LIMIT 1 OFFSET {limit - 1}"
        )
        match, params = self.doc_match(expr)
        candidates = (
            f"SELECT e.id FROM {tables.ENTRY_TABLE} e WHERE {match} "
            f"AND {self.where_clause()} AND (e.id >= ({boundary}) OR e.id IN ("
            f"SELECT t.id FROM (SELECT t.id FROM {tables.ENTRY_TABLE} t "
            f"WHERE t.head @@ %s::tsquery OFFSET 0) t ORDER BY t.id DESC "
            f"LIMIT {limit}))"
        )
        params = [*params, *self.where_params, in_titles]
        return self.exact_sql((candidates, params), *self.counted_idfs(expr))

    def exact_sql(
        self,
        candidates: tuple[str, list[Any]],
        counted: Counter[tuple[str, str]],
        idfs: dict[tuple[str, str], float],
    ) -> tuple[str, list[Any]]:
        """(id, score): FTS5's BM25 of the ``candidates`` (ids).

        A part that is one token reads its weighted frequencies from the
        posting rows of the candidates' blocks (``postgres_postings``), as
        FTS5 reads its doclists; the length term comes from the rows of
        LENGTH_TOKEN (``k``: one row per candidate, which also keeps the
        other entries of those blocks out of the sums before they are
        computed). A phrase of several tokens is read from the candidate's
        tsvector (``ts_rank_cd`` with the part's class weights, positions
        needed). An entry's score is the sum over parts of
        ``idf * occurrences * f * (k1 + 1) / (f + k)``.
        """
        avgdl = self.average_length()
        factors: dict[str, float] = defaultdict(float)
        scales: dict[str, float] = {}
        phrases = []
        for (query, kind), count in counted.items():
            factor = idfs[(query, kind)] * count * (K1 + 1)
            single = SINGLE_LEXEME.fullmatch(query)
            if single:
                factors[single[1]] += factor
                scales[single[1]] = POSTING_SCALE.get(kind, 1.0)
            else:
                phrases.append((query, kind, factor))
        statement, params = candidates
        block = f"c.id >> {postings.BLOCK_BITS}"
        norm = f"{K1:g} * ({1 - B:g} + {B:g} * u.f / {avgdl:.9g})"
        ctes = [
            f"c AS MATERIALIZED ({statement})",
            f"b AS MATERIALIZED (SELECT DISTINCT {block} AS block FROM c)",
            f"k AS MATERIALIZED (SELECT u.id, {norm} AS k FROM b "
            f"JOIN {postings.POSTING_TABLE} p ON p.token = %s AND p.block = b.block "
            f"CROSS JOIN LATERAL unnest(p.ids, p.fs) u(id, f) "
            f"WHERE u.id IN (SELECT id FROM c))",
        ]
        params = [*params, postings.LENGTH_TOKEN]
        sums = []
        if factors:
            values = ", ".join(["(%s, %s::float8, %s::float8)"] * len(factors))
            ctes.append(
                f"s AS (SELECT u.id, "
                f"SUM(w.factor * w.r * u.f / (w.r * u.f + k.k)) AS score "
                f"FROM (VALUES {values}) w(token, factor, r) "
                f"JOIN {postings.POSTING_TABLE} p ON p.token = w.token "
                f"JOIN b ON p.block = b.block "
                f"CROSS JOIN LATERAL unnest(p.ids, p.fs) u(id, f) "
                f"JOIN k ON k.id = u.id GROUP BY u.id)"
            )
            params += [v for t, f in factors.items() for v in (t, f, scales[t])]
            sums.append("s")
        if phrases:
            ctes.append(self.phrase_cte(phrases))
            params += [query for query, _, _ in phrases]
            sums.append("x")
        score = " + ".join(f"COALESCE({name}.score, 0)" for name in sums) or "0"
        joins = " ".join(f"LEFT JOIN {n} ON {n}.id = c.id" for n in sums)
        return (
            f"WITH {', '.join(ctes)} SELECT c.id, {score} FROM c {joins}",
            params,
        )

    @staticmethod
    def phrase_cte(phrases: list[tuple[str, str, float]]) -> str:
        """The CTE ``x`` (id, score) of the parts of several tokens, read
        from the candidates' tsvectors; ``OFFSET 0`` keeps each frequency
        computed once."""
        frequencies, terms = [], []
        for i, (_, kind, factor) in enumerate(phrases):
            weights, scale = rank_weights(kind)
            frequencies.append(
                f"{scale:.6g} * ts_rank_cd('{weights}', e.doc, %s::tsquery, 0) AS f{i}"
            )
            terms.append(f"{factor:.9g} * t.f{i} / (t.f{i} + t.k)")
        return (
            f"x AS (SELECT t.id, ({' + '.join(terms)}) AS score FROM ("
            f"SELECT e.id, {', '.join(frequencies)}, COALESCE(k.k, {K1:g}) AS k "
            f"FROM {tables.ENTRY_TABLE} e LEFT JOIN k ON k.id = e.id "
            f"WHERE e.id IN (SELECT id FROM c) OFFSET 0) t)"
        )

    def part_idfs(self, parts: list[str]) -> list[float]:
        """FTS5's IDF of each tsquery, ``log((N - n + 0.5) / (n + 0.5))``, at
        least 1e-6 (``fts5_aux.c``). A part of one token takes its exact
        count from the posting table (``cached_frequencies``); a phrase is
        counted through the GIN index, up to ceil(N / 2), where the IDF is
        already the floor (cached for DF_TTL)."""
        total = self.count_entries()
        singles = {p: m[1] for p in parts if (m := SINGLE_LEXEME.fullmatch(p))}
        df, _ = self.cached_frequencies(sorted(set(singles.values())))
        cap = max((total + 1) // 2, 1)
        now = time.monotonic()
        idfs = []
        for part in parts:
            if part in singles:
                n = df.get(singles[part], 0)
            else:
                key = ("postgres-part", part)
                cached = _df_cache.get(key)
                if not (cached and now - cached[0] < DF_TTL and cached[2] == total):
                    count = self.count_matches(part, cap)
                    cached = _df_cache[key] = (now, count, total)
                n = cached[1]
            idfs.append(max(math.log((total - n + 0.5) / (n + 0.5)), 1e-6))
        return idfs

    def average_length(self) -> float:
        """Mean number of tokens of an entry (FTS5's avgdl), from the posting
        rows of LENGTH_TOKEN; cached as the document frequencies are."""
        total = self.count_entries()
        key = ("postgres-length", "")
        cached = _df_cache.get(key)
        if cached and time.monotonic() - cached[0] < DF_TTL and cached[2] == total:
            return cached[1]
        average = self.fetch(
            f"SELECT AVG(u.f) FROM {postings.POSTING_TABLE} p, unnest(p.fs) u(f) "
            f"WHERE p.token = %s",
            [postings.LENGTH_TOKEN],
        )[0][0]
        average = float(average) if average else 1.0
        _df_cache[key] = (time.monotonic(), average, total)
        return average

    def count_entries(self) -> int:
        """Number of entries (read off the length rows), cached as the
        document frequencies are (any write clears them)."""
        if self.total_entries is None:
            key, now = ("postgres-total", ""), time.monotonic()
            cached = _df_cache.get(key)
            if not (cached and now - cached[0] < DF_TTL):
                total = self.fetch(
                    f"SELECT COALESCE(SUM(n), 0) FROM {postings.POSTING_TABLE} "
                    f"WHERE token = %s",
                    [postings.LENGTH_TOKEN],
                )[0][0]
                cached = _df_cache[key] = (now, int(total), int(total))
            self.total_entries = cached[1]
        return self.total_entries

    def document_frequencies(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        """Entries holding each token: the sums of ``n`` of its posting rows
        (one index range per token, the arrays are not read)."""
        total = self.count_entries()
        if not tokens:
            return {}, total
        rows = self.fetch(
            f"SELECT token, SUM(n) FROM {postings.POSTING_TABLE} "
            f"WHERE token = ANY(%s::text[]) GROUP BY token",
            [list(tokens)],
        )
        return {token: int(n) for token, n in rows}, total
