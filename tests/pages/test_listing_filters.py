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
