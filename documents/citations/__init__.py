"""Citation extraction engine: legal references in Vietnamese text.

Public API::

    extract_citations(text, *, context_date=None) -> list[Citation]
    parse_code(text) -> CodeParts | None
    spaced_codes(words) -> list[str]   # "48 nq cp" typed for 48/NQ-CP
    compose_code(*, number, year, symbol, system) -> str
    code_lookup_keys(*, doc_type, number, year, symbol, system) -> list[str]

Pure Python, no database. Built on ``documents.text``, ``documents.normalize``
(the same-length parse copy), ``documents.dates``, ``documents.kinds`` and
``documents.issuers``; inside,
lowest first: ``vocab``, ``gazetteer`` → ``context``, ``keys`` (``CodeParts``,
lookup keys) → ``numbers``, ``model`` → ``matchers`` → ``laws`` → ``registry`` →
``extract`` → ``codes`` (``parse_code``, which falls back on the extractor).
"""

from .codes import parse_code, spaced_codes
from .extract import extract_citations
from .keys import CodeParts, code_lookup_keys, compose_code
from .model import Citation

__all__ = [
    "Citation",
    "CodeParts",
    "code_lookup_keys",
    "compose_code",
    "extract_citations",
    "parse_code",
    "spaced_codes",
]
