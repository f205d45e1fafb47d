"""XSS payloads in document fields, imported text and queries come out escaped."""

import pytest

from pages.bodytext import paragraph_html
from tests.factories import PlanPageFactory

from .conftest import api_urls

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</title><svg onload=alert(1)>",
    "javascript:alert(1)//<a href='x'>",
]
DANGEROUS = ["<script>alert", "<img src=x", "<svg onload", "onerror=alert(1)>"]


def assert_escaped(body: str, where: str) -> None:
    for marker in DANGEROUS:
        assert marker not in body, f"unescaped {marker!r} on {where}"


@pytest.fixture
def hostile_plan(site_tree):
    _home, index = site_tree
    payload = " ".join(PAYLOADS)
    return PlanPageFactory(
        parent=index,
        title=f"Kế hoạch {PAYLOADS[0]}",
        summary=f"Trích yếu {payload}",
        legal_basis=f"Căn cứ {PAYLOADS[1]}\nCăn cứ {PAYLOADS[2]}",
        recipients=f"- {PAYLOADS[0]}\n- {PAYLOADS[1]}",
        signer_position=PAYLOADS[1],
        place=PAYLOADS[2],
        body=[("paragraph", paragraph_html(payload))],
    )


def test_document_fields_are_escaped_on_every_public_surface(client, hostile_plan):
    index = hostile_plan.get_parent().url
    urls = [hostile_plan.url, "/", index, f"{index}rss/", f"{index}atom/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url)
    body = client.get(hostile_plan.url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_imported_text_is_escaped_in_rich_text():
    html = paragraph_html("\n".join(PAYLOADS))
    assert_escaped(html, "paragraph_html")
    assert html.count("<p>") == len(PAYLOADS)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_search_queries_are_escaped(client, site_tree, payload):
    _home, index = site_tree
    urls = ["/tim-kiem/", index.url] + api_urls()
    for url in urls:
        response = client.get(url, {"q": payload, "type": payload, "year": payload})
        assert response.status_code < 500, url
        if response.status_code != 200:
            continue
        content_type = response["Content-Type"]
        if content_type.startswith("application/json"):
            continue  # echoed as JSON data, never parsed as HTML (nosniff)
        assert content_type.startswith("text/html"), (url, content_type)
        assert_escaped(response.content.decode(), url)
