"""Type word and trích yếu (Nghị định 30/2020/NĐ-CP, Phụ lục I, ô 5a/5b).

Typed documents print the type word in capitals ("KẾ HOẠCH", "QUYẾT ĐỊNH") with
the trích yếu on the same or the next lines; extraction often glues the enacting
authority ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "CỤC TRƯỞNG CỤC HẢI QUAN") to the end
of an all-caps title, so it is cut off. A Công văn has no type word; its trích
yếu is the "V/v ..." line of the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from documents.text import fold

from .lines import fold_head, is_upper, starts_folded
from .oldform import is_old_form, old_form_subject
from .vocab import ORG_STARTS, POSITION_FOLDED, TYPE_WORDS

_BASIS_NEXT = ("can cu", "xet ", "theo de nghi", "quyet dinh:", "quyet nghi")
_PREPOSITION_END = (" cua", " ve", " cho", " voi", " tai", " thuoc", " cac")
_STOP_PREFIXES = ("can cu", "kinh gui", "xet ", "theo de nghi", "dieu ", "chuong ")
_VV_PREFIX = re.compile(r"V/V(?:\b\s*:?\s*|(?=[^\W\d_]))", re.IGNORECASE)
_TERM_TAIL = re.compile(r"\s+KHÓA\s+[IVXLC]+\b.*$", re.IGNORECASE)


@dataclass
class Heading:
    """Type word, title and the index of the line after them."""

    doc_type: str | None
    title: str | None
    end: int
    title_was_upper: bool = False
    remainder: str | None = None


def find_heading(lines: list[str], start: int, issuer: str | None) -> Heading | None:
    """Find the type-word heading within a few lines after the header."""
    for i in range(start, min(len(lines), start + 6)):
        if starts_folded(lines[i], *_STOP_PREFIXES):
            return None
        typed = _type_word(lines[i])
        if typed:
            return _title_after(lines, i, typed, issuer)
    return None


def _type_word(line: str) -> tuple[str, int] | None:
    f = fold(line[:40])
    for word, display in TYPE_WORDS:
        if f.startswith(word) and (len(f) == len(word) or not f[len(word)].isalnum()):
            head = line[: len(word)]
            # "Quyết định của Bộ trưởng Bộ … về việc …": an old heading.
            old = head[:1].isupper() and f[len(word) :].startswith(" cua ")
            if is_upper(head, 1.0) or old:
                return display, len(word)
    return None


def _title_after(
    lines: list[str], i: int, typed: tuple[str, int], issuer: str | None
) -> Heading:
    display, size = typed
    first, remainder = split_upper_prefix(lines[i][size:].strip(" :"))
    parts = [first] if first else []
    j = i + 1
    if remainder:
        raw = " ".join(parts)
        title, was_upper = clean_title(raw, issuer, typed=True)
        return Heading(display, title, j, was_upper, remainder)
    while j < len(lines) and len(parts) < 4 and _continues_title(lines[j], parts):
        nxt = lines[j + 1] if j + 1 < len(lines) else ""
        if _is_authority(lines[j], issuer) or (
            parts and is_authority_line(lines[j], nxt)
        ):
            break
        parts.append(lines[j])
        j += 1
    raw = " ".join(parts).strip()
    title, was_upper = clean_title(raw, issuer, typed=True)
    return Heading(display, title, j, was_upper)


def split_upper_prefix(text: str) -> tuple[str, str | None]:
    """Cut a body sentence glued after an all-caps title ("... (TMS) Cục Thuế có")."""
    if not text or is_upper(text):
        return text, None
    tokens = text.split()
    k = 0
    while k < len(tokens) and not any(c.islower() for c in tokens[k]):
        k += 1
    if k < 3:
        return text, None
    return " ".join(tokens[:k]), " ".join(tokens[k:])


def restore_proper_names(title: str, body: str) -> str:
    """Re-capitalise names ("tỉnh bắc ninh" → "tỉnh Bắc Ninh") seen in the body."""
    lowered = title
    plain = title.lower()
    # Shorter runs first, so that where two overlap the longer name has the
    # last word; equal lengths in the order the body names them.
    for run in sorted(_capital_runs(body[:20000]), key=len):
        if run.lower() not in plain:
            continue
        pattern = r"(?<!\w)" + re.escape(run.lower()) + r"(?!\w)"
        lowered = re.sub(pattern, run, lowered)
    return lowered[:1].upper() + lowered[1:]


def _capital_runs(text: str) -> list[str]:
    """Runs of 2+ capitalised words that follow a lower-case word (not a
    sentence start), e.g. "Bắc Ninh" in "tỉnh Bắc Ninh"; each once, in the
    order of the text."""
    runs: dict[str, None] = {}
    current: list[str] = []
    after_lower = current_ok = False
    for token in re.findall(r"[^\W\d_]+|[.;:!?]", text):
        if len(token) > 1 and token[0].isupper() and token[1:].islower():
            current.append(token)
            continue
        if len(current) >= 2 and current_ok:
            runs[" ".join(current)] = None
        after_lower = token.islower()
        current = []
        current_ok = after_lower
    return list(runs)


def _continues_title(line: str, parts: list[str]) -> bool:
    f = fold(line)
    if f.startswith(_STOP_PREFIXES) or re.match(r"^[ivxlc]+\.\s", f):
        return False
    if not parts:
        return len(line) < 400
    if len(parts) == 1 and is_old_form(parts[0]) and not old_form_subject(parts[0]):
        # "Của Bộ trưởng Bộ Tài chính" / "Về việc …": the subject follows.
        return len(line) < 400
    return is_upper(line) and len(line) < 400


def _is_authority(line: str, issuer: str | None) -> bool:
    """The enacting authority printed under the title ("ỦY BAN NHÂN DÂN TỈNH X",
    "CHỦ TỊCH ỦY BAN NHÂN DÂN ...", "CHÍNH PHỦ")."""
    if not is_upper(line) or len(line) > 120:
        return False
    f = fold(line)
    if issuer and f.startswith(fold(issuer)):
        return True
    return any(f.startswith(p + " ") or f == p for p in POSITION_FOLDED)


def is_authority_line(line: str, nxt: str) -> bool:
    """An all-caps body name right before the Căn cứ block, whatever the issuer."""
    if not is_upper(line) or len(line) > 120:
        return False
    words = fold(line).split()
    starts_org = any(words[: len(o.split())] == o.split() for o in ORG_STARTS)
    return starts_org and fold_head(nxt).startswith(_BASIS_NEXT)


def clean_title(
    raw: str, issuer: str | None, *, typed: bool = False
) -> tuple[str | None, bool]:
    """Cut a trailing enacting authority and turn an all-caps title to sentence case.

    Under a type word (``typed``) an old heading's issuer, number and date
    are cut ("CỦA BỘ XÂY DỰNG SỐ … HƯỚNG DẪN …", ``oldform``). A leading
    "V/v" ("về việc") is dropped, except under a type word ("QUYẾT ĐỊNH / V/V
    BAN HÀNH …" → "V/v ban hành …", the trích yếu as printed); a Công văn's
    "V/v" line is read by the header."""
    raw = raw.strip(" .;:")
    if typed:
        raw = old_form_subject(raw, issuer) or raw
    vv = _VV_PREFIX.match(raw)
    if vv:
        raw = raw[vv.end() :]
    if not raw:
        return None, False
    raw = _cut_authority(raw, issuer)
    upper = is_upper(raw)
    title = sentence_case(raw) if upper else raw[:1].upper() + raw[1:]
    if vv and typed:
        # As printed after "V/v"; a sentence-cased first word is lowered.
        rest = raw
        if upper:
            first = title.split()[0]
            keep = is_acronym(first) or any(c.isdigit() for c in first)
            rest = title if keep else title[:1].lower() + title[1:]
        title = "V/v " + rest
    return title, upper


def _cut_authority(raw: str, issuer: str | None) -> str:
    text = _TERM_TAIL.sub("", raw) if is_upper(raw) else raw
    if not issuer or not is_upper(text):
        return text
    f, fi = fold(text), fold(issuer)
    pos = f.rfind(fi)
    if pos <= 0 or f[pos + len(fi) :].strip():
        return text
    head = text[:pos].rstrip()
    folded_head = fold(head)
    if folded_head.endswith(_PREPOSITION_END):
        return text
    for word in POSITION_FOLDED:
        if folded_head.endswith(" " + word):
            head = head[: -len(word)].rstrip()
            break
    return head or text


def sentence_case(text: str) -> str:
    """ "VỀ VIỆC PHÊ DUYỆT" → "Về việc phê duyệt"; codes and acronyms keep case."""
    words = []
    for token in text.split():
        keep = any(c.isdigit() for c in token) or "/" in token or is_acronym(token)
        words.append(token if keep else token.lower())
    out = " ".join(words)
    return out[:1].upper() + out[1:]


_VOWELS = set("aeiouy")
_ALLOWED_PAIRS = {"ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr"}


def is_acronym(token: str) -> bool:
    """Upper-case token that cannot be a Vietnamese syllable ("UBND", "TĐKT")."""
    letters = re.sub(r"[^\w]", "", token)
    if len(letters) < 2 or not letters.isupper():
        return False
    f = fold(letters)
    if not any(c in _VOWELS for c in f):
        return True
    pairs = {f[k : k + 2] for k in range(len(f) - 1)}
    consonant_pairs = {p for p in pairs if not (set(p) & _VOWELS)}
    return bool(consonant_pairs - _ALLOWED_PAIRS) or len(f) > 7
