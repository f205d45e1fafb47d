"""Pure-Python parser for Vietnamese administrative and legal documents.

``parse_document`` turns the text of one document into a ``ParsedDocument``
(header, type and trích yếu, căn cứ, outline, signature, recipients, appendix —
Nghị định 30/2020/NĐ-CP, Điều 8); ``read_records`` reads .txt/.md/.docx/.pdf/.jsonl files into
``SourceRecord`` items for it. No database access, so importers, the admin
preview and the ``parse_document`` command share it.
"""

from .document import parse_document
from .hints import fill_from_record, parse_record
from .model import ParsedDocument, ParseError, SourceRecord
from .readers import read_records

__all__ = [
    "ParseError",
    "ParsedDocument",
    "SourceRecord",
    "fill_from_record",
    "parse_document",
    "parse_record",
    "read_records",
]
