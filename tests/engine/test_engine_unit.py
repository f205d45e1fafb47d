"""The engine mapping and query bodies, checked without a server, built with
both clients' DSLs (they must give the same bodies)."""

from __future__ import annotations

import json

import opensearchpy
import pytest
from elasticsearch import dsl as es_dsl

from search import FALLBACK_NOTICE
from search import query as search_query
from search.backends.engine import query as engine_query
from search.backends.engine.core import entry_source
from search.backends.engine.elasticsearch import ElasticsearchBackend
from search.backends.engine.mapping import index_definition
from search.backends.engine.opensearch import OpenSearchBackend
from search.backends.engine.query import Builder
from search.query import parse
from search.types import SearchQuery
from tests.search.corpus import CT34_KEYS, entries

DSLS = [opensearchpy, es_dsl]


def index_definition_dict(name: str) -> dict:
    """The index body, the same from both DSLs."""
    bodies = [index_definition(dsl, name).to_dict() for dsl in DSLS]
    assert bodies[0] == bodies[1]
    return bodies[0]


def test_analyzers_fold_and_pair_words_without_regex_filters():
    analysis = index_definition_dict("portal-x")["settings"]["analysis"]
    folded = analysis["analyzer"]["vi_folded"]
    assert folded["filter"] == ["lowercase", "asciifolding"]
    assert folded["char_filter"] == ["vi_d"]
    assert analysis["char_filter"]["vi_d"]["mappings"][:2] == ["đ=>d", "Đ=>D"]
    # Tone placement is the indexer's (entry_source) and the parser's work: no
    # per-document regex pass in the node.
    assert all(f["type"] == "mapping" for f in analysis["char_filter"].values())
    shingle = analysis["filter"]["vi_shingle"]
    assert (shingle["min_shingle_size"], shingle["output_unigrams"]) == (2, False)


def test_index_is_built_without_refresh_and_searched_with_it():
    building = index_definition(opensearchpy, "portal-x", replicas=2, building=True)
    settings = building.to_dict()["settings"]
    assert settings["refresh_interval"] == "-1"
    assert settings["translog"] == {"durability": "async"}
    assert settings["number_of_replicas"] == 0
    live = index_definition_dict("portal-x")["settings"]
    assert live["refresh_interval"] == "1s"
    assert live["translog"] == {"durability": "request"}


@pytest.mark.parametrize("old, new", [("hoà", "hòa"), ("thuỷ", "thủy"), ("quỷ", "quỷ")])
def test_old_tone_placement_meets_the_new_in_index_and_query(old, new):
    entry = next(e for e in entries() if e.key == "page:4")
    entry.title = f"{old} {old.upper()}"
    assert entry_source(entry)["title"] == f"{new} {new.upper()}"
    assert parse(old).exact_tokens == [new]


def test_mapping_keyword_fields_for_codes_and_facets():
    properties = index_definition_dict("portal-x")["mappings"]["properties"]
    for name in (
        "code_keys",
        "kind",
        "doc_type",
        "issuer",
        "issuer_key",
        "status",
        "fields",
        "tags",
        "cites",
        "cites_basis",
        "key",
    ):
        assert properties[name]["type"] == "keyword", name
    # Title, legal basis and body are scored as one folded text, as FTS5 scores
    # its columns: one frequency and one length per entry.
    for name in ("title", "legal_basis", "body"):
        assert properties[name]["copy_to"] == "text", name
    assert properties["text"]["analyzer"] == "vi_folded"
    assert properties["text"]["fields"]["bigram"]["analyzer"] == "vi_bigram"
    # Snippets are made in Python from the stored text: nothing analysed twice.
    assert "fields" not in properties["body"]
    assert properties["code"]["fields"]["raw"]["type"] == "keyword"
    assert properties["date"]["type"] == "date"


def _body(text: str, **kwargs) -> dict:
    query = SearchQuery(text=text, **kwargs)
    bodies = [
        Builder(dsl)
        .build_search(
            parse(text),
            query,
            require_all=True,
            code_keys=parse(text).code_keys,
            document_first=True,
        )
        .to_dict()
        for dsl in DSLS
    ]
    assert bodies[0] == bodies[1]
    return bodies[0]


def test_query_boosts_code_then_document_and_keeps_filters_out_of_score():
    body = _body("34-CT/TW", filters={"type": ["Chỉ thị"], "cites": "k"})
    should = body["query"]["bool"]["should"]
    boosts = [c["constant_score"]["boost"] for c in should if "constant_score" in c]
    assert boosts == [10_000.0, 1_000.0]
    assert {"terms": {"doc_type": ["Chỉ thị"]}} in body["query"]["bool"]["filter"]
    assert {"terms": {"cites": ["k"]}} in body["query"]["bool"]["filter"]


