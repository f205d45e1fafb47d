"""Value objects exchanged between indexing, the backends and the views.

Backends index :class:`IndexEntry` objects (plain data, no models), answer a
:class:`SearchQuery` with :class:`SearchResults`, so the backends can be tested
without any page model and the views never see a backend-specific type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .snippets import DeferredTexts

Kind = Literal["document", "article", "exemplar", "news", "movement", "page"]
KINDS: tuple[str, ...] = ("document", "article", "exemplar", "news", "movement", "page")
FILTER_NAMES: tuple[str, ...] = (
    "type",
    "issuer",
    "year",
    "field",
    "status",
    "tag",
    "kind",
    "cites",
    "in_force_on",
)
FACET_NAMES: tuple[str, ...] = (
    "type",
    "issuer",
    "year",
    "field",
    "status",
    "tag",
    "kind",
)


@dataclass
class IndexEntry:
    """One searchable unit: a page, or one Điều of a long legal document.

    ``key`` is unique ("page:12", "page:12#dieu-5"); ``page_id`` groups the
    entries of one page so that deleting the page removes all of them.
    ``code_keys`` are the folded lookup keys of the document's số ký hiệu
    (``documents.citations.code_lookup_keys``); ``cites`` the identity keys of
    the documents it cites (the ``cites`` filter), ``cites_basis`` those of
    the documents its legal basis cites (the citation graph's "basis"
    relation), so a search for a code lists those citing it as a căn cứ first.
    """

    key: str
    page_id: int
    kind: str = "page"
    title: str = ""
    url: str = ""
    code: str = ""
    code_keys: list[str] = field(default_factory=list)
    article: str | None = None
    anchor: str | None = None
    legal_basis: str = ""
    body: str = ""
    doc_type: str = ""
    issuer: str = ""
    issuer_id: int | None = None
    year: int | None = None
    date: dt.date | None = None
    fields: list[str] = field(default_factory=list)
    status: str = ""
    tags: list[str] = field(default_factory=list)
    cites: list[str] = field(default_factory=list)
    cites_basis: list[str] = field(default_factory=list)
    # For the ``in_force_on`` filter: the day from which the document is in
    # force (``pages.validity.indexed_start``; None: on no day) and its end.
    effective_date: dt.date | None = None
    expiry_date: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly dict (dates as ISO strings; lists copied).

        Not ``dataclasses.asdict``: its deep copy of every value costs more
        than the rest of an entry's indexing; the values are strings, numbers,
        dates and lists of strings."""
        data = {
            f.name: list(value) if isinstance(value, list) else value
            for f in dataclass_fields(self)
            for value in (getattr(self, f.name),)
        }
        for name in ("date", "effective_date", "expiry_date"):
            if data[name] is not None:
                data[name] = data[name].isoformat()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IndexEntry:
        """Inverse of :meth:`to_dict`."""
        data = dict(data)
        for name in ("date", "effective_date", "expiry_date"):
            if isinstance(data.get(name), str):
                data[name] = dt.date.fromisoformat(data[name])
        return cls(**data)

    @property
    def facet_year(self) -> int | None:
        """The year used for the year facet: explicit, else the date's."""
        return self.year or (self.date.year if self.date else None)


@dataclass
class SearchQuery:
    """What the user asked: free text, filters, sort order and page.

    ``filters`` keys are in :data:`FILTER_NAMES`; a value is a string, or a list
    of strings (any of them), or a date for ``in_force_on``. With ``texts``
    False the hits come without their stored text (body, legal basis): a
    read of hundreds of hits that shows a few (``search.listing``) reads the
    texts of the shown ones afterwards (``SearchResults.texts``).
    """

    text: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    sort: Literal["relevance", "date"] = "relevance"
    page: int = 1
    per_page: int = 20
    texts: bool = True

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


