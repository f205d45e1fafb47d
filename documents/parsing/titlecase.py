"""Case of a title printed in capitals, once lowered to a sentence.

``restore_proper_names`` (``heading``) gives back the names the body writes in
capitals ("tỉnh Bắc Ninh"). Three things it cannot see are restored here:

- a số ký hiệu keeps the case the body writes it in ("1237/QĐ-TTG" →
  "1237/QĐ-TTg", the Thủ tướng's "TTg"), and a code the body does not repeat
  keeps the "TTg" of the code table (Nghị định 30/2020/NĐ-CP, Phụ lục III);
- the name of a state or Party body is capitalised as that body writes it
  ("của thủ tướng chính phủ" → "của Thủ tướng Chính phủ", "bộ chính trị" →
  "Bộ Chính trị"), from the national bodies of ``documents.issuers`` and a few
  more; matched with their diacritics, so "đang" is never "Đảng";
- the kind of a document cited by its number is capitalised ("quyết định số
  1237/QĐ-TTg" → "Quyết định số 1237/QĐ-TTg"), as the body cites it.
"""

from __future__ import annotations

import functools
import re

from documents.issuers import national_names
from documents.text import nfc

from .heading import restore_proper_names
from .vocab import TYPE_WORDS

_CODE = re.compile(
    r"(?<![\w/])\d{1,5}(?:/\d{4})?[/-][A-ZĐa-zđ][\wĐđ&.-]*(?:/[\wĐđ&.-]+)*"
)
#: Names that are not in the national table, as written.
_BODIES = (
    "Thủ tướng Chính phủ",
    "Phó Thủ tướng Chính phủ",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Chấp hành Trung ương",
    "Trung ương Đảng",
    "Mặt trận Tổ quốc Việt Nam",
    "Tổ quốc",
)
_KINDS = sorted({display.lower() for _, display in TYPE_WORDS}, key=len)
_CITED_KIND = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(k) for k in reversed(_KINDS)) + r")(?= số \d)"
)


def restore_title_case(title: str, body: str) -> str:
    """A lowered all-caps title with names, codes and cited kinds restored."""
    title = restore_proper_names(nfc(title), body)
    title = _restore_codes(title, body)
    title = _restore_bodies(title)
    return _CITED_KIND.sub(lambda m: m.group(1)[:1].upper() + m.group(1)[1:], title)


def _restore_codes(title: str, body: str) -> str:
    written: dict[str, str] = {}
    for code in _CODE.findall(body[:20000]):
        if code != code.upper():  # a heading in capitals spells no code
            written.setdefault(code.upper(), code)

    def spelled(match: re.Match) -> str:
        code = match.group(0)
        if code.upper() in written:
            return written[code.upper()]
        return re.sub(r"(?<=[-/])TTG(?![\w])", "TTg", code)

    return _CODE.sub(spelled, title)


@functools.cache
def _body_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    """(pattern, spelling) of every body name, shortest first, built once."""
    patterns = []
    for name in sorted({*national_names(), *_BODIES}, key=lambda n: (len(n), n)):
        # Not inside a longer noun: "phi chính phủ" (non-governmental), "chi
        # cục thuế" (a sub-department of the Cục Thuế) are no body's name.
        lowered = re.escape(nfc(name).lower())
        patterns.append(
            (re.compile(rf"(?<!\w)(?<!phi )(?<!chi ){lowered}(?!\w)"), name)
        )
    return tuple(patterns)


def _restore_bodies(title: str) -> str:
    lowered = nfc(title).lower()
    for pattern, name in _body_patterns():
        for match in list(pattern.finditer(lowered)):
            start, end = match.span()
            title = title[:start] + _keep_first(title[start:end], name) + title[end:]
    return title


def _keep_first(found: str, name: str) -> str:
    """The body's spelling, except a capital the title already had first."""
    return found[:1] + name[1:] if found[:1].isupper() else name
