"""Full-page cache for anonymous visitors.

``PageCacheMiddleware`` stores the rendered response of anonymous ``GET`` requests
for public pages (HTML, feeds, sitemap) and serves later identical requests from
the cache without touching the database. Every key contains a *generation*
token; any change that could alter public output (publish, unpublish, move,
delete, privacy, vocabularies, showcase, sites) replaces the token, so all
earlier entries become unreachable at once and expire on their own.

Where the token lives depends on the cache: with a shared cache (Redis) it is a
cache key, so every app server and every management command (``import_documents``,
``publish_scheduled``) sees the same token. With a process-local cache
(``LocMemCache``, several gunicorn workers) it is a small file under
``PORTAL_VAR_DIR`` that every process on the machine reads.

What is never cached: non-GET/HEAD requests; ``/admin/``, ``/django-admin/``,
``/documents/`` (private collections), ``/static/``, ``/media/``; requests with a
session, messages or ``Authorization`` header (editors, previews, unlocked
private pages); responses that are not 200, set a cookie (CSRF tokens, password
forms), say ``Cache-Control: private/no-cache/no-store``, or stream.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from wagtail.contrib.settings.models import BaseSiteSetting

logger = logging.getLogger(__name__)

CACHEABLE_TYPES = (
    "text/html",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "application/json",
)
DEFAULT_SKIP_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/documents/",
    "/static/",
    "/media/",
)
NO_STORE_DIRECTIVES = ("private", "no-cache", "no-store")
GENERATION_KEY = "pagecache:generation"
MAX_PATH_LENGTH = 1024


def _setting(name: str, default):
    return getattr(settings, name, default)


def page_cache():
    return caches[_setting("PAGE_CACHE_ALIAS", "default")]


def _is_process_local(cache) -> bool:
    return type(cache).__name__ in {"LocMemCache", "DummyCache"}


def _generation_file() -> Path:
    configured = _setting("PAGE_CACHE_GENERATION_FILE", None)
    if configured:
        return Path(configured)
    return Path(settings.VAR_DIR) / "page-cache-generation"


def current_generation() -> str:
    """The token that is part of every key; "0" until the first change."""
    cache = page_cache()
    if not _is_process_local(cache):
        if _unsaved_bump:
            bump_generation()
        return str(cache.get(GENERATION_KEY) or "0")
    try:
        return _generation_file().read_text().strip() or "0"
    except OSError:
        return "0"


def _write_generation_file(token: str) -> None:
    path = _generation_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".pagecache-")
    with os.fdopen(fd, "w") as handle:
        handle.write(token)
    os.replace(tmp, path)


#: A change this process could not write to the shared cache (Redis down: the
#: fail-soft cache drops the write). Redis keeps the old token, so once it is
#: back the pages cached before the change would be served again: the next
#: read of the token in this process writes a new one first.
_unsaved_bump = False


def bump_generation() -> None:
    """Make every cached page unreachable (all app servers, all workers)."""
    global _unsaved_bump
    token = secrets.token_hex(8)
    cache = page_cache()
    try:
        if _is_process_local(cache):
            _write_generation_file(token)
        else:
            cache.set(GENERATION_KEY, token, timeout=None)
            if cache.get(GENERATION_KEY) != token:
                raise ConnectionError("the cache did not keep the new token")
        _unsaved_bump = False
    except Exception:  # the cache being down must not break publishing
        _unsaved_bump = True
        logger.exception("Could not invalidate the page cache")


def invalidate_page_cache(**_kwargs) -> None:
    """Signal receiver: bump now and again once the transaction commits.

    The second bump drops pages that a concurrent request rendered from the old
    data between the first bump and the commit.
    """
    bump_generation()
    transaction.on_commit(bump_generation)


def cache_key(request: HttpRequest, generation: str) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    raw = f"{host}{request.get_full_path()}".encode("utf-8", "surrogateescape")
    return f"pagecache:{generation}:{hashlib.sha256(raw).hexdigest()}"


def request_is_cacheable(request: HttpRequest) -> bool:
    if request.method not in {"GET", "HEAD"}:
        return False
    if len(request.get_full_path()) > MAX_PATH_LENGTH:
        return False
    prefixes = _setting("PAGE_CACHE_SKIP_PREFIXES", DEFAULT_SKIP_PREFIXES)
    if request.path.startswith(tuple(prefixes)):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    private_cookies = {settings.SESSION_COOKIE_NAME, "messages"}
    return not private_cookies.intersection(request.COOKIES)


def response_is_cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    if request.method != "GET" or response.status_code != 200:
        return False
    if response.streaming or response.cookies:
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if content_type not in CACHEABLE_TYPES:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in NO_STORE_DIRECTIVES):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _freeze(response: HttpResponse) -> tuple:
    return (response.status_code, response.content, list(response.items()))


def _thaw(frozen: tuple, method: str) -> HttpResponse:
    """Rebuild the response; a HEAD request gets the headers only."""
    status, content, headers = frozen
    response = HttpResponse(b"" if method == "HEAD" else content, status=status)
    for name, value in headers:
        response[name] = value
    response["Content-Length"] = str(len(content))
    return response


class PageCacheMiddleware:
    """Serve and store anonymous public responses (see the module docstring).

    Sits above the session and authentication middleware so that a hit costs no
    session lookup and no SQL query. Adds ``X-Cache: HIT`` or ``MISS``.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = _setting("PAGE_CACHE_TIMEOUT", 300)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _setting("PAGE_CACHE_ENABLED", True) or not request_is_cacheable(
            request
        ):
            return self.get_response(request)
        key = cache_key(request, current_generation())
        if key is None:
            return self.get_response(request)
        frozen = self._get(key)
        if frozen is not None:
            response = _thaw(frozen, request.method)
            response["X-Cache"] = "HIT"
            return response
        response = self.get_response(request)
        if response_is_cacheable(request, response):
            self._set(key, _freeze(response))
            response["X-Cache"] = "MISS"
        return response

    def _get(self, key: str):
        try:
            return page_cache().get(key)
        except Exception:  # a cache outage degrades to uncached rendering
            logger.warning("Page cache unavailable", exc_info=True)
            return None

    def _set(self, key: str, frozen: tuple) -> None:
        try:
            page_cache().set(key, frozen, self.timeout)
        except Exception:
            logger.warning("Page cache unavailable", exc_info=True)


INVALIDATING_APPS = {
    "pages",
    "documents",
    "showcase",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "wagtailredirects",
    "taggit",
}


def _on_model_change(sender, **kwargs) -> None:
    if sender._meta.app_label not in INVALIDATING_APPS:
        return
    if kwargs.get("created") and issubclass(sender, BaseSiteSetting):
        # Created empty on its first read, while a page renders (the footer's
        # "Thông tin cổng"): nothing shown changes, and a bump there would
        # make every page's first response a miss. Its edits still invalidate.
        return
    invalidate_page_cache()


def connect_signals() -> None:
    """Called from ``PagesConfig.ready()`` so commands invalidate too."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_unpublished, post_page_move

    page_unpublished.connect(invalidate_page_cache, dispatch_uid="pagecache-unpub")
    post_page_move.connect(invalidate_page_cache, dispatch_uid="pagecache-move")
    post_save.connect(_on_model_change, dispatch_uid="pagecache-save")
    post_delete.connect(_on_model_change, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_on_model_change, dispatch_uid="pagecache-m2m")
