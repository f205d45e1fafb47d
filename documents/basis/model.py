"""Value objects of the legal-basis check ("Kiểm tra căn cứ").

The check is pure: it receives the citations the extractor found and the facts
of the documents they may name (``CitedDocument``, read by the page layer from
the portal's pages and their validity timeline) and returns ``Problem`` values.
Nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Problem kinds. The first three need the cited document on the portal; the
# next three read its validity timeline on the citing document's date.
NOT_FOUND = "not_found"
DATE_MISMATCH = "date_mismatch"
TYPE_MISMATCH = "type_mismatch"
ISSUER_MISMATCH = "issuer_mismatch"
EXPIRED = "expired"
NOT_YET_IN_FORCE = "not_yet_in_force"
AMENDED = "amended"
ISSUER_DISSOLVED = "issuer_dissolved"
ORDER = "order"
FORM = "form"

PROBLEM_KINDS = (
    NOT_FOUND,
    DATE_MISMATCH,
    TYPE_MISMATCH,
    ISSUER_MISMATCH,
    EXPIRED,
    NOT_YET_IN_FORCE,
    AMENDED,
    ISSUER_DISSOLVED,
    ORDER,
    FORM,
)
KIND_LABELS = {
    NOT_FOUND: "Không có trên cổng",
    DATE_MISMATCH: "Sai ngày ban hành",
    TYPE_MISMATCH: "Sai tên loại văn bản",
    ISSUER_MISMATCH: "Sai cơ quan ban hành",
    EXPIRED: "Đã hết hiệu lực",
    NOT_YET_IN_FORCE: "Chưa có hiệu lực",
    AMENDED: "Đã được sửa đổi, bổ sung",
    ISSUER_DISSOLVED: "Cơ quan ban hành đã chấm dứt hoạt động",
    ORDER: "Thứ tự căn cứ",
    FORM: "Cách trình bày căn cứ",
}
#: Problems that a submission for review or a publication must acknowledge.
NEEDS_ACKNOWLEDGEMENT = frozenset(
    {DATE_MISMATCH, TYPE_MISMATCH, ISSUER_MISMATCH, EXPIRED, ISSUER_DISSOLVED}
)
SEVERITY = {
    NOT_FOUND: "info",
    AMENDED: "info",
    ORDER: "warning",
    FORM: "warning",
    NOT_YET_IN_FORCE: "warning",
}

# Validity timeline step kinds (the values of the portal's effect kinds).
STEP_EFFECTIVE = "co_hieu_luc"
STEP_AMENDED = "sua_doi"
STEP_REPLACED = "thay_the"
STEP_REPEALED = "bai_bo"
STEP_EXPIRED = "het_hieu_luc"
ENDING_STEPS = frozenset({STEP_REPLACED, STEP_REPEALED, STEP_EXPIRED})


@dataclass(frozen=True)
class Link:
    """A document the reader is pointed to: its số ký hiệu and address."""

    code: str
    url: str | None = None
    title: str = ""
    doc_type: str = ""

    def to_dict(self) -> dict:
        return {"code": self.code, "url": self.url}


@dataclass(frozen=True)
class ValidityStep:
    """One dated step of a document's validity timeline."""

    date: dt.date
    kind: str
    source: Link | None = None


@dataclass(frozen=True)
class CitedDocument:
    """What the portal knows about a document a citation may name."""

    code: str
    doc_type: str
    issuer: str
    system: str = "admin"
    issued_date: dt.date | None = None
    year: int | None = None
    effective_date: dt.date | None = None
    expiry_date: dt.date | None = None
    expired_undated: bool = False
    steps: tuple[ValidityStep, ...] = ()
    url: str | None = None
    title: str = ""

    @property
    def link(self) -> Link:
        return Link(self.code, self.url, self.title, self.doc_type)


@dataclass(frozen=True)
class IssuerFacts:
    """The citing document's own issuing body and what became of it."""

    name: str
    dissolved_on: dt.date | None = None
    successors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    kind: str
    message: str
    suggestion: Link | None = None

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def severity(self) -> str:
        return SEVERITY.get(self.kind, "error")

    @property
    def needs_acknowledgement(self) -> bool:
        return self.kind in NEEDS_ACKNOWLEDGEMENT

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "message": self.message,
            "suggestion": self.suggestion.to_dict() if self.suggestion else None,
        }


@dataclass
class Finding:
    """One citation of the checked text and its problems (empty when fine)."""

    line: int
    raw: str
    code: str | None
    problems: list[Problem] = field(default_factory=list)
    document: Link | None = None

    def to_dict(self) -> dict:
        return {
            "line": self.line,
            "raw": self.raw,
            "code": self.code,
            "problems": [problem.to_dict() for problem in self.problems],
        }


@dataclass
class Report:
    """All findings of one text on one date, plus the issuer's own problem."""

    date: dt.date
    findings: list[Finding] = field(default_factory=list)
    issuer_problem: Problem | None = None
    issuer_line: int = 1

    @property
    def problems(self) -> list[Problem]:
        found = [p for finding in self.findings for p in finding.problems]
        return [self.issuer_problem, *found] if self.issuer_problem else found

    @property
    def needs_acknowledgement(self) -> bool:
        return any(problem.needs_acknowledgement for problem in self.problems)

    def lines(self) -> list[dict]:
        """JSON lines: one per citation, then the issuer's problem if any."""
        rows = [finding.to_dict() for finding in self.findings]
        if self.issuer_problem is not None:
            rows.append(
                Finding(self.issuer_line, "", None, [self.issuer_problem]).to_dict()
            )
        return rows

    def to_dict(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "citations": [finding.to_dict() for finding in self.findings],
            "issuer_problem": (
                self.issuer_problem.to_dict() if self.issuer_problem else None
            ),
            "problem_count": len(self.problems),
            "needs_acknowledgement": self.needs_acknowledgement,
        }
