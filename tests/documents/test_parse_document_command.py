"""``manage.py parse_document``: JSON per file/record, errors per file, exit code."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
SEED = FIXTURES / "ke-hoach-thi-dua-khen-thuong-2025-tam-duong.txt"
KEYS = [
    "doc_type", "number", "symbol", "code", "issuer", "issuer_parent", "place",
    "issued_date", "title", "signing_authority", "signer_position",
    "signer_name", "legal_basis", "recipients", "articles", "sections", "flags",
]  # fmt: skip


def run(*paths) -> list[dict]:
    out = StringIO()
    call_command("parse_document", *map(str, paths), stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_seed_plan_as_json():
    [data] = run(SEED)
    assert list(data) == KEYS
    assert data["doc_type"] == "Kế hoạch" and data["number"] is None
    assert data["code"] == "/KH-UBND" and data["issued_date"] == "2025"
    assert data["signer_name"] == "Sùng Lữ Páo"
    assert [c["code"] for c in data["legal_basis"]] == ["5324/KH-UBND"]
    assert len(data["recipients"]) == 8


def test_output_is_not_ascii_escaped():
    out = StringIO()
    call_command("parse_document", str(SEED), stdout=out)
    assert "Sùng Lữ Páo" in out.getvalue()


def test_jsonl_one_object_per_record_in_order():
    first, second = run(FIXTURES / "records.jsonl")
    assert first["code"] == "2934/QĐ-UBND"
    assert first["articles"] == [
        {"number": "1", "title": None},
        {"number": "2", "title": None},
    ]
    assert second["title"] == "Kế hoạch công tác thi đua năm 2025"


def test_bad_file_reported_and_others_parsed():
    missing = FIXTURES / "does-not-exist.txt"
    results = run(missing, FIXTURES / "broken.pdf", SEED)
    assert results[0]["file"] == str(missing) and "cannot read" in results[0]["error"]
    assert "not a valid PDF" in results[1]["error"]
    assert results[2]["doc_type"] == "Kế hoạch"


def test_exit_status_1_when_nothing_parsed():
    with pytest.raises(CommandError) as excinfo:
        run(FIXTURES / "scanned-no-text.pdf")
    assert excinfo.value.returncode == 1


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\n", b"\xef\xbb\xbf\n"])
def test_a_file_without_text_is_an_error_not_an_empty_document(tmp_path, content):
    blank = tmp_path / "blank.txt"
    blank.write_bytes(content)
    with pytest.raises(CommandError, match="no document could be parsed"):
        run(blank)
    error, parsed = run(blank, SEED)
    assert error == {"file": str(blank), "error": "blank.txt: the file holds no text"}
    assert parsed["doc_type"] == "Kế hoạch"
