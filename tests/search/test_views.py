"""/tim-kiem/, the suggestions, the JSON API and the management commands."""

from __future__ import annotations

import json
import re

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import search
from search.types import SearchQuery

pytestmark = pytest.mark.django_db


def test_page_shows_cards_facets_and_highlights(client, documents):
    directive, _plan = documents
    html = client.get("/tim-kiem/", {"q": "34-CT/TW"}).content.decode()
    assert "Số ký hiệu <strong>34-CT/TW</strong>" in html
    assert html.index(directive.title) < html.index("Kế hoạch thi đua, khen thưởng")
    assert "Loại văn bản" in html and "Cơ quan ban hành" in html
    assert "badge-con_hieu_luc" in html and "Còn hiệu lực" in html
    assert "?cites=34-ct%2Ftw" in html


def test_page_headings_never_skip_a_level(client, documents):
    """Screen-reader users move from heading to heading: the facet headings
    were h3 right under the page's h1, before any h2."""
    html = client.get("/tim-kiem/", {"q": "thi dua"}).content.decode()
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]
    assert levels[0] == 1 and levels.count(1) == 1
    pairs = zip(levels, levels[1:], strict=False)
    assert [(a, b) for a, b in pairs if b > a + 1] == []


def test_page_article_hit_links_to_the_anchor(client, documents):
    html = client.get("/tim-kiem/", {"q": "chi thi 34 giay khen"}).content.decode()
    assert "#dieu-2" in html and "Tại" in html
    assert "<mark>giấy khen</mark>" in html  # a synonym phrase, marked whole


def test_filters_from_facet_links(client, documents):
    _directive, plan = documents
    html = client.get(
        "/tim-kiem/", {"q": "thi dua", "type": "Kế hoạch"}
    ).content.decode()
    assert plan.title in html and "Chỉ thị về tăng cường" not in html


@pytest.mark.parametrize("page", ["-3", "0", "abc", "10" * 30, "99999", ""])
def test_bad_page_numbers_give_page_one(client, documents, page):
    response = client.get("/tim-kiem/", {"q": "thi dua", "page": page})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="result-count"' in html
    # A page past the end says it shows page 1 instead; a page number that is
    # no number is read as page 1 without a word.
    assert ("Danh sách không có trang 99999; đây là trang 1." in html) == (
        page == "99999"
    )


@pytest.mark.parametrize(
    ("raw", "number"),
    [("7", 7), (" 12 ", 12), ("99999", 99999), ("0", 1), ("-3", 1), ("abc", 1),
     ("", 1), (None, 1), ("١٢", 1), ("10" * 30, 1)],
)  # fmt: skip
def test_page_number_is_the_number_asked(raw, number):
    """Not cut to MAX_PAGE: the call site does that (and the notice reads it)."""
    from search.views import _page_number

    assert _page_number(raw) == number


def test_the_query_asks_page_one_past_max_page():
    from django.http import QueryDict

    from search.backends.base import MAX_PAGE
    from search.views import query_from_params

    for asked, page in ((MAX_PAGE, MAX_PAGE), (MAX_PAGE + 1, 1)):
        assert query_from_params(QueryDict(f"page={asked}")).page == page


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(q=st.text(max_size=300), page=st.text(max_size=12), year=st.text(max_size=8))
def test_any_parameters_never_500(client, site_tree, q, page, year):
    q = q.replace("\x00", "")
    params = {"q": q, "page": page, "year": year}
    assert client.get("/tim-kiem/", params).status_code == 200
    response = client.get("/api/v1/search/", params)  # a bad page or year: 400/404
    assert response.status_code in (200, 400, 404)
    detail = response.json().get("detail", "")
    assert response.status_code == 200 or detail.startswith(("page", "year"))


def test_nul_bytes_and_huge_queries(client, documents):
    for q in ["a\x00b", "x" * 20_000, 'NEAR( "*', "🎉"]:
        assert client.get("/tim-kiem/", {"q": q}).status_code == 200


