"""File readers: .txt/.md, .docx, .pdf (text layer) and JSON Lines → SourceRecord.

Every failure becomes a ``ParseError`` with a message a user can act on; the
``parse_document`` command reports it per file and goes on with the others.
"""

from __future__ import annotations

import json
from pathlib import Path

from .hints import record_metadata
from .model import ParseError, SourceRecord

MAX_BYTES = 20 * 1024 * 1024
_OVERRIDE_KEYS = (
    "doc_type",
    "title",
    "code",
    "issuer",
    "issued_date",
    "slug",
    "source_url",
)


def read_records(path: str | Path) -> list[SourceRecord]:
    """Read one file into records (one per file, one per JSON line)."""
    path = Path(path)
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".json", ".ndjson"}:
        return _json_lines(data, path.name)
    if suffix == ".docx":
        text = _docx_text(data, path.name)
    elif suffix == ".pdf":
        text = _pdf_text(data, path.name)
    elif suffix in {".txt", ".md", ".text", ""}:
        text = decode_text(data, path.name)
    else:
        raise ParseError(f"{path.name}: unsupported file type {suffix!r}")
    if not text.strip():
        raise ParseError(f"{path.name}: the file holds no text")
    return [SourceRecord(text, path.name)]


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ParseError(
                f"{path.name}: file is too large ({size} bytes; limit {MAX_BYTES})"
            )
        return path.read_bytes()
    except ParseError:
        raise
    except IsADirectoryError:
        raise ParseError(f"{path.name}: is a directory, not a file") from None
    except OSError as exc:
        raise ParseError(f"{path.name}: cannot read file ({exc.strerror})") from None


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is an error."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ParseError(f"{name}: invalid UTF-16 text") from None
    if b"\x00" in data[:4096] and len(data) > 1:
        return _utf16_without_bom(data, name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(
            f"{name}: not UTF-8 text (invalid byte at offset {exc.start})"
        ) from None


def _utf16_without_bom(data: bytes, name: str) -> str:
    codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise ParseError(f"{name}: binary or unknown text encoding") from None


def _json_lines(data: bytes, name: str) -> list[SourceRecord]:
    text = decode_text(data, name)
    whole = _whole_json(text, name)
    if whole is not None:
        return whole
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            records.append(_json_record(line, name, number))
    if not records:
        raise ParseError(f"{name}: no JSON records found")
    return records


def _whole_json(text: str, name: str) -> list[SourceRecord] | None:
    """A .json file holding one object or a list of objects (not JSON Lines)."""
    if not text.lstrip().startswith(("[", "{")) or "\n" not in text.strip():
        return None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError:
        return None
    items = obj if isinstance(obj, list) else [obj]
    lines = [json.dumps(item, ensure_ascii=False) for item in items]
    return [_json_record(line, name, k) for k, line in enumerate(lines, start=1)]


def _json_record(line: str, name: str, number: int) -> SourceRecord:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ParseError(f"{name}: line {number}: invalid JSON ({exc.msg})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise ParseError(f"{name}: line {number}: expected an object with a text")
    overrides = {k: obj[k] for k in _OVERRIDE_KEYS if obj.get(k) not in (None, "")}
    hints = record_metadata(obj)
    return SourceRecord(obj["text"], f"{name}#{number}", overrides, hints)


def _docx_text(data: bytes, name: str) -> str:
    import io

    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types
        raise ParseError(
            f"{name}: not a valid DOCX file ({type(exc).__name__})"
        ) from None
    parts = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            parts.append(_xml_text(child, qn))
        elif child.tag == qn("w:tbl"):
            parts.extend(_table_rows(child, qn))
    return "\n".join(parts)


def _xml_text(element, qn) -> str:
    texts = []
    for node in element.iter():
        if node.tag == qn("w:t") and node.text:
            texts.append(node.text)
        elif node.tag in (qn("w:br"), qn("w:cr")):
            texts.append("\n")
        elif node.tag == qn("w:tab"):
            texts.append("\t")
    return "".join(texts)


def _table_rows(table, qn) -> list[str]:
    """Each cell's paragraphs on their own lines (header tables are 2 columns)."""
    lines = []
    for row in table.iter(qn("w:tr")):
        for cell in row.iter(qn("w:tc")):
            for para in cell.iter(qn("w:p")):
                lines.append(_xml_text(para, qn))
            lines.append("")
    return lines


def _pdf_text(data: bytes, name: str) -> str:
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ParseError(f"{name}: PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ParseError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ParseError(
            f"{name}: not a valid PDF file ({type(exc).__name__})"
        ) from None
    text = "\n".join(pages)
    if not text.strip():
        raise ParseError(f"{name}: PDF has no text layer (scanned image?)")
    return text
