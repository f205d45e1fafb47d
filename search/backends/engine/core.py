"""What the OpenSearch and Elasticsearch backends share: the index behind an
alias, writing, the search plan and reading the answer. Subclasses supply the
client, its DSL module and the few calls whose signatures differ.

``OPTIONS``: ``URL`` (the cluster), ``INDEX`` (the alias searched, default
"portal"), optional ``TIMEOUT`` and ``WRITE_TIMEOUT`` seconds, ``SHARDS`` and
``REPLICAS`` for new indices. Concrete indices are named ``<INDEX>-<timestamp>``; ``rebuild`` fills a
new one and swaps the alias in one atomic call, so searches never see a
half-built index.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from types import ModuleType
from typing import Any

from documents.text import nfc, normalize_tones

from ...query import ParsedQuery, code_remainder, common_limit
from ...snippets import make_snippet
from ...types import Hit, IndexEntry, SearchQuery, SearchResults, order_facets
from ...types import parse_date as to_date
from ..base import BackendError, SearchBackend, chunked
from .mapping import index_definition
from .query import (
    AND_MAX_GROUPS,
    FACET_FIELDS,
    HIGHLIGHT_FIELD,
    RESULT_WINDOW,
    WORD_FIELDS,
    Builder,
    shown_score,
)

CODE_LOOKUP_LIMIT = 20
DF_TTL = 60.0  # seconds a word's document frequency is reused


def entry_source(entry: IndexEntry) -> dict[str, Any]:
    """The document sent to the engine for ``entry``."""
    source = entry.to_dict()
    for name in ("title", "body", "legal_basis"):
        source[name] = normalize_tones(nfc(source[name]))
    source["issuer_key"] = str(entry.issuer_id) if entry.issuer_id else entry.issuer
    source["year"] = entry.facet_year
    return source


class EngineBackend(SearchBackend):
    """Entries in an engine index behind an alias (client-neutral part)."""

    #: The DSL module of the client (``Q``, ``A``, ``Search``, ``Index``...).
    dsl: ModuleType
    #: Wait for a refresh after each write (tests; production relies on the
    #: index's refresh interval).
    refresh_on_write = False

    def __init__(self, alias: str = "default", options: dict | None = None):
        super().__init__(alias, options)
        self.index = self.options.get("INDEX", "portal")
        self.builder = Builder(self.dsl)
        self._client = None
        self._writer = None
        self._df_cache: dict[str, tuple[float, int]] = {}

    # -- what a client subclass supplies ------------------------------------------
    def connect(self):
        """A new client for ``self.options``."""
        raise NotImplementedError

    def client_errors(self) -> tuple[type[BaseException], ...]:
        """The exceptions the client raises when the cluster cannot answer."""
        raise NotImplementedError

    def update_aliases(self, actions: list[dict]) -> None:
        raise NotImplementedError

    def bulk_helper(self):
        """The client's ``helpers.bulk``."""
        raise NotImplementedError

    def connect_for_writes(self):
        """A client allowing ``WRITE_TIMEOUT`` seconds per call (a busy node
        takes longer to index a chunk than to answer a search)."""
        raise NotImplementedError

    @property
    def write_timeout(self) -> float:
        return float(self.options.get("WRITE_TIMEOUT", 120))

    @property
    def writer(self):
        if self._writer is None:
            self._writer = self.connect_for_writes()
        return self._writer

    def bulk(self, index: str, actions: list[dict], refresh) -> None:
        deletes_only = all(a.get("_op_type") == "delete" for a in actions)
        self.bulk_helper()(
            self.writer,
            actions,
            index=index,
            refresh=refresh,
            raise_on_error=not deletes_only,  # an entry already gone is no error
        )

    # -- plumbing -----------------------------------------------------------------
    @property
    def client(self):
        if self._client is None:
            self._client = self.connect()
        return self._client

    def _call(self, fn, *args, **kwargs):
        """Run a client call; any transport or API failure is a BackendError."""
        try:
            return fn(*args, **kwargs)
        except (*self.client_errors(), OSError) as error:
            raise BackendError(str(error)) from error

    # -- index lifecycle ------------------------------------------------------------
    def _new_index(self) -> str:
        name = f"{self.index}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 10**6}"
        definition = index_definition(
            self.dsl,
            name,
            shards=int(self.options.get("SHARDS", 1)),
            replicas=int(self.options.get("REPLICAS", 0)),
        )
        self._call(self.writer.indices.create, index=name, body=definition.to_dict())
        return name

    def _alias_targets(self) -> list[str]:
        if not self._call(self.client.indices.exists_alias, name=self.index):
            return []
        return list(self._call(self.client.indices.get_alias, name=self.index))

    def ensure_index(self) -> None:
        """Create the first concrete index and the alias when missing."""
        if not self._alias_targets():
            self._swap_alias(self._new_index())

    def _swap_alias(self, new: str) -> None:
        old = self._alias_targets()
        actions = [{"remove": {"index": name, "alias": self.index}} for name in old]
        actions.append({"add": {"index": new, "alias": self.index}})
        self._call(self.update_aliases, actions)
        for name in old:
            self._call(self.client.indices.delete, index=name)

    def drop(self) -> None:
        """Delete the alias and every index behind it."""
        self._call(
            self.client.indices.delete, index=f"{self.index}-*", ignore_unavailable=True
        )

    # -- writing ----------------------------------------------------------------------
    def _bulk(self, index: str, entries: list[IndexEntry]) -> None:
        actions = [{"_id": e.key, "_source": entry_source(e)} for e in entries]
        refresh = "wait_for" if self.refresh_on_write else False
        self._call(self.bulk, index, actions, refresh)
        self._df_cache.clear()

    def add_bulk(self, entries: Iterable[IndexEntry]) -> int:
        entries = list(entries)
        self.ensure_index()
        if entries:
            self._bulk(self.index, entries)
        return len(entries)

    def delete(self, keys: Iterable[str] = (), page_id: int | None = None) -> None:
        """Remove entries by key (their ``_id``) and every entry of ``page_id``.

        Bulk deletes by id, not ``_delete_by_query``: that needs the reindex
        module, which a small node may not carry.
        """
        ids = set(keys)
        if page_id is not None:
            ids |= self._page_entry_ids(int(page_id))
        if not ids:
            return
        actions = [{"_op_type": "delete", "_id": key} for key in sorted(ids)]
        refresh = "wait_for" if self.refresh_on_write else True
        self._call(self.bulk, self.index, actions, refresh)
        self._df_cache.clear()

    def _page_entry_ids(self, page_id: int) -> set[str]:
        body = {
            "size": RESULT_WINDOW,
            "query": {"term": {"page_id": page_id}},
            "_source": False,
        }
        response = self._call(
            self.client.search, index=self.index, body=body, ignore_unavailable=True
        )
        return {hit["_id"] for hit in response["hits"]["hits"]}

    def clear(self) -> None:
        self._swap_alias(self._new_index())

    def rebuild(self, entries, chunk_size: int = 500, progress=None) -> int:
        new, count = self._new_index(), 0
        try:
            for chunk in chunked(entries, chunk_size):
                self._bulk(new, chunk)
                count += len(chunk)
                if progress is not None:
                    progress.update(len(chunk))
            self._call(self.writer.indices.refresh, index=new)
        except BaseException:
            self._call(self.client.indices.delete, index=new, ignore_unavailable=True)
            raise
        self._swap_alias(new)
        return count

    def health(self) -> bool:
        try:
            return bool(self.client.ping())
        except Exception:  # noqa: BLE001 - any failure means "not healthy"
            return False

    def count(self) -> int:
        response = self._call(
            self.client.count, index=self.index, ignore_unavailable=True
        )
        return int(response["count"])

    def index_stats(self) -> dict[str, int]:
        """Documents and bytes on disk of the index behind the alias."""
        stats = self._call(self.client.indices.stats, index=self.index)
        total = stats["_all"]["primaries"]
        return {
            "docs": int(total["docs"]["count"]),
            "bytes": int(total["store"]["size_in_bytes"]),
        }

    # -- reading ----------------------------------------------------------------------
    def _search(self, parsed: ParsedQuery, query: SearchQuery) -> SearchResults:
        named = self._named_documents(parsed)
        document_first = bool(named) and not code_remainder(parsed, named)
        code_keys = parsed.code_keys if named else []
        tries = [True, False] if len(parsed.groups) <= AND_MAX_GROUPS else [False]
        response = None
        for require_all in tries:
            search = self.builder.build_search(
                parsed,
                query,
                require_all=require_all,
                code_keys=code_keys,
                document_first=document_first,
                common=frozenset() if require_all else self._common_groups(parsed),
            )
            response = self._call(
                self.client.search,
                index=self.index,
                body=search.to_dict(),
                ignore_unavailable=True,
            )
            if response["hits"]["total"]["value"]:
                break
        return self._results(response, parsed, named)

    def _common_groups(self, parsed: ParsedQuery) -> frozenset[int]:
        """Indexes of the one-word groups whose word most entries hold."""
        words = sorted(
            {
                g.primary[0]
                for g in parsed.groups
                if len(g.alternatives) == 1 and len(g.primary) == 1
            }
        )
        if len(parsed.groups) < 2 or not words:
            return frozenset()
        df, total = self._document_frequencies(words)
        limit = common_limit(total)
        return frozenset(
            i
            for i, g in enumerate(parsed.groups)
            if len(g.alternatives) == 1
            and len(g.primary) == 1
            and df.get(g.primary[0], 0) > limit
        )

    def _document_frequencies(self, words: list[str]) -> tuple[dict[str, int], int]:
        """Entries holding each folded word in a text field, and all entries
        (one multi-search, cached for ``DF_TTL`` seconds)."""
        now = time.monotonic()
        cached = self._df_cache
        if now - cached.get("", (now, 0))[0] > DF_TTL:
            cached.clear()
        missing = [w for w in words if w not in cached]
        if missing or "" not in cached:
            body = []
            for word in ["", *missing]:
                clauses = [{"term": {field: word}} for field in WORD_FIELDS]
                query = {"bool": {"should": clauses}} if word else {"match_all": {}}
                body += [{}, {"size": 0, "track_total_hits": True, "query": query}]
            response = self._call(self.client.msearch, index=self.index, body=body)
            for word, answer in zip(["", *missing], response["responses"], strict=True):
                total = answer.get("hits", {}).get("total", {}).get("value", 0)
                cached[word] = (now, total)
        return {w: cached[w][1] for w in words}, cached[""][1]

    def _named_documents(self, parsed: ParsedQuery) -> list[dict[str, Any]]:
        """Code and type of the entries whose số ký hiệu the query names."""
        if not parsed.code_keys:
            return []
        body = {
            "size": CODE_LOOKUP_LIMIT,
            "query": {"terms": {"code_keys": parsed.code_keys[:CODE_LOOKUP_LIMIT]}},
            "_source": ["kind", "code", "doc_type"],
        }
        response = self._call(
            self.client.search, index=self.index, body=body, ignore_unavailable=True
        )
        return [hit["_source"] for hit in response["hits"]["hits"]]

    def _results(self, response, parsed: ParsedQuery, named) -> SearchResults:
        hits = [self._hit(raw, parsed) for raw in response["hits"]["hits"]]
        documents = [r for r in named if r.get("kind") == "document"] or named
        return SearchResults(
            hits=hits,
            total=response["hits"]["total"]["value"],
            facets=self._facets(response.get("aggregations", {})),
            code_match=(documents[0].get("code") or None) if documents else None,
        )

    def _hit(self, raw: dict, parsed: ParsedQuery) -> Hit:
        source = raw["_source"]
        highlight = raw.get("highlight", {})
        fragments = highlight.get(HIGHLIGHT_FIELD)
        snippet = (
            fragments[0]
            if fragments
            else make_snippet(
                source.get("body")
                or source.get("legal_basis")
                or source.get("title", ""),
                parsed.highlight_terms,
            )
        )
        return Hit(
            key=source["key"],
            page_id=source["page_id"],
            kind=source["kind"],
            title=source["title"],
            url=source["url"],
            code=source.get("code", ""),
            article=source.get("article"),
            anchor=source.get("anchor"),
            score=round(shown_score(float(raw.get("_score") or 0.0)), 4),
            snippet=snippet,
            doc_type=source.get("doc_type", ""),
            issuer=source.get("issuer", ""),
            date=to_date(source.get("date")),
            status=source.get("status", ""),
        )

    def _facets(self, aggregations: dict) -> dict[str, list[tuple]]:
        facets = {}
        for name in FACET_FIELDS:
            buckets = aggregations.get(name, {}).get("buckets", [])
            facets[name] = [
                (b["key"], self._label(b), b["doc_count"])
                for b in buckets
                if str(b["key"]) != ""
            ]
        return order_facets(facets)

    @staticmethod
    def _label(bucket: dict) -> str:
        labels = bucket.get("label", {}).get("buckets", [])
        return labels[0]["key"] if labels else str(bucket["key"])
