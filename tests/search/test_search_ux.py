"""What the search page, the API and ``manage.py search`` tell the user
(walk defects 14-17): a draft's code, an unreadable or too long query, the
words that found nothing, the engine down, facet counts of documents."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from search.types import SearchQuery
from search.unmatched import unmatched_words
from tests.factories import PlanPageFactory
from tests.faults.test_search_down import DEAD_ES, db_backend

from .conftest import DATABASES
from .corpus import entries
from .pages import make_documents, publish

API = "/api/v1/search/"
PAGE = "/tim-kiem/"


@pytest.fixture
def documents(site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        directive, plan = make_documents(site_tree[1])
        draft = publish(
            PlanPageFactory(
                parent=site_tree[1],
                title="Kế hoạch dự thảo về hội thi tay nghề",
                number=None,
                symbol="KH-UBND",
            )
        )
    return directive, plan, draft


# -- 1. a draft's code is "" everywhere -----------------------------------------
@pytest.mark.django_db
def test_a_draft_has_no_code_in_the_api_and_the_command(client, documents, capsys):
    *_, draft = documents
    assert draft.code.startswith("/")  # stored in its header form
    data = client.get(API, {"q": "hội thi tay nghề"}).json()
    hit = next(r for r in data["results"] if r["title"] == draft.title)
    assert hit["code"] == ""
    flat = client.get(API, {"q": "hội thi tay nghề", "group": "0"}).json()
    assert all(r["code"] == "" for r in flat["results"] if r["page_id"] == draft.pk)
    call_command("search", "hội thi tay nghề", "--json")
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["code"] for r in rows if r["title"] == draft.title] == [""]
    call_command("search", "hội thi tay nghề")
    assert "/KH-UBND" not in capsys.readouterr().out


# -- 2. a query of control characters or U+FFFD is empty ----------------------
@pytest.mark.django_db
@pytest.mark.parametrize("raw", ["%ff%fe", "%00", "%00%ff%20%01"])
def test_an_unreadable_query_is_an_empty_query(client, documents, raw):
    html = client.get(f"{PAGE}?q={raw}").content.decode()
    assert 'class="result-count"' not in html
    assert 'id="q" type="search" name="q" value=""' in html  # not "��"
    assert (
        'id="header-q" type="search" name="q" placeholder="Tìm văn bản, số ký hiệu…" value=""'
        in html
    )
    assert "\ufffd" not in html
    data = client.get(f"{API}?q={raw}").json()
    empty = client.get(API, {"q": ""}).json()
    assert data["query"]["q"] == "" and data["total"] == empty["total"]


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["\x00", "\ufffd\ufffd", " \x01 "])
def test_the_command_refuses_an_unreadable_query(documents, text):
    with pytest.raises(CommandError, match="Give a QUERY"):
        call_command("search", text)


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["***", "—", "!!! ???", "🎉🔥"])
def test_a_query_without_letters_or_digits_searches_nothing(client, documents, text):
    html = client.get(PAGE, {"q": text}).content.decode()
    assert "Câu tìm kiếm không có chữ hoặc số nào để tìm" in html
    assert 'class="result-count"' not in html  # it listed every document
    data = client.get(API, {"q": text}).json()
    assert data["query"]["q"] == ""
    with pytest.raises(CommandError, match="with a letter or digit"):
        call_command("search", text)
    words = client.get(PAGE, {"q": "thi đua ***"}).content.decode()
    assert 'class="result-count"' in words and "không có chữ hoặc số" not in words


# -- 3. a query cut at 500 characters says so ------------------------------------
@pytest.mark.django_db
def test_a_long_query_is_cut_and_says_so(client, documents):
    long = "thi đua " * 100  # 800 characters
    html = client.get(PAGE, {"q": long}).content.decode()
    notice = "Câu tìm kiếm dài quá 500 ký tự; chỉ 500 ký tự đầu được dùng."
    assert notice in html
    assert notice not in client.get(PAGE, {"q": "thi đua"}).content.decode()
    data = client.get(API, {"q": long}).json()
    assert data["query_truncated"] is True and len(data["query"]["q"]) <= 500
    assert client.get(API, {"q": "thi đua"}).json()["query_truncated"] is False


@pytest.mark.django_db
def test_the_command_says_the_query_was_cut(documents, capsys):
    call_command("search", "thi đua " * 100, "--json")
    err = capsys.readouterr().err
    assert "longer than 500 characters; only the first 500 were searched" in err


# -- 4. the words that found nothing ----------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    "q, named",
    [
        ("Kế hoạch Nghệ An thi đua", "Nghệ An"),
        ("ke hoach nghe an thi dua", "nghe an"),
        ("thi đua xyzzy", "xyzzy"),
    ],
)
def test_the_page_and_the_api_name_the_words_that_found_nothing(
    client, documents, q, named
):
    html = client.get(PAGE, {"q": q}).content.decode()
    assert f"Không có văn bản nào chứa đúng: “{named}”" in html
    assert client.get(API, {"q": q}).json()["unmatched_words"] == [named]


@pytest.mark.django_db
def test_words_all_found_are_not_named(client, documents):
    html = client.get(PAGE, {"q": "Kế hoạch thi đua khen thưởng"}).content.decode()
    assert "Không có văn bản nào chứa đúng" not in html
    assert client.get(API, {"q": "thi dua khen thuong"}).json()["unmatched_words"] == []


@pytest.mark.django_db(databases=DATABASES)
def test_unmatched_words_from_each_backend(backend):
    backend.add_bulk(entries())
    assert unmatched_words("thi đua khen thưởng 2025", backend) == []
    assert unmatched_words("thi đua xyzzy", backend) == ["xyzzy"]
    assert unmatched_words("THI DUA XYZZY", backend) == ["XYZZY"]
    # Each word is held ("huyện Tam Đường"), never next to the other: a name.
    assert unmatched_words("thi đua Đường Tam", backend) == ["Đường Tam"]
    assert unmatched_words("thi dua duong tam", backend) == ["duong tam"]
    assert unmatched_words("thi đua Tam Đường", backend) == []


# -- 5. facet counts count documents ---------------------------------------------
@pytest.mark.django_db(databases=DATABASES)
def test_facets_count_each_document_once(backend):
    backend.add_bulk(entries())
    results = backend.search(SearchQuery(text="thi đua khen thưởng", per_page=100))
    hits = results.hits
    assert len({h.page_id for h in hits}) < len(hits)  # a document and its Điều
    for name, attribute in (("type", "doc_type"), ("status", "status")):
        pages: dict[str, set[int]] = {}
        for hit in hits:
            if getattr(hit, attribute):
                pages.setdefault(getattr(hit, attribute), set()).add(hit.page_id)
        counts = {value: count for value, _label, count in results.facets[name]}
        assert counts == {value: len(ids) for value, ids in pages.items()}, name
    kinds = {value: count for value, _label, count in results.facets["kind"]}
    articles = {h.page_id for h in hits if h.kind == "article"}
    assert kinds["article"] == len(articles)


@pytest.mark.django_db
def test_the_page_counts_a_law_once(client, documents):
    directive, *_ = documents
    html = client.get(PAGE, {"q": "chi thi so 34-CT/TW giay khen"}).content.decode()
    assert 'Chỉ thị</a> <span class="count">(1)</span>' in html


@pytest.mark.django_db
def test_words_are_not_looked_up_when_the_engine_did_not_answer(
    settings, client, documents, monkeypatch
):
    # The fallback answered: asking the dead engine for word counts would cost
    # one more timeout per request and could answer nothing.
    import search.views

    settings.PORTAL_SEARCH_BACKENDS = {
        "default": DEAD_ES,
        "fallback": db_backend(settings),
    }
    asked = []
    monkeypatch.setattr(search.views, "unmatched_words", lambda *a: asked.append(a))
    html = client.get(PAGE, {"q": "thi đua xyzzy"}).content.decode()
    assert "Không có văn bản nào chứa đúng" not in html
    assert client.get(API, {"q": "thi dua xyzzy"}).json()["unmatched_words"] == []
    assert asked == []


# -- 6. the command says when the database answered for the engine ----------------
@pytest.mark.django_db
def test_the_command_says_the_fallback_answered(settings, documents, capsys):
    settings.PORTAL_SEARCH_BACKENDS = {
        "default": DEAD_ES,
        "fallback": db_backend(settings),
    }
    call_command("search", "thi dua", "--json")
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == [
        "The search engine did not answer; the database search answered "
        "(results may be less complete)."
    ]
    assert captured.out  # the database's results
    call_command("search", "thi dua", "--group")
    assert "did not answer" in capsys.readouterr().err
