"""``manage.py refresh_validity``: the search index's status follows the
dates, as the page and the API do (``pages.validity.status_on``)."""

import datetime as dt
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

import search
from search.types import SearchQuery
from tests.search.pages import make_documents

pytestmark = pytest.mark.django_db


def _status(title: str) -> str:
    results = search.search(SearchQuery(text=title))
    return next(hit.status for hit in results.hits if hit.title == title)


def test_documents_whose_date_came_are_indexed_with_todays_status(
    site_tree, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    yesterday = today - dt.timedelta(days=1)
    # Published yesterday, in force until today: indexed as in force then.
    with mock.patch("django.utils.timezone.localdate", return_value=yesterday):
        with django_capture_on_commit_callbacks(execute=True):
            _directive, plan = make_documents(site_tree[1])
            plan.status = "con_hieu_luc"
            plan.expiry_date = today
            revision = plan.save_revision()
            revision.publish()
    assert _status(plan.title) == "con_hieu_luc"
    call_command("refresh_validity", stdout=mock.MagicMock())
    assert _status(plan.title) == "het_hieu_luc"


def test_a_document_known_by_its_year_is_indexed_again_when_the_year_begins(
    site_tree, django_capture_on_commit_callbacks
):
    new_year = dt.date(timezone.localdate().year, 1, 1)
    eve = new_year - dt.timedelta(days=1)
    with mock.patch("django.utils.timezone.localdate", return_value=eve):
        with django_capture_on_commit_callbacks(execute=True):
            plan = make_documents(site_tree[1])[1]
            plan.issued_date, plan.issued_year = None, new_year.year
            plan.status = "khong_xac_dinh"
            plan.save_revision().publish()
        assert _status(plan.title) == "chua_co_hieu_luc"
    with mock.patch("django.utils.timezone.localdate", return_value=new_year):
        call_command("refresh_validity", stdout=mock.MagicMock())
    assert _status(plan.title) == "khong_xac_dinh"


def test_days_must_be_positive():
    with pytest.raises(CommandError, match="--days"):
        call_command("refresh_validity", "--days", "0")
