"""Finding the live OpenSearch node the engine tests run against.

``OPENSEARCH_TEST_URL`` names it (``.ci/run`` sets it); otherwise the node of
``make opensearch`` on 127.0.0.1:``$OPENSEARCH_PORT`` (default 9200) is used when
it answers. Without a node the live cases skip with ``SKIP_REASON``.
"""

from __future__ import annotations

import functools
import json
import os
import urllib.error
import urllib.request

import pytest

SKIP_MARK = "live OpenSearch"


def node_url() -> str:
    url = os.environ.get("OPENSEARCH_TEST_URL")
    if url:
        return url.rstrip("/")
    return f"http://127.0.0.1:{os.environ.get('OPENSEARCH_PORT', '9200')}"


def skip_reason() -> str:
    return (
        f"{SKIP_MARK}: no node answers on {node_url()}; start one with "
        "`make opensearch` (or set OPENSEARCH_TEST_URL)"
    )


@functools.cache
def node_answers() -> bool:
    """True when an OpenSearch node answers at ``node_url()``."""
    try:
        with urllib.request.urlopen(node_url(), timeout=2) as response:
            info = json.load(response)
    except (OSError, ValueError, urllib.error.URLError):
        return False
    return info.get("version", {}).get("distribution") == "opensearch"


def require_node() -> str:
    """The node's URL, or skip the test when none answers."""
    if not node_answers():
        pytest.skip(skip_reason())
    return node_url()


def request(method: str, path: str, body: dict | None = None) -> dict:
    """One JSON call to the live node (tests only)."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        node_url() + path,
        data=data,
        method=method,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=30) as response:
        return json.load(response)
