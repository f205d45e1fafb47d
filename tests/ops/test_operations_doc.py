"""docs/operations.md §3 tells operators what a Redis outage does, in the words
the portal logs (portal/failsoft.py)."""

from __future__ import annotations

import logging
from pathlib import Path

from portal.failsoft import OutageLog

DOC = Path(__file__).resolve().parents[2] / "docs" / "operations.md"


def redis_bullet() -> str:
    section = DOC.read_text().split("## 3. ")[1].split("\n### ")[0]
    return section.split("- **Redis**")[1]


def test_the_redis_bullet_says_the_site_serves_uncached_and_quotes_the_log(caplog):
    OutageLog.last_logged.pop("host:6379/0", None)
    with caplog.at_level(logging.WARNING, logger="portal.failsoft"):
        try:
            raise ConnectionError("Connection refused")
        except ConnectionError:
            OutageLog("host:6379/0").exception("ignored")
    [line] = [r.getMessage() for r in caplog.records]
    bullet = " ".join(redis_bullet().split())
    assert "uncached" in bullet and "one warning a minute" in bullet
    assert "no page returns 500" in bullet
    start, end = line.split(" (Connection refused)")
    assert start in bullet and end in bullet
