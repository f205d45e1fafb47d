"""The legal-basis check over the portal: lookups, command, public page and API."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from documents.models import IssuingBody
from pages.basis_check import check_text
from tests.factories import build_site, replaced_decree

DEMO = "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;"


@pytest.fixture
def decrees(db):
    _, index = build_site()
    old, new, _ = replaced_decree(index)
    return old, new


def kinds(report):
    return [[p.kind for p in f.problems] for f in report.findings]


def test_demo_line_on_both_dates(decrees):
    old, new = decrees
    report = check_text(DEMO, on=dt.date(2025, 8, 1))
    [[problem]] = [f.problems for f in report.findings]
    assert problem.kind == "expired"
    assert problem.suggestion.code == "152/2025/NĐ-CP"
    assert problem.suggestion.url == new.url
    assert kinds(check_text(DEMO, on=dt.date(2025, 6, 20))) == [[]]


def test_citing_the_new_decree_before_it_is_in_force(decrees):
    line = DEMO.replace("98/2023", "152/2025").replace(
        "31 tháng 12 năm 2023", "14 tháng 6 năm 2025"
    )
    assert kinds(check_text(line, on=dt.date(2025, 6, 20))) == [["not_yet_in_force"]]
    assert kinds(check_text(line, on=dt.date(2025, 7, 2))) == [[]]


def test_public_check_ignores_private_documents(decrees):
    old, _ = decrees
    PageViewRestriction.objects.create(page=old, restriction_type="login")
    assert kinds(check_text(DEMO, on=dt.date(2025, 6, 20))) == [["not_found"]]
    report = check_text(DEMO, on=dt.date(2025, 6, 20), public_only=False)
    assert kinds(report) == [[]]


def run_command(*args, stdin=""):
    out = io.StringIO()
    import sys

    old_stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode()), encoding="utf-8")
    try:
        call_command("check_citations", *args, stdout=out)
    finally:
        sys.stdin = old_stdin
    return out.getvalue()


def test_command_json_lines(decrees, tmp_path):
    text = (
        "Tam Đường, ngày 01 tháng 8 năm 2025\n\n"
        + DEMO
        + "\nCăn cứ Thông tư số 99/2024/TT-BNV;"
    )
    path = tmp_path / "qd.txt"
    path.write_text(text, encoding="utf-8")
    rows = [
        json.loads(line)
        for line in run_command(
            str(path), "--date", "2025-08-01", "--json"
        ).splitlines()
    ]
    assert [set(row) for row in rows] == [{"line", "raw", "code", "problems"}] * 2
    assert rows[0]["line"] == 3 and rows[0]["code"] == "98/2023/NĐ-CP"
    assert rows[0]["problems"][0]["kind"] == "expired"
    assert rows[0]["problems"][0]["suggestion"]["code"] == "152/2025/NĐ-CP"
    assert rows[1]["line"] == 4 and rows[1]["problems"][0]["kind"] == "not_found"
    passing = run_command("-", "--date", "2025-06-20", "--json", stdin=DEMO)
    assert json.loads(passing)["problems"] == []


def test_command_rejects_a_bad_date(decrees):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run_command("-", "--date", "01/08/2025", stdin=DEMO)


def test_public_page(decrees, client):
    page = client.get("/kiem-tra-can-cu/")
    assert page.status_code == 200
    assert "Kiểm tra căn cứ" in page.content.decode()
    assert 'href="/kiem-tra-can-cu/"' in page.content.decode()  # footer link
    response = client.post("/kiem-tra-can-cu/", {"text": DEMO, "date": "2025-08-01"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Đã hết hiệu lực" in body and "152/2025/NĐ-CP" in body
    assert 'href="/nd-152-2025/"' in body or "/nd-152-2025/" in body
    fine = client.post("/kiem-tra-can-cu/", {"text": DEMO, "date": "2025-06-20"})
    assert "không phát hiện vấn đề" in fine.content.decode()


@pytest.mark.parametrize(
    "data, error",
    [
        ({"text": ""}, "Hãy dán căn cứ"),
        ({"text": "   \x00 "}, "Hãy dán căn cứ"),
        ({"text": DEMO, "date": "32/13/2025"}, "Ngày không hợp lệ"),
        ({"text": DEMO, "date": "0001-01-01"}, "01/01/1945–31/12/2100"),
        ({"text": DEMO, "date": "31/12/1944"}, "01/01/1945–31/12/2100"),
        ({"text": DEMO, "date": "01/01/2101"}, "01/01/1945–31/12/2100"),
        ({"text": DEMO, "issuer": "999999"}, "không có trong danh mục"),
        ({"text": "x" * 100_001}, "Văn bản dài quá"),
    ],
)
def test_public_page_bad_input_is_explained(db, client, data, error):
    response = client.post("/kiem-tra-can-cu/", data)
    assert response.status_code == 200
    body = response.content.decode()
    assert error in body and 'aria-invalid="true"' in body


@pytest.mark.parametrize("day", ["01/01/1945", "01/09/1945", "31/12/2100"])
def test_public_page_takes_every_date_a_document_can_have(db, client, day):
    """The dates of a document on the portal (documents.dates, the page's date
    validators): 02/09/1945 is not a limit of the check, which said 1945–2100."""
    response = client.post("/kiem-tra-can-cu/", {"text": DEMO, "date": day})
    assert 'aria-invalid="true"' not in response.content.decode()


def test_public_page_odd_text_never_fails(db, client):
    for text in [
        "Căn cứ",
        "Số: /QĐ-UBND",
        "\ufeff\u200b" * 100,
        "Căn cứ 1/2/3/4/5/6;" * 200,
    ]:
        assert client.post("/kiem-tra-can-cu/", {"text": text}).status_code == 200
    assert (
        client.get("/kiem-tra-can-cu/", {"text": DEMO, "date": "x"}).status_code == 200
    )


def test_api_check(decrees, client):
    url = "/api/v1/citations/check/"
    response = client.post(
        url, {"text": DEMO, "date": "2025-08-01"}, content_type="application/json"
    )
    assert response.status_code == 200
    data = response.json()
    [citation] = data["citations"]
    assert citation["line"] == 1 and citation["code"] == "98/2023/NĐ-CP"
    [problem] = citation["problems"]
    assert problem["kind"] == "expired" and problem["needs_acknowledgement"]
    assert problem["suggestion"]["code"] == "152/2025/NĐ-CP"
    assert data["needs_acknowledgement"] is True
    ok = client.post(
        url, {"text": DEMO, "date": "2025-06-20"}, content_type="application/json"
    )
    assert ok.json()["problem_count"] == 0
    district = IssuingBody.objects.filter(dissolved_on__isnull=False).first()
    if district is not None:
        late = client.post(
            url,
            {"text": DEMO, "date": "2025-08-01", "issuer": district.slug},
            content_type="application/json",
        )
        assert late.json()["issuer_problem"]["kind"] == "issuer_dissolved"


@pytest.mark.parametrize(
    "payload, status",
    [
        ({"text": ""}, 400),
        ({"text": DEMO, "issuer": "khong-co"}, 400),
        ({"text": DEMO, "date": "2025-13-01"}, 400),
        ({}, 400),
    ],
)
def test_api_bad_input(db, client, payload, status):
    response = client.post(
        "/api/v1/citations/check/", payload, content_type="application/json"
    )
    assert response.status_code == status
    assert "detail" in response.json()


def test_api_is_in_the_openapi_schema(db, client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "post" in schema["paths"]["/api/v1/citations/check/"]


def test_check_date_of_a_draft():
    from types import SimpleNamespace

    from django.utils import timezone

    from pages.basis_check import check_date

    today = timezone.localdate()
    assert check_date(SimpleNamespace(issued_date=dt.date(2025, 8, 1))) == dt.date(
        2025, 8, 1
    )
    blank = SimpleNamespace(issued_date=None, issued_year=today.year)
    assert check_date(blank) == today
    old = SimpleNamespace(issued_date=None, issued_year=2025)
    assert check_date(old) == dt.date(2025, 1, 1) or today.year == 2025
    assert check_date(SimpleNamespace(issued_date=None, issued_year=None)) == today


def test_demo_content_answers_the_demo_line(db):
    call_command("load_demo", verbosity=0)
    late = [
        json.loads(line)
        for line in run_command(
            "-", "--date", "2025-08-01", "--json", stdin=DEMO
        ).splitlines()
    ]
    assert [p["kind"] for p in late[0]["problems"]] == ["expired"]
    assert late[0]["problems"][0]["suggestion"]["code"] == "152/2025/NĐ-CP"
    early = json.loads(run_command("-", "--date", "2025-06-20", "--json", stdin=DEMO))
    assert early["problems"] == []
