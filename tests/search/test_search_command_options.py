"""``manage.py search``: every filter option checked, an unknown value named
with the valid ones; valid values given by slug or without accents work."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def titles(capsys, *args) -> list[str]:
    call_command("search", "thi dua", "--json", *args)
    return [
        json.loads(line)["title"] for line in capsys.readouterr().out.split("\n")[:-1]
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        (["--type", "XYZ"], r"Unknown --type 'XYZ'\. Valid values: .*Chỉ thị"),
        (["--kind", "doc"], r"Unknown --kind 'doc'\. Valid values: document; article"),
        (["--status", "valid"], r"--status 'valid'.*con_hieu_luc \(Còn hiệu lực\)"),
        (["--issuer", "Bộ Không Có"], r"Unknown --issuer 'Bộ Không Có'\. Valid values"),
        (["--year", "20x"], r"--year: invalid int value: '20x'"),
        (["--year", "3000"], r"--year must be from 1945 to 2100, not 3000"),
        # The years a document can have (documents.dates), as the page's own.
        (["--year", "1944"], r"--year must be from 1945 to 2100, not 1944"),
        (["--limit", "0"], r"--limit must be from 1 to 100, not 0"),
        (["--limit", "-3"], r"--limit must be from 1 to 100, not -3"),
        (["--limit", "1000"], r"--limit must be from 1 to 100, not 1000"),
        (["--batch", "queries.txt"], r"Give a QUERY or --batch FILE, not both"),
    ],
)
def test_bad_option_values_are_named_with_the_valid_ones(documents, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("search", "thi dua", *args)


def test_valid_values_by_name_slug_or_without_accents(documents, capsys):
    directive, plan = documents
    assert titles(capsys, "--type", "chi thi", "--kind", "document") == [
        directive.title
    ]
    assert titles(capsys, "--type", plan.document_type.slug) == [plan.title]
    assert directive.title in titles(capsys, "--status", "Còn hiệu lực")
    assert directive.title in titles(capsys, "--status", "con_hieu_luc")
    issuer = directive.issuing_body
    assert directive.title in titles(capsys, "--issuer", issuer.name.upper())
    assert titles(capsys, "--year", "2019", "--kind", "document") == [directive.title]
    assert titles(capsys, "--year", "1999") == []


def test_the_command_line_exits_1_with_one_line(documents, capsys, monkeypatch):
    """As manage.py runs it: the error on stderr, exit status 1, no traceback."""
    from django.db import connections

    from search.management.commands.search import Command

    monkeypatch.setattr(connections, "close_all", lambda: None)  # the test's own
    with pytest.raises(SystemExit) as exited:
        Command().run_from_argv(["manage.py", "search", "x", "--type", "XYZ"])
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("CommandError: Unknown --type 'XYZ'. Valid values: ")
    assert "Traceback" not in err
