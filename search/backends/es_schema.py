"""Elasticsearch mapping for index entries (``elasticsearch.dsl``).

Analyzers (no ICU plugin needed):

- ``vi_exact``: tone placement normalised by char filters (old "hoà" → new
  "hòa", one ``pattern_replace`` per tone and vowel pair), standard tokenizer,
  lowercase. Used for the exact-accent fields that rank accented matches higher.
- ``vi_folded``: the same, plus "đ" → "d" and ``asciifolding`` with
  ``preserve_original`` (so both "hòa" and "hoa" are indexed), lowercase.
- ``vi_bigram``: folded tokens joined in pairs (``shingle``), the bigrams that
  reward words appearing together as in the query.

The indexer also sends text through ``search.text.normalize_tones``, so the
char filters are a second line for text that reaches the index another way.
"""

from __future__ import annotations

import unicodedata

from elasticsearch.dsl import (
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Long,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

TONES = "\u0300\u0301\u0309\u0303\u0323"


def _tone_filters() -> list:
    """pattern_replace char filters moving old-style tones: "oà" → "òa"."""
    filters = []
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
                filters.append(
                    char_filter(
                        f"vi_tone_{first}{second}{index}_{case.__name__}",
                        "pattern_replace",
                        pattern=f"{guard}{old}(?!\\p{{L}})",
                        replacement=new,
                    )
                )
    return filters


TONE_FILTERS = _tone_filters()
D_TO_D = char_filter("vi_d", "mapping", mappings=["đ=>d", "Đ=>D", "ð=>d", "Ð=>D"])
FOLDING = token_filter("vi_asciifolding", "asciifolding", preserve_original=True)
BIGRAMS = token_filter(
    "vi_shingle",
    "shingle",
    min_shingle_size=2,
    max_shingle_size=2,
    output_unigrams=False,
    token_separator="_",
)
VI_EXACT = analyzer(
    "vi_exact", tokenizer="standard", char_filter=TONE_FILTERS, filter=["lowercase"]
)
VI_FOLDED = analyzer(
    "vi_folded",
    tokenizer="standard",
    char_filter=[*TONE_FILTERS, D_TO_D],
    filter=["lowercase", FOLDING],
)
VI_FOLDED_ONLY = analyzer(
    "vi_folded_only",
    tokenizer="standard",
    char_filter=[*TONE_FILTERS, D_TO_D],
    filter=["lowercase", "asciifolding"],
)
VI_BIGRAM = analyzer(
    "vi_bigram",
    tokenizer="standard",
    char_filter=[*TONE_FILTERS, D_TO_D],
    filter=["lowercase", "asciifolding", BIGRAMS],
)


def vi_text(bigrams: bool = False) -> Text:
    """A text field analysed exact, with ``.folded`` (and ``.bigram``) sub-fields."""
    fields = {"folded": Text(analyzer=VI_FOLDED, search_analyzer=VI_FOLDED_ONLY)}
    if bigrams:
        fields["bigram"] = Text(analyzer=VI_BIGRAM)
    return Text(analyzer=VI_EXACT, fields=fields)


class EntryDocument(Document):
    """One ``IndexEntry`` in Elasticsearch."""

    key = Keyword()
    page_id = Long()
    kind = Keyword()
    title = vi_text(bigrams=True)
    url = Keyword(index=False)
    code = Text(analyzer=VI_FOLDED_ONLY, fields={"raw": Keyword()})
    code_keys = Keyword()
    article = Keyword()
    anchor = Keyword(index=False)
    legal_basis = vi_text()
    body = vi_text(bigrams=True)
    doc_type = Keyword()
    issuer = Keyword()
    issuer_key = Keyword()
    issuer_id = Long()
    year = Integer()
    date = Date()
    fields = Keyword()
    status = Keyword()
    tags = Keyword()
    cites = Keyword()
    effective_date = Date()
    expiry_date = Date()


def index_definition(name: str, shards: int = 1, replicas: int = 0) -> Index:
    """The concrete index ``name`` with the entry mapping and analyzers."""
    index = Index(name)
    index.settings(
        number_of_shards=shards, number_of_replicas=replicas, max_result_window=10_000
    )
    index.document(EntryDocument)
    return index
