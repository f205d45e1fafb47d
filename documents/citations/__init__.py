"""Citation extraction engine: legal references in Vietnamese text (issue 3 §1).

Public API::

    extract_citations(text, *, context_date=None) -> list[Citation]
    parse_code(text) -> CodeParts | None
    compose_code(*, number, year, symbol, system) -> str
    code_lookup_keys(*, doc_type, number, year, symbol, system) -> list[str]

Pure Python, no database. See domain.md §1–2 for the shapes it understands.
"""

from .codes import code_lookup_keys, compose_code, parse_code
from .extract import extract_citations
from .model import Citation, CodeParts

__all__ = [
    "Citation",
    "CodeParts",
    "code_lookup_keys",
    "compose_code",
    "extract_citations",
    "parse_code",
]
