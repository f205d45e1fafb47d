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
from .showcase import (
    ExemplarIndexPageFactory,
    ExemplarPageFactory,
    ImageFactory,
    MovementIndexPageFactory,
    MovementPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)

__all__ = [
    "DecisionPageFactory",
    "DirectivePageFactory",
    "DocumentIndexPageFactory",
    "DocumentPageFactory",
    "ExemplarIndexPageFactory",
    "ExemplarPageFactory",
    "FieldFactory",
    "HomePageFactory",
    "ImageFactory",
    "IssuingBodyFactory",
    "MovementIndexPageFactory",
    "MovementPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "PlanPageFactory",
    "SignerFactory",
    "build_site",
    "document_type",
]
