"""Search request bodies built from a parsed query (no I/O), with the client's
own DSL (``opensearchpy`` or ``elasticsearch.dsl``).

The same plan as the database backends: every group of the query (a word, or
a synonym set) matches the folded fields; accented words also match the exact
fields (when ``EXACT_WEIGHT`` is above 0) and adjacent words the word-pair
fields, which only raise the score.
Short queries need every group (the backend retries with any group when that
finds nothing). Entries whose số ký hiệu the query names are pulled in and
boosted to the top; a query naming only a số ký hiệu lifts the documents
citing it next (``citing_queries``); filters never affect the score.
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import Any

from ...codes import CITES_IN_BASIS, CITES_IN_BODY
from ...query import EXACT_WEIGHT, Group, ParsedQuery, bigram
from ...types import SearchQuery, as_list, parse_date

FOLDED_FIELDS = ["code^10", "text"]
EXACT_FIELDS = [f"title^{EXACT_WEIGHT:g}", f"body^{EXACT_WEIGHT:g}"]
BIGRAM_FIELDS = {"text.bigram": 2.0}
WORD_FIELDS = ("text",)
CODE_BOOST = 10_000.0
DOCUMENT_FIRST = 1_000.0
# The citing tiers, in ``CITED_BOOST`` (``codes.citing_tier``): above the
# first-stage score of a query that names only a code, below ``CODE_BOOST``.
CITED_BOOST = 1_000.0
FACET_FIELDS = {
    "type": "doc_type",
    "issuer": "issuer_key",
    "year": "year",
    "field": "fields",
    "status": "status",
    "tag": "tags",
    "kind": "kind",
}
FILTER_FIELDS = {**FACET_FIELDS, "cites": "cites"}
FACET_SIZE = 30
RESULT_WINDOW = 10_000
# What the second stage (``search.ranking``) reads of a candidate.
RANK_FIELDS = ["key", "page_id", "kind", "title", "issuer", "doc_type", "year", "code"]
# What a hit is made of (``reading.EngineReading._hit``): the second stage's
# fields and what the result list shows, the snippet's text included.
HIT_FIELDS = [
    *RANK_FIELDS,
    *("url", "article", "anchor", "date", "status", "body", "legal_basis"),
    *("cites", "cites_basis"),
]


class Builder:
    """Query bodies for one DSL (the module holding ``Q``, ``A`` and ``Search``)."""

    def __init__(self, dsl: ModuleType):
        self.Q, self.A, self.Search = dsl.Q, dsl.A, dsl.Search

    def _alternative(self, phrase: tuple[str, ...]):
        kind = "phrase" if len(phrase) > 1 else "most_fields"
        return self.Q(
            "multi_match", query=" ".join(phrase), fields=FOLDED_FIELDS, type=kind
        )

    def group_query(self, group: Group, pairs: list[str], words: bool = True):
        """Any alternative of the group; exact-accent words and word pairs boost.
        Without ``words`` (a common word) only the word pairs match."""
        Q = self.Q
        should = [self._alternative(alt) for alt in group.alternatives] if words else []
        if group.exact and words:
            should.append(
                Q(
                    "multi_match",
                    query=" ".join(group.exact),
                    fields=EXACT_FIELDS,
                    type="most_fields",
                )
            )
        for pair in pairs:
            should += [
                Q("term", **{field: {"value": pair, "boost": boost}})
                for field, boost in BIGRAM_FIELDS.items()
            ]
        return Q("bool", should=should, minimum_should_match=1) if should else None

    def text_query(
        self,
        parsed: ParsedQuery,
        require_all: bool,
        common: frozenset[int] = frozenset(),
    ):
        """All groups (``require_all``) or any group, plus every quoted phrase.
        In the any-group form the ``common`` groups (indexes) keep only their
        word pairs."""
        pairs = pairs_by_group(parsed)
        groups = [
            self.group_query(g, pairs.get(i, []), require_all or i not in common)
            for i, g in enumerate(parsed.groups)
        ]
        groups = [g for g in groups if g is not None]
        phrases = [self._alternative(p) for p in parsed.phrases]
        if not groups and not phrases:
            return None
        if require_all:
            return self.Q("bool", must=groups + phrases)
        return self.Q(
            "bool",
            should=groups,
            minimum_should_match=1 if groups else 0,
            must=phrases,
        )

    def code_queries(self, code_keys: list[str], document_first: bool) -> list:
        """Boosts that put the entries of the named document first."""
        if not code_keys:
            return []
        Q = self.Q
        named = Q("terms", code_keys=code_keys)
        queries = [Q("constant_score", filter=named, boost=CODE_BOOST)]
        if document_first:
            queries.append(
                Q(
                    "constant_score",
                    boost=DOCUMENT_FIRST,
                    filter=Q("bool", filter=[named, Q("term", kind="document")]),
                )
            )
        return queries

    def citing_queries(self, keys: list[str], code_keys: list[str]) -> list:
        """Boosts that put the documents citing a code (its ``keys``) after
        its own entries (``code_keys``): those citing it in their legal basis
        (``cites_basis``), then those citing it elsewhere (``cites``), as
        ``database.tiers`` lifts them. Only scoring: they match nothing."""
        if not keys:
            return []
        Q = self.Q
        in_basis = Q("terms", cites_basis=keys)
        named = [Q("terms", code_keys=code_keys)] if code_keys else []
        document = Q("term", kind="document")

        def tier(filters: list, excluded: list, boost: float):
            cited = Q("bool", filter=[document, *filters], must_not=named + excluded)
            return Q("constant_score", filter=cited, boost=boost)

        return [
            tier([in_basis], [], CITES_IN_BASIS * CITED_BOOST),
            tier([Q("terms", cites=keys)], [in_basis], CITES_IN_BODY * CITED_BOOST),
        ]

    def filter_queries(self, filters: dict[str, Any], empty_text: bool) -> list:
        """Non-scoring filter clauses of the search."""
        clauses = []
        for name, raw in filters.items():
            if name == "in_force_on":
                day = parse_date(raw)
                if day:
                    clauses += self._in_force(day)
            elif name == "year" and as_list(raw):  # integers: "abc", 10**20 fail
                years = [int(v) for v in as_list(raw) if v.isdecimal() and len(v) < 6]
                clauses.append(self.Q("terms", year=years) if years else ~self.Q())
            elif name in FILTER_FIELDS and as_list(raw):
                clauses.append(self.Q("terms", **{FILTER_FIELDS[name]: as_list(raw)}))
        if empty_text and not filters.get("kind"):
            clauses.append(~self.Q("term", kind="article"))
        return clauses

    def _in_force(self, day: dt.date) -> list:
        """In force on ``day``: the entry's start has come (an entry without
        one is in force on no day) and its expiry day has not (as the
        database backends' ``IN_FORCE_SQL``)."""
        Q, iso = self.Q, day.isoformat()
        return [
            Q("range", effective_date={"lte": iso}),
            ~Q("range", expiry_date={"lte": iso}),
        ]

    def build_search(
        self,
        parsed: ParsedQuery,
        query: SearchQuery,
        *,
        require_all: bool,
        code_keys: list[str],
        document_first: bool,
        common: frozenset[int] = frozenset(),
        window: int = 0,
        citing: list[str] | None = None,
    ):
        """The complete request: query, filters, sort, page, aggregations.
        ``citing``: the keys of the code whose citing documents come next
        (``query.citing_keys``).
        With ``window``, the first ``window`` hits instead of the page (the
        second stage reorders them and cuts the page). Hits come with
        ``HIT_FIELDS`` only; snippets are made from them in Python, as the
        database backends make theirs, so no second request is needed."""
        Q = self.Q
        text = self.text_query(parsed, require_all, common)
        should = ([text] if text else []) + self.code_queries(code_keys, document_first)
        filters = self.filter_queries(query.filters, text is None)
        if should:
            main = Q("bool", should=should, minimum_should_match=1, filter=filters)
        else:
            main = Q("bool", filter=filters)
        tiers = self.citing_queries(citing or [], code_keys)
        if tiers:  # the tiers add to the score of what ``main`` matches
            main = Q("bool", must=[main], should=tiers)
        search = self.Search().query(main).extra(track_total_hits=True)
        if query.sort == "date" or text is None:
            search = search.sort(
                {"date": {"order": "desc", "missing": "_last"}}, "_score", "key"
            )
        else:  # equal scores in a stable order, whatever the index's segments
            search = search.sort("_score", "key")
        if window:
            search = search[0 : min(window, RESULT_WINDOW)]
        else:
            start = page_start(query)
            search = search[start : start + query.per_page]
        for name, field in FACET_FIELDS.items():
            # Buckets with most pages first (ties by key), twice as many as
            # shown: the reader re-sorts ties by label, as the databases do,
            # and cuts.
            agg = self.A(
                "terms",
                field=field,
                size=2 * FACET_SIZE,
                order=[{"pages": "desc"}, {"_key": "asc"}],
            )
            if name == "issuer":
                agg.bucket("label", "terms", field="issuer", size=1)
            # Pages, not entries: a document and its Điều count once (exact
            # below the precision threshold).
            agg.bucket(
                "pages", "cardinality", field="page_id", precision_threshold=3000
            )
            search.aggs.bucket(name, agg)
        if not query.texts:  # read for the shown hits only (``SearchQuery.texts``)
            return search.source([name for name in HIT_FIELDS if name != "body"])
        return search.source(HIT_FIELDS)


def page_start(query: SearchQuery) -> int:
    """Offset of the query's page, kept inside the engine's result window."""
    return max(min(query.offset, RESULT_WINDOW - query.per_page), 0)


def pairs_by_group(parsed: ParsedQuery) -> dict[int, list[str]]:
    """The word pair each one-word group forms with the next group."""
    groups = parsed.groups
    return {
        i: [bigram(groups[i].primary[0], groups[i + 1].primary[0])]
        for i in range(len(groups) - 1)
        if len(groups[i].primary) == 1
    }


def shown_score(score: float) -> float:
    """A hit's score without the số ký hiệu boosts."""
    if score >= CODE_BOOST:
        score -= CODE_BOOST
        if score >= DOCUMENT_FIRST:
            score -= DOCUMENT_FIRST
    return score
