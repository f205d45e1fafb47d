"""Reading an engine index: the search plan, the second stage and the answer
(the part of ``core.EngineBackend`` that only reads).

A query with words is matched by every group when that finds something, else
by any group (common words then keep only their word pairs). Sorted by
relevance, the best ``search.ranking.DEPTH`` hits get the second-stage bonuses
of ``search.ranking`` in Python, as the database backends give them, before
the page is cut. A query naming only a số ký hiệu lifts the documents citing
it in the request itself (``query.Builder.citing_queries``), so every page,
within the second stage's window or beyond it, lists them in their tiers.
"""

from __future__ import annotations

import time
from functools import partial
from typing import Any

from ... import codes, ranking
from ...query import (
    ParsedQuery,
    all_words_first,
    citing_keys,
    code_remainder,
    common_limit,
)
from ...snippets import make_snippet
from ...types import Hit, SearchQuery, SearchResults, order_facets
from ...types import parse_date as to_date
from .mapping import PAIR_SEPARATOR
from .query import (
    BIGRAM_FIELDS,
    CITED_BOOST,
    CODE_BOOST,
    FACET_FIELDS,
    FACET_SIZE,
    RANK_FIELDS,
    WORD_FIELDS,
    page_start,
    shown_score,
)

CODE_LOOKUP_LIMIT = 20
DF_TTL = 60.0  # seconds a word's document frequency is reused


