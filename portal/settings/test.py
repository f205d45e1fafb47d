"""Fast, isolated settings for the test suite (pytest uses these)."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # An in-memory test database; WAL pragmas are meaningless there.
    DATABASES["default"]["NAME"] = ":memory:"
    DATABASES["default"]["OPTIONS"] = {}

# The full-page cache is switched on by the tests that exercise it
# (tests/pages/test_cache.py, tests/security/); elsewhere a test that
# changes rows with queryset.update() must not see a stale page.
PAGE_CACHE_ENABLED = False
PAGE_CACHE_GENERATION_FILE = str(
    Path(tempfile.gettempdir()) / f"portal-test-pagecache-{os.getpid()}"
)
