"""Multi-step writes of the document domain.

Each service takes keyword-only arguments, runs in one transaction and leaves
side effects (indexing, notifications) to ``transaction.on_commit``.
"""

from django.utils.html import escape


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
