"""Wagtail page types of the portal."""

from .collections import DocumentListPage
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
from .news import NewsDocument, NewsIndexPage, NewsPage, NewsTag
from .showcase import (
    ExemplarIndexPage,
    ExemplarKind,
    ExemplarPage,
    MovementDocument,
    MovementIndexPage,
    MovementPage,
)

__all__ = [
    "Award",
    "DecisionPage",
    "DirectivePage",
    "DocumentAttachment",
    "DocumentIndexPage",
    "DocumentListPage",
    "DocumentPage",
    "DocumentTag",
    "ExemplarIndexPage",
    "ExemplarKind",
    "ExemplarPage",
    "HomePage",
    "LegalDocumentPage",
    "MovementDocument",
    "MovementIndexPage",
    "MovementPage",
    "NewsDocument",
    "NewsIndexPage",
    "NewsPage",
    "NewsTag",
    "PlanPage",
    "PlanTask",
    "SigningAuthority",
    "ValidityStatus",
]
