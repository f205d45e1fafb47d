"""The validity rule is written once (``pages.validity.status_on`` and
``is_in_force_on``); its SQL forms (``status_q``, ``LegalDocumentQuerySet.in_force_on``)
and ``LegalDocumentPage.is_in_force_on`` agree with it on every combination of
status and dates, on the boundary days and on randomised days."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest
from django.db.models import Q

from documents.choices import ValidityStatus as S
from pages.models import LegalDocumentPage
from pages.validity import is_in_force_on, status_on, status_q
from tests.factories import PlanPageFactory

DATES = (dt.date(2020, 1, 1), dt.date(2022, 6, 15), dt.date(2024, 12, 31))
YEAR = 2022  # a year of issue known without its day
# The date of issue and year of issue a row can have: none, a date (its year
# is ``year``, not ``issued_year``), a year only, a year out of range (stored
# before years were checked: no year).
ISSUED = ((None, None), (DATES[1], None), (None, YEAR), (None, 1800))
# Every status with every effective and expiry date (none, or one of DATES; an
# expiry before the effective date too: old rows and imports hold some), with
# and without a date or year of issue and a number (an unsigned draft has
# neither number nor date).
COMBOS = [
    (status, effective, expiry, issued, year, number)
    for status, effective, expiry, (issued, year), number in itertools.product(
        S.values, (None, *DATES), (None, *DATES), ISSUED, (None, 7)
    )
]
PAGES = 20  # pages reused for the combinations, a batch at a time


def days(seed: int = 13, count: int = 24) -> list[dt.date]:
    """The days each side of every date, and ``count`` random days around them."""
    rng = random.Random(seed)
    year_ends = (dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    edges = [d + dt.timedelta(days=k) for d in DATES + year_ends for k in (-1, 0, 1)]
    first = dt.date(2018, 1, 1)
    return edges + [
        first + dt.timedelta(days=rng.randrange(3650)) for _ in range(count)
    ]


@pytest.fixture
def pages(site_tree):
    _home, index = site_tree
    return [PlanPageFactory(parent=index).pk for _ in range(PAGES)]


def batches():
    for start in range(0, len(COMBOS), PAGES):
        yield COMBOS[start : start + PAGES]


def store(pks: list[int], batch) -> dict[int, LegalDocumentPage]:
    """Give the pages the batch's status and dates (as stored rows, unchecked)."""
    for pk, (status, effective, expiry, issued, year, number) in zip(
        pks, batch, strict=False
    ):
        LegalDocumentPage.objects.filter(pk=pk).update(
            status=status,
            effective_date=effective,
            expiry_date=expiry,
            issued_date=issued,
            issued_year=year,
            number=number,
        )
    used = pks[: len(batch)]
    return LegalDocumentPage.objects.filter(pk__in=used).in_bulk()


def matching(q: Q, rows: dict) -> set[int]:
    return set(
        LegalDocumentPage.objects.filter(q, pk__in=rows).values_list("pk", flat=True)
    )


def test_status_q_selects_the_rows_of_status_on(pages):
    compared = 0
    for batch in batches():
        rows = store(pages, batch)
        for day in days():
            for status in S.values:
                expected = {pk for pk, p in rows.items() if status_on(p, day) == status}
                assert matching(status_q(status, day), rows) == expected, (status, day)
                compared += len(rows)
    assert compared == len(COMBOS) * len(days()) * len(S.values)


def test_in_force_on_agrees_with_is_in_force_on(pages):
    for batch in batches():
        rows = store(pages, batch)
        for day in days(seed=7):
            in_force = {pk for pk, p in rows.items() if p.is_in_force_on(day)}
            by_rule = {pk for pk, p in rows.items() if is_in_force_on(p, day)}
            found = LegalDocumentPage.objects.filter(pk__in=rows).in_force_on(day)
            assert set(found.values_list("pk", flat=True)) == in_force == by_rule


def known(start: dt.date | None, day: dt.date) -> bool:
    return start is not None and start <= day


def test_in_force_needs_a_known_start_and_a_status_in_force():
    """The rule itself, on every combination: listed as in force on a day only
    when it is neither expired nor not yet in force that day and its start is
    known to lie on or before it: the effective date, else the date of issue,
    else the 31 December of a year known without its day (before 1 January
    of that year it is "Chưa có hiệu lực"); never without any of them."""
    from types import SimpleNamespace

    fields = ("status", "effective_date", "expiry_date", "issued_date")
    for combo in COMBOS:
        page = SimpleNamespace(
            **dict(zip(fields, combo[:4], strict=True)),
            issued_year=combo[4],
            number=combo[5],
        )
        effective, issued, year = combo[1], combo[3], combo[4]
        in_range = year if year and 1945 <= year <= 2100 else None
        start = effective or issued or (in_range and dt.date(in_range, 12, 31))
        for day in days(seed=11, count=8):
            status = status_on(page, day)
            expected = known(start, day) and status not in (S.EXPIRED, S.NOT_YET)
            assert is_in_force_on(page, day) == expected, (combo, day)
            ended = combo[2] is not None and combo[2] <= day
            if not (effective or issued or ended) and in_range and day.year < in_range:
                assert status == S.NOT_YET, (combo, day)
