"""``manage.py extract_citations``: JSON Lines out, clear errors, exit codes."""

import io
import json
import sys

import pytest
from django.core.management import CommandError, ManagementUtility, call_command

from documents.citations.model import CITATION_FIELDS

TEXT = (
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;\n"
)


def run(*args) -> list[dict]:
    out = io.StringIO()
    call_command("extract_citations", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_file_gives_one_json_object_per_citation(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_text(TEXT, encoding="utf-8")
    rows = run(str(path))
    assert [row["code"] for row in rows] == ["06/2022/QH15", "98/2023/NĐ-CP"]
    assert all(tuple(row) == CITATION_FIELDS for row in rows)
    assert TEXT[rows[1]["start"] : rows[1]["end"]] == rows[1]["raw"]


def test_output_keeps_vietnamese_letters(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = io.StringIO()
    call_command("extract_citations", str(path), stdout=out)
    assert "Nghị định" in out.getvalue()


def test_reads_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode())))
    assert len(run("-")) == 2


def test_nothing_found_prints_nothing():
    stdin = io.TextIOWrapper(io.BytesIO("Không có trích dẫn nào.".encode()))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdin", stdin)
        assert run() == []


def test_context_date_picks_the_law(tmp_path):
    path = tmp_path / "old.txt"
    path.write_text("Căn cứ Luật Thi đua, khen thưởng;", encoding="utf-8")
    assert run(str(path), "--context-date", "2010-01-01")[0]["code"] == "15/2003/QH11"


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read .*missing.txt"):
        run(str(tmp_path / "missing.txt"))


def test_undecodable_file_is_a_clear_error(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Nghị định".encode("utf-16"))
    with pytest.raises(CommandError, match="UTF-8"):
        run(str(path))


@pytest.mark.parametrize(
    ("command", "option"),
    [("extract_citations", "--context-date"), ("check_citations", "--date")],
)
def test_bad_date_on_the_command_line_is_a_usage_error(capsys, command, option):
    utility = ManagementUtility(["manage.py", command, "-", option, "2025-13-01"])
    with pytest.raises(SystemExit) as exit:
        utility.execute()
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert f"error: argument {option}: must be YYYY-MM-DD, not '2025-13-01'" in err
    assert "Traceback" not in err
