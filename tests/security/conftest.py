"""Shared fixtures for the hostile-input and access tests.

The full-page cache is switched on here: whatever the cache keeps must obey the
same rules as a fresh render, so every test runs its requests through it.
"""

import pytest
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


def _walk(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def api_urls() -> list[str]:
    """Every parameterless GET route under ``api/`` that exists right now."""
    urls = []
    for route in _walk(get_resolver().url_patterns):
        clean = route.lstrip("^").rstrip("$")
        if not clean.startswith("api/"):
            continue
        if any(ch in clean for ch in "<>()[]?*+\\"):
            continue
        urls.append("/" + clean)
    return sorted(set(urls))
