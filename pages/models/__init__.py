"""Wagtail page types of the portal."""

from .documents import (
    Award,
    DecisionPage,
    DirectivePage,
    DocumentAttachment,
    DocumentPage,
    DocumentTag,
    LegalDocumentPage,
    PlanPage,
    PlanTask,
    SigningAuthority,
    ValidityStatus,
)
from .home import DocumentIndexPage, HomePage

__all__ = [
    "Award",
    "DecisionPage",
    "DirectivePage",
    "DocumentAttachment",
    "DocumentIndexPage",
    "DocumentPage",
    "DocumentTag",
    "HomePage",
    "LegalDocumentPage",
    "PlanPage",
    "PlanTask",
    "SigningAuthority",
    "ValidityStatus",
]
