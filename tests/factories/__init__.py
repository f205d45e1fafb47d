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
from .scenarios import (
    EXPIRED_BASIS,
    REPLACING_TEXT,
    decree,
    page_form_data,
    plan_form_data,
    replaced_decree,
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
    "EXPIRED_BASIS",
    "REPLACING_TEXT",
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
    "decree",
    "document_type",
    "page_form_data",
    "plan_form_data",
    "replaced_decree",
]
