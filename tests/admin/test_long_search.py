"""A very long search query on an admin listing is searched, not a 500.

Each word was one more nested SQL condition; some 500 words (a pasted text, a
tampered ?q=) exceeded Python's recursion limit on every listing that searches
through Wagtail's backend (``pages.admin_search`` keeps the first 100 words).
"""

import pytest
from django.urls import reverse
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, PlainText

from documents.models import IssuingBody
from pages.admin_search import MAX_QUERY_WORDS, fold_query

LONG = "văn bản " * 700


@pytest.mark.parametrize(
    "name",
    [
        "wagtailadmin_pages:search",
        "wagtailimages:index",
        "wagtaildocs:index",
        "wagtailsnippets_documents_issuingbody:list",
    ],
)
def test_long_query_on_a_listing(admin_client, name):
    response = admin_client.get(reverse(name), {"q": LONG})
    assert response.status_code == 200


def test_long_query_keeps_its_first_words(db):
    IssuingBody.objects.create(name="Ủy ban nhân dân huyện Tam Đường")
    query = "tam duong " + "x" * 5 + " ủy" * 400
    assert fold_query(query).split() == ["tam", "duong", "xxxxx"] + ["uy"] * 97
    found = get_search_backend().search("Tam Đường" + " huyện" * 600, IssuingBody)
    assert [b.name for b in found] == ["Ủy ban nhân dân huyện Tam Đường"]


def test_long_query_object():
    query = fold_query(And([PlainText(f"từ {n}") for n in range(300)]))
    assert len(query.subqueries) == MAX_QUERY_WORDS
    assert query.subqueries[0].query_string == "tu 0"
