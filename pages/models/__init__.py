"""Wagtail page types of the portal."""

from .collections import DocumentListPage
from .document_types import (
    Award,
    DecisionPage,
    DirectivePage,
    DocumentPage,
    PlanPage,
    PlanTask,
)
from .documents import (
    DocumentAttachment,
    DocumentTag,
    LegalDocumentPage,
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
