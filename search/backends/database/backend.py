"""The base of both database backends (SQLite FTS5 and PostgreSQL)."""

from __future__ import annotations

from django.db import DatabaseError, connections

from ...query import parse
from ...types import SearchQuery
from ..base import BackendError, SearchBackend
from .plan import HORIZON
from .tables import ENTRY_TABLE


class DatabaseBackend(SearchBackend):
    """What both database backends share: the Django database they use
    (``OPTIONS["DATABASE"]``) and the rank horizon (``OPTIONS["RANK_HORIZON"]``)."""

    @property
    def connection(self):
        return connections[self.options.get("DATABASE", "default")]

    @property
    def horizon(self) -> int:
        return int(self.options.get("RANK_HORIZON", HORIZON))

    def plan(self, cur, parsed, query):
        """The backend's ``plan.SqlSearch`` of one query."""
        raise NotImplementedError

    def token_frequencies(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        """The frequencies the plan reads (cached for ``DF_TTL`` seconds)."""
        try:
            with self.connection.cursor() as cur:
                plan = self.plan(cur, parse(""), SearchQuery())
                return plan.cached_frequencies(list(tokens))
        except DatabaseError as error:
            raise BackendError(str(error)) from error

    def stored_texts(self, keys: list[str]) -> dict[str, str]:
        """Their body, else their legal basis (the text of a hit's snippet)."""
        plan = self.plan(None, parse(""), SearchQuery())
        body, basis = plan.body_columns.split(",")
        marks = ", ".join(["%s"] * len(keys))
        try:
            with self.connection.cursor() as cur:
                cur.execute(
                    f"SELECT e.key, {body}, {basis} FROM {ENTRY_TABLE} e "
                    f"{plan.body_join} WHERE e.key IN ({marks})",
                    list(keys),
                )
                return {key: text or other for key, text, other in cur.fetchall()}
        except DatabaseError as error:
            raise BackendError(str(error)) from error
