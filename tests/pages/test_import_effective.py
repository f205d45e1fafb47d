"""Import fills the effective date from the text's effect clause (officer walk
#4), and never replaces a date the record or an editor gave."""

import datetime as dt

import pytest

from documents.choices import ValidityStatus
from documents.parsing import SourceRecord
from pages.importing import document_import
from pages.models import LegalDocumentPage
from tests.documents.test_parsing_effect import decision

pytestmark = pytest.mark.django_db

SIGNED = decision("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.")
DATED = decision(
    "Điều 2. Quyết định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025."
)
NONE = decision("Điều 2. Giao Sở Nội vụ hướng dẫn thực hiện.")


def run(index, text, hints=None):
    record = SourceRecord(text=text, name="qd-215.txt", hints=hints or {})
    result = document_import(record=record, parent=index, publish=False)
    return LegalDocumentPage.objects.get(pk=result.page_id).specific


def test_the_effect_clause_fills_the_effective_date(site_tree):
    _, index = site_tree
    page = run(index, DATED)
    assert page.effective_date == dt.date(2025, 7, 1)
    assert page.status == ValidityStatus.UNKNOWN  # the stored status is not changed
    # a date already on the page (an earlier import's or an editor's) stays
    assert run(index, SIGNED).effective_date == dt.date(2025, 7, 1)
    other = SIGNED.replace("215/QĐ-UBND", "216/QĐ-UBND")
    assert run(index, other).effective_date == dt.date(2025, 1, 20)  # day of signing


def test_a_records_own_date_wins(site_tree):
    _, index = site_tree
    page = run(index, DATED, {"effective_date": "05/07/2025"})
    assert page.effective_date == dt.date(2025, 7, 5)


def test_a_date_on_the_page_is_kept(site_tree):
    _, index = site_tree
    page = run(index, NONE)
    assert page.effective_date is None
    page.effective_date = dt.date(2025, 2, 1)  # an editor's
    page.save_revision().publish()
    assert run(index, DATED).effective_date == dt.date(2025, 2, 1)
    assert run(index, NONE).effective_date == dt.date(2025, 2, 1)


def test_not_after_the_pages_expiry_date(site_tree):
    _, index = site_tree
    page = run(index, NONE)
    page.expiry_date = dt.date(2025, 3, 1)
    page.save_revision().publish()
    page = run(index, DATED)
    assert page.effective_date is None and page.expiry_date == dt.date(2025, 3, 1)
