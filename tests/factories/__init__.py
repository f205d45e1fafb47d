from .documents import FieldFactory, IssuingBodyFactory, SignerFactory, document_type
from .pages import (
    DecisionPageFactory,
    DirectivePageFactory,
    DocumentIndexPageFactory,
    DocumentPageFactory,
    HomePageFactory,
    PlanPageFactory,
    build_site,
)

__all__ = [
    "DecisionPageFactory",
    "DirectivePageFactory",
    "DocumentIndexPageFactory",
    "DocumentPageFactory",
    "FieldFactory",
    "HomePageFactory",
    "IssuingBodyFactory",
    "PlanPageFactory",
    "SignerFactory",
    "build_site",
    "document_type",
]
