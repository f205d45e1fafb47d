"""The OpenSearch backend against the live node: what the database backends
promise, under the conditions only a real server has (an alias swap while
searching, a node dying mid-request, a node coming back)."""

from __future__ import annotations

import threading
import uuid
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connection

import search
from search import FALLBACK_NOTICE, get_backend
from search.backends import default_config
from search.backends.engine.opensearch import OpenSearchBackend
from search.types import IndexEntry, SearchQuery
from tests.search.corpus import entries
from tests.search.pages import make_documents, publish

from .live import require_node
from .proxy import Relay

pytestmark = pytest.mark.django_db
BACKEND = "search.backends.engine.opensearch.OpenSearchBackend"


def engine(url: str) -> OpenSearchBackend:
    backend = OpenSearchBackend(
        "live", {"URL": url, "INDEX": f"portal_live_{uuid.uuid4().hex[:8]}"}
    )
    backend.refresh_on_write = True
    return backend


@pytest.fixture
def node():
    backend = engine(require_node())
    yield backend
    backend.drop()


def database_backend():
    """The database backend of the database under test (SQLite or PostgreSQL)."""
    from django.utils.module_loading import import_string

    config = default_config(connection.vendor, None)["default"]
    if connection.vendor == "sqlite":
        from search.backends.database.sqlite import create_schema
    else:
        from search.backends.database.postgres import create_schema
    create_schema(connection)
    return import_string(config["BACKEND"])("db", {})


def use_engine(settings, url: str, index: str) -> OpenSearchBackend:
    """The portal configured as production is with OPENSEARCH_URL set."""
    settings.PORTAL_SEARCH_BACKENDS = {
        "default": {"BACKEND": BACKEND, "OPTIONS": {"URL": url, "INDEX": index}},
        "fallback": default_config(connection.vendor, None)["default"],
    }
    backend = get_backend("default")
    backend.refresh_on_write = True
    return backend


def keys(text: str = "", **filters) -> list[str]:
    found = search.search(SearchQuery(text=text, filters=filters, per_page=50))
    return [hit.key for hit in found.hits]


def titles(text: str) -> list[str]:
    """Titles the engine itself answers with (never the fallback's)."""
    found = search.search(SearchQuery(text=text, per_page=50))
    assert found.notice is None
    return [hit.title for hit in found.hits]


def generated(count: int) -> list[IndexEntry]:
    return [
        IndexEntry(
            key=f"gen:{i}",
            page_id=100_000 + i,
            kind="document",
            title=f"Kế hoạch thi đua khen thưởng số {i}",
            url=f"/van-ban/{i}/",
            body="Phong trào thi đua yêu nước năm " + str(2000 + i % 25),
            doc_type="Kế hoạch",
        )
        for i in range(count)
    ]


def test_rebuild_while_searching_never_answers_empty(node):
    node.add_bulk(generated(300))
    totals, errors, done = [], [], threading.Event()

    def searcher():
        while not done.is_set():
            try:
                totals.append(node.search(SearchQuery(text="thi đua")).total)
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)

    thread = threading.Thread(target=searcher)
    thread.start()
    try:
        assert node.rebuild(iter(generated(2_000)), chunk_size=200) == 2_000
        node.rebuild(iter(generated(500)), chunk_size=100)
    finally:
        done.set()
        thread.join()
    assert not errors
    assert len(totals) > 5 and min(totals) >= 300
    assert node.count() == 500


def test_rebuild_fills_without_refresh_then_serves_with_it(node):
    """The new index is filled with refreshes off and an async translog by
    parallel bulk requests; it is searched with the live settings."""
    node.options["INDEX_THREADS"] = 3
    assert node.rebuild(iter(generated(1_300)), chunk_size=250) == 1_300
    (name,) = node.client.indices.get_alias(name=node.index)
    settings = node.client.indices.get_settings(index=name)[name]["settings"]["index"]
    assert settings["refresh_interval"] == "1s"
    assert settings["translog"]["durability"] == "request"
    assert node.count() == 1_300
    assert node.search(SearchQuery(text="thi đua số 1299")).hits[0].key == "gen:1299"


def test_a_failed_rebuild_keeps_the_old_index(node):
    node.add_bulk(generated(20))

    def broken():
        yield from generated(600)
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        node.rebuild(broken(), chunk_size=100)
    assert node.count() == 20
    assert len(node.client.indices.get(index=f"{node.index}-*")) == 1


def test_replacing_pages_is_one_search_and_one_bulk_request(node, monkeypatch):
    document, *articles = generated(4)
    for entry in articles:
        entry.page_id, entry.kind = document.page_id, "article"
    node.add_bulk([document, *articles])
    requests = []
    real_bulk = node.client.bulk

    def counting(*args, **kwargs):
        requests.append(kwargs.get("body") or args)
        return real_bulk(*args, **kwargs)

    monkeypatch.setattr(node.writer, "bulk", counting)
    node.replace_pages([document.page_id], [document, articles[0]])
    assert len(requests) == 1
    assert sorted(
        h.key
        for h in node.search(
            SearchQuery(per_page=50, filters={"kind": ["article", "document"]})
        ).hits
    ) == ["gen:0", "gen:1"]
    node.replace_pages([document.page_id], [])
    assert node.count() == 0


