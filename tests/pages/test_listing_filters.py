"""The filters of /van-ban/ speak to a citizen: each list starts with "Tất cả",
as "Hiệu lực" and the exemplar gallery's lists do, not Django's "---------"."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_every_filter_list_starts_with_all(site_tree, client):
    _home, index = site_tree
    html = client.get(index.url).content.decode()
    assert "---------" not in html
    for name in ("type", "issuer", "field", "status"):
        first = re.search(
            rf'<select name="{name}"[^>]*>\s*<option value="([^"]*)"[^>]*>([^<]*)<',
            html,
        )
        assert first is not None, name
        assert first.groups() == ("", "Tất cả"), name


@pytest.mark.parametrize("query", ["issuer=%00", "issuer=a%00b"])
def test_an_issuer_with_a_nul_character_is_refused_before_any_query(
    site_tree, client, django_assert_num_queries, query
):
    """``?issuer=%00`` answered a 500 on PostgreSQL, which refuses a NUL in a
    text parameter: the old-slug look-up (``IssuingBody.by_slug``) ran before
    the checks of Django's ``ModelChoiceField``. It is refused first now, with
    the listing's message beside the field, and no query is made for it."""
    from django.http import QueryDict

    from pages.models.home import DocumentFilterForm

    form = DocumentFilterForm(QueryDict(query))
    with django_assert_num_queries(0):
        assert not form.is_valid()
    assert "issuer" in form.errors
    _home, index = site_tree
    response = client.get(f"{index.url}?{query}")
    assert response.status_code == 200
    assert "Không được chứa ký tự rỗng (null)." in response.content.decode()
