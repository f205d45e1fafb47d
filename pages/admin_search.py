"""Wagtail's own search (admin page search, listings, choosers) without diacritics.

Editors type "quyet dinh" for "Quyết định". Wagtail's database backend indexes
the text as written (SQLite FTS5 keeps "đ" and the stacked Vietnamese marks,
PostgreSQL's configurations keep every mark), so an unaccented query found
nothing. This backend is Wagtail's database backend for the current database
(SQLite FTS5 or PostgreSQL) with ``documents.text.fold`` applied on both sides:

- every value an index entry is built from is stored folded ("quyet dinh"),
  for every indexed model (pages, vocabulary snippets, images, documents);
- every query is folded the same way, so "Quyết định", "quyết định" and
  "quyet dinh" find the same entries (and cut to its first 100 words);
- on PostgreSQL a search restricted to model fields (``fields=[...]``, as the
  snippet listings do) reads the live columns, which are folded in SQL.

The portal's own search (``search/``, /tim-kiem/) is a separate index and is
not affected. Entries indexed before this backend was configured hold the
accented text: run ``manage.py update_index`` once (Wagtail's index only).
"""

from __future__ import annotations

import copy
import types
from functools import lru_cache

from django.core.exceptions import ImproperlyConfigured
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Cast, Lower
from wagtail.search.index import RelatedFields

from documents.text import fold

# Each word of a query is one more nested SQL condition; some 500 words (a
# pasted text, a tampered ?q=) exceeded Python's recursion limit, a 500 on every
# admin listing's search. A longer query keeps its first words.
MAX_QUERY_WORDS = 100


def fold_words(text: str) -> str:
    return " ".join(fold(text).split()[:MAX_QUERY_WORDS])


def fold_query(query):
    """A copy of a Wagtail search query (or query string) with its text folded."""
    if isinstance(query, str):
        return fold_words(query)
    query = copy.copy(query)
    if isinstance(getattr(query, "query_string", None), str):
        query.query_string = fold_words(query.query_string)
    if getattr(query, "subquery", None) is not None:
        query.subquery = fold_query(query.subquery)
    if getattr(query, "subqueries", None) is not None:
        subqueries = query.subqueries[:MAX_QUERY_WORDS]
        query.subqueries = [fold_query(sub) for sub in subqueries]
    return query


class FoldingIndexerMixin:
    """Index entries built from the folded values of the search fields."""

    def prepare_field(self, obj, field):
        if isinstance(field, RelatedFields):
            # Its sub-fields come back through this method, folded once.
            yield from super().prepare_field(obj, field)
            return
        for *head, value in super().prepare_field(obj, field):
            yield (*head, fold(value))


class FoldingCompilerMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = fold_query(self.query)


def with_indexer(index_class, indexer_class):
    """``index_class`` whose ``add_items`` indexes through ``indexer_class``.

    modelsearch's ``add_items`` instantiates its module's ``ObjectIndexer`` by
    name, with no hook; the subclass runs that same function with the name
    bound to ``indexer_class`` rather than copying it.
    """
    add_items = index_class.add_items
    scope = {**add_items.__globals__, "ObjectIndexer": indexer_class}
    rebound = types.FunctionType(
        add_items.__code__,
        scope,
        add_items.__name__,
        add_items.__defaults__,
        add_items.__closure__,
    )
    return type(
        f"Folding{index_class.__name__}", (index_class,), {"add_items": rebound}
    )


@lru_cache(maxsize=1)
def _sql_fold_table() -> tuple[str, str]:
    """Arguments of PostgreSQL's translate() folding lower-case text as ``fold``
    does: one letter for each accented letter, combining marks dropped."""
    sources, targets = [], []
    for start, end in ((0xC0, 0x250), (0x1E00, 0x1F00)):
        for char in map(chr, range(start, end)):
            folded = fold(char)
            if len(folded) == 1 and folded != char.lower():
                sources.append(char)
                targets.append(folded)
    marks = [chr(c) for c in range(0x300, 0x370) if not fold(chr(c))]
    return "".join(sources + marks), "".join(targets)


class SQLFold(Func):
    """``fold`` in SQL (PostgreSQL): translate(lower(text), accented, plain)."""

    function = "TRANSLATE"

    def __init__(self, expression, **extra):
        sources, targets = _sql_fold_table()
        # Cast: a TextField or StreamField column beside the CharField
        # arguments would be "mixed types" (Wagtail's SearchVector casts too).
        text = Lower(Cast(expression, TextField()))
        super().__init__(
            text, Value(sources), Value(targets), output_field=TextField(), **extra
        )


class FoldedFieldsMixin:
    """PostgreSQL, ``fields=[...]``: vectors of the live columns, folded in SQL."""

    FIELD_WEIGHT: str | None = None

    def get_fields_vectors(self, search_query):
        from django.contrib.postgres.search import SearchVector

        extra = {"weight": self.FIELD_WEIGHT} if self.FIELD_WEIGHT else {}
        return [
            (
                SearchVector(SQLFold(F(lookup)), config=search_query.config, **extra),
                getattr(field, "boost", 1.0) if not extra else 1.0,
            )
            for lookup, field in self.search_fields.items()
        ]


class FoldedAutocompleteFieldsMixin(FoldedFieldsMixin):
    FIELD_WEIGHT = "D"


def _global_names(code: types.CodeType) -> set[str]:
    """Names a function's code (its comprehensions included) reads."""
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _global_names(const)
    return names


def folding_backend(backend_class, *, fold_fields: bool = False):
    """A subclass of one of Wagtail's database backends that folds the indexed
    values and the queries (and, with ``fold_fields``, the restricted fields)."""
    index_class = backend_class.index_class
    add_items = index_class.add_items
    if "ObjectIndexer" not in _global_names(add_items.__code__):
        raise ImproperlyConfigured(
            f"{index_class.__qualname__}.add_items no longer builds an ObjectIndexer: "
            "pages.admin_search must be updated for this Wagtail version"
        )
    indexer_class = add_items.__globals__["ObjectIndexer"]

    def folding(compiler_class, fields_mixin):
        mixins = (fields_mixin,) if fold_fields else ()
        bases = (*mixins, FoldingCompilerMixin, compiler_class)
        return type(f"Folding{compiler_class.__name__}", bases, {})

    attrs = {
        "query_compiler_class": folding(
            backend_class.query_compiler_class, FoldedFieldsMixin
        ),
        "autocomplete_query_compiler_class": folding(
            backend_class.autocomplete_query_compiler_class,
            FoldedAutocompleteFieldsMixin,
        ),
        "index_class": with_indexer(
            index_class,
            type("FoldingIndexer", (FoldingIndexerMixin, indexer_class), {}),
        ),
    }
    return type(f"Folding{backend_class.__name__}", (backend_class,), attrs)


_BACKENDS: dict[type, type] = {}


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a module
    """Wagtail's database backend for the default database, folding on SQLite
    FTS5 and PostgreSQL; any other choice of Wagtail's (the plain fallback) as is."""
    from modelsearch.backends import database

    stock = database.SearchBackend(params)
    chosen, name = type(stock), type(stock).__name__
    if name not in ("SQLiteSearchBackend", "PostgresSearchBackend"):
        return stock
    if chosen not in _BACKENDS:
        fold_fields = name == "PostgresSearchBackend"
        _BACKENDS[chosen] = folding_backend(chosen, fold_fields=fold_fields)
    return _BACKENDS[chosen](params)