def test_facets_and_highlighting_equal_the_database_backends(node):
    database = database_backend()
    database.clear()
    database.add_bulk(entries())
    node.add_bulk(entries())
    for text, filters in [
        ("thi đua khen thưởng", {}),
        ("giấy khen", {}),
        ("", {}),
        ("thi dua", {"type": ["Kế hoạch"]}),
    ]:
        query = SearchQuery(text=text, filters=filters, per_page=50)
        ours, theirs = node.search(query), database.search(query)
        assert ours.total == theirs.total, text
        assert ours.facets == theirs.facets, text
        assert {h.key for h in ours.hits} == {h.key for h in theirs.hits}, text
        # Both make snippets with ``search.snippets.make_snippet``.
        snippets = {h.key: h.snippet for h in theirs.hits}
        for hit in ours.hits:
            assert hit.snippet == snippets[hit.key], (text, hit.key)


def test_a_facet_of_many_values_is_cut_as_the_database_cuts_it(node):
    """More issuers than a facet shows: the ones with most documents are kept,
    not the ones with most entries (ten one-document laws of many Điều each)."""
    from tests.search.corpus import document_entry

    batch = []
    for i in range(10):
        law, issuer = 100 + i, f"Quốc hội {i:02}"
        batch.append(document_entry(law, title=f"Luật {i} thi đua", issuer=issuer))
        batch += [
            IndexEntry(
                key=f"page:{law}#dieu-{n}",
                page_id=law,
                kind="article",
                issuer=issuer,
                body="thi đua",
            )
            for n in range(1, 21)
        ]
    for i in range(30):
        for page in (200 + 2 * i, 201 + 2 * i):
            batch.append(
                document_entry(
                    page, title=f"Quyết định {page} thi đua", issuer=f"UBND xã {i:02}"
                )
            )
    database = database_backend()
    database.clear()
    database.add_bulk(batch)
    node.add_bulk(batch)
    query = SearchQuery(text="thi đua", per_page=10)
    ours, theirs = node.search(query).facets, database.search(query).facets
    assert len(theirs["issuer"]) == 30
    assert all(label.startswith("UBND xã") for _, label, _ in theirs["issuer"])
    assert ours["issuer"] == theirs["issuer"]


def test_a_search_is_one_request_and_pages_are_cut_from_one_ranking(node, monkeypatch):
    node.add_bulk(entries())
    transport, requests = node.client.transport, []
    perform = transport.perform_request

    def counting(*args, **kwargs):
        requests.append(args[:2])
        return perform(*args, **kwargs)

    monkeypatch.setattr(transport, "perform_request", counting)
    whole = node.search(SearchQuery(text="thi đua", per_page=4))
    assert len(requests) == 1, requests  # ranked, cut and shown from one answer
    assert len(whole.hits) == 4 and whole.total > 4
    halves = [
        node.search(SearchQuery(text="thi đua", page=page, per_page=2)).hits
        for page in (1, 2)
    ]
    assert [h.key for h in halves[0] + halves[1]] == [h.key for h in whole.hits]
    assert [h.score for h in halves[0] + halves[1]] == [h.score for h in whole.hits]


def test_unpublish_and_delete_remove_entries_on_commit(
    settings, site_tree, django_capture_on_commit_callbacks
):
    url = require_node()
    backend = use_engine(settings, url, f"portal_live_{uuid.uuid4().hex[:8]}")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            directive, plan = make_documents(site_tree[1])
        assert keys("34/CT-TW")[0] == f"page:{directive.pk}"
        assert f"page:{plan.pk}" in keys("ke hoach")
        with django_capture_on_commit_callbacks(execute=False) as pending:
            plan.unpublish()
        assert f"page:{plan.pk}" in keys("ke hoach")  # not before the commit
        for callback in pending:
            callback()
        assert f"page:{plan.pk}" not in keys("ke hoach")
        with django_capture_on_commit_callbacks(execute=True):
            directive.delete()
        assert keys("34-CT/TW") == []
        assert backend.count() == 0
    finally:
        backend.drop()


def test_killed_node_falls_back_then_catches_up_after_rebuild(
    settings, client, site_tree, django_capture_on_commit_callbacks
):
    relay = Relay(urlsplit(require_node()).port)
    index = f"portal_live_{uuid.uuid4().hex[:8]}"
    backend = use_engine(settings, relay.url, index)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            directive, _plan = make_documents(site_tree[1])
        page = client.get("/tim-kiem/", {"q": "thi đua"}).content.decode()
        assert FALLBACK_NOTICE not in page and directive.title in page

        relay.die_on_next_request()  # the node dies while answering this search
        response = client.get("/tim-kiem/", {"q": "thi đua khen thưởng"})
        assert response.status_code == 200
        assert "tạm thời không phản hồi" in response.content.decode()
        assert directive.title in response.content.decode()  # from the database
        assert client.get("/tim-kiem/goi-y/", {"q": "thi"}).status_code == 200

        with django_capture_on_commit_callbacks(execute=True):  # while it is down
            directive.title = "Chỉ thị về phong trào thi đua yêu nước"
            publish(directive)
        relay.start()  # the node is back, without the change
        assert backend.health()
        assert directive.title not in titles("phong trào thi đua yêu nước")
        call_command("rebuild_search_index", "--no-progress", "--backend", "default")
        assert directive.title in titles("phong trào thi đua yêu nước")
    finally:
        relay.kill()
        OpenSearchBackend("drop", {"URL": require_node(), "INDEX": index}).drop()
