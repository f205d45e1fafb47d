"""The base of both database backends (SQLite FTS5 and PostgreSQL)."""

from __future__ import annotations

from django.db import connections

from ..base import SearchBackend
from .plan import HORIZON


class DatabaseBackend(SearchBackend):
    """What both database backends share: the Django database they use
    (``OPTIONS["DATABASE"]``) and the rank horizon (``OPTIONS["RANK_HORIZON"]``)."""

    @property
    def connection(self):
        return connections[self.options.get("DATABASE", "default")]

    @property
    def horizon(self) -> int:
        return int(self.options.get("RANK_HORIZON", HORIZON))
