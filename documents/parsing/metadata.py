"""Publisher attribute tables found in scraped copies of documents.

Legal-database pages put an attribute table ("Số hiệu:", "Loại văn bản:",
"Người ký:", "Ngày ban hành:") above the text. Its values are used only where the
document text itself yields nothing (e.g. a Công văn whose header was not
scraped), and the parser flags ``metadata_table`` when it does so.
"""

from __future__ import annotations

from documents.dates import dmy_to_iso
from documents.text import fold

_KEYS = {
    "so hieu": "code",
    "loai van ban": "doc_type",
    "noi ban hanh": "issuer",
    "nguoi ky": "signer_name",
    "ngay ban hanh": "issued_date",
}
_LAST_KEYS = ("tinh trang", "ngay hieu luc", "so cong bao", "ngay cong bao")


def read_table(lines: list[str], limit: int = 60) -> tuple[dict[str, str], int]:
    """Attribute values and the index of the first line after the table."""
    values: dict[str, str] = {}
    end = 0
    i = 0
    while i < min(len(lines), limit):
        key, value, used = _key_value(lines, i)
        if key in _KEYS and value:
            values[_KEYS[key]] = value
            end = i + used
        elif key in _LAST_KEYS and values:
            end = i + used
        i += used or 1
    if "issued_date" in values:
        values["issued_date"] = dmy_to_iso(values["issued_date"]) or ""
    return {k: v for k, v in values.items() if v}, end


def _key_value(lines: list[str], i: int) -> tuple[str | None, str, int]:
    line = lines[i]
    if ":" not in line or len(line) > 120:
        return None, "", 0
    key, _, value = line.partition(":")
    key = fold(key).strip(" #")
    if key not in _KEYS and key not in _LAST_KEYS:
        return None, "", 0
    if value.strip():
        return key, value.strip(), 1
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    return key, nxt.strip(), 2
