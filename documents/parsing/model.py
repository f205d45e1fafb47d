"""Value objects of the document parser: the parsed document, input records, errors.

They carry no behaviour beyond serialisation so that importers, the admin preview
and the CLI can all consume the same shapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Keys of ``ParsedDocument.to_dict()``, in CLI output order.
CLI_KEYS = (
    "doc_type",
    "number",
    "symbol",
    "code",
    "issuer",
    "issuer_parent",
    "place",
    "issued_date",
    "effective_date",
    "title",
    "signing_authority",
    "signer_position",
    "signer_name",
    "legal_basis",
    "recipients",
    "articles",
    "sections",
    "flags",
)


class ParseError(Exception):
    """A file or record that cannot be read; the message is meant for users."""


@dataclass
class SourceRecord:
    """One document to parse: its text, where it came from and given metadata.

    ``overrides`` holds fields an upstream source already knows (JSON Lines
    ``doc_type``, ``title``, ``code`` ...); they win over parsed values.
    ``hints`` holds weaker metadata of the record (a publisher's attribute
    values, ``hints.record_metadata``): it only fills what the text lacks.
    """

    text: str
    name: str
    overrides: dict[str, Any] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)


@dataclass
class ParsedDocument:
    """Metadata and structure of one Vietnamese administrative/legal document.

    Field meanings follow the components of Nghị định 30/2020/NĐ-CP (Điều 8). Dates are
    ISO strings that may be partial ("2025", "2025-03"); ``number`` is None for an
    unsigned draft ("Số: /KH-UBND"), flagged ``draft_no_number``. ``flags`` and
    ``conflicts`` read as Vietnamese sentences through ``parsing.flags.describe``.
    """

    doc_type: str | None = None
    number: int | None = None
    number_text: str | None = None
    symbol: str | None = None
    code: str | None = None
    is_normative: bool = False
    issuer: str | None = None
    issuer_parent: str | None = None
    place: str | None = None
    issued_date: str | None = None
    title: str | None = None
    signing_authority: str = ""
    signer_position: str | None = None
    signer_name: str | None = None
    legal_basis: list = field(default_factory=list)
    legal_basis_lines: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)
    sections: list[dict] = field(default_factory=list)
    body_blocks: list[dict] = field(default_factory=list)
    appendix: str | None = None
    flags: list[str] = field(default_factory=list)
    #: Given metadata that disagrees with the text: field → (given, parsed).
    conflicts: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: The year printed in a legal-normative code ("73/2021/QH14" → 2021).
    code_year: int | None = None
    source_url: str | None = None
    slug: str | None = None
    #: When the text says it takes effect (``parsing.effect``): every effect
    #: clause of the body, and the ISO date the document's own one gives.
    effect_clauses: list = field(default_factory=list)
    effective_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The CLI/JSON view: exactly ``CLI_KEYS``; citations via their to_dict()."""
        data = {key: getattr(self, key) for key in CLI_KEYS}
        data["legal_basis"] = [_citation_dict(c) for c in self.legal_basis]
        data["articles"] = [
            {"number": a["number"], "title": a.get("title")} for a in self.articles
        ]
        data["sections"] = [dict(s) for s in self.sections]
        data["recipients"] = list(self.recipients)
        data["flags"] = list(self.flags)
        return data

    def flag(self, name: str) -> None:
        """Add a flag once."""
        if name not in self.flags:
            self.flags.append(name)


def _citation_dict(citation: Any) -> Any:
    to_dict = getattr(citation, "to_dict", None)
    return to_dict() if callable(to_dict) else citation
