"""Diacritics restored from the index's own text (``search.restore``)."""

from __future__ import annotations

from collections import Counter

import pytest
from django.db import connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import restore
from search.indexing import page_entries
from search.query import parse
from search.types import IndexEntry, SearchQuery

from .conftest import DATABASES, make_backend, search_with_exact_weight
from .corpus import document_entry
from .pages import make_documents

pytestmark = pytest.mark.django_db


def _entry(n: int, title: str, body: str = "") -> IndexEntry:
    """A document entry (the text of the tests is Vietnamese prose)."""
    return document_entry(n, title=title, body=body)


CONTENT = [
    _entry(1, "Quyết định công bố thủ tục hành chính", "Ban hành kèm theo."),
    _entry(2, "Quyết định ban hành quy chế", "Quyết định này có hiệu lực."),
    _entry(3, "Bán hàng đa cấp", "Hoạt động bán hàng đa cấp phải đăng ký."),
    _entry(4, "Biên bản bàn giao", "Bàn giao tài sản; bàn giao hồ sơ."),
]


@pytest.fixture
def content():
    restore.rebuild(CONTENT)


def test_a_query_without_diacritics_gets_them_from_the_content(content):
    assert (
        restore.restore_text("quyet dinh cong bo thu tuc hanh chinh")
        == "quyết định công bố thủ tục hành chính"
    )


def test_the_word_pair_decides_between_forms_of_one_word(content):
    assert restore.restore_text("ban hanh quy che") == "ban hành quy chế"
    assert restore.restore_text("ban hang da cap") == "bán hàng đa cấp"
    assert restore.restore_text("bien ban ban giao") == "biên bản bàn giao"


def test_an_ambiguous_word_takes_its_most_frequent_form():
    stats = {
        "#": Counter({"#": 100}),
        "ban": Counter({"bàn": 5, "bán": 2, "ban": 1}),
        "giao": Counter({"giao": 6, "giáo": 2}),
        "ban_giao": Counter({"bàn_giao": 5, "bán_giáo": 2}),
    }
    words = ["ban", "giao"]
    assert restore.best_sequence(words, words, stats) == ["bàn", "giao"]
    stats["ban_giao"] = Counter({"bàn_giao": 1, "bán_giáo": 4})
    assert restore.best_sequence(words, words, stats) == ["bán", "giáo"]
    # Without a word pair seen around it, a word of several forms stays.
    stats["ca"] = Counter({"cá": 3})
    assert restore.best_sequence(["ca", "ban"], ["ca", "ban"], stats) == ["cá", "ban"]


def test_unknown_words_codes_and_typed_marks_stay_as_typed(content):
    assert restore.restore_text("xyzzy 2025 qd-ubnd") == "xyzzy 2025 qd ubnd"
    # "bàn" typed with marks stays, and steers its neighbour.
    assert restore.restore_text("bien ban bàn giao") == "biên bản bàn giao"
    assert restore.restore_text("bán hang") == "bán hàng"


def test_parse_gives_restored_words_as_exact_tokens(content):
    parsed = parse("ban hang da cap", restore.restorer())
    assert parsed.exact_tokens == ["bán", "hàng", "đa", "cấp"]
    assert parsed.folded_tokens == ["ban", "hang", "da", "cap"]
    assert parse("ban hang da cap").exact_tokens == []


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.text(max_size=200))
def test_hostile_input_never_fails(content, text):
    exact = restore.restore_text(text)
    assert isinstance(exact, str)


@pytest.mark.parametrize(
    "text",
    ["'; DROP TABLE portal_search_accent; --", "\x00ban\x00", "ban " * 500, "🙂 ban"],
)
def test_hostile_queries_search_without_error(content, text):
    backend = make_backend("sqlite")
    backend.add_bulk(CONTENT)
    assert backend.search(SearchQuery(text=text)).total >= 0
    assert restore.lookup(["ban"])["ban"]["bán"] == 2


