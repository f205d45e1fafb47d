"""Pieces shared by the two database backends (SQLite FTS5 and PostgreSQL).

Both keep a plain table of entries (display fields + single-valued facets), a
table of multi-valued terms (fields, tags, cites, code lookup keys) and their
own full-text structure. Filters, facets and the số ký hiệu group are built the
same way; only the full-text match and its score differ.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ..query import ParsedQuery, bigrams
from ..snippets import make_snippet
from ..text import fold, index_tokens, words
from ..types import FACET_NAMES, Hit, IndexEntry

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
HIT_FIELDS = (
    "id",
    "key",
    "page_id",
    "kind",
    "title",
    "url",
    "code",
    "article",
    "anchor",
    "doc_type",
    "issuer",
    "date",
    "status",
    "body",
    "legal_basis",
)
FACET_LIMIT = 30
CODE_GROUP_LIMIT = 500
ALWAYS_SEARCHED = {"so"}  # "số" in "Chỉ thị số 34" is part of the code phrase.


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
    rows += [("code", key) for key in entry.code_keys]
    return list(dict.fromkeys(rows))


def text_columns(entry: IndexEntry) -> dict[str, str]:
    """The token strings indexed for ``entry``: folded, exact and bigram forms."""
    title_x, title_f = index_tokens(entry.title)
    body_x, body_f = index_tokens(entry.body)
    _, basis_f = index_tokens(entry.legal_basis)
    code_f = [fold(w) for w in words(entry.code)]
    return {
        "code": " ".join(code_f),
        "title": " ".join(title_f),
        "basis": " ".join(basis_f),
        "body": " ".join(body_f),
        "title_x": " ".join(title_x),
        "body_x": " ".join(body_x),
        "title_bi": " ".join(bigrams(title_f)),
        "body_bi": " ".join(bigrams(body_f)),
    }


def parse_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def make_hit(row: dict[str, Any], score: float, parsed: ParsedQuery) -> Hit:
    """A Hit from an entry row; the snippet is computed here, in Python."""
    source = row["body"] or row["legal_basis"] or row["title"]
    return Hit(
        key=row["key"],
        page_id=row["page_id"],
        kind=row["kind"],
        title=row["title"],
        url=row["url"],
        code=row["code"],
        article=row["article"],
        anchor=row["anchor"],
        score=round(float(score), 4),
        snippet=make_snippet(source, parsed.highlight_terms),
        doc_type=row["doc_type"],
        issuer=row["issuer"],
        date=parse_date(row["date"]),
        status=row["status"],
    )


def as_list(value: Any) -> list[str]:
    """A filter value as a list of non-empty strings."""
    values = value if isinstance(value, list | tuple | set) else [value]
    return [str(v) for v in values if v not in (None, "")]


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
                clauses.append(
                    f"(e.effective_date IS NULL OR e.effective_date <= {param}) AND "
                    f"(e.expiry_date IS NULL OR e.expiry_date >= {param})"
                )
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
        return "e.year", [int(v) for v in values if v.isdigit() and len(v) < 6]
    if name == "issuer" and all(v.isdigit() for v in values):
        return "e.issuer_id", [int(v) for v in values if len(v) < 12]
    return f"e.{COLUMNS[name]}", values


def facet_queries(matched: str, param: str) -> Iterable[tuple[str, str, list[Any]]]:
    """(facet name, SQL, params) computing counts over the ``matched`` id set.

    ``matched`` is a SQL sub-select (or table) of the matching entry ids.
    """
    for name, column in COLUMNS.items():
        label = "e.issuer" if name == "issuer" else f"e.{column}"
        value = (
            "COALESCE(CAST(e.issuer_id AS TEXT), e.issuer)"
            if name == "issuer"
            else f"e.{column}"
        )
        yield (
            name,
            (
                f"SELECT {value}, MAX({label}), COUNT(*) FROM {ENTRY_TABLE} e "
                f"WHERE e.id IN ({matched}) AND {label} IS NOT NULL AND "
                f"CAST({label} AS TEXT) <> '' GROUP BY {value} "
                f"ORDER BY COUNT(*) DESC, MAX({label}) LIMIT {FACET_LIMIT}"
            ),
            [],
        )
    for name in ("field", "tag"):
        yield (
            name,
            (
                f"SELECT t.value, t.value, COUNT(*) FROM {TERM_TABLE} t "
                f"WHERE t.name = {param} AND t.entry_id IN ({matched}) GROUP BY t.value "
                f"ORDER BY COUNT(*) DESC, t.value LIMIT {FACET_LIMIT}"
            ),
            [name],
        )


def order_facets(facets: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Facets in FACET_NAMES order, values as (str, str, int)."""
    return {
        name: [(str(v), str(label), int(c)) for v, label, c in facets.get(name, [])]
        for name in FACET_NAMES
    }


