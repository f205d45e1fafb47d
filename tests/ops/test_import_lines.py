"""import_documents checks every line of a JSON Lines file before storing
anything: a file with bad lines is not imported, and every bad line is listed
with its number and reason; --skip-invalid imports the others."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pages.models import LegalDocumentPage
from tests.factories import DecisionPageFactory

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
GOOD = (FIXTURES / "import-records.jsonl").read_text(encoding="utf-8").splitlines()

pytestmark = pytest.mark.django_db


def text_of(line: int) -> str:
    return json.loads(GOOD[line])["text"]


def write(tmp_path, lines: list[str]) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def run(*args) -> tuple[str, CommandError | None]:
    out = StringIO()
    try:
        call_command("import_documents", *map(str, args), stdout=out, stderr=StringIO())
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


@pytest.fixture
def batch(tmp_path):
    """Lines 1, 7 and 8 are good; 2-6 are bad, each in its own way."""
    return write(
        tmp_path,
        [
            GOOD[0],
            '{"text": "Số: 12/KH-UBND", "title": ',
            record(title="Kế hoạch không có văn bản"),
            record(text=text_of(1), issued_date="2025-13-45"),
            record(text=text_of(1), doc_type="Quyết địnhh"),
            record(text=text_of(2), slug="bang-khen-1801-lai-chau"),
            GOOD[1],
            GOOD[2],
        ],
    )


REASONS = {
    2: "invalid JSON: expecting value at column",
    3: "missing required field 'text'",
    4: "issued_date '2025-13-45' is not a date",
    5: "unknown document type (doc_type) 'Quyết địnhh'",
    6: "slug 'bang-khen-1801-lai-chau' is also given on line 1",
}


def test_by_default_a_file_with_bad_lines_stores_nothing_and_lists_them_all(
    site_tree, batch
):
    out, error = run(batch)
    assert error is not None and error.returncode == 1
    assert "5 bad line(s)" in str(error) and "--skip-invalid" in str(error)
    assert "batch.jsonl: NOT IMPORTED, 5 bad line(s)" in out
    for number, reason in REASONS.items():
        assert f"BAD LINE {number}: {reason}" in out, number
    assert "BAD LINE 1:" not in out and "BAD LINE 7:" not in out
    assert not LegalDocumentPage.objects.exists()


def test_skip_invalid_imports_the_good_lines_and_reports_the_others(site_tree, batch):
    out, error = run(batch, "--skip-invalid")
    assert error is not None and error.returncode == 1
    assert "5 line(s) skipped" in str(error)
    assert LegalDocumentPage.objects.count() == 3
    summary = next(line for line in out.splitlines() if line.startswith("Imported"))
    assert summary.startswith("Imported 3 documents, skipped 5 lines: ")
    assert "batch.jsonl line 2 (invalid JSON: " in summary
    assert "batch.jsonl line 4 (issued_date '2025-13-45' is not a date" in summary


def test_a_slug_of_another_stored_document_is_a_bad_line(site_tree, tmp_path):
    _, index = site_tree
    stored = DecisionPageFactory(parent=index, slug="quyet-dinh-so-7", number=7)
    path = write(
        tmp_path,
        [record(text=text_of(0), code="1801/QĐ-UBND", slug="quyet-dinh-so-7")],
    )
    out, error = run(path)
    assert error is not None
    assert (
        f"BAD LINE 1: slug 'quyet-dinh-so-7' is already the address of page "
        f"{stored.pk} ({stored.code}), another document"
    ) in out
    assert LegalDocumentPage.objects.count() == 1


@pytest.mark.parametrize(
    "date", ["2025-03-14", "2025", "2025-03", "14/03/2025", "5/9/2025"]
)
def test_dates_in_the_accepted_forms_pass(site_tree, tmp_path, date):
    path = write(tmp_path, [record(text=text_of(0), issued_date=date)])
    out, error = run(path, "--dry-run")
    assert error is None, out
    assert "BAD LINE" not in out


def test_a_year_outside_the_range_is_a_bad_line(site_tree, tmp_path):
    path = write(tmp_path, [record(text=text_of(0), issued_date="1800-01-01")])
    out, error = run(path)
    assert "BAD LINE 1: issued_date '1800-01-01' is outside 1945-2100" in out


def test_importing_the_same_file_again_revises_its_documents(site_tree, tmp_path):
    path = write(tmp_path, GOOD)
    assert run(path)[1] is None
    out, error = run(path)
    assert error is None, out
    assert "3 revised" in out and LegalDocumentPage.objects.count() == 3