def test_statistics_unavailable_leave_the_query_as_typed(content):
    with connections["default"].cursor() as cursor:
        cursor.execute(f"DROP TABLE {restore.TABLE}")
    try:
        assert restore.restore_text("ban hang") == "ban hang"
    finally:
        restore.create_tables(connections["default"])


@pytest.mark.django_db(databases=DATABASES)
@pytest.mark.parametrize("name", ["sqlite", "postgres"])
def test_an_unaccented_query_finds_the_exact_accent_match_first(monkeypatch, name):
    """Two entries alike once folded: as typed they tie; with the accents the
    content makes likely ("bàn giao"), the entry that has them comes first.
    Restoration feeds the exact-accent boost, so it acts only with a weight
    above 0 (shipped 0: ``search.query.EXACT_WEIGHT``)."""
    search_with_exact_weight(monkeypatch, 0.5)
    backend = make_backend(name)
    using = backend.options.get("DATABASE", "default")
    restore.create_tables(connections[using])
    entries = [
        _entry(1, "Văn bản số 1", "Bán giáo tài sản công."),
        _entry(2, "Văn bản số 2", "Bàn giao tài sản công."),
    ]
    entries += [_entry(n, "Biên bản bàn giao", "Bàn giao hồ sơ.") for n in (3, 4, 5)]
    entries += [_entry(n, "Báo cáo", "Hồ sơ lưu trữ.") for n in range(6, 16)]
    backend.add_bulk(entries)
    restore.rebuild(entries, using)
    query = SearchQuery(text="ban giao tai san cong", per_page=10)

    def twins():
        hits = backend.search(query).hits
        keys = [h.key for h in hits]
        spelt, other = (hits[keys.index(f"page:{n}")] for n in (2, 1))
        return keys.index("page:2") < keys.index("page:1"), spelt.score, other.score

    assert twins()[1] == twins()[2]  # off by default: a tie
    backend.options["RESTORE_ACCENTS"] = True
    try:
        before, spelt, other = twins()
        assert before and spelt > other
    finally:
        del backend.options["RESTORE_ACCENTS"]


def test_nothing_is_counted_while_restoration_is_off(
    site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_documents(site_tree[1])
    assert restore.lookup(["giay_khen", "#"]) == {}


def test_publishing_counts_a_page_and_unpublishing_forgets_it(
    site_tree, django_capture_on_commit_callbacks, settings
):
    settings.SEARCH_RESTORE_ACCENTS = True
    with django_capture_on_commit_callbacks(execute=True):
        directive, plan = make_documents(site_tree[1])
    assert restore.lookup(["giay_khen"])["giay_khen"]["giấy_khen"] > 0
    counted = restore.counted_revisions([directive.pk])
    assert counted == {directive.pk: directive.live_revision_id}
    before = restore.lookup(["thi_dua"])["thi_dua"]["thi_đua"]
    # Publishing again (or moving) does not count the same text twice.
    with django_capture_on_commit_callbacks(execute=True):
        directive.save_revision().publish()
    assert restore.lookup(["thi_dua"])["thi_dua"]["thi_đua"] == before
    with django_capture_on_commit_callbacks(execute=True):
        directive.unpublish()
    assert "giay_khen" not in restore.lookup(["giay_khen"])
    assert restore.lookup(["thi_dua"])["thi_dua"]["thi_đua"] < before
    assert restore.counted_revisions([directive.pk]) == {}
    assert page_entries(plan)


def test_rebuild_counts_what_publishing_counted(
    site_tree, django_capture_on_commit_callbacks, settings
):
    settings.SEARCH_RESTORE_ACCENTS = True
    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):
        make_documents(site_tree[1])
    grams = ["giay_khen", "thi_dua", "khen", "thuong"]
    incremental = restore.lookup(grams)
    call_command("rebuild_search_index", verbosity=0, no_progress=True)
    assert restore.lookup(grams) == incremental
