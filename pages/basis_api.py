"""``POST /api/v1/citations/check/``: the legal-basis check as JSON.

The body gives the text, the citing document's date (default today) and,
optionally, its issuing body (slug); the answer is the report of
``pages.basis_check.check_text`` over the public documents of the portal, with
one entry per citation in the shape of ``manage.py check_citations --json``.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from documents.models import IssuingBody
from pages.basis_check import MAX_CHARS, check_text

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
        raise HttpError(400, "text: give the legal basis or the text to check")
    if len(text) > MAX_CHARS:
        raise HttpError(400, f"text: at most {MAX_CHARS} characters")
    issuer = None
    if payload.issuer:
        issuer = IssuingBody.objects.filter(slug=payload.issuer).first()
        if issuer is None:
            raise HttpError(
                400, f"issuer: no issuing body with slug {payload.issuer!r}"
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