def test_api_returns_results_and_facets(client, documents):
    directive, plan = documents
    data = client.get("/api/v1/search/", {"q": "34/CT-TW"}).json()
    assert data["results"][0]["url"].startswith("/")
    assert data["results"][0]["code"] == "34-CT/TW"
    assert data["code_match"] == "34-CT/TW"
    assert {"kind", "type", "issuer", "year", "status"} <= set(data["facets"])
    cited = client.get("/api/v1/search/", {"cites": "34-ct/tw"}).json()
    assert [r["title"] for r in cited["results"]] == [plan.title]


def test_suggestions(client, documents):
    data = client.get("/tim-kiem/goi-y/", {"q": "thi dua"}).json()
    assert any("thi đua" in title for title in data["suggestions"])


def test_search_command_json_and_batch(documents, tmp_path, capsys):
    call_command("search", "34-CT/TW", "--json", "--limit", "2")
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0]["code"] == "34-CT/TW"
    assert set(rows[0]) == {
        "kind",
        "title",
        "url",
        "code",
        "article",
        "score",
        "snippet",
    }
    batch = tmp_path / "queries.txt"
    batch.write_text("34-CT/TW\n\nchi thi 34 giay khen\n", encoding="utf-8")
    call_command("search", "--batch", str(batch), "--limit", "3", "--json")
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["query"] for line in lines] == ["34-CT/TW", "", "chi thi 34 giay khen"]
    assert lines[1]["results"] == [] and lines[2]["results"][0]["article"] == "Điều 2"


def test_search_command_says_when_nothing_matches(documents, capsys):
    call_command("search", "zzqqxx")
    captured = capsys.readouterr()
    assert captured.out == "" and "No results." in captured.err


def test_manage_py_stops_quietly_when_the_reader_closes_the_pipe(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    manage = subprocess.Popen(
        [sys.executable, str(root / "manage.py"), "help"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    manage.stdout.close()  # the reader goes away before the first line
    _, err = manage.communicate(timeout=120)
    assert b"BrokenPipeError" not in err


@pytest.mark.parametrize(
    "args, message",
    [
        (["search", "   "], "Give a QUERY"),
        (["rebuild_search_index", "--backend", "nope"], "unknown backend 'nope'"),
        (["rebuild_search_index", "--chunk-size", "0"], "--chunk-size"),
    ],
)
def test_commands_refuse_bad_input_with_one_line(documents, args, message):
    with pytest.raises(CommandError, match=message):
        call_command(*args)
    assert search.search(SearchQuery(text="34-CT/TW")).hits  # the index is kept


def test_search_batch_refuses_a_file_that_is_not_utf8(documents, tmp_path):
    batch = tmp_path / "queries.txt"
    batch.write_bytes("Hội đồng thi đua\n".encode("utf-16"))  # as Notepad saves
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("search", "--batch", str(batch))


def test_search_batch_names_a_missing_file_plainly(documents, tmp_path):
    missing = tmp_path / "none.txt"
    with pytest.raises(CommandError) as raised:
        call_command("search", "--batch", str(missing))
    assert str(raised.value) == f"{missing}: No such file or directory"


def test_rebuild_command(documents, capsys):
    call_command("rebuild_search_index", "--no-progress")
    assert "default: 4 entries indexed" in capsys.readouterr().out


def test_degraded_answers_are_not_cached(client, documents, settings):
    from django.db import connection

    from search.backends import default_config

    settings.PORTAL_SEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.engine.elasticsearch.ElasticsearchBackend",
            "OPTIONS": {"URL": "http://127.0.0.1:9", "TIMEOUT": 1},
        },
        # the database backend of the database under test (SQLite or PostgreSQL)
        "fallback": default_config(connection.vendor, None)["default"],
    }
    response = client.get("/tim-kiem/", {"q": "thi dua"})
    assert "tạm thời không phản hồi" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("name", ["year", "issuer"])
def test_unicode_digits_in_numeric_filters_never_fail(client, documents, name):
    """ "²" and "٣" pass str.isdigit(); only decimal digits may reach int()."""
    for value in ("²", "١٣", "2²"):
        assert (
            client.get("/tim-kiem/", {"q": "thi dua", name: value}).status_code == 200
        )
        answer = client.get("/api/v1/search/", {name: value}).status_code
        assert answer == (400 if name == "year" else 200)  # a year that is none
