"""The database backends' ``in_force_on`` filter (``IN_FORCE_SQL``) against the
rule of the pages (``pages.validity.status_on``), which search/ cannot import.

The index stores a document's status on the day it was indexed (``status_on``,
for the facet) beside its dates; ``in_force_on`` asks about any day. On every
combination of status and dates, indexed on randomised days and asked about
boundary and randomised days, both say the same, except for two contradictory
kinds of record the index cannot tell apart (see ``contradictory``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from types import SimpleNamespace

from documents.choices import ValidityStatus as S
from pages.validity import indexed_start, status_on
from search.backends.database.tables import filter_sql
from tests.pages.test_validity_rule import COMBOS, days


def page_of(combo) -> SimpleNamespace:
    status, effective, expiry, issued, number = combo
    return SimpleNamespace(
        status=status,
        effective_date=effective,
        expiry_date=expiry,
        issued_date=issued,
        number=number,
    )


def contradictory(status: str, effective, expiry, issued, number) -> bool:
    """A "Hết hiệu lực" without its expiry date but with an effective date (a save
    refuses it since ``date_errors``), "Chưa có hiệu lực" without its effective
    date but with an expiry date, an unsigned draft (no number, no date) with an
    expiry date: once indexed, their status of that day hides what was saved,
    and only the pages' rule still reads it."""
    draft = number is None and issued is None and effective is None
    return (
        (status == S.EXPIRED and expiry is None and effective is not None)
        or (status == S.NOT_YET and effective is None and expiry is not None)
        or (draft and expiry is not None)
    )


def index_table(indexed_on: dt.date) -> sqlite3.Connection:
    """The entry columns the filter reads, as the SQLite backend stores them."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE entry (id INTEGER PRIMARY KEY, status TEXT NOT NULL, "
        "effective_date TEXT, expiry_date TEXT)"
    )
    for pk, combo in enumerate(COMBOS):
        page = page_of(combo)
        start = indexed_start(page)  # as pages.search_index stores it
        db.execute(
            "INSERT INTO entry VALUES (?, ?, ?, ?)",
            (
                pk,
                status_on(page, indexed_on),
                start and start.isoformat(),
                page.expiry_date and page.expiry_date.isoformat(),
            ),
        )
    return db


def in_force_in_index(db: sqlite3.Connection, day: dt.date) -> set[int]:
    clauses, params = filter_sql({"in_force_on": day}, "?")
    rows = db.execute(f"SELECT id FROM entry e WHERE {' AND '.join(clauses)}", params)
    return {pk for (pk,) in rows}


def test_in_force_sql_agrees_with_status_on():
    compared = 0
    for indexed_on in days(seed=3, count=6):
        db = index_table(indexed_on)
        for day in days(seed=5):
            expected = {
                pk
                for pk, combo in enumerate(COMBOS)
                if status_on(page_of(combo), day) not in (S.EXPIRED, S.NOT_YET)
            }
            kept = {pk for pk, combo in enumerate(COMBOS) if not contradictory(*combo)}
            assert in_force_in_index(db, day) & kept == expected & kept, (
                indexed_on,
                day,
            )
            compared += len(kept)
    assert compared > 5000