class _LazySnippet:
    """The ``Hit.snippet`` field: a string, or built by ``Hit.snippet_source``
    the first time it is read.

    A descriptor as the field's default (dataclasses call ``__get__(None, Hit)``
    for the default and ``__set__`` for the value given to ``__init__``), so
    ``snippet`` stays an ordinary field for the constructor, ``replace``,
    ``to_dict`` and equality, which all see the built text."""

    def __get__(self, hit: Hit | None, owner: type | None = None) -> str:
        if hit is None:
            return ""  # the field's default
        if hit.snippet_source is not None:
            hit._snippet, hit.snippet_source = hit.snippet_source(), None
        return hit._snippet

    def __set__(self, hit: Hit, value: str) -> None:
        hit._snippet, hit.snippet_source = value, None


@dataclass
class Hit:
    """One result; ``snippet`` is safe HTML (escaped text with ``<mark>``),
    built when first read when the backend gave a ``snippet_source``."""

    key: str
    page_id: int
    kind: str
    title: str
    url: str
    code: str = ""
    article: str | None = None
    anchor: str | None = None
    score: float = 0.0
    snippet: str = _LazySnippet()  # type: ignore[assignment]
    doc_type: str = ""
    issuer: str = ""
    date: dt.date | None = None
    status: str = ""
    #: Builds ``snippet`` when it is first read (``defer_snippet``); None once
    #: built or when the snippet was given.
    snippet_source: Callable[[], str] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def article_title(self) -> str:
        """A Điều's own title, "Điều 2. Tiêu hủy" (its entry's title after the
        document's): two Điều 2 of one document (a decision's, then its
        regulation's) are told apart by their headings."""
        own = self.title.rsplit(" – ", 1)[-1]
        return (
            own if self.article and own.startswith(self.article) else self.article or ""
        )

    @property
    def shown_code(self) -> str:
        """The số ký hiệu as every page shows it: "" for a document without a
        number (a draft stored as "/KH-UBND"), ``documents.identity.shown_code``."""
        from documents.identity import shown_code

        return shown_code(self.code)

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in JSON_FIELDS}
        data["code"] = self.shown_code
        data["date"] = self.date.isoformat() if self.date else None
        return data

    def defer_snippet(self, make: Callable[[], str]) -> None:
        """Build the snippet with ``make()`` when it is first read, not now:
        a page of grouped results reads hundreds of hits and shows a few
        dozen (``search.grouping``), and a snippet scans the entry's text."""
        self.snippet_source = make


#: The fields of a hit in its JSON form (``Hit.to_dict``).
JSON_FIELDS = tuple(f for f in dataclass_fields(Hit) if f.name != "snippet_source")


FacetValue = tuple[str, str, int]  # (value, label, count)


@dataclass
class SearchResults:
    """A page of hits plus facet counts over the whole filtered result set.

    ``code_match`` is the số ký hiệu recognised in the query (as written by the
    matched document) when the lookup found a document, else None. ``notice``
    is a user-facing message (e.g. the fallback backend answered).
    ``facets_exact`` is False when the facets were counted over the newest
    matches only (very broad queries on large indexes). ``texts`` reads the
    stored texts of the hits when the query asked for none
    (``SearchQuery.texts`` False; their snippets are built from it).
    """

    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    page: int = 1
    num_pages: int = 1
    notice: str | None = None
    code_match: str | None = None
    facets_exact: bool = True
    texts: DeferredTexts | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "hits": [hit.to_dict() for hit in self.hits],
            "total": self.total,
            "facets": {
                name: [{"value": v, "label": lab, "count": c} for v, lab, c in values]
                for name, values in self.facets.items()
            },
            "page": self.page,
            "num_pages": self.num_pages,
            "notice": self.notice,
            "code_match": self.code_match,
            "facets_exact": self.facets_exact,
        }


def parse_date(value: Any) -> dt.date | None:
    """A date from a date, an ISO string (time part ignored) or None."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def as_list(value: Any) -> list[str]:
    """A filter value as a list of non-empty strings."""
    values = value if isinstance(value, list | tuple | set) else [value]
    return [str(v) for v in values if v not in (None, "")]


def order_facets(facets: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Facets in FACET_NAMES order, values as (str, str, int)."""
    return {
        name: [(str(v), str(label), int(c)) for v, label, c in facets.get(name, [])]
        for name in FACET_NAMES
    }
