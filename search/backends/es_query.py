"""Elasticsearch query bodies built from a parsed query (no I/O, unit-tested).

The same plan as the database backends: every group of the query (a word, or
a synonym set) matches the folded fields; accented words also match the exact
fields and adjacent words the bigram fields, which only raise the score. Short
queries need every group (the backend retries with any group when that finds
nothing). Entries whose số ký hiệu the query names are pulled in and boosted
to the top; filters never affect the score.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from elasticsearch.dsl import A, Q, Search

from ..query import Group, ParsedQuery
from ..types import STATUS_EXPIRED, STATUS_NOT_YET, SearchQuery
from .sql import as_list, parse_date

FOLDED_FIELDS = ["code^10", "title.folded^6", "legal_basis.folded^2", "body.folded"]
EXACT_FIELDS = ["title^3", "body^0.5"]
BIGRAM_FIELDS = {"title.bigram": 4.0, "body.bigram": 1.0}
CODE_BOOST = 10_000.0
DOCUMENT_FIRST = 1_000.0
AND_MAX_GROUPS = 4
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


def _alternative(phrase: tuple[str, ...]) -> Q:
    kind = "phrase" if len(phrase) > 1 else "most_fields"
    return Q("multi_match", query=" ".join(phrase), fields=FOLDED_FIELDS, type=kind)


def group_query(group: Group, bigrams: list[str]) -> Q:
    """Any alternative of the group; exact-accent words and bigrams boost."""
    should = [_alternative(alt) for alt in group.alternatives]
    if group.exact:
        should.append(
            Q(
                "multi_match",
                query=" ".join(group.exact),
                fields=EXACT_FIELDS,
                type="most_fields",
            )
        )
    for bigram in bigrams:
        should += [
            Q("term", **{field: {"value": bigram, "boost": boost}})
            for field, boost in BIGRAM_FIELDS.items()
        ]
    return Q("bool", should=should, minimum_should_match=1)


def bigrams_by_group(parsed: ParsedQuery) -> dict[int, list[str]]:
    groups = parsed.groups
    return {
        i: [f"{groups[i].primary[0]}_{groups[i + 1].primary[0]}"]
        for i in range(len(groups) - 1)
        if len(groups[i].primary) == 1
    }


def text_query(parsed: ParsedQuery, require_all: bool) -> Q | None:
    """All groups (``require_all``) or any group, plus every quoted phrase."""
    bigrams = bigrams_by_group(parsed)
    groups = [group_query(g, bigrams.get(i, [])) for i, g in enumerate(parsed.groups)]
    phrases = [_alternative(p) for p in parsed.phrases]
    if not groups and not phrases:
        return None
    if require_all:
        return Q("bool", must=groups + phrases)
    return Q(
        "bool", should=groups, minimum_should_match=1 if groups else 0, must=phrases
    )


def code_queries(code_keys: list[str], document_first: bool) -> list[Q]:
    """Boosts that put the entries of the named document first."""
    if not code_keys:
        return []
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


def filter_queries(filters: dict[str, Any], empty_text: bool) -> list[Q]:
    """Non-scoring filter clauses of the search."""
    clauses = []
    for name, raw in filters.items():
        if name == "in_force_on":
            day = parse_date(raw)
            if day:
                clauses += _in_force(day)
        elif name in FILTER_FIELDS and as_list(raw):
            clauses.append(Q("terms", **{FILTER_FIELDS[name]: as_list(raw)}))
    if empty_text and not filters.get("kind"):
        clauses.append(~Q("term", kind="article"))
    return clauses


def _in_force(day: dt.date) -> list[Q]:
    """Same rule as the database backends (``sql.IN_FORCE_SQL``)."""
    iso = day.isoformat()
    return [
        ~Q("range", effective_date={"gt": iso}),
        ~Q("range", expiry_date={"lte": iso}),
        ~Q(
            "bool",
            filter=[Q("term", status=STATUS_EXPIRED)],
            must_not=[Q("exists", field="expiry_date")],
        ),
        ~Q(
            "bool",
            filter=[Q("term", status=STATUS_NOT_YET)],
            must_not=[Q("exists", field="effective_date")],
        ),
    ]


def build_search(
    parsed: ParsedQuery,
    query: SearchQuery,
    *,
    require_all: bool,
    code_keys: list[str],
    document_first: bool,
) -> Search:
    """The complete request: query, filters, sort, page, aggregations, highlight."""
    text = text_query(parsed, require_all)
    should = ([text] if text else []) + code_queries(code_keys, document_first)
    filters = filter_queries(query.filters, text is None)
    if should:
        main = Q("bool", should=should, minimum_should_match=1, filter=filters)
    else:
        main = Q("bool", filter=filters)
    search = Search().query(main).extra(track_total_hits=True)
    if query.sort == "date" or text is None:
        search = search.sort(
            {"date": {"order": "desc", "missing": "_last"}}, "_score", "key"
        )
    start = min(query.offset, 10_000 - query.per_page)
    search = search[max(start, 0) : max(start, 0) + query.per_page]
    for name, field in FACET_FIELDS.items():
        agg = A("terms", field=field, size=FACET_SIZE)
        if name == "issuer":
            agg.bucket("label", "terms", field="issuer", size=1)
        search.aggs.bucket(name, agg)
    return search.highlight_options(
        pre_tags=["<mark>"],
        post_tags=["</mark>"],
        encoder="html",
        fragment_size=240,
        number_of_fragments=1,
        no_match_size=240,
    ).highlight("body.folded", "body")
