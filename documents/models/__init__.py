"""Document domain models: vocabularies (types, issuing bodies, signers, fields,
emulation titles). Page types that use them live in ``pages``."""

from .vocabularies import (
    DocumentType,
    EmulationTitle,
    Field,
    IssuingBody,
    Signer,
)

__all__ = ["DocumentType", "EmulationTitle", "Field", "IssuingBody", "Signer"]
