"""Comparing two published versions of a document: metadata field by field,
the body word by word (the "So sánh" view of the version history)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.safestring import SafeString
from django.utils.text import capfirst

from documents.textdiff import DiffParagraph, diff_paragraphs, diff_words, nfc
from pages.bodytext import body_paragraphs

if TYPE_CHECKING:
    from pages.models.history import PublishedVersion

METADATA_FIELDS = (
    "title",
    "code",
    "document_type",
    "issuing_body",
    "place",
    "issued_date",
    "issued_year",
    "effective_date",
    "expiry_date",
    "status",
    "signing_authority",
    "signer_position",
    "signer",
    "summary",
    "legal_basis",
    "recipients",
    "field",
)
LONG_TEXT_FIELDS = {"summary", "legal_basis", "recipients", "title"}
FIELD_LABELS = {"title": "Tiêu đề", "code": "Số ký hiệu"}


@dataclass(frozen=True)
class FieldChange:
    """One changed metadata field: label, old and new display values."""

    name: str
    label: str
    old: str
    new: str
    inline: SafeString | None = None


def field_label(obj, name: str) -> str:
    """The admin label of one metadata field of the page ``obj``."""
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    return capfirst(str(type(obj)._meta.get_field(name).verbose_name))


def field_display(obj, name: str) -> str:
    """Human display of one metadata value ("—" when empty)."""
    display = getattr(obj, f"get_{name}_display", None)
    try:
        value = display() if display and getattr(obj, name) else getattr(obj, name)
    except Exception:  # a vocabulary row deleted since that version
        value = "(đã xóa)"
    if value is None or value == "":
        return "—"
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    # A browser submits a textarea's lines with "\r\n" and the demo, the import
    # and older revisions store "\n": the same lines are the same value.
    return nfc("\n".join(str(value).splitlines()))


def metadata_changes(old, new) -> list[FieldChange]:
    changes = []
    for name in METADATA_FIELDS:
        before, after = field_display(old, name), field_display(new, name)
        if before == after:
            continue
        long_text = name in LONG_TEXT_FIELDS and "—" not in (before, after)
        inline = diff_words(before, after) if long_text else None
        changes.append(FieldChange(name, field_label(new, name), before, after, inline))
    return changes


@dataclass(frozen=True)
class Comparison:
    old: PublishedVersion
    new: PublishedVersion
    metadata: list[FieldChange]
    body: list[DiffParagraph]

    @property
    def body_changed(self) -> bool:
        return any(p.kind != "equal" for p in self.body)


def compare_versions(old: PublishedVersion, new: PublishedVersion) -> Comparison:
    """Metadata field by field and body word by word, ``old`` → ``new``."""
    a, b = old.revision.as_object(), new.revision.as_object()
    return Comparison(
        old=old,
        new=new,
        metadata=metadata_changes(a, b),
        body=diff_paragraphs(body_paragraphs(a), body_paragraphs(b)),
    )
