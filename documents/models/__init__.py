"""Vocabularies of the document domain: types, issuing bodies, signers, fields,
emulation titles. Citation, version and validity rows point at pages and live in
``pages.models``."""

from .vocabularies import (
    DocumentType,
    EmulationTitle,
    Field,
    IssuingBody,
    IssuingBodyAlias,
    Signer,
)

__all__ = [
    "DocumentType",
    "EmulationTitle",
    "Field",
    "IssuingBody",
    "IssuingBodyAlias",
    "Signer",
]
