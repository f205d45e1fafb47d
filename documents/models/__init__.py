"""Document domain models: vocabularies (types, issuing bodies, signers, fields,
emulation titles) and the citation graph (``DocumentCitation``, ``DocumentSource``). Page types that use them live in ``pages``."""

from .citations import DocumentCitation, DocumentSource, Relation
from .versions import (
    EffectKind,
    PendingEffect,
    PublishedVersion,
    RevisionNote,
    ValidityEvent,
)
from .vocabularies import (
    DocumentType,
    EmulationTitle,
    Field,
    IssuingBody,
    Signer,
)

__all__ = [
    "DocumentCitation",
    "DocumentSource",
    "DocumentType",
    "EffectKind",
    "EmulationTitle",
    "Field",
    "IssuingBody",
    "PendingEffect",
    "PublishedVersion",
    "Relation",
    "RevisionNote",
    "Signer",
    "ValidityEvent",
]