def code_remainder(parsed: ParsedQuery, rows: list[dict[str, Any]]) -> bool:
    """True when the query says more than the code of the matched documents.

    "Chỉ thị 34" or "nd 98/2023" name only the document → it goes first;
    "nghi dinh 98 giay khen" also names a subject → its best article goes first.
    """
    known = set(ALWAYS_SEARCHED)
    for row in rows:
        known |= {fold(w) for w in words(f"{row['code']} {row['doc_type']}")}
    for group in parsed.groups:
        if group.primary[0] in {"nd", "qd", "ct", "nq", "tt", "kh", "hd", "tb", "bc"}:
            known.update(group.primary)
    return any(token not in known for token in parsed.folded_tokens)


MATCHED = "portal_search_matched"
CODE_SCORE = 1_000_000.0
DOCUMENT_FIRST = 1_000.0


class SqlSearch:
    """The query plan shared by the database backends.

    1. The matching entry ids and scores go into a temporary table: first the
       full-text match (all words; any informative word when that finds
       nothing), then the entries whose số ký hiệu the query names, with a score
       that puts them first.
    2. The page, the total and every facet are read from that table, so the
       full-text match runs once however many facets are counted.

    Subclasses give ``match_sql(expr)`` (a sub-select of ``id, score``),
    ``expressions()`` and ``document_frequencies(tokens)``.
    """

    param = "%s"

    def __init__(self, cur, parsed: ParsedQuery, query):
        self.cur, self.parsed, self.query = cur, parsed, query
        filters = dict(query.filters)
        if parsed.is_empty and not filters.get("kind"):
            filters["exclude_articles"] = True
        self.where, self.where_params = filter_sql(filters, self.param)
        if filters.get("exclude_articles"):
            self.where.append("e.kind <> 'article'")

    # -- to be provided by each database ------------------------------------
    def match_sql(self, expr: str) -> tuple[str, list[Any]]:
        raise NotImplementedError

    def expressions(self) -> list[str]:
        raise NotImplementedError

    def document_frequencies(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        raise NotImplementedError

    def create_matched(self) -> None:
        self.cur.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {MATCHED} "
            f"(id INTEGER PRIMARY KEY, score REAL NOT NULL)"
        )
        self.cur.execute(f"DELETE FROM {MATCHED}")

    upsert = "INSERT OR REPLACE INTO"
    upsert_tail = ""

    # -- the plan -------------------------------------------------------------
    def run(self):
        from ..types import SearchResults

        self.create_matched()
        code_match = None
        if self.parsed.is_empty:
            self.fill_all()
        else:
            self.fill_text()
            code_match = self.fill_codes()
        total = self.scalar(f"SELECT COUNT(*) FROM {MATCHED}")
        return SearchResults(
            hits=self.page(), total=total, facets=self.facets(), code_match=code_match
        )

    def where_clause(self, extra: str = "") -> str:
        clauses = [*self.where, *([extra] if extra else [])]
        return " AND ".join(clauses) if clauses else "1 = 1"

    def scalar(self, statement: str, params: list[Any] | None = None) -> Any:
        self.cur.execute(statement, params or [])
        return self.cur.fetchone()[0]

    def fill_all(self) -> None:
        self.cur.execute(
            f"INSERT INTO {MATCHED} (id, score) SELECT e.id, 0 FROM {ENTRY_TABLE} e "
            f"WHERE {self.where_clause()}",
            self.where_params,
        )

    def fill_text(self) -> None:
        for expr in self.expressions():
            match, params = self.match_sql(expr)
            self.cur.execute(
                f"INSERT INTO {MATCHED} (id, score) SELECT m.id, m.score "
                f"FROM ({match}) m JOIN {ENTRY_TABLE} e ON e.id = m.id "
                f"WHERE {self.where_clause()}",
                params + self.where_params,
            )
            if self.scalar(f"SELECT COUNT(*) FROM {MATCHED}"):
                return

    def code_rows(self) -> list[dict[str, Any]]:
        keys = self.parsed.code_keys[:20]
        if not keys:
            return []
        marks = ", ".join([self.param] * len(keys))
        self.cur.execute(
            f"SELECT e.id, e.kind, e.code, e.doc_type, COALESCE(m.score, 0) "
            f"FROM {ENTRY_TABLE} e LEFT JOIN {MATCHED} m ON m.id = e.id "
            f"WHERE e.id IN (SELECT entry_id FROM {TERM_TABLE} WHERE name = 'code' "
            f"AND value IN ({marks})) AND {self.where_clause()} "
            f"LIMIT {CODE_GROUP_LIMIT}",
            keys + self.where_params,
        )
        names = ("id", "kind", "code", "doc_type", "score")
        return [dict(zip(names, row, strict=True)) for row in self.cur.fetchall()]

    def fill_codes(self) -> str | None:
        """Put the entries of the document the query names first."""
        rows = self.code_rows()
        if not rows:
            return None
        doc_first = not code_remainder(self.parsed, rows)
        values = [
            (
                row["id"],
                CODE_SCORE
                + float(row["score"])
                + (DOCUMENT_FIRST if doc_first and row["kind"] == "document" else 0),
            )
            for row in rows
        ]
        self.cur.executemany(
            f"{self.upsert} {MATCHED} (id, score) VALUES ({self.param}, {self.param})"
            f"{self.upsert_tail}",
            values,
        )
        documents = [row for row in rows if row["kind"] == "document"] or rows
        return documents[0]["code"] or None

    def page(self) -> list[Hit]:
        order = "m.score DESC, e.id"
        if self.query.sort == "date" or self.parsed.is_empty:
            order = "e.date DESC NULLS LAST, m.score DESC, e.id"
        columns = ", ".join(f"e.{name}" for name in HIT_FIELDS)
        self.cur.execute(
            f"SELECT {columns}, m.score FROM {MATCHED} m JOIN {ENTRY_TABLE} e "
            f"ON e.id = m.id ORDER BY {order} LIMIT {int(self.query.per_page)} "
            f"OFFSET {int(self.query.offset)}"
        )
        hits = []
        for row in self.cur.fetchall():
            data = dict(zip(HIT_FIELDS, row, strict=False))
            score = row[-1] - CODE_SCORE if row[-1] >= CODE_SCORE else row[-1]
            hits.append(make_hit(data, score, self.parsed))
        return hits

    def facets(self) -> dict[str, list[tuple]]:
        facets = {}
        for name, statement, params in facet_queries(
            f"SELECT id FROM {MATCHED}", self.param
        ):
            self.cur.execute(statement, params)
            facets[name] = self.cur.fetchall()
        return order_facets(facets)

    # -- helpers for expressions ---------------------------------------------
    def bigrams_by_group(self) -> dict[int, list[str]]:
        """Query bigrams keyed by the single-word group that starts them."""
        out: dict[int, list[str]] = {}
        groups = self.parsed.groups
        for i in range(len(groups) - 1):
            first, second = groups[i].primary, groups[i + 1].primary
            if len(first) == 1 and len(second) >= 1:
                out[i] = [f"{first[0]}_{second[0]}"]
        return out

    def informative_groups(self) -> list[int]:
        """Indexes of groups that are not in most entries (stopword-light)."""
        groups = self.parsed.groups
        singles = list({g.primary[0] for g in groups if len(g.primary) == 1})
        df, total = self.document_frequencies(singles)
        limit = max(total * self.common_ratio, 50)
        return [
            i
            for i, g in enumerate(groups)
            if len(g.primary) > 1
            or len(g.alternatives) > 1
            or df.get(g.primary[0], 0) <= limit
        ]

    common_ratio = 0.25