def test_a_code_only_query_lifts_those_citing_it_in_the_request_itself():
    """Every page of the engine's order holds the citing tiers (basis, then
    body), scoring only: what matches is the query's business."""
    parsed = parse("34-CT/TW")
    plain = _body("34-CT/TW")["query"]
    bodies = [
        Builder(dsl)
        .build_search(
            parsed,
            SearchQuery(text="34-CT/TW"),
            require_all=True,
            code_keys=parsed.code_keys,
            document_first=True,
            citing=["34-ct/tw"],
        )
        .to_dict()["query"]
        for dsl in DSLS
    ]
    assert bodies[0] == bodies[1]
    query = bodies[0]["bool"]
    assert query["must"] == [plain] and "minimum_should_match" not in query
    basis, body = (clause["constant_score"] for clause in query["should"])
    assert (basis["boost"], body["boost"]) == (2_000.0, 1_000.0)
    assert {"terms": {"cites_basis": ["34-ct/tw"]}} in basis["filter"]["bool"]["filter"]
    assert {"terms": {"cites": ["34-ct/tw"]}} in body["filter"]["bool"]["filter"]
    excluded = body["filter"]["bool"]["must_not"]
    assert {"terms": {"cites_basis": ["34-ct/tw"]}} in excluded
    assert {"terms": {"code_keys": parsed.code_keys}} in excluded


def test_query_folds_and_boosts_bigrams_and_exact_accent_above_zero(monkeypatch):
    """The accented form is asked for only with an exact-accent weight above
    0 (shipped 0: ``search.query.EXACT_WEIGHT``), with that weight as boost."""
    text = json.dumps(_body("hoà bình")["query"], ensure_ascii=False)
    assert '"query": "hoa"' in text and "hòa" not in text
    assert '"text.bigram": {"value": "hoa_binh"' in text
    monkeypatch.setattr(search_query, "EXACT_WEIGHT", 0.5)
    monkeypatch.setattr(engine_query, "EXACT_FIELDS", ["title^0.5", "body^0.5"])
    text = json.dumps(_body("hoà bình")["query"], ensure_ascii=False)
    assert '"query": "hòa", "fields": ["title^0.5", "body^0.5"]' in text


def test_synonyms_and_phrases_in_query():
    text = json.dumps(_body('UBND "thi đua"')["query"])
    assert '"query": "uy ban nhan dan", "fields"' in text
    assert '"type": "phrase"' in text


def test_aggregations_source_sort_and_page():
    body = _body("", sort="date", page=3, per_page=10)
    assert set(body["aggs"]) == {
        "type",
        "issuer",
        "year",
        "field",
        "status",
        "tag",
        "kind",
    }
    # One request per search: the hits come with what a Hit and the second
    # stage read (the snippet is made from the body), nothing highlighted.
    assert "highlight" not in body
    assert {"key", "title", "url", "body", "legal_basis", "year"} <= set(
        body["_source"]
    )
    assert "code_keys" not in body["_source"]
    assert body["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
    assert (body["from"], body["size"]) == (20, 10)
    assert {"bool": {"must_not": [{"term": {"kind": "article"}}]}} in (
        body["query"]["bool"]["filter"]
    )


def test_deep_pages_stay_inside_the_result_window():
    body = _body("thi dua", page=9999, per_page=100)
    assert body["from"] + body["size"] <= 10_000


def test_entry_source_normalises_tones_and_keeps_code_keys():
    source = entry_source(next(e for e in entries() if e.key == "page:4"))
    assert source["title"].startswith("Xã Hòa Bình")
    assert entry_source(entries()[0])["code_keys"] == CT34_KEYS


@pytest.mark.parametrize("backend_class", [ElasticsearchBackend, OpenSearchBackend])
def test_unreachable_cluster_is_unhealthy_and_raises_backend_error(backend_class):
    from search.backends import BackendError

    backend = backend_class("x", {"URL": "http://127.0.0.1:9", "TIMEOUT": 1})
    assert backend.health() is False
    with pytest.raises(BackendError):
        backend.search(SearchQuery(text="thi dua"))


@pytest.mark.django_db
@pytest.mark.parametrize("backend_class", [ElasticsearchBackend, OpenSearchBackend])
def test_search_falls_back_with_a_notice(settings, backend_class):
    from django.db import connection

    import search
    from search.backends import default_config

    database = default_config(connection.vendor, None)["default"]
    settings.PORTAL_SEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"{backend_class.__module__}.{backend_class.__name__}",
            "OPTIONS": {"URL": "http://127.0.0.1:9", "TIMEOUT": 1},
        },
        "fallback": database,
    }
    search.get_backend("fallback").add_bulk(entries())
    results = search.search(SearchQuery(text="thi đua"))
    assert results.notice == FALLBACK_NOTICE
    assert results.hits


def test_a_hit_without_a_score_shows_0_not_its_tier_taken_away():
    """Sorted by date, an engine hit comes with ``"_score": null``: a document
    citing the code in its legal basis showed -2000 (0 minus its citing tier)
    on a code-only query sorted by date; as any hit without a score, it shows 0."""
    from search.backends.engine.reading import shown

    source = {"kind": "document", "cites": ["k"], "cites_basis": ["k"]}
    assert shown({"_score": None, "_source": source}, ["k"]) == 0.0
    assert shown({"_score": 2_003.5, "_source": source}, ["k"]) == 3.5
    assert (
        shown({"_score": 1_002.0, "_source": source | {"cites_basis": []}}, ["k"])
        == 2.0
    )
