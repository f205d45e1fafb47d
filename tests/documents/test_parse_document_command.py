"""``manage.py parse_document``: JSON per file/record, errors per file, exit code."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from documents.parsing.flags import FLAG_MESSAGES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
SEED = FIXTURES / "ke-hoach-thi-dua-khen-thuong-2025-tam-duong.txt"
KEYS = [
    "doc_type", "number", "symbol", "code", "issuer", "issuer_parent", "place",
    "issued_date", "effective_date", "title", "signing_authority", "signer_position",
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


UNSIGNED = (
    "ỦY BAN NHÂN DÂN TỈNH BẮC NINH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n\nSố: 471/QĐ-UBND\n\n"
    "Bắc Ninh, ngày 28 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n"
    "Về việc phê duyệt danh mục hội chợ năm 2026\n\nĐiều 1. Phê duyệt danh mục."
)


def test_fill_shows_what_the_import_reads_from_the_record(tmp_path):
    path = tmp_path / "records.jsonl"
    row = {"text": UNSIGNED, "heuristic": {"nguoi_ky": "Đào Quang Khải"}}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    [text_only] = run(path)
    assert text_only["signer_name"] is None and "checks" not in text_only
    out = StringIO()
    call_command("parse_document", str(path), "--fill", stdout=out)
    [filled] = [json.loads(line) for line in out.getvalue().splitlines()]
    assert list(filled) == [*KEYS, "checks"]
    assert filled["signer_name"] == "Đào Quang Khải"
    assert "signer_from_metadata" in filled["flags"]
    assert filled["checks"] == [FLAG_MESSAGES["signer_from_metadata"]]
