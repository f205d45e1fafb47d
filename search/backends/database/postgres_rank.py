"""Ranking on PostgreSQL: FTS5's BM25 computed in SQL from the tsvector.

The score is FTS5's BM25 (``bm25()`` as ``sqlite.py`` calls it), computed
from parts of the tsvector. Each part of the query that is a phrase of the FTS5
expression — a folded word or quoted phrase, a synonym token, an exact-accent
form, a word bigram — contributes

    idf(part) * f * (k1 + 1) / (f + k1 * (1 - b + b * len / avgdl))

with k1 = 1.2, b = 0.75 as in FTS5. ``f`` is the part's frequency weighted by
the SQLite column weights: ``ts_rank_cd`` of a single lexeme (or phrase) with
normalisation 0 sums the class weights of its occurrences, and each kind of
part gets its own weight array, with 0 for the classes FTS5's column filter
leaves out. ``len`` is the entry's number of tokens (all columns, as FTS5
counts it), read as ``1 / ts_rank_cd(doc, LENGTH_LEXEME, 2) - 1`` — the
positions of the tsvector but the one of a lexeme no query can contain;
``avgdl`` is its mean over the newest LENGTH_SAMPLE entries. An index written
before the length lexeme existed ranks without length normalisation until
``rebuild_search_index``. Document frequencies are counted (and capped)
through the GIN index and cached.

A question-like query (any word) is matched by its rarest parts and scored
with its commoner ones as well, split as for SQLite (``selective_parts``,
``SqlSearch.split_by_budget``); the selecting parts then count twice, as in
SQLite's ``(selecting) AND (selecting OR scoring-only)``.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ...query import Group
from . import tables
from .frequencies import DF_TTL, _df_cache
from .plan import MATCHED, SAMPLE, SqlSearch
from .sqlite import WEIGHTS

AND_MAX_GROUPS = 4
# A lexeme in every tsvector (one position) from which the length is read (see
# ``postgres.tsvector_literal``); no query lexeme can contain "#".
LENGTH_LEXEME = "#len"
# Tokens of the entry (its positions but the length lexeme's), NULL without it;
# ``ts_rank_cd`` with normalisation 2 divides by the number of positions.
LENGTH_SQL = "1.0 / NULLIF(ts_rank_cd('{{1, 1, 1, 1}}', {doc}, %s::tsquery, 2), 0) - 1"
# FTS5's BM25 constants (sqlite/ext/fts5/fts5_aux.c).
K1 = 1.2
B = 0.75
LENGTH_SAMPLE = 5000
# From this many parts on, a row's tsvector is decompressed once and copied
# rather than once per ts_rank_cd call (measured faster from about 8 on).
COPY_MIN_PARTS = 8
# Beyond this many candidates, only the best by a cheap bound (see
# ``pruned_sql``) get the exact BM25; the others score 0.
EXACT_KEEP = 500
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


def rank_weights(kind: str) -> tuple[str, float]:
    """(``ts_rank_cd`` weight array {D, C, B, A}, scale) of a kind of part.

    ``ts_rank_cd`` takes weights up to 1, so they are divided by the largest
    and the frequency multiplied back by it.
    """
    weights = CLASS_WEIGHTS[kind]
    scale = max(weights.values())
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


class PostgresSearch(SqlSearch):
    """One query against the PostgreSQL tables."""

    upsert = "INSERT INTO"
    upsert_tail = " ON CONFLICT (id) DO UPDATE SET score = EXCLUDED.score"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Full expression -> its scored parts, (tsquery, kind) -> occurrences.
        self.parts: dict[str, Counter[tuple[str, str]]] = {}
        # Any-word expression -> (its selecting tsquery, each of its groups and
        # bigrams with the phrases it scores), for the bound of ``pruned_sql``.
        self.bound_parts: dict[str, tuple[str, list[Part]]] = {}
        self.total_entries: int | None = None

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
        if groups and len(groups) <= AND_MAX_GROUPS:
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
            if any_word:
                self.bound_parts = {tries[-1][0]: (any_word[0], selecting + others)}
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

    def newest_sql(self, expr: str) -> tuple[str, list[Any]]:
        return (
            f"SELECT e.id FROM {tables.ENTRY_TABLE} e WHERE e.doc @@ %s::tsquery "
            f"AND {self.where_clause()} ORDER BY e.id DESC",
            [expr, *self.where_params],
        )

    def count_sql(self, expr: str) -> tuple[str, list[Any]]:
        return (
            f"SELECT COUNT(*) FROM {tables.ENTRY_TABLE} e WHERE e.doc @@ %s::tsquery "
            f"AND {self.where_clause()}",
            [expr, *self.where_params],
        )

    def match_one_sql(self, expr: str) -> tuple[str, list[Any]]:
        return "e.doc @@ %s::tsquery", [expr]

    def scored_sql(self, expr: str) -> tuple[str, list[Any]]:
        """FTS5's BM25 of the newest ``rank_limit`` filtered matches (of the
        best EXACT_KEEP of them by a cheap bound for a question, see
        ``pruned_sql``)."""
        counted = self.parts.get(expr) or Counter([(expr, "folded")])
        idfs = dict(zip(counted, self.part_idfs([q for q, _ in counted]), strict=True))
        candidates = (
            f"SELECT e.id FROM {tables.ENTRY_TABLE} e "
            f"WHERE e.doc @@ %s::tsquery AND {self.where_clause()} "
            f"ORDER BY e.id DESC LIMIT {int(self.rank_limit)}"
        )
        params = [expr, *self.where_params]
        if expr in self.bound_parts and self.rank_limit > EXACT_KEEP:
            return self.pruned_sql(expr, (candidates, params), counted, idfs)
        return self.exact_sql((candidates, params), counted, idfs)

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
        query word in their title (class A), as SQLite's title step."""
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
        candidates = (
            f"SELECT e.id FROM {tables.ENTRY_TABLE} e WHERE e.doc @@ %s::tsquery "
            f"AND {self.where_clause()} AND (e.id >= ({boundary}) OR e.id IN ("
            f"SELECT t.id FROM {tables.ENTRY_TABLE} t WHERE t.doc @@ %s::tsquery "
            f"ORDER BY t.id DESC LIMIT {limit}))"
        )
        params = [expr, *self.where_params, in_titles]
        return self.exact_sql((candidates, params), *self.counted_idfs(expr))

    def pruned_sql(
        self,
        expr: str,
        candidates: tuple[str, list[Any]],
        counted: Counter[tuple[str, str]],
        idfs: dict[tuple[str, str], float],
    ) -> tuple[str, list[Any]]:
        """BM25 of the EXACT_KEEP candidates with the highest bound, 0 for
        the others (all candidates stay in the result: total and facets).

        The bound of a candidate is the sum, over the question's groups and
        bigrams it holds, of their phrases' IDF times occurrences (BM25 with
        every frequency 1 and average length). Which candidate holds which
        group is read from the GIN index (``doc @@ group & selecting``), so
        only the kept candidates' tsvectors are read. With at most EXACT_KEEP
        candidates every one is kept and the scores are those of
        ``exact_sql``.
        """
        selecting, bound_parts = self.bound_parts[expr]
        scans, scan_params = [], []
        for query, phrases in bound_parts:
            weight = sum(idfs[p] * counted[p] for p in phrases if p in idfs)
            scans.append(
                f"SELECT id, {weight:.6g}::float8 AS w FROM {tables.ENTRY_TABLE} "
                f"WHERE doc @@ %s::tsquery"
            )
            scan_params.append(f"({query}) & {selecting}")
        kept = (
            f"SELECT e.id FROM {tables.ENTRY_TABLE} e WHERE e.id IN ("
            f"SELECT c.id FROM c LEFT JOIN (SELECT p.id, SUM(p.w) AS bound FROM ("
            f"{' UNION ALL '.join(scans)}) p GROUP BY p.id) b ON b.id = c.id "
            f"ORDER BY b.bound DESC NULLS LAST, c.id DESC LIMIT {EXACT_KEEP})"
        )
        exact, exact_params = self.exact_sql((kept, scan_params), counted, idfs)
        statement, params = candidates
        return (
            f"WITH c AS MATERIALIZED ({statement}) "
            f"SELECT c.id, COALESCE(x.score, 0) FROM c LEFT JOIN ({exact}) x "
            f"ON x.id = c.id",
            [*params, *exact_params],
        )

    def exact_sql(
        self,
        candidates: tuple[str, list[Any]],
        counted: Counter[tuple[str, str]],
        idfs: dict[tuple[str, str], float],
    ) -> tuple[str, list[Any]]:
        """(id, score): FTS5's BM25 of the ``candidates`` (ids).

        Innermost: the candidates' tsvectors. Next: with many parts, each
        tsvector is copied once (``|| ''``), so the ``ts_rank_cd`` calls of a
        row do not each decompress it. Next: the weighted frequency of every
        part and the length term. Outermost: the BM25 sum. ``OFFSET 0`` keeps
        each level a subquery, so no expression is computed twice.
        """
        parts = list(counted)
        avgdl = self.average_length()
        frequencies, terms = [], []
        for i, (query, kind) in enumerate(parts):
            weights, scale = rank_weights(kind)
            frequencies.append(
                f"{scale:.6g} * ts_rank_cd('{weights}', s.doc, %s::tsquery, 0) AS f{i}"
            )
            factor = idfs[(query, kind)] * counted[(query, kind)] * (K1 + 1)
            terms.append(f"{factor:.6g} * t.f{i} / (t.f{i} + t.k)")
        length = f"COALESCE({LENGTH_SQL.format(doc='s.doc')}, {avgdl:.6g})"
        norm = f"{K1:g} * ({1 - B:g} + {B:g} * {length} / {avgdl:.6g})"
        copy = " || ''::tsvector" if len(parts) >= COPY_MIN_PARTS else ""
        statement, params = candidates
        return (
            f"SELECT t.id, ({' + '.join(terms)}) AS score FROM ("
            f"SELECT s.id, {', '.join(frequencies)}, {norm} AS k FROM ("
            f"SELECT e.id, e.doc{copy} AS doc FROM {tables.ENTRY_TABLE} e "
            f"WHERE e.id IN ({statement}) OFFSET 0) s OFFSET 0) t",
            [*(query for query, _ in parts), lexeme(LENGTH_LEXEME), *params],
        )

    def part_idfs(self, parts: list[str]) -> list[float]:
        """FTS5's IDF of each tsquery, document frequencies cached (DF_TTL).

        ``log((N - n + 0.5) / (n + 0.5))``, at least 1e-6 (``fts5_aux.c``): a
        part in half the entries or more adds (almost) nothing, so counting
        stops there: at ceil(N / 2) the IDF is already the floor. A part of
        one lexeme takes its token's count when there is one (``counted_token``).
        """
        total = self.count_entries()
        cap = max((total + 1) // 2, 1)
        now = time.monotonic()
        idfs = []
        for part in parts:
            key = ("postgres-part", part)
            cached = _df_cache.get(key)
            if not (cached and now - cached[0] < DF_TTL and cached[2] == total):
                df = self.counted_token(part, cap, total)
                if df is None:
                    df = self.count_matches(part, cap)
                cached = _df_cache[key] = (now, df, total)
            df = cached[1]
            idfs.append(max(math.log((total - df + 0.5) / (df + 0.5)), 1e-6))
        return idfs

    def counted_token(self, part: str, cap: int, total: int) -> int | None:
        """The count up to ``cap`` of a single-lexeme part, from the fresh
        count of its token by ``document_frequencies`` when that tells it
        (below that count's cap, or with a cap as high); else None."""
        match = SINGLE_LEXEME.fullmatch(part)
        cached = match and _df_cache.get((type(self).__module__, match[1]))
        if not cached or time.monotonic() - cached[0] >= DF_TTL or cached[2] != total:
            return None
        token_cap = self.token_cap(total)
        return (
            min(cached[1], cap) if cached[1] < token_cap or token_cap >= cap else None
        )

    def average_length(self) -> float:
        """Mean tsvector length of the newest LENGTH_SAMPLE entries (cached).

        1.0 when no entry has the length lexeme (an index built before it).
        """
        total = self.count_entries()
        key = ("postgres-length", "")
        cached = _df_cache.get(key)
        if cached and time.monotonic() - cached[0] < DF_TTL and cached[2] == total:
            return cached[1]
        average = self.fetch(
            f"SELECT AVG({LENGTH_SQL.format(doc='s.doc')}) FROM (SELECT doc "
            f"FROM {tables.ENTRY_TABLE} ORDER BY id DESC LIMIT {LENGTH_SAMPLE}) s",
            [lexeme(LENGTH_LEXEME)],
        )[0][0]
        average = float(average) if average else 1.0
        _df_cache[key] = (time.monotonic(), average, total)
        return average

    def count_entries(self) -> int:
        """Number of entries, counted once per search."""
        if self.total_entries is None:
            self.total_entries = self.fetch(
                f"SELECT COUNT(*) FROM {tables.ENTRY_TABLE}", []
            )[0][0]
        return self.total_entries

    def document_frequencies(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        """Entries holding each token, counted through the GIN index up to the
        larger of the common-word limit and ``scoring_budget`` (plus one):
        beyond both, a token is neither informative nor within a budget of
        ``split_by_budget``, so counting further would change nothing."""
        total = self.count_entries()
        cap = self.token_cap(total)
        return {
            token: self.count_matches(lexeme(token), cap) for token in tokens
        }, total

    def token_cap(self, total: int) -> int:
        return max(int(total * self.common_ratio), self.scoring_budget) + 1

    def count_matches(self, query: str, cap: int) -> int:
        """Entries matching a tsquery, counted up to ``cap`` through the GIN
        index: the planner takes ``@@`` for cheap and would read a common
        word's entries by a sequential scan, decompressing every tsvector
        (about 10 times slower at 100k entries)."""
        self.cur.execute("SET LOCAL enable_seqscan = off")
        try:
            return self.fetch(
                f"SELECT COUNT(*) FROM (SELECT 1 FROM {tables.ENTRY_TABLE} "
                f"WHERE doc @@ %s::tsquery LIMIT {cap}) s",
                [query],
            )[0][0]
        finally:
            self.cur.execute("SET LOCAL enable_seqscan = on")
