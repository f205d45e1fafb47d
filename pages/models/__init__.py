"""Wagtail page types of the portal, and the rows that point at document pages
(citations, published versions, validity events and pending effects)."""

from .citations import DocumentCitation, DocumentSource
from .collections import DocumentListPage
from .content import ContentPage
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
from .history import PendingEffect, PublishedVersion, RevisionNote, ValidityEvent
from .home import DocumentIndexPage, HomePage
from .news import NewsDocument, NewsIndexPage, NewsPage, NewsTag
from .portal_info import PortalInfo
from .showcase import (
    ExemplarIndexPage,
    ExemplarKind,
    ExemplarPage,
    MovementDocument,
    MovementIndexPage,
    MovementPage,
)

__all__ = [
    "ValidityEvent",
    "RevisionNote",
    "PublishedVersion",
    "PendingEffect",
    "DocumentSource",
    "DocumentCitation",
    "Award",
    "ContentPage",
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
    "PortalInfo",
    "SigningAuthority",
    "ValidityStatus",
]
