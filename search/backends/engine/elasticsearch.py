"""Elasticsearch 8/9 backend (``elasticsearch`` and ``elasticsearch.dsl``), used
when ELASTICSEARCH_URL is set. Mapping, queries and index lifecycle: ``core``;
only the client is here.
"""

from __future__ import annotations

from elasticsearch import dsl as es_dsl

from .core import EngineBackend


class ElasticsearchBackend(EngineBackend):
    """Entries in an Elasticsearch 8 or 9 index behind an alias."""

    dsl = es_dsl

    def connect(self):
        from elasticsearch import Elasticsearch

        return Elasticsearch(
            self.options["URL"],
            request_timeout=self.options.get("TIMEOUT", 5),
            max_retries=1,
            connections_per_node=max(self.index_threads, 10),
        )

    def client_errors(self):
        from elasticsearch import ApiError, TransportError
        from elasticsearch.helpers import BulkIndexError

        return (ApiError, TransportError, BulkIndexError)

    def connect_for_writes(self):
        return self.client.options(request_timeout=self.write_timeout)

    def helpers(self):
        from elasticsearch import helpers

        return helpers

    def update_aliases(self, actions: list[dict]) -> None:
        self.client.indices.update_aliases(actions=actions)
