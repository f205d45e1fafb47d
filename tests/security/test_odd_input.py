"""Odd URLs, page numbers and parameters never give a 500.

A fixed list of classic junk (negative and huge page numbers, NUL bytes, 20k
characters, emoji, invalid UTF-8, SQL and template syntax) and a hypothesis run
of arbitrary text are sent as every parameter the public pages read.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import PlanPageFactory

from .conftest import api_urls

PARAMS = ["page", "q", "type", "issuer", "year", "field", "status", "in_force_on"]
JUNK = [
    "-1",
    "0",
    str(10**30),
    "1e309",
    "abc",
    "\x00",
    "a\x00b",
    "x" * 20_000,
    "😀🇻🇳",
    "%",
    "%00",
    "%ff%fe",
    "' OR 1=1 --",
    "{{ 7*7 }}{% debug %}",
    "../../etc/passwd",
    "2025-02-30",
    "NaN",
    " ",
]
ODD_PATHS = [
    "/van-ban/%00/",
    "/van-ban/" + "a" * 3000 + "/",
    "/van-ban/rss/?page=-1",
    "/%ff%fe/",
    "/van-ban/../../",
    "/van-ban/😀/",
    "/sitemap.xml?p=" + "9" * 40,
    "/sitemap.xml?p=-1",
    "/documents/999999999999999999999/x.pdf",
    "/tim-kiem/?q=" + "%" * 10,
    "/api/v1/../../",
]


@pytest.fixture
def listing_urls(site_tree):
    _home, index = site_tree
    PlanPageFactory(parent=index)
    return ["/", index.url, f"{index.url}rss/", "/tim-kiem/", *api_urls()]


def assert_no_server_error(client, url, params=None) -> None:
    response = client.get(url, params or {})
    assert response.status_code < 500, (url, params, response.status_code)


@pytest.mark.parametrize("value", JUNK, ids=range(len(JUNK)))
def test_junk_parameters_never_give_500(client, listing_urls, value):
    """Every parameter at once: the views ignore invalid values one by one."""
    for url in listing_urls:
        assert_no_server_error(client, url, dict.fromkeys(PARAMS, value))
        assert_no_server_error(client, url, {"page": value})


def test_odd_paths_never_give_500(client, site_tree):
    for path in ODD_PATHS:
        assert_no_server_error(client, path)


def test_raw_invalid_utf8_query_string(client, listing_urls):
    for url in listing_urls:
        response = client.generic("GET", url, QUERY_STRING="page=%ff&q=%c3%28")
        assert response.status_code < 500, url


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(params=st.dictionaries(st.sampled_from(PARAMS), st.text(max_size=200)))
def test_arbitrary_text_never_gives_500(client, listing_urls, params):
    for url in listing_urls:
        assert_no_server_error(client, url, params)
