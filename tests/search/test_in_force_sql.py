"""The database backends' ``in_force_on`` filter (``IN_FORCE_SQL``) against the
rule of the pages (``pages.validity.is_in_force_on``), which search/ cannot
import.

The index stores the day from which a document is in force
(``pages.validity.indexed_start``) and its expiry date; ``in_force_on`` asks
about any day. On every combination of status, dates and year of issue, asked
about boundary and randomised days, both say the same: no combination is left
out (the filter no longer reads the status of the day the entry was indexed).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from types import SimpleNamespace

import opensearchpy
import pytest
from elasticsearch import dsl as es_dsl

from pages.validity import indexed_start, is_in_force_on
from search.backends.database.tables import filter_sql
from search.backends.engine.query import Builder
from tests.pages.test_validity_rule import COMBOS, days


def page_of(combo) -> SimpleNamespace:
    status, effective, expiry, issued, year, number = combo
    return SimpleNamespace(
        status=status,
        effective_date=effective,
        expiry_date=expiry,
        issued_date=issued,
        issued_year=year,
        number=number,
    )


def index_table() -> sqlite3.Connection:
    """The entry columns the filter reads, as the SQLite backend stores them;
    ``status`` is left empty: the filter must not need it."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE entry (id INTEGER PRIMARY KEY, status TEXT NOT NULL, "
        "effective_date TEXT, expiry_date TEXT)"
    )
    for pk, combo in enumerate(COMBOS):
        page = page_of(combo)
        start = indexed_start(page)  # as pages.search_index stores it
        db.execute(
            "INSERT INTO entry VALUES (?, '', ?, ?)",
            (
                pk,
                start and start.isoformat(),
                page.expiry_date and page.expiry_date.isoformat(),
            ),
        )
    return db


def in_force_in_index(db: sqlite3.Connection, day: dt.date) -> set[int]:
    clauses, params = filter_sql({"in_force_on": day}, "?")
    rows = db.execute(f"SELECT id FROM entry e WHERE {' AND '.join(clauses)}", params)
    return {pk for (pk,) in rows}


def test_in_force_sql_agrees_with_is_in_force_on():
    db = index_table()
    compared = 0
    for day in days(seed=5):
        expected = {
            pk for pk, combo in enumerate(COMBOS) if is_in_force_on(page_of(combo), day)
        }
        assert in_force_in_index(db, day) == expected, day
        compared += len(COMBOS)
    assert compared > 5000


def test_an_entry_without_a_start_is_in_force_on_no_day():
    """News, exemplars and documents whose start is unknown."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE entry (id INTEGER, effective_date TEXT, expiry_date TEXT)")
    db.execute("INSERT INTO entry VALUES (1, NULL, NULL)")
    for day in days(seed=9, count=4):
        assert in_force_in_index(db, day) == set()


def engine_keeps(clause: dict, entry: dict) -> bool:
    """Whether an entry (ISO dates, absent when None) passes a rendered
    filter clause of the engine's ``_in_force`` (ranges and ``bool``)."""
    if "range" in clause:
        ((name, bounds),) = clause["range"].items()
        return name in entry and entry[name] <= bounds["lte"]
    body = clause["bool"]
    return all(engine_keeps(c, entry) for c in body.get("filter", [])) and not any(
        engine_keeps(c, entry) for c in body.get("must_not", [])
    )


@pytest.mark.parametrize("dsl", [opensearchpy, es_dsl])
def test_the_engine_filter_agrees_with_is_in_force_on(dsl):
    builder = Builder(dsl)
    stored = []
    for combo in COMBOS:
        page = page_of(combo)
        dates = {"effective_date": indexed_start(page), "expiry_date": page.expiry_date}
        stored.append({k: v.isoformat() for k, v in dates.items() if v})
    for day in days(seed=5):
        clauses = [
            c.to_dict() for c in builder.filter_queries({"in_force_on": day}, False)
        ]
        kept = {
            pk
            for pk, entry in enumerate(stored)
            if all(engine_keeps(c, entry) for c in clauses)
        }
        expected = {
            pk for pk, combo in enumerate(COMBOS) if is_in_force_on(page_of(combo), day)
        }
        assert kept == expected, day
