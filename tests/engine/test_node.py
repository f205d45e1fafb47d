"""The live node runs the portal's mapping: its analyzers fold Vietnamese as the
database backends do (analysis-common's asciifolding, shingle and
mapping char filter must be on the node's classpath)."""

import uuid

import opensearchpy
import pytest

from search.backends.engine.mapping import index_definition
from tests.engine.live import request, require_node


@pytest.fixture
def live_index():
    require_node()
    name = f"portal_node_test_{uuid.uuid4().hex[:8]}"
    request("PUT", f"/{name}", index_definition(opensearchpy, name).to_dict())
    yield name
    request("DELETE", f"/{name}")


def tokens(index: str, analyzer: str, text: str) -> list[str]:
    body = {"analyzer": analyzer, "text": text}
    return [t["token"] for t in request("POST", f"/{index}/_analyze", body)["tokens"]]


def test_folded_analyzer_folds(live_index):
    # "đ" becomes "d" before tokenizing; tone marks are dropped.
    assert tokens(live_index, "vi_folded", "Đường Hòa THỦY") == ["duong", "hoa", "thuy"]


def test_exact_analyzer_keeps_accents(live_index):
    assert tokens(live_index, "vi_exact", "Thúy HÒA") == ["thúy", "hòa"]


def test_bigram_analyzer_pairs_folded_words(live_index):
    assert tokens(live_index, "vi_bigram", "thi đua khen") == ["thi_dua", "dua_khen"]
