"""The document header (Nghị định 30/2020/NĐ-CP, Phụ lục I, ô 1–5): issuer, số ký hiệu, place, date.

Text extraction flattens the two header columns in several ways (one line per
column, issuer and Quốc hiệu on one line, "Số:" and its value on separate lines,
a Công văn "V/v" glued to the number), so every rule here works on a small
window of lines around the Quốc hiệu rather than on fixed positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from documents.dates import find_date
from documents.issuers import central_party_body, issuing_body_name, with_parent_place
from documents.text import fold

from .lines import fold_head, is_upper
from .places import is_placeless
from .spacing import respaced_body, respaced_place, respaced_symbol
from .vocab import LOCALITY_STARTS, ORG_STARTS, TYPE_WORDS

_MOTTO = ("cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam")
_TIEU_NGU = "doc lap - tu do - hanh phuc"
#: The number and symbol after "Số:"; a number or year whose digits a
#: letter-spaced scrape split by one space ("Số: 9 8/2023/NĐ-CP", "98/20
#: 23/NĐ-CP") is read whole: nothing else stands between "Số:" and its code.
_NUMBER = re.compile(
    r"\b(?:(?:Số|SỐ|số)\s*:?|(?:So|SO)\s*:)\s*"
    r"(?P<num>\d{1,3} \d{1,3}(?=\s*[/\-–‐‑])|\d{0,6}(?:\.\d+)?)\s*(?P<sep>[/\-–‐‑])\s*"
    r"(?P<sym>(?:(?:\d{4}|[12](?: \d{3}|\d \d\d|\d\d \d))\s*/\s*)?[^\W\d_][\w&]*"
    r"(?:\s*[-–‐‑/]\s*[\w&]+)*)"
)
#: "Số:" — or "Luật số:", "Pháp lệnh số:" as laws and ordinances print it.
_LAW_NUMBER = re.compile(r"(?:(?:bo luat|luat|phap lenh|lenh) )?so\b|so")
_CONG = re.compile(r"c[ộo]ng", re.IGNORECASE)
_NUMBER_LINE = re.compile(r"so\s*:?\s*[\d/-]|so\s*:")
_HEADER_CUTS = re.compile(
    r"\s+(?=CỘNG HÒA XÃ HỘI|ĐẢNG CỘNG SẢN VIỆT NAM|(?:Số|SỐ)\s*:)"
    r"|(?<=Hạnh phúc)\s+"
    r"|(?<=[\dA-ZĐ)])\s+(?=[A-ZĐÀ-Ỹ][\w.]*(?:\s(?:[A-ZĐÀ-Ỹ][\w.]*|phố|xã|thị|trấn)){0,5}"
    r",\s*ng[àa]y\s)"
)
#: "V/v …", also glued to its first word ("V/vhỗ trợ …").
_VV = re.compile(r"\bV/v(?:\b\s*:?\s*|(?=[^\W\d_]))(?P<rest>.*)$", re.IGNORECASE)
#: "BỘ TÀI CHÍNH / CỤC THUẾ": the parent and the body on one line.
_LEVEL_SEPARATOR = re.compile(r"\s+/\s+")
_DASHES = str.maketrans({"–": "-", "‐": "-", "‑": "-"})


@dataclass
class Header:
    """What the header window yielded, with the line index where it ends."""

    issuer_lines: list[str] = field(default_factory=list)
    number_text: str | None = None
    symbol: str | None = None
    year_in_code: str | None = None
    code: str | None = None
    subject_vv: str | None = None
    place: str | None = None
    issued_date: str | None = None
    date_partial: bool = False
    has_motto: bool = False
    end: int = 0
    vv_end: int = 0


def parse_header(lines: list[str], start: int) -> Header:
    """Read the header window that begins at ``start``."""
    header = Header()
    _split_page_title(lines, start)
    _split_flattened(lines, start)
    _split_after_date(lines, start)
    _join_wrapped_motto(lines, start)
    motto = _find_motto(lines, start)
    header.has_motto = motto is not None
    first = start if motto is None else _issuer_start(lines, start, motto)
    header.issuer_lines = _issuer_lines(lines, first, motto)
    window_end = _window_end(lines, first)
    window = lines[first:window_end]
    last = max(
        motto if motto is not None else -1,
        first + len(header.issuer_lines) - 1,
        _read_number(header, window, first),
        _read_date(header, window, first),
    )
    header.end = last + 1 if last >= 0 else start
    vv_last = _read_vv(header, lines, first, window_end)
    header.vv_end = max(header.end, vv_last + 1)
    return header


def _split_flattened(lines: list[str], start: int) -> None:
    """Split a header flattened into one line ("ỦY BAN ... CỘNG HÒA ... Hạnh phúc
    Số: 12/QĐ-UBND Lai Châu, ngày ...") back into its components, in place."""
    for i in range(min(len(lines), start + 40) - 1, start - 1, -1):
        line = lines[i]
        if len(line) > 400 or not (_motto_at(line) >= 0 or _NUMBER.search(line)):
            continue
        parts = [p.strip() for p in _HEADER_CUTS.split(line) if p and p.strip()]
        if len(parts) > 1:
            lines[i : i + 1] = parts


def _split_page_title(lines: list[str], start: int) -> None:
    """Split a scraped page title glued before the issuer ("Quyết định 435/QĐ-UBND
    năm 2020. ỦY BAN NHÂN DÂN TỈNH KON TUM") off its line, in place."""
    for i in range(start, min(len(lines), start + 3)):
        line = lines[i]
        if not _PAGE_TITLE.match(fold(line[:60])):
            continue
        for match in re.finditer(r"\.\s+", line):
            rest = line[match.end() :]
            if is_upper(rest) and _org_start_size(fold_head(rest).split(), 0):
                lines[i : i + 1] = [line[: match.start() + 1], rest]
                return


def _split_after_date(lines: list[str], start: int) -> None:
    """Split the header date from what the scrape glued after it ("Kon Tum,
    ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH V/V …", "…, ngày 23 tháng 5 năm 2019
    Kính gửi: …"), in place; only the first date line of the header."""
    for i in range(start, min(len(lines), start + 40)):
        found = find_date(lines[i])
        if not found:
            continue
        line = lines[i]
        if not line[: found.start].rstrip().endswith(","):
            return
        tail = line[found.end :].strip()
        head = fold_head(tail, 24)
        kind = is_upper(tail[:24]) and head.startswith(_KIND_HEADS)
        if tail and (head.startswith("kinh gui") or kind):
            lines[i : i + 1] = [line[: found.end].rstrip(), tail]
        return


def _join_wrapped_motto(lines: list[str], start: int) -> None:
    """Join a Quốc hiệu wrapped inside its table cell ("CỘNG HÒA XÃ HỘI" /
    "CHỦ NGHĨA VIỆT NAM") back into one line, in place."""
    for i in range(start, min(len(lines), start + 40) - 1):
        head = fold(lines[i]).strip()
        if len(head) < 8 or not is_upper(lines[i], 1.0):
            continue
        joined = f"{lines[i]} {lines[i + 1]}"
        if any(
            motto.startswith(head + " ") and fold(joined).startswith(motto)
            for motto in _MOTTO
        ):
            lines[i : i + 2] = [joined]
            return


def _find_motto(lines: list[str], start: int) -> int | None:
    for i in range(start, min(len(lines), start + 40)):
        if _motto_at(lines[i]) >= 0:
            return i
    return None


def _motto_at(line: str) -> int:
    """Offset of the Quốc hiệu / Party title printed in capitals, or -1."""
    if len(line) > 400 or not _CONG.search(line):
        return -1
    f = fold(line)
    for motto in _MOTTO:
        pos = f.find(motto)
        if pos >= 0 and is_upper(line[pos : pos + len(motto)], 1.0):
            return pos
    return -1


def _issuer_start(lines: list[str], start: int, motto: int) -> int:
    first = motto
    while first > start and motto - first < 3 and _is_header_line(lines[first - 1]):
        first -= 1
    return first


def _is_header_line(line: str) -> bool:
    return (
        (is_upper(line) and len(line) < 160)
        or line.strip() == "*"
        or _is_number_line(line)
    )


def _is_number_line(line: str) -> bool:
    """ "Số: 170/2025/NĐ-CP" printed under the issuer, before the Quốc hiệu."""
    return len(line) < 80 and bool(_NUMBER_LINE.match(fold(line)))


_TYPE_LINES = frozenset(word for word, _ in TYPE_WORDS)
_KIND_HEADS = tuple(f"{word} " for word in _TYPE_LINES) + tuple(_TYPE_LINES)
#: A scraped page title: "<kind> <number>/<symbol> …".
_PAGE_TITLE = re.compile(
    rf"(?:{'|'.join(re.escape(word) for word in sorted(_TYPE_LINES, key=len, reverse=True))})"
    r" (?:so )?\d+[/-]"
)


def _issuer_lines(lines: list[str], first: int, motto: int | None) -> list[str]:
    if motto is None:
        return _leading_org_lines(lines, first)
    out = [
        ln for ln in lines[first:motto] if ln.strip() != "*" and not _is_number_line(ln)
    ]
    before = _before_motto(lines[motto])
    if before:
        out.append(before)
    for line in lines[motto + 1 : motto + 4]:
        f = fold(line)
        if _NUMBER_LINE.match(f) or not is_upper(line) or _TIEU_NGU in f:
            break
        if f.strip(" .:") in _TYPE_LINES:
            break
        if line.strip() != "*" and _motto_at(line) < 0:
            out.append(line)
    return out


def _before_motto(line: str) -> str:
    return line[: max(_motto_at(line), 0)].strip(" *-")


def _leading_org_lines(lines: list[str], first: int) -> list[str]:
    out = []
    for line in lines[first : first + 3]:
        if not is_upper(line) or not _org_start_size(fold_head(line).split(), 0):
            break
        out.append(line)
    return out


def _window_end(lines: list[str], first: int) -> int:
    end = min(len(lines), first + 14)
    for i in range(first, end):
        f = fold_head(lines[i])
        if f.startswith(("can cu", "kinh gui")) and i > first:
            return i
    return end


def _read_number(header: Header, window: list[str], offset: int) -> int:
    for i in range(len(window)):
        joined = " ".join(window[i : i + 2])
        match = _NUMBER.search(joined)
        if match and _LAW_NUMBER.match(fold(window[i]).lstrip("# ")):
            _set_number(header, match, window[i][match.end() :])
            return offset + i + (1 if match.end() > len(window[i]) else 0)
    return -1


def _set_number(header: Header, match: re.Match, rest: str = "") -> None:
    num = match.group("num").replace(" ", "") or None
    sep = match.group("sep").translate(_DASHES)
    sym = re.sub(r"\s+", "", match.group("sym")).translate(_DASHES)
    sym = respaced_symbol(sym, rest)
    year = re.match(r"(\d{4})/", sym)
    header.number_text = num
    header.year_in_code = year.group(1) if year else None
    header.symbol = sym[5:] if year else sym
    header.code = f"{num or ''}{sep}{sym}"


def _read_date(header: Header, window: list[str], offset: int) -> int:
    for i, line in enumerate(window):
        found, wrapped = find_date(line), 0
        if not found and i + 1 < len(window) and "ngay" in fold(line):
            # "Lâm Đồng, ngày 25" / "tháng 11 năm 2025": a date wrapped in its cell.
            joined = f"{line} {window[i + 1]}"
            found = find_date(joined)
            if found and found.start < len(line) < found.end:
                line, wrapped = joined, 1
            else:
                found = None
        if not found:
            continue
        prefix = line[: found.start]
        place = _place_before(prefix) or respaced_place(prefix.rstrip(" ,"))
        if not (place and prefix.rstrip().endswith(",")) and prefix.strip():
            continue
        if len(line) - found.end > 40:
            continue
        header.issued_date, header.date_partial = found.value, found.partial
        header.place = place
        return offset + i + wrapped
    return -1


#: Units named by a number in a header's place ("Quận 1, ngày …").
_NUMBERED_UNITS = frozenset({"quan", "phuong"})


def _place_before(prefix: str) -> str | None:
    tokens = prefix.rstrip(" ,").split()
    taken: list[str] = []
    for k in range(len(tokens) - 1, -1, -1):
        token = tokens[k]
        if token.isdigit() and k == len(tokens) - 1 and k > 0:
            # A numbered district or ward: "Quận 1", "Phường 5".
            if fold(tokens[k - 1]).lower() in _NUMBERED_UNITS:
                taken.insert(0, token)
                continue
        if token[:1].isupper() or token.lower() in {"phố", "xã", "thị", "trấn"}:
            taken.insert(0, token)
            continue
        break
    while taken and not taken[0][:1].isupper():
        taken.pop(0)
    place = " ".join(taken).strip(" ,.")
    return place or None


def _read_vv(header: Header, lines: list[str], first: int, end: int) -> int:
    for i in range(first, end):
        match = _VV.search(lines[i])
        if not match:
            continue
        rest = _strip_date_tail(match.group("rest"))
        last = i
        if not rest and i + 1 < end:
            rest, last = _strip_date_tail(lines[i + 1]), i + 1
        header.subject_vv = rest.strip(" .;:") or None
        return last
    return -1


def _strip_date_tail(text: str) -> str:
    found = find_date(text)
    if not found:
        return text
    prefix = text[: found.start]
    place = _place_before(prefix) or ""
    return prefix[: len(prefix.rstrip(" ,")) - len(place)].rstrip(" ,")


def split_issuer(lines: list[str]) -> tuple[str | None, str | None]:
    """(issuer, parent) from the issuer lines of the header."""
    parts = [respaced_body(part) for ln in lines for part in _LEVEL_SEPARATOR.split(ln)]
    lines = [ln.strip(" *-") for ln in parts if ln.strip(" *-")]
    if not lines:
        return None, None
    merged: list[str] = []
    for line in lines:
        words = fold(line).split()
        if (
            merged
            and fold(line).startswith(LOCALITY_STARTS)
            and not (_org_start_size(words, 0))
        ):
            merged[-1] = f"{merged[-1]} {line}"
        else:
            merged.extend(_split_orgs(line))
    issuer = issuing_body_name(merged[-1])
    parent = " ".join(merged[:-1]) or None
    if parent and not is_placeless(issuer):  # a Sở: the record's place fills it
        issuer = with_parent_place(issuer, parent)
    return central_party_body(issuer, parent)


def _split_orgs(line: str) -> list[str]:
    tokens = line.split()
    folded = [fold(t) for t in tokens]
    parts: list[list[str]] = []
    i = 0
    while i < len(tokens):
        size = _org_start_size(folded, i)
        splittable = (
            parts and _head_size(parts[0]) and len(parts[-1]) > _head_size(parts[-1])
        )
        if size and splittable:
            parts.append(tokens[i : i + size])
            i += size
            continue
        if not parts:
            parts.append([])
        parts[-1].extend(tokens[i : i + (size or 1)])
        i += size or 1
    return [" ".join(p) for p in parts if p]


def _org_start_size(folded: list[str], i: int) -> int:
    for start in ORG_STARTS:
        words = start.split()
        if folded[i : i + len(words)] == words:
            return len(words)
    return 0


def _head_size(tokens: list[str]) -> int:
    return _org_start_size([fold(t) for t in tokens], 0)
