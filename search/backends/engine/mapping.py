"""The index mapping and analyzers shared by the OpenSearch and Elasticsearch
backends, built with the client's own DSL (``opensearchpy`` or
``elasticsearch.dsl``: same classes, same shape).

Analyzers (the node's analysis-common module; no ICU plugin needed):

- ``vi_exact``: tone placement normalised by char filters (old "hoà" → new
  "hòa", one ``pattern_replace`` per tone and vowel pair), standard tokenizer,
  lowercase. Used for the exact-accent fields that rank accented matches higher.
- ``vi_folded``: the same, plus "đ" → "d" and ``asciifolding`` with
  ``preserve_original`` (so both "hòa" and "hoa" are indexed), lowercase.
- ``vi_bigram``: folded tokens joined in pairs (``shingle``), the word pairs that
  reward words appearing together as in the query.

The indexer also sends text through ``normalize_tones``, so the char filters
are a second line for text that reaches the index another way.
"""

from __future__ import annotations

import functools
import unicodedata
from types import ModuleType, SimpleNamespace

from ...query import bigram

TONES = "\u0300\u0301\u0309\u0303\u0323"
# The separator of a word pair's token: the same as the database backends'.
PAIR_SEPARATOR = bigram("", "")


def tone_patterns() -> list[tuple[str, str, str]]:
    """(name, Java regex, replacement) moving old-style tones: "oà" → "òa"."""
    patterns = []
    pairs = (
        ("o", "a", "(?<![gqGQ])"),
        ("o", "e", "(?<![gqGQ])"),
        ("u", "y", "(?<![qQ])"),
    )
    for first, second, guard in pairs:
        for index, tone in enumerate(TONES):
            for case in (str.lower, str.upper):
                old = case(first) + unicodedata.normalize("NFC", case(second) + tone)
                new = unicodedata.normalize("NFC", case(first) + tone) + case(second)
                name = f"vi_tone_{first}{second}{index}_{case.__name__}"
                patterns.append((name, f"{guard}{old}(?!\\p{{L}})", new))
    return patterns


@functools.cache
def analysis(dsl: ModuleType) -> SimpleNamespace:
    """The analyzers, built with ``dsl``'s ``analyzer``/``char_filter``/``token_filter``."""
    tones = [
        dsl.char_filter(name, "pattern_replace", pattern=pattern, replacement=new)
        for name, pattern, new in tone_patterns()
    ]
    d_to_d = dsl.char_filter(
        "vi_d", "mapping", mappings=["đ=>d", "Đ=>D", "ð=>d", "Ð=>D"]
    )
    folding = dsl.token_filter(
        "vi_asciifolding", "asciifolding", preserve_original=True
    )
    shingle = dsl.token_filter(
        "vi_shingle",
        "shingle",
        min_shingle_size=2,
        max_shingle_size=2,
        output_unigrams=False,
        token_separator=PAIR_SEPARATOR,
    )
    folded_chars = [*tones, d_to_d]
    return SimpleNamespace(
        tone_filters=tones,
        exact=dsl.analyzer(
            "vi_exact", tokenizer="standard", char_filter=tones, filter=["lowercase"]
        ),
        folded=dsl.analyzer(
            "vi_folded",
            tokenizer="standard",
            char_filter=folded_chars,
            filter=["lowercase", folding],
        ),
        folded_only=dsl.analyzer(
            "vi_folded_only",
            tokenizer="standard",
            char_filter=folded_chars,
            filter=["lowercase", "asciifolding"],
        ),
        bigram=dsl.analyzer(
            "vi_bigram",
            tokenizer="standard",
            char_filter=folded_chars,
            filter=["lowercase", "asciifolding", shingle],
        ),
    )


def vi_text(dsl: ModuleType, bigrams: bool = False):
    """A text field analysed exact, with ``.folded`` (and ``.bigram``) sub-fields."""
    an = analysis(dsl)
    fields = {"folded": dsl.Text(analyzer=an.folded, search_analyzer=an.folded_only)}
    if bigrams:
        fields["bigram"] = dsl.Text(analyzer=an.bigram)
    return dsl.Text(analyzer=an.exact, fields=fields)


def entry_mapping(dsl: ModuleType):
    """The ``Mapping`` of one ``IndexEntry``: keyword fields for codes and facets."""
    an = analysis(dsl)
    keyword, unindexed = dsl.Keyword, functools.partial(dsl.Keyword, index=False)
    fields = {
        "key": keyword(),
        "page_id": dsl.Long(),
        "kind": keyword(),
        "title": vi_text(dsl, bigrams=True),
        "url": unindexed(),
        "code": dsl.Text(analyzer=an.folded_only, fields={"raw": keyword()}),
        "code_keys": keyword(),
        "article": keyword(),
        "anchor": unindexed(),
        "legal_basis": vi_text(dsl),
        "body": vi_text(dsl, bigrams=True),
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
        "effective_date": dsl.Date(),
        "expiry_date": dsl.Date(),
    }
    mapping = dsl.Mapping()
    for name, field in fields.items():
        mapping.field(name, field)
    return mapping


def index_definition(dsl: ModuleType, name: str, shards: int = 1, replicas: int = 0):
    """The concrete index ``name`` with the entry mapping and analyzers."""
    index = dsl.Index(name)
    index.settings(
        number_of_shards=shards,
        number_of_replicas=replicas,
        max_result_window=10_000,
        refresh_interval="1s",
    )
    index.mapping(entry_mapping(dsl))
    return index
