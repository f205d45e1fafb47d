"""The index mapping and analyzers shared by the OpenSearch and Elasticsearch
backends, built with the client's own DSL (``opensearchpy`` or
``elasticsearch.dsl``: same classes, same shape).

Analyzers (the node's analysis-common module; no ICU plugin needed):

- ``vi_exact``: standard tokenizer, lowercase. Used for the exact-accent
  fields that rank accented matches higher.
- ``vi_folded``: "đ" → "d", standard tokenizer, lowercase and ``asciifolding``
  ("hòa" → "hoa"); ``text`` (title, legal basis and body as one field, as
  the database backends score them) and the số ký hiệu.
- ``vi_bigram``: folded tokens joined in pairs (``shingle``), the word pairs that
  reward words appearing together as in the query.

Tone placement (old "hoà" → new "hòa") is not the analyzers' work: the indexer
sends every text field through ``documents.text.normalize_tones``
(``core.entry_source``) and queries are parsed the same way
(``search.query.parse``), so the index and the query always agree. Regex char
filters doing it again cost most of the indexing time.
"""

from __future__ import annotations

import functools
from types import ModuleType, SimpleNamespace

from ...query import bigram

# The separator of a word pair's token: the same as the database backends'.
PAIR_SEPARATOR = bigram("", "")


@functools.cache
def analysis(dsl: ModuleType) -> SimpleNamespace:
    """The analyzers, built with ``dsl``'s ``analyzer``/``char_filter``/``token_filter``."""
    d_to_d = dsl.char_filter(
        "vi_d", "mapping", mappings=["đ=>d", "Đ=>D", "ð=>d", "Ð=>D"]
    )
    shingle = dsl.token_filter(
        "vi_shingle",
        "shingle",
        min_shingle_size=2,
        max_shingle_size=2,
        output_unigrams=False,
        token_separator=PAIR_SEPARATOR,
    )
    return SimpleNamespace(
        exact=dsl.analyzer("vi_exact", tokenizer="standard", filter=["lowercase"]),
        folded=dsl.analyzer(
            "vi_folded",
            tokenizer="standard",
            char_filter=[d_to_d],
            filter=["lowercase", "asciifolding"],
        ),
        bigram=dsl.analyzer(
            "vi_bigram",
            tokenizer="standard",
            char_filter=[d_to_d],
            filter=["lowercase", "asciifolding", shingle],
        ),
    )


def vi_text(dsl: ModuleType):
    """A text field analysed exact (accented words rank higher), copied into
    ``text``. Snippets are made in Python from the stored text, as the
    database backends make them: no field is analysed for highlighting."""
    return dsl.Text(analyzer=analysis(dsl).exact, copy_to="text")


def entry_mapping(dsl: ModuleType):
    """The ``Mapping`` of one ``IndexEntry``: keyword fields for codes and facets."""
    an = analysis(dsl)
    keyword, unindexed = dsl.Keyword, functools.partial(dsl.Keyword, index=False)
    fields = {
        "key": keyword(),
        "page_id": dsl.Long(),
        "kind": keyword(),
        "title": vi_text(dsl),
        "url": unindexed(),
        "code": dsl.Text(analyzer=an.folded, fields={"raw": keyword()}),
        "code_keys": keyword(),
        "article": keyword(),
        "anchor": unindexed(),
        "legal_basis": vi_text(dsl),
        "body": vi_text(dsl),
        # Title, legal basis and body folded as one text, as the database
        # backends score them: one term frequency and one length per entry
        # (FTS5's BM25 over its columns), its word pairs beside it.
        "text": dsl.Text(
            analyzer=an.folded, fields={"bigram": dsl.Text(analyzer=an.bigram)}
        ),
        "doc_type": keyword(),
        "issuer": keyword(),
        "issuer_key": keyword(),
        "issuer_id": dsl.Long(),
        "year": dsl.Integer(),
        "date": dsl.Date(),
        "fields": keyword(),
        "status": keyword(),
        "tags": keyword(),
        "cites": keyword(),
        "cites_basis": keyword(),
        "effective_date": dsl.Date(),
        "expiry_date": dsl.Date(),
    }
    mapping = dsl.Mapping()
    for name, field in fields.items():
        mapping.field(name, field)
    return mapping


def live_settings(replicas: int = 0) -> dict:
    """The settings of an index being searched: new entries visible within a
    second, every write on disk before it is acknowledged."""
    return {
        "number_of_replicas": replicas,
        "refresh_interval": "1s",
        "translog": {"durability": "request"},
    }


# While a rebuild fills a new index nobody searches yet: no refresh (each makes
# a segment to merge later), no replica to copy to, the translog synced every
# few seconds instead of on every bulk request. ``live_settings`` follow.
BUILD_SETTINGS = {
    "number_of_replicas": 0,
    "refresh_interval": "-1",
    "translog": {"durability": "async"},
}


def index_definition(
    dsl: ModuleType,
    name: str,
    shards: int = 1,
    replicas: int = 0,
    building: bool = False,
):
    """The concrete index ``name`` with the entry mapping and analyzers
    (``building``: the settings of an index that a rebuild is filling)."""
    index = dsl.Index(name)
    index.settings(
        number_of_shards=shards,
        max_result_window=10_000,
        **(BUILD_SETTINGS if building else live_settings(replicas)),
    )
    index.mapping(entry_mapping(dsl))
    return index
