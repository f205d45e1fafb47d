"""The "Căn cứ …" lines under a document's title (its legal basis).

Each line is one basis; a line that runs on into the body after a full stop
("Căn cứ …. Theo đề nghị …") is split there. A Văn bản hợp nhất carries its
consolidation note ("Thông tư số … được sửa đổi, bổ sung bởi: …") between its
title and the Căn cứ lines of the text it consolidates.
"""

from __future__ import annotations

import re

from documents.text import fold

from .lines import starts_folded
from .model import ParsedDocument

_SENTENCE_END = re.compile(r"(?<=[^\sA-ZĐ.]{3})\.\s+(?=[A-ZĐÀ-Ỹ])")


def read_legal_basis(doc: ParsedDocument, lines: list[str], pos: int) -> int:
    first = _consolidation_note_end(doc, lines, pos)
    if first > pos:
        # The note of a Văn bản hợp nhất ("Thông tư số … được sửa đổi, bổ sung
        # bởi: …") stands between its title and the consolidated text's Căn
        # cứ lines: those are read, and the note opens the body.
        end = _read_basis_lines(doc, lines, first)
        del lines[first:end]
        return pos
    return _read_basis_lines(doc, lines, pos)


def _consolidation_note_end(doc: ParsedDocument, lines: list[str], pos: int) -> int:
    """Index of the first "Căn cứ" line after a consolidation note (at most 8
    lines, no Chương/Điều among them), else ``pos``."""
    if doc.doc_type != "Văn bản hợp nhất":
        return pos
    for i in range(pos, min(pos + 9, len(lines))):
        if starts_folded(lines[i], "can cu"):
            return i
        if starts_folded(lines[i], "chuong") or starts_folded(lines[i], "dieu"):
            break
    return pos


def _read_basis_lines(doc: ParsedDocument, lines: list[str], pos: int) -> int:
    while pos < len(lines) and starts_folded(lines[pos], "can cu"):
        basis, rest = _split_first_sentence(lines[pos])
        doc.legal_basis_lines.append(basis)
        if rest:
            lines[pos] = rest
            return pos
        pos += 1
    return pos


def _split_first_sentence(line: str) -> tuple[str, str]:
    if line.rstrip().endswith((";", ".", ":")) and not _SENTENCE_END.search(line):
        return line.strip(), ""
    match = _SENTENCE_END.search(line)
    if not match or fold(line[match.end() :]).startswith("can cu"):
        return line.strip(), ""
    return line[: match.start() + 1].strip(), line[match.end() :].strip()