class EngineReading:
    """Searching (mixed into ``core.EngineBackend``: uses its ``client``,
    ``index``, ``builder``, ``_call`` and ``_df_cache``)."""

    def _search(self, parsed: ParsedQuery, query: SearchQuery) -> SearchResults:
        named = self._named_documents(parsed)
        document_first = bool(named) and not code_remainder(parsed, named)
        code_keys = parsed.code_keys if named else []
        citing = citing_keys(parsed, named)[:CODE_LOOKUP_LIMIT]
        tries = [True, False] if all_words_first(parsed) else [False]
        window = self._window(parsed, query, len(named))
        response = None
        for require_all in tries:
            search = self.builder.build_search(
                parsed,
                query,
                require_all=require_all,
                code_keys=code_keys,
                document_first=document_first,
                common=frozenset() if require_all else self._common_groups(parsed),
                window=window,
                citing=citing,
            )
            response = self._call(
                self.client.search,
                index=self.index,
                body=search.to_dict(),
                ignore_unavailable=True,
            )
            if response["hits"]["total"]["value"]:
                break
        if window:
            return self._reranked(response, parsed, query, named, citing)
        return self._results(response, parsed, named, citing)

    @staticmethod
    def _window(parsed: ParsedQuery, query: SearchQuery, named: int) -> int:
        """Hits to fetch for the second stage (0: none, the page comes as the
        engine orders it). The second stage reorders the best
        ``ranking.DEPTH`` by score; only adding to scores, it leaves every
        later hit where it was, so a page beyond them needs no second stage."""
        start = page_start(query)
        if query.sort == "date" or parsed.is_empty or start >= ranking.DEPTH:
            return 0
        return max(ranking.DEPTH, start + query.per_page) + named

    def _reranked(self, response, parsed, query, named, citing) -> SearchResults:
        """The page after the second stage (``search.ranking.bonuses``, as the
        database backends apply it): the named số ký hiệu's entries first, then
        the best ``ranking.DEPTH`` others with their bonuses, then the rest,
        cut from the window's hits (they came whole). The citing tiers came
        in the engine's order; the signals read the scores without them."""
        raw = response["hits"]["hits"]
        named_hits = [h for h in raw if (h.get("_score") or 0.0) >= CODE_BOOST]
        # "98/2023/NĐ-CP điều 5": that Điều of the named document goes first.
        numbers = ranking.named_articles(parsed.folded_tokens)
        named_hits.sort(
            key=lambda h: ranking.article_number(h["_source"]["key"]) not in numbers
        )
        others = [h for h in raw if (h.get("_score") or 0.0) < CODE_BOOST]
        top = others[: ranking.DEPTH]
        scores = {h["_id"]: shown(h, citing) for h in raw}
        candidates = [
            ranking.Candidate(
                i,
                scores[h["_id"]],
                *(h["_source"].get(f) for f in RANK_FIELDS[2:]),
                key=h["_source"]["key"],
                page_id=h["_source"]["page_id"],
            )
            for i, h in enumerate(top)
        ]
        added = ranking.bonuses(
            parsed.folded_tokens,
            candidates,
            texts=lambda ids: self.hit_bodies({i: top[i] for i in ids}),
            asked=parsed.asked_terms,
        )
        for i, bonus in added.items():
            scores[top[i]["_id"]] += bonus
        top = sorted(top, key=lambda h: -scores[h["_id"]])  # stable for ties
        rest = citing_first(citing, top + others[ranking.DEPTH :])
        start = page_start(query)
        page = (named_hits + rest)[start : start + query.per_page]
        hits = [self._hit(h, parsed, score=scores[h["_id"]]) for h in page]
        return self._summary(response, hits, named)

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

    def token_frequencies(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        """Words and word pairs ("nghe_an", counted in ``text.bigram``)."""
        return self._document_frequencies(tokens)

    def _document_frequencies(self, words: list[str]) -> tuple[dict[str, int], int]:
        """Entries holding each folded word in a text field (a word pair in
        the word pair field), and all entries (one multi-search, cached for
        ``DF_TTL`` seconds)."""
        now = time.monotonic()
        cached = self._df_cache
        if now - cached.get("", (now, 0))[0] > DF_TTL:
            cached.clear()
        missing = [w for w in words if w not in cached]
        if missing or "" not in cached:
            body = []
            for word in ["", *missing]:
                fields = BIGRAM_FIELDS if PAIR_SEPARATOR in word else WORD_FIELDS
                clauses = [{"term": {field: word}} for field in fields]
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

    def _results(self, response, parsed: ParsedQuery, named, citing) -> SearchResults:
        hits = [
            self._hit(raw, parsed, score=shown(raw, citing))
            for raw in response["hits"]["hits"]
        ]
        return self._summary(response, hits, named)

    def _summary(self, response, hits: list[Hit], named) -> SearchResults:
        documents = [r for r in named if r.get("kind") == "document"] or named
        return SearchResults(
            hits=hits,
            total=response["hits"]["total"]["value"],
            facets=self._facets(response.get("aggregations", {})),
            code_match=(documents[0].get("code") or None) if documents else None,
        )

    def _hit(self, raw: dict, parsed: ParsedQuery, score: float) -> Hit:
        source = raw["_source"]
        text = (
            source.get("body") or source.get("legal_basis") or source.get("title", "")
        )
        hit = Hit(
            key=source["key"],
            page_id=source["page_id"],
            kind=source["kind"],
            title=source["title"],
            url=source["url"],
            code=source.get("code", ""),
            article=source.get("article"),
            anchor=source.get("anchor"),
            score=round(score, 4),
            doc_type=source.get("doc_type", ""),
            issuer=source.get("issuer", ""),
            date=to_date(source.get("date")),
            status=source.get("status", ""),
        )
        hit.defer_snippet(partial(make_snippet, text, parsed.highlight_terms))
        return hit

    def _facets(self, aggregations: dict) -> dict[str, list[tuple]]:
        facets = {}
        for name in FACET_FIELDS:
            buckets = aggregations.get(name, {}).get("buckets", [])
            values = [
                (
                    b["key"],
                    self._label(b),
                    b.get("pages", {}).get("value", b["doc_count"]),
                )
                for b in buckets
                if str(b["key"]) != ""
            ]
            # As the database backends order and cut them: most documents
            # first, ties by label (the buckets come with ties by key).
            values.sort(key=lambda value: (-value[2], str(value[1])))
            facets[name] = values[:FACET_SIZE]
        return order_facets(facets)

    @staticmethod
    def _label(bucket: dict) -> str:
        labels = bucket.get("label", {}).get("buckets", [])
        return labels[0]["key"] if labels else str(bucket["key"])


def tier(hit: dict, keys: list[str]) -> int:
    """The citing tier of an engine hit (``codes.citing_tier``)."""
    source = hit["_source"]
    return codes.citing_tier(
        keys,
        source.get("kind", ""),
        source.get("cites") or [],
        source.get("cites_basis") or [],
    )


def shown(hit: dict, keys: list[str]) -> float:
    """A hit's score without the số ký hiệu boosts and its citing tier; 0 for
    a hit the engine gave no score (sorted by date, ``_score`` is null): no
    tier is taken from a score it never had."""
    if hit.get("_score") is None:
        return 0.0
    score = float(hit["_score"])
    if score >= CODE_BOOST or not keys:
        return shown_score(score)
    return score - CITED_BOOST * tier(hit, keys)


def citing_first(keys: list[str], hits: list[dict]) -> list:
    """The documents citing the code (``keys``: ``query.citing_keys``) in
    their tiers, each in its order: ``hits`` are the engine's order, which
    ``query.Builder.citing_queries`` lifted, the best of them reordered by
    the second stage within their tiers' scores."""
    if not keys:
        return hits
    return sorted(hits, key=lambda hit: -tier(hit, keys))
