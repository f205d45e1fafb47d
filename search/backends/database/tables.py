"""Pieces shared by the two database backends (SQLite FTS5 and PostgreSQL).

Both keep a plain table of entries (display fields + single-valued facets), a
table of multi-valued terms (fields, tags, cites, the cites of the legal
basis, code lookup keys) and their
own full-text structure. Filters, facets and the số ký hiệu group are built the
same way; only the full-text match and its score differ.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from documents.text import fold, index_tokens, words

from ...query import ParsedQuery, bigrams
from ...snippets import make_snippet
from ...synonyms import index_tokens as index_synonyms
from ...types import (
    FACET_NAMES,
    Hit,
    IndexEntry,
    as_list,
    parse_date,
)

ENTRY_TABLE = "portal_search_entry"
TERM_TABLE = "portal_search_term"
# Single-valued facets: facet name → column of the entry table.
COLUMNS = {
    "type": "doc_type",
    "issuer": "issuer",
    "year": "year",
    "status": "status",
    "kind": "kind",
}
# Multi-valued facets/filters stored in the term table.
TERMS = {"field": "fields", "tag": "tags", "cites": "cites"}
ENTRY_FIELDS = (
    "key",
    "page_id",
    "kind",
    "title",
    "url",
    "code",
    "article",
    "anchor",
    "legal_basis",
    "body",
    "doc_type",
    "issuer",
    "issuer_id",
    "year",
    "date",
    "status",
    "effective_date",
    "expiry_date",
)
# The entry columns a hit is made of (``make_hit``), with the entry's id.
HIT_FIELDS = (
    "id",
    *(
        f
        for f in ENTRY_FIELDS
        if f not in ("issuer_id", "year", "effective_date", "expiry_date")
    ),
)
# The hit fields copied as they are from the row.
COPIED_HIT_FIELDS = tuple(
    f for f in HIT_FIELDS if f not in ("id", "date", "body", "legal_basis")
)
FACET_LIMIT = 30


def entry_row(entry: IndexEntry) -> list[Any]:
    """Values of ENTRY_FIELDS for ``entry`` (dates as ISO strings)."""
    row = []
    for name in ENTRY_FIELDS:
        value = getattr(entry, name)
        if name == "year":
            value = entry.facet_year
        if isinstance(value, dt.date):
            value = value.isoformat()
        row.append(value)
    return row


def term_rows(entry: IndexEntry) -> list[tuple[str, str]]:
    """(name, value) pairs of the multi-valued terms of ``entry``."""
    rows = [
        (name, str(v)) for name, attr in TERMS.items() for v in getattr(entry, attr)
    ]
    rows += [("cites_basis", key) for key in entry.cites_basis]
    rows += [("code", key) for key in entry.code_keys]
    return list(dict.fromkeys(rows))


def text_columns(entry: IndexEntry) -> dict[str, str]:
    """The token strings indexed for ``entry``: folded, exact and bigram forms."""
    title_x, title_f = index_tokens(entry.title)
    body_x, body_f = index_tokens(entry.body)
    _, basis_f = index_tokens(entry.legal_basis)
    code_f = [fold(w) for w in words(entry.code)]
    synonym_tokens = [
        token
        for tokens in (code_f, title_f, basis_f, body_f)
        for token in index_synonyms(tokens)
    ]
    return {
        "code": " ".join(code_f),
        "title": " ".join(title_f),
        "basis": " ".join(basis_f),
        "body": " ".join(body_f),
        "title_x": " ".join(title_x),
        "body_x": " ".join(body_x),
        "title_bi": " ".join(bigrams(title_f)),
        "body_bi": " ".join(bigrams(body_f)),
        "syn": " ".join(synonym_tokens),
    }


def make_hit(row: dict[str, Any], score: float, parsed: ParsedQuery) -> Hit:
    """A Hit from an entry row; the snippet is computed in Python when read."""
    source = row["body"] or row["legal_basis"] or row["title"]
    hit = Hit(
        **{name: row[name] for name in COPIED_HIT_FIELDS},
        score=round(float(score), 4),
        date=parse_date(row["date"]),
    )
    hit.defer_snippet(partial(make_snippet, source, parsed.highlight_terms))
    return hit


# In force on a day: the entry's start (``effective_date``, the day from which
# the pages list the document as in force: ``pages.validity.indexed_start``,
# which search/ cannot import) has come and its expiry day has not. An entry
# without a start is in force on no day: a document whose start is unknown,
# or whose stored status keeps it out of force, and every entry that is no
# document (news, exemplars). The status column plays no part: it is the
# status on the day the entry was indexed (for the facet), and ``in_force_on``
# asks about any day. tests/search/test_in_force_sql.py checks it against
# ``pages.validity.is_in_force_on`` (the engine's ``_in_force`` is the same).
IN_FORCE_SQL = (
    "e.effective_date IS NOT NULL AND e.effective_date <= %s AND "
    "(e.expiry_date IS NULL OR e.expiry_date > %s)"
)


def filter_sql(filters: dict[str, Any], param: str) -> tuple[list[str], list[Any]]:
    """WHERE fragments (on alias ``e``) and parameters for ``filters``.

    ``param`` is the placeholder style of the database ("?" or "%s").
    """
    clauses: list[str] = []
    params: list[Any] = []
    for name, raw in filters.items():
        if name == "in_force_on":
            day = parse_date(raw)
            if day:
                clauses.append(IN_FORCE_SQL.replace("%s", param))
                params += [day.isoformat()] * 2
            continue
        values = as_list(raw)
        if not values:
            continue
        marks = ", ".join([param] * len(values))
        if name in COLUMNS:
            column, values = _column_filter(name, values)
            if not values:
                clauses.append("1 = 0")
                continue
            marks = ", ".join([param] * len(values))
            clauses.append(f"{column} IN ({marks})")
        elif name in TERMS:
            clauses.append(
                f"e.id IN (SELECT entry_id FROM {TERM_TABLE} "
                f"WHERE name = {param} AND value IN ({marks}))"
            )
            values = [name, *values]
        else:
            continue
        params += values
    return clauses, params


def _column_filter(name: str, values: list[str]) -> tuple[str, list[Any]]:
    if name == "year":
        return "e.year", [int(v) for v in values if v.isdecimal() and len(v) < 6]
    if name == "issuer" and all(v.isdecimal() for v in values):
        return "e.issuer_id", [int(v) for v in values if len(v) < 12]
    return f"e.{COLUMNS[name]}", values


def facet_rows_sql(sample_table: str, by_ids: bool = False) -> tuple[str, str]:
    """Two GROUP BY statements counting every facet over the ids in a table.

    They count pages, not entries: a document and its Điều are one result
    of the grouped listing (``search.grouping``), so they count once. The
    first groups by all single-valued facet columns at once, a Điều under
    its document's kind, and counts the pages, those of which a Điều matched
    and those whose own entry did (the ``kind`` facet's "article" and
    others); the second counts fields and tags. Both are driven from the
    (small) id table, written as CROSS JOIN so SQLite keeps that order, or
    (``by_ids``) as an array of its ids looked up in the index, which
    PostgreSQL always does. ``fold_facets`` folds the groups into facets in
    Python.
    """
    if by_ids:
        ids = f"ARRAY(SELECT id FROM {sample_table})"
        entries = f"{ENTRY_TABLE} e WHERE e.id = ANY({ids})"
        terms = (
            f"{TERM_TABLE} t JOIN {ENTRY_TABLE} e ON e.id = t.entry_id "
            f"WHERE t.entry_id = ANY({ids})"
        )
    else:
        entries = f"{sample_table} s CROSS JOIN {ENTRY_TABLE} e WHERE e.id = s.id"
        terms = (
            f"{sample_table} s CROSS JOIN {TERM_TABLE} t CROSS JOIN {ENTRY_TABLE} e "
            f"WHERE t.entry_id = s.id AND e.id = t.entry_id"
        )
    single = (
        f"SELECT e.doc_type, COALESCE(CAST(e.issuer_id AS TEXT), e.issuer), "
        f"e.issuer, e.year, e.status, "
        f"CASE e.kind WHEN 'article' THEN 'document' ELSE e.kind END, "
        f"COUNT(DISTINCT e.page_id), "
        f"COUNT(DISTINCT CASE WHEN e.kind = 'article' THEN e.page_id END), "
        f"COUNT(DISTINCT CASE WHEN e.kind <> 'article' THEN e.page_id END) "
        f"FROM {entries} GROUP BY 1, 2, 3, 4, 5, 6"
    )
    multi = (
        f"SELECT t.name, t.value, COUNT(DISTINCT e.page_id) FROM {terms} "
        f"AND t.name IN ('field', 'tag') GROUP BY 1, 2"
    )
    return single, multi


def fold_facets(single: list[tuple], multi: list[tuple]) -> tuple[dict, int]:
    """(facets, pages) from the rows of ``facet_rows_sql``."""
    counts: dict[str, dict[str, list]] = {name: {} for name in FACET_NAMES}
    total = 0
    for row in single:
        doc_type, issuer_key, issuer, year, status, kind, pages, of_articles, own = row
        total += pages
        for name, value, label, count in (
            ("type", doc_type, doc_type, pages),
            ("issuer", issuer_key, issuer, pages),
            ("year", year, year, pages),
            ("status", status, status, pages),
            ("kind", kind, kind, own),
            ("kind", "article", "article", of_articles),
        ):
            if value not in (None, "") and count:
                slot = counts[name].setdefault(str(value), [str(label), 0])
                slot[1] += count
    for name, value, count in multi:
        counts[name][value] = [value, count]
    facets = {
        name: sorted(
            ((value, label, count) for value, (label, count) in values.items()),
            key=lambda item: (-item[2], item[1]),
        )[:FACET_LIMIT]
        for name, values in counts.items()
    }
    return facets, total
