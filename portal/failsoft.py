"""How the portal behaves while a service it uses is down.

``FailSoftRedisCache`` (the cache with ``REDIS_URL``): django-redis with
``IGNORE_EXCEPTIONS``, so while Redis cannot be reached every read misses and
every write is dropped; pages are rendered uncached instead of failing with
500. After a failed call the cache leaves Redis alone for ``RETRY_AFTER``
seconds (a host that drops packets would otherwise cost a 1 s timeout on every
cache call, several per page). The outage is logged as one warning line a
minute per process, naming the server and what to check, never the password.

``OneLineLibraryErrors`` (a logging filter on the console handler): the search
engine's client libraries log each failed request at WARNING with the whole
traceback of the connection error; the portal already falls back to the
database and says so, so the filter keeps their line and the error's last
words (``... [status:N/A] (ConnectionError: ... Connection refused)``).
"""

from __future__ import annotations

import logging
import sys
import time
from urllib.parse import urlsplit

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)
LIBRARY_LOGGERS = ("opensearch", "elastic_transport", "elasticsearch", "urllib3")
RETRY_AFTER = 10.0  # seconds without trying Redis after a failed call


def redis_address(url: str) -> str:
    """``host:port/db`` of a Redis URL, without user name or password."""
    parts = urlsplit(url)
    return f"{parts.hostname or 'localhost'}:{parts.port or 6379}{parts.path}"


class OutageLog:
    """Stands in for django-redis's logger: one warning line per ``interval``
    and server in the process (Django makes a cache per thread, so the time
    of the last line is kept per server, not per instance)."""

    last_logged: dict[str, float] = {}
    #: Until when each server is left alone (``FailSoftRedisCache.client``).
    resting_until: dict[str, float] = {}

    def __init__(self, where: str, interval: float = 60.0):
        self.where, self.interval = where, interval

    def resting(self) -> bool:
        return time.monotonic() < self.resting_until.get(self.where, 0.0)

    def exception(self, *_args, **_kwargs) -> None:
        now = time.monotonic()
        if not self.resting():
            self.resting_until[self.where] = now + RETRY_AFTER
        last = self.last_logged.get(self.where)
        if last is not None and now - last < self.interval:
            return
        self.last_logged[self.where] = now
        error = sys.exc_info()[1]
        cause = getattr(error, "__cause__", None) or error
        logger.warning(
            "Redis cache at %s unavailable (%s): serving without the cache; "
            "check that Redis is running and that REDIS_URL names it",
            self.where,
            cause,
        )


class FailSoftRedisCache(RedisCache):
    """django-redis that behaves as an empty cache while Redis is down."""

    def __init__(self, server: str, params: dict):
        options = {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1}
        options.update(params.get("OPTIONS") or {}, IGNORE_EXCEPTIONS=True)
        super().__init__(server, {**params, "OPTIONS": options})
        self._log_ignored_exceptions = True
        self.logger = OutageLog(redis_address(str(server).split(",")[0]))

    @property
    def client(self):
        """django-redis's client, except while Redis rests after a failure:
        the call then fails at once, as an ignored connection error."""
        if self.logger.resting():
            raise ConnectionInterrupted(connection=None)
        return super().client


class OneLineLibraryErrors(logging.Filter):
    """Drop the traceback from the search clients' warnings (their failed
    requests); their errors keep it."""

    def filter(self, record: logging.LogRecord) -> bool:
        library = record.name.split(".")[0] in LIBRARY_LOGGERS
        if record.exc_info and library and record.levelno == logging.WARNING:
            error = record.exc_info[1]
            last = str(error).strip().splitlines()[-1] if str(error).strip() else ""
            record.msg = f"{record.getMessage()} ({type(error).__name__}: {last})"
            record.args, record.exc_info, record.exc_text = None, None, None
        return True
