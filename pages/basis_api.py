"""``POST /api/v1/citations/check/``: the legal-basis check as JSON.

The body gives the text, the citing document's date (default today) and,
optionally, its issuing body (slug); the answer is the report of
``pages.basis_check.check_text`` over the public documents of the portal, with
one entry per citation in the shape of ``manage.py check_citations --json``.
A body the check cannot read is a 400 whose JSON ``detail`` names the field, in
Vietnamese (``body_error``, answered by ``portal.api`` for ninja's 422), as the
documents API answers a bad query parameter.
"""

from __future__ import annotations

import datetime as dt
import json

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from documents.models import IssuingBody
from pages.basis_check import MAX_CHARS, check_text
from pages.models.documents import MAX_DATE, MIN_DATE
from search.api import shown

router = Router(tags=["citations"])


class CheckRequest(Schema):
    text: str = Field(
        ...,
        description="Legal basis ('Căn cứ …' lines) or the whole text to check.",
        examples=[
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;"
        ],
    )
    date: dt.date | None = Field(
        None, description="Date of the citing document (default: today)."
    )
    issuer: str | None = Field(
        None, description="Slug of the citing document's issuing body (optional)."
    )


class Suggestion(Schema):
    code: str
    url: str | None


class CheckProblem(Schema):
    kind: str = Field(
        ...,
        description="not_found, date_mismatch, type_mismatch, issuer_mismatch, "
        "expired, not_yet_in_force, amended, issuer_dissolved, order or form",
    )
    label: str
    message: str
    needs_acknowledgement: bool
    suggestion: Suggestion | None


class CheckedCitation(Schema):
    line: int = Field(..., description="1-based line of the input")
    raw: str
    code: str | None
    problems: list[CheckProblem]


class CheckReport(Schema):
    date: dt.date
    citations: list[CheckedCitation]
    issuer_problem: CheckProblem | None
    problem_count: int
    needs_acknowledgement: bool


class CheckError(Schema):
    detail: str


#: "100.000": the thousands separator Vietnamese writes.
TOO_LONG = f"text: tối đa {MAX_CHARS:_} ký tự".replace("_", ".")
DATE_RANGE = f"{MIN_DATE:%d/%m/%Y}–{MAX_DATE:%d/%m/%Y}"
FIELD_KINDS = {"text": "chuỗi ký tự", "issuer": "chuỗi ký tự (slug)"}


def body_error(errors: list[dict], body: bytes) -> str | None:
    """The 400 ``detail`` for the first field of the JSON ``body`` ninja could
    not read (its 422), in Vietnamese; None when no error is about the body."""
    for error in errors:
        loc = tuple(error.get("loc") or ())
        if not loc or loc[0] != "body":
            continue
        data = json.loads(body or b"{}")  # ninja has read it: JSON
        if len(loc) < 3 or not isinstance(data, dict):  # not a JSON object
            return 'nội dung yêu cầu phải là một đối tượng JSON: {"text": "Căn cứ …"}'
        name = loc[2]
        if error.get("type") == "missing" or name not in data:
            return f"{name}: thiếu trường này"
        value = data[name]
        raw = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        if name == "date":
            return (
                "date: phải là một ngày có thật, dạng YYYY-MM-DD (ví dụ 2025-08-01), "
                f"không phải {shown(raw)}"
            )
        kind = FIELD_KINDS.get(name, "giá trị hợp lệ")
        return f"{name}: phải là {kind}, không phải {shown(raw)}"
    return None


def _problem(problem) -> dict:
    return problem.to_dict() | {
        "label": problem.label,
        "needs_acknowledgement": problem.needs_acknowledgement,
    }


@router.post(
    "/check/",
    response={200: CheckReport, 400: CheckError},
    summary="Check the legal basis of a text",
)
def check_citations(request: HttpRequest, payload: CheckRequest):
    """Every citation of ``text`` against the portal's public documents on ``date``."""
    text = payload.text.replace("\x00", "")
    if not text.strip():
        raise HttpError(400, "text: nhập căn cứ ban hành hoặc toàn văn cần kiểm tra")
    if len(text) > MAX_CHARS:
        raise HttpError(400, TOO_LONG)
    if payload.date and not MIN_DATE <= payload.date <= MAX_DATE:
        raise HttpError(
            400,
            f"date: phải trong khoảng {DATE_RANGE}, "
            f"không phải {shown(payload.date.isoformat())}",
        )
    issuer = None
    if payload.issuer:
        issuer = IssuingBody.by_slug(payload.issuer)
        if issuer is None:
            raise HttpError(
                400,
                f"issuer: không có cơ quan ban hành nào có slug {shown(payload.issuer)}",
            )
    report = check_text(text, on=payload.date or timezone.localdate(), issuer=issuer)
    return {
        "date": report.date,
        "citations": [
            {
                "line": f.line,
                "raw": f.raw,
                "code": f.code,
                "problems": [_problem(p) for p in f.problems],
            }
            for f in report.findings
        ],
        "issuer_problem": _problem(report.issuer_problem)
        if report.issuer_problem
        else None,
        "problem_count": len(report.problems),
        "needs_acknowledgement": report.needs_acknowledgement,
    }
