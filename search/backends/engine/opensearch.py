"""OpenSearch backend (``opensearch-py`` and its DSL), used when OPENSEARCH_URL
is set. Mapping, queries and index lifecycle: ``core``; only the client is here.
"""

from __future__ import annotations

import opensearchpy

from .core import EngineBackend


class OpenSearchBackend(EngineBackend):
    """Entries in an OpenSearch 2.x (or 3.x) index behind an alias."""

    dsl = opensearchpy

    def connect(self, timeout: float | None = None, connections: int = 1):
        return opensearchpy.OpenSearch(
            self.options["URL"],
            timeout=timeout or self.options.get("TIMEOUT", 5),
            max_retries=1,
            retry_on_timeout=False,
            pool_maxsize=connections,
        )

    def client_errors(self):
        from opensearchpy.exceptions import OpenSearchException
        from opensearchpy.helpers import BulkIndexError

        return (OpenSearchException, BulkIndexError)

    def connect_for_writes(self):
        return self.connect(self.write_timeout, connections=self.index_threads)

    def helpers(self):
        from opensearchpy import helpers

        return helpers

    def update_aliases(self, actions: list[dict]) -> None:
        self.client.indices.update_aliases(body={"actions": actions})
