"""OpenSearch down: the search page answers 200 with a Vietnamese notice.

tests/faults/test_search_down.py covers Elasticsearch; the same with the
OpenSearch backend (``OPENSEARCH_URL``), at a loopback port nothing listens on.
"""

import pytest
from django.urls import reverse

from tests.factories import PlanPageFactory
from tests.faults.test_search_down import db_backend
from tests.ops.test_services_down import unused_port


def dead_opensearch() -> dict:
    return {
        "BACKEND": "search.backends.engine.opensearch.OpenSearchBackend",
        "OPTIONS": {
            "URL": f"http://127.0.0.1:{unused_port()}",
            "INDEX": "portal-ops-down",
        },
    }


@pytest.mark.parametrize("fallback", [True, False])
def test_search_page_with_opensearch_down(client, settings, site_tree, fallback):
    backends = {"default": dead_opensearch()}
    if fallback:
        backends["fallback"] = db_backend(settings)
    settings.PORTAL_SEARCH_BACKENDS = backends
    PlanPageFactory(parent=site_tree[1], title="Kế hoạch thi đua khen thưởng")
    response = client.get(reverse("search:page"), {"q": "thi đua khen thưởng"})
    assert response.status_code == 200
    body = response.content.decode()
    assert ("tạm thời" if fallback else "gián đoạn") in body
