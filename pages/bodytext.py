"""StreamField ↔ text of page bodies (the blocks of ``pages.blocks``).

Text → StreamField: ``body_stream_data`` turns the parser's body blocks into raw
StreamField data, ``paragraph_html`` plain lines into rich text (importer, demo).
StreamField → text: ``body_paragraphs`` (version history and its word diff),
``body_text`` (the citation graph: one line per block, as Wagtail's searchable
content gives it) and ``stream_text`` (the search index).
"""

from __future__ import annotations

import html
import re

from django.utils.html import escape, strip_tags

#: Keys of a block value that are labels, not text (heading level, Điều number).
SKIPPED_KEYS = {"level", "number"}


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


def stream_text(value) -> str:
    """Plain text of a StreamField / block value (rich text stripped)."""
    if value is None:
        return ""
    if hasattr(value, "source"):  # RichText: one line per paragraph
        return "\n".join(html_paragraphs(value.source))
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        if "data" in value and isinstance(value["data"], list):  # TableBlock
            return "\n".join(
                " ".join(str(c or "") for c in row) for row in value["data"]
            )
        return "\n".join(
            stream_text(v) for k, v in value.items() if k not in SKIPPED_KEYS
        )
    if hasattr(value, "raw_data") or isinstance(value, list | tuple):
        return "\n".join(stream_text(getattr(child, "value", child)) for child in value)
    return str(value)


BLOCK_END = re.compile(r"</(p|li|h\d|tr|div|blockquote)>|<br\s*/?>", re.I)
TAG = re.compile(r"<[^>]+>")


def html_paragraphs(source: str) -> list[str]:
    """Paragraph texts of a rich-text HTML fragment, tags removed, unescaped."""
    text = TAG.sub("", BLOCK_END.sub("\n", source or ""))
    return [line.strip() for line in html.unescape(text).splitlines() if line.strip()]


def _block_paragraphs(kind: str, value) -> list[str]:
    if kind == "heading":
        return [f"{value.get('number') or ''} {value.get('text') or ''}".strip()]
    if kind == "paragraph":
        return html_paragraphs(value.source)
    if kind == "article":
        head = f"Điều {value.get('number')}. {value.get('title') or ''}".strip()
        return [head] + html_paragraphs(value["body"].source)
    if kind == "appendix":
        return [value.get("title") or ""] + html_paragraphs(value["body"].source)
    if kind == "table":
        rows = (value or {}).get("data") or []
        return [" | ".join(str(c or "") for c in row) for row in rows]
    return [str(value)]


def body_paragraphs(page) -> list[str]:
    """The body of a document as a list of plain-text paragraphs."""
    out: list[str] = []
    for block in page.body:
        out += [p for p in _block_paragraphs(block.block_type, block.value) if p]
    return out


def body_text(page) -> str:
    """Plain text of a page's StreamField body, one block per line."""
    parts: list[str] = []
    for block in page.body:
        try:
            content = block.block.get_searchable_content(block.value)
        except Exception:  # noqa: BLE001 - an odd block only loses its text
            continue
        parts.extend(strip_tags(str(text)) for text in content if text)
    return "\n".join(parts)
