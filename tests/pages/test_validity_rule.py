"""The validity rule is written once (``pages.validity.status_on``); its SQL form
(``status_q``), ``LegalDocumentQuerySet.in_force_on`` and
``LegalDocumentPage.is_in_force_on`` agree with it on every combination of
status and dates, on the boundary days and on randomised days."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest
from django.db.models import Q

from documents.choices import ValidityStatus as S
from pages.models import LegalDocumentPage
from pages.validity import status_on, status_q
from tests.factories import PlanPageFactory

DATES = (dt.date(2020, 1, 1), dt.date(2022, 6, 15), dt.date(2024, 12, 31))
# Every status with every effective and expiry date (none, or one of DATES; an
# expiry before the effective date too: old rows and imports hold some), with
# and without a date of issue and a number (an unsigned draft has neither).
COMBOS = list(
    itertools.product(
        S.values, (None, *DATES), (None, *DATES), (None, DATES[1]), (None, 7)
    )
)
PAGES = 20  # pages reused for the combinations, a batch at a time


def days(seed: int = 13, count: int = 24) -> list[dt.date]:
    """The days each side of every date, and ``count`` random days around them."""
    rng = random.Random(seed)
    edges = [d + dt.timedelta(days=k) for d in DATES for k in (-1, 0, 1)]
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
    for pk, (status, effective, expiry, issued, number) in zip(
        pks, batch, strict=False
    ):
        LegalDocumentPage.objects.filter(pk=pk).update(
            status=status,
            effective_date=effective,
            expiry_date=expiry,
            issued_date=issued,
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


def test_in_force_on_is_neither_expired_nor_not_yet(pages):
    for batch in batches():
        rows = store(pages, batch)
        for day in days(seed=7):
            in_force = {pk for pk, p in rows.items() if p.is_in_force_on(day)}
            by_status = {
                pk
                for pk, p in rows.items()
                if status_on(p, day) not in (S.EXPIRED, S.NOT_YET)
            }
            found = LegalDocumentPage.objects.filter(pk__in=rows).in_force_on(day)
            assert set(found.values_list("pk", flat=True)) == in_force == by_status
