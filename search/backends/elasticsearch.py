"""Elasticsearch backend (``elasticsearch.dsl``), used when ELASTICSEARCH_URL is set.

``OPTIONS``: ``URL`` (the cluster, Elasticsearch 8 or 9), ``INDEX`` (the alias
searched, default "portal"), optional ``TIMEOUT`` seconds. Concrete indices are
named ``<INDEX>-<timestamp>``; ``rebuild`` fills a new one and swaps the alias
in one atomic call, so searches never see a half-built index.
Mapping and analyzers: ``es_schema``; query bodies: ``es_query``.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from ..query import ParsedQuery
from ..snippets import make_snippet
from ..text import nfc, normalize_tones
from ..types import Hit, IndexEntry, SearchQuery, SearchResults
from . import es_query, sql
from .base import BackendError, SearchBackend, chunked
from .es_schema import index_definition


def entry_source(entry: IndexEntry) -> dict[str, Any]:
    """The document sent to Elasticsearch for ``entry``."""
    source = entry.to_dict()
    for name in ("title", "body", "legal_basis"):
        source[name] = normalize_tones(nfc(source[name]))
    source["issuer_key"] = str(entry.issuer_id) if entry.issuer_id else entry.issuer
    source["year"] = entry.facet_year
    return source


class ElasticsearchBackend(SearchBackend):
    """Entries in an Elasticsearch index behind an alias."""

    refresh_on_write = False

    def __init__(self, alias: str = "default", options: dict | None = None):
        super().__init__(alias, options)
        self.index = self.options.get("INDEX", "portal")
        self._client = None

    @property
    def client(self):
        if self._client is None:
            from elasticsearch import Elasticsearch

            self._client = Elasticsearch(
                self.options["URL"],
                request_timeout=self.options.get("TIMEOUT", 5),
                max_retries=1,
            )
        return self._client

    def _call(self, fn, *args, **kwargs):
        """Run a client call; any transport or API failure is a BackendError."""
        from elasticsearch import ApiError, TransportError

        try:
            return fn(*args, **kwargs)
        except (ApiError, TransportError, OSError) as error:
            raise BackendError(str(error)) from error

    # -- index lifecycle ------------------------------------------------------
    def _new_index(self) -> str:
        name = f"{self.index}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 10**6}"
        definition = index_definition(name)
        self._call(definition.create, using=self.client)
        return name

    def ensure_index(self) -> None:
        """Create the first concrete index and the alias when missing."""
        if not self._call(self.client.indices.exists_alias, name=self.index):
            name = self._new_index()
            self._call(self.client.indices.put_alias, index=name, name=self.index)

    def _swap_alias(self, new: str) -> None:
        old = []
        if self._call(self.client.indices.exists_alias, name=self.index):
            old = list(self._call(self.client.indices.get_alias, name=self.index))
        actions = [{"remove": {"index": name, "alias": self.index}} for name in old]
        actions.append({"add": {"index": new, "alias": self.index}})
        self._call(self.client.indices.update_aliases, actions=actions)
        for name in old:
            self._call(self.client.indices.delete, index=name)

    def drop(self) -> None:
        """Delete the alias and every index behind it (tests)."""
        self._call(self.client.indices.delete, index=f"{self.index}-*")

    # -- writing --------------------------------------------------------------
    def _bulk(self, index: str, actions: list[dict]) -> None:
        from elasticsearch.helpers import bulk

        refresh = "wait_for" if self.refresh_on_write else False
        self._call(bulk, self.client, actions, index=index, refresh=refresh)

    def add_bulk(self, entries: Iterable[IndexEntry]) -> int:
        self.ensure_index()
        actions = [{"_id": e.key, "_source": entry_source(e)} for e in entries]
        if actions:
            self._bulk(self.index, actions)
        return len(actions)

    def delete(self, keys: Iterable[str] = (), page_id: int | None = None) -> None:
        from elasticsearch.dsl import Q

        clauses = [Q("terms", key=list(keys))]
        if page_id is not None:
            clauses.append(Q("term", page_id=int(page_id)))
        query = Q("bool", should=clauses, minimum_should_match=1).to_dict()
        self._call(
            self.client.delete_by_query,
            index=self.index,
            query=query,
            refresh=True,
            conflicts="proceed",
            ignore_unavailable=True,
        )

    def clear(self) -> None:
        self._swap_alias(self._new_index())

    def rebuild(self, entries, chunk_size: int = 500, progress=None) -> int:
        new, count = self._new_index(), 0
        for chunk in chunked(entries, chunk_size):
            self._bulk(new, [{"_id": e.key, "_source": entry_source(e)} for e in chunk])
            count += len(chunk)
            if progress is not None:
                progress.update(len(chunk))
        self._call(self.client.indices.refresh, index=new)
        self._swap_alias(new)
        return count

    def health(self) -> bool:
        try:
            return bool(self.client.ping())
        except Exception:  # noqa: BLE001 - any failure means "not healthy"
            return False

    # -- reading --------------------------------------------------------------
    def _search(self, parsed: ParsedQuery, query: SearchQuery) -> SearchResults:
        code_rows = self._code_rows(parsed)
        document_first = bool(code_rows) and not sql.code_remainder(parsed, code_rows)
        code_keys = parsed.code_keys if code_rows else []
        response = None
        tries = (
            [True, False] if len(parsed.groups) <= es_query.AND_MAX_GROUPS else [False]
        )
        for require_all in tries:
            search = es_query.build_search(
                parsed,
                query,
                require_all=require_all,
                code_keys=code_keys,
                document_first=document_first,
            )
            response = self._call(
                self.client.search,
                index=self.index,
                body=search.to_dict(),
                ignore_unavailable=True,
            )
            if response["hits"]["total"]["value"]:
                break
        return self._results(response, parsed, code_rows)

    def _code_rows(self, parsed: ParsedQuery) -> list[dict[str, Any]]:
        if not parsed.code_keys:
            return []
        response = self._call(
            self.client.search,
            index=self.index,
            size=20,
            ignore_unavailable=True,
            query={"terms": {"code_keys": parsed.code_keys[:20]}},
            source=["kind", "code", "doc_type"],
        )
        return [hit["_source"] for hit in response["hits"]["hits"]]

    def _results(self, response, parsed: ParsedQuery, code_rows) -> SearchResults:
        hits = [self._hit(raw, parsed) for raw in response["hits"]["hits"]]
        documents = [r for r in code_rows if r.get("kind") == "document"] or code_rows
        return SearchResults(
            hits=hits,
            total=response["hits"]["total"]["value"],
            facets=self._facets(response.get("aggregations", {})),
            code_match=(documents[0].get("code") or None) if documents else None,
        )

    def _hit(self, raw: dict, parsed: ParsedQuery) -> Hit:
        source = raw["_source"]
        highlight = raw.get("highlight", {})
        fragments = highlight.get("body.folded") or highlight.get("body")
        snippet = (
            fragments[0]
            if fragments
            else make_snippet(
                source.get("body") or source.get("title", ""), parsed.highlight_terms
            )
        )
        score = float(raw.get("_score") or 0.0)
        if score >= es_query.CODE_BOOST:  # shown without the số ký hiệu boosts
            score -= es_query.CODE_BOOST
            if score >= es_query.DOCUMENT_FIRST:
                score -= es_query.DOCUMENT_FIRST
        return Hit(
            key=source["key"],
            page_id=source["page_id"],
            kind=source["kind"],
            title=source["title"],
            url=source["url"],
            code=source.get("code", ""),
            article=source.get("article"),
            anchor=source.get("anchor"),
            score=round(score, 4),
            snippet=snippet,
            doc_type=source.get("doc_type", ""),
            issuer=source.get("issuer", ""),
            date=sql.parse_date(source.get("date")),
            status=source.get("status", ""),
        )

    def _facets(self, aggregations: dict) -> dict[str, list[tuple]]:
        facets = {}
        for name in es_query.FACET_FIELDS:
            buckets = aggregations.get(name, {}).get("buckets", [])
            facets[name] = [
                (b["key"], self._label(b), b["doc_count"])
                for b in buckets
                if str(b["key"]) != ""
            ]
        return sql.order_facets(facets)

    @staticmethod
    def _label(bucket: dict) -> str:
        labels = bucket.get("label", {}).get("buckets", [])
        return labels[0]["key"] if labels else str(bucket["key"])
