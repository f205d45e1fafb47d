"""Multi-step writes of the document domain.

Each service takes keyword-only arguments, runs in one transaction and leaves
side effects (indexing, notifications) to ``transaction.on_commit``.

``document_import`` turns one parsed record into a document page (or a new
revision of the page with the same identity); the vocabulary mapping it needs
lives in ``documents.importing``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.html import escape

logger = logging.getLogger(__name__)


def paragraph_html(text: str) -> str:
    """Plain text (one paragraph per line) as escaped rich-text HTML."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return "".join(f"<p>{escape(line)}</p>" for line in lines)


def body_stream_data(body_blocks: list[dict]) -> list[dict]:
    """Turn the parser's ``body_blocks`` into raw StreamField data for ``body``."""
    stream = []
    for block in body_blocks:
        kind = block.get("type")
        if kind == "heading":
            level = str(block.get("level") or 2)
            value = {
                "number": block.get("number") or "",
                "text": block.get("text") or "",
                "level": level if level in {"2", "3", "4"} else "4",
                "anchor": block.get("anchor") or "",
            }
            stream.append({"type": "heading", "value": value})
        elif kind == "article":
            paragraphs = block.get("paragraphs") or [block.get("text") or ""]
            value = {
                "number": str(block.get("number") or ""),
                "title": block.get("title") or "",
                "body": paragraph_html("\n".join(paragraphs)),
            }
            stream.append({"type": "article", "value": value})
        elif kind == "appendix":
            value = {
                "title": block.get("title") or "Phụ lục",
                "body": paragraph_html(block.get("text") or ""),
            }
            stream.append({"type": "appendix", "value": value})
        elif block.get("text"):
            stream.append({"type": "paragraph", "value": paragraph_html(block["text"])})
    return stream


# Import ----------------------------------------------------------------------


@dataclass
class ImportResult:
    """What importing one record did (or would do, in a dry run)."""

    name: str
    action: str  # "created", "revised" or "failed"
    page_id: int | None = None
    title: str = ""
    code: str = ""
    page_type: str = ""
    published: bool = False
    revision_id: int | None = None
    error: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.action != "failed"


def document_import(
    *,
    record,
    parent,
    publish: bool,
    note: str = "",
    user=None,
    parsed=None,
    field_overrides: dict | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Import one ``SourceRecord`` under ``parent`` in a single transaction.

    A document whose identity (type, number, year, symbol, issuer) is already on
    the portal — or, for a draft without number, whose slug is — gets a new
    revision (published when ``publish``) instead of a duplicate page. ``parsed``
    and ``field_overrides`` (page field values, e.g. the chosen document type)
    let the admin preview pass corrected metadata. Raises ``ImportFailure``
    (or a database error) and then writes nothing; ``dry_run`` always rolls back.
    """
    from documents import importing

    with transaction.atomic():
        result = importing.import_record(
            record=record,
            parent=parent,
            publish=publish,
            note=note,
            user=user,
            parsed=parsed,
            field_overrides=field_overrides,
        )
        if dry_run:
            transaction.set_rollback(True)
            result.page_id = result.revision_id = None
        else:
            transaction.on_commit(lambda: _log_import(result))
    return result


def _log_import(result: ImportResult) -> None:
    logger.info("imported %s: %s page %s", result.name, result.action, result.page_id)
