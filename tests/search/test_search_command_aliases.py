"""``manage.py search --json``: a page that other addresses lead to names them."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect

pytestmark = pytest.mark.django_db


def test_a_redirected_address_is_named_beside_the_page(documents, tmp_path, capsys):
    directive, plan = documents
    # A second record with the directive's text, imported under its own slug,
    # became a permanent redirect to the directive (as the importer does).
    Redirect.objects.create(
        old_path="/van-ban/ban-sao-34", redirect_page=directive, is_permanent=True
    )
    Redirect.objects.create(
        old_path="/van-ban/tam-thoi", redirect_page=directive, is_permanent=False
    )
    batch = tmp_path / "queries.txt"
    batch.write_text("34-CT/TW\n", encoding="utf-8")
    for grouped in ([], ["--group"]):
        call_command("search", "--batch", str(batch), "--json", *grouped)
        (line,) = capsys.readouterr().out.splitlines()
        rows = json.loads(line)["results"]
        first = rows[0]
        assert first["url"] == directive.url
        assert first["aliases"] == ["/van-ban/ban-sao-34/"]
        for row in rows[1:] + first.get("articles", []):
            if row["url"].startswith(directive.url):
                anchor = row["url"][len(directive.url) :]
                assert row["aliases"] == ["/van-ban/ban-sao-34/" + anchor]
            else:  # the plan has no other address: its row is as before
                assert "aliases" not in row
