"""What the OpenSearch and Elasticsearch backends share: the index behind an
alias and writing to it (reading: ``reading.EngineReading``). Subclasses
supply the client, its DSL module and the few calls whose signatures differ.

``OPTIONS``: ``URL`` (the cluster), ``INDEX`` (the alias searched, default
"portal"), optional ``TIMEOUT`` and ``WRITE_TIMEOUT`` seconds, ``SHARDS`` and
``REPLICAS`` for new indices, ``INDEX_THREADS`` (bulk requests a rebuild keeps
in flight, 2). Concrete indices are named ``<INDEX>-<timestamp>``;
``rebuild`` fills a new one and swaps the alias in one atomic call, so
searches never see a half-built index.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from types import ModuleType
from typing import Any

from documents.text import nfc, normalize_tones

from ...types import IndexEntry
from ..base import BackendError, SearchBackend, chunked
from .mapping import index_definition, live_settings
from .query import RESULT_WINDOW, Builder
from .reading import EngineReading

ALIAS_TTL = 60.0  # seconds an existing alias is not checked again
BULK_CHUNK = 500  # actions per bulk request
BULK_BYTES = 8 * 2**20  # and at most this many bytes


def index_action(entry: IndexEntry) -> dict[str, Any]:
    """The bulk action writing ``entry`` (replacing the entry with its key)."""
    return {"_id": entry.key, "_source": entry_source(entry)}


def delete_action(key: str) -> dict[str, Any]:
    return {"_op_type": "delete", "_id": key}


def entry_source(entry: IndexEntry) -> dict[str, Any]:
    """The document sent to the engine for ``entry``."""
    source = entry.to_dict()
    for name in ("title", "body", "legal_basis"):
        source[name] = normalize_tones(nfc(source[name]))
    source["issuer_key"] = str(entry.issuer_id) if entry.issuer_id else entry.issuer
    source["year"] = entry.facet_year
    return source


class EngineBackend(EngineReading, SearchBackend):
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
        self._alias_seen_until = 0.0

    # -- what a client subclass supplies ------------------------------------------
    def connect(self):
        """A new client for ``self.options``."""
        raise NotImplementedError

    def client_errors(self) -> tuple[type[BaseException], ...]:
        """The exceptions the client raises when the cluster cannot answer."""
        raise NotImplementedError

    def update_aliases(self, actions: list[dict]) -> None:
        raise NotImplementedError

    def helpers(self) -> ModuleType:
        """The client's ``helpers`` module (``bulk``, ``parallel_bulk``)."""
        raise NotImplementedError

    def connect_for_writes(self):
        """A client allowing ``WRITE_TIMEOUT`` seconds per call (a busy node
        takes longer to index a chunk than to answer a search)."""
        raise NotImplementedError

    @property
    def write_timeout(self) -> float:
        return float(self.options.get("WRITE_TIMEOUT", 120))

    @property
    def index_threads(self) -> int:
        """Bulk requests a rebuild keeps in flight (``INDEX_THREADS``, 2)."""
        return max(int(self.options.get("INDEX_THREADS", 2)), 1)

    @property
    def writer(self):
        if self._writer is None:
            self._writer = self.connect_for_writes()
        return self._writer

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
    @property
    def replicas(self) -> int:
        return int(self.options.get("REPLICAS", 0))

    def _new_index(self, building: bool = False) -> str:
        name = f"{self.index}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 10**6}"
        definition = index_definition(
            self.dsl,
            name,
            shards=int(self.options.get("SHARDS", 1)),
            replicas=self.replicas,
            building=building,
        )
        self._call(self.writer.indices.create, index=name, body=definition.to_dict())
        return name

    def _alias_targets(self) -> list[str]:
        if not self._call(self.client.indices.exists_alias, name=self.index):
            return []
        return list(self._call(self.client.indices.get_alias, name=self.index))

    def ensure_index(self) -> None:
        """Create the first concrete index and the alias when missing (checked
        at most once per ``ALIAS_TTL`` seconds: a write must not cost two more
        round trips)."""
        if time.monotonic() < self._alias_seen_until:
            return
        if not self._alias_targets():
            self._swap_alias(self._new_index())
        self._alias_seen_until = time.monotonic() + ALIAS_TTL

    def _swap_alias(self, new: str) -> None:
        old = self._alias_targets()
        actions = [{"remove": {"index": name, "alias": self.index}} for name in old]
        actions.append({"add": {"index": new, "alias": self.index}})
        self._call(self.update_aliases, actions)
        for name in old:
            self._call(self.client.indices.delete, index=name)

    def drop(self) -> None:
        """Delete the alias and every index behind it."""
        self._alias_seen_until = 0.0
        self._call(
            self.client.indices.delete, index=f"{self.index}-*", ignore_unavailable=True
        )

    # -- writing ----------------------------------------------------------------------
    @property
    def _refresh(self):
        """What a write waits for: nothing (the index's one-second refresh
        makes it visible), or the refresh itself (tests)."""
        return "wait_for" if self.refresh_on_write else False

    def _write(self, index: str, actions: list[dict]) -> None:
        """One bulk request per ``BULK_CHUNK`` actions, waiting as ``_refresh``
        says; a delete of an entry already gone is no error."""
        self._call(
            self.helpers().bulk,
            self.writer,
            actions,
            index=index,
            refresh=self._refresh,
            chunk_size=BULK_CHUNK,
            max_chunk_bytes=BULK_BYTES,
            ignore_status=(404,),
        )
        self._df_cache.clear()

    def add_bulk(self, entries: Iterable[IndexEntry]) -> int:
        actions = [index_action(e) for e in entries]
        self.ensure_index()
        if actions:
            self._write(self.index, actions)
        return len(actions)

    def delete(self, keys: Iterable[str] = (), page_id: int | None = None) -> None:
        """Remove entries by key (their ``_id``) and every entry of ``page_id``."""
        ids = set(keys)
        if page_id is not None:
            ids |= self._page_entry_ids([int(page_id)])
        if ids:
            self._write(self.index, [delete_action(key) for key in sorted(ids)])

    def replace_pages(
        self, page_ids: Iterable[int], entries: Iterable[IndexEntry]
    ) -> None:
        """The entries of ``page_ids`` become ``entries``: one search for what
        they hold now, one bulk request deleting what is gone and writing the
        rest (instead of a search and a request per page).

        Bulk deletes by id, not ``_delete_by_query``: that needs the reindex
        module, which a small node may not carry.
        """
        entries = list(entries)
        self.ensure_index()
        current = self._page_entry_ids([int(pk) for pk in page_ids])
        gone = current - {e.key for e in entries}
        actions = [delete_action(key) for key in sorted(gone)]
        actions += [index_action(e) for e in entries]
        if actions:
            self._write(self.index, actions)

    def _page_entry_ids(self, page_ids: list[int]) -> set[str]:
        if not page_ids:
            return set()
        body = {
            "size": RESULT_WINDOW,
            "query": {"terms": {"page_id": page_ids}},
            "_source": False,
        }
        response = self._call(
            self.client.search, index=self.index, body=body, ignore_unavailable=True
        )
        return {hit["_id"] for hit in response["hits"]["hits"]}

    def stored_texts(self, keys: list[str]) -> dict[str, str]:
        """Their body, else their legal basis (one request)."""
        sources = self._sources(keys, ["body", "legal_basis"])
        return {
            key: source.get("body") or source.get("legal_basis") or ""
            for key, source in sources.items()
        }

    def hit_bodies(self, raws: dict[int, dict]) -> dict[int, str]:
        """{i: body} of these hits of a response (the second stage's
        ``proximity`` text), read again when they came without it
        (``SearchQuery.texts`` False)."""
        missing = [raw["_id"] for raw in raws.values() if "body" not in raw["_source"]]
        bodies = {
            key: s.get("body") for key, s in self._sources(missing, ["body"]).items()
        }
        return {
            i: raw["_source"].get("body", bodies.get(raw["_id"])) or ""
            for i, raw in raws.items()
        }

    def _sources(self, keys: list[str], fields: list[str]) -> dict[str, dict]:
        """{key: those fields of its entry's source} (one search)."""
        if not keys:
            return {}
        body = {
            "size": len(keys),
            "query": {"ids": {"values": list(keys)}},
            "_source": fields,
        }
        response = self._call(
            self.client.search, index=self.index, body=body, ignore_unavailable=True
        )
        return {hit["_id"]: hit["_source"] for hit in response["hits"]["hits"]}

    def clear(self) -> None:
        self._swap_alias(self._new_index())

    def rebuild(self, entries, chunk_size: int = 500, progress=None) -> int:
        """Fill a new index and swap the alias to it.

        The new index is built without refreshes, replica or per-request
        translog syncs (``mapping.BUILD_SETTINGS``), with ``INDEX_THREADS``
        bulk requests in flight (``fill``). Then the index gets the settings
        of a searched one, is refreshed and replaces the old one.
        """
        new = self._new_index(building=True)
        try:
            count = self.fill(new, entries, chunk_size, progress)
            settings = live_settings(self.replicas)
            self._call(self.writer.indices.put_settings, index=new, body=settings)
            self._call(self.writer.indices.refresh, index=new)
        except BaseException:
            self._call(self.client.indices.delete, index=new, ignore_unavailable=True)
            raise
        self._swap_alias(new)
        self._df_cache.clear()
        return count

    def fill(self, index: str, entries, chunk_size: int = 500, progress=None) -> int:
        """Write ``entries`` into the concrete ``index`` with ``INDEX_THREADS``
        bulk requests in flight (default 2: the node indexes one request per
        thread, so one at a time leaves a core idle while this process reads
        the next chunk). ``entries`` are read in this thread only (they may
        come from the database); ``progress.update(n)`` follows each chunk."""
        count, pending = 0, deque[Future]()
        try:
            with ThreadPoolExecutor(self.index_threads) as pool:
                for chunk in chunked(entries, chunk_size):
                    actions = [index_action(e) for e in chunk]
                    while len(pending) >= self.index_threads:
                        pending.popleft().result()
                    pending.append(pool.submit(self._fill, index, actions))
                    count += len(chunk)
                    if progress is not None:
                        progress.update(len(chunk))
                while pending:
                    pending.popleft().result()
        except BaseException:
            for future in pending:
                future.cancel()
            raise
        self._df_cache.clear()
        return count

    def _fill(self, index: str, actions: list[dict]) -> None:
        """One chunk of a rebuild (in a worker thread)."""
        self._call(
            self.helpers().bulk,
            self.writer,
            actions,
            index=index,
            chunk_size=len(actions),
            max_chunk_bytes=BULK_BYTES,
        )

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
