"""The extraction pipeline.

1. Build the parse copy (``normalize``): same length, folded, NFC offsets kept.
2. Find anchors — a type word, a code-shaped number, a "Số:" header — and ask
   the matchers registered for that anchor kind (``matchers.REGISTRY``).
3. Decorate each hit with the pinpoint and relation verb before it, and follow
   elliptic lists after it ("… số 98/2023/NĐ-CP … và số 152/2025/NĐ-CP").
4. Freeze hits into :class:`Citation` objects with source offsets.
"""

import datetime
import re

from documents.dates import leading_date
from documents.normalize import compose_with_map, fold_same_length

from .context import (
    CHANGE_RELATIONS,
    in_quotation,
    inherits_relation,
    scan_pinpoint,
    scan_relation,
)
from .matchers import Hit, NumberedMatcher, Source, finish
from .model import Citation
from .numbers import match_number
from .registry import LAW_ANCHORS, REGISTRY
from .split import join_split_digits
from .vocab import TYPE_BY_FOLD

_TYPE_ALT = "|".join(
    re.escape(word) for word in sorted(TYPE_BY_FOLD, key=len, reverse=True)
)
# The leading look-ahead lets the regex engine skip characters that cannot start
# an anchor (a plain alternation is tried at every position: 25% slower).
ANCHOR = re.compile(
    r"(?=[a-z\d])(?:"
    rf"(?<![a-z0-9])(?P<type>{_TYPE_ALT})(?![a-z])"
    r"|(?<![a-z0-9/.\-])(?P<code>\d{1,5}(?=\s?[-/]\s?(?:[a-z]|(?:19|20)\d\d\s?/)))"
    r"|(?<![a-z])(?P<header>so\s*:\s*)(?=[.…_ ]*/))"
)
_CONT = re.compile(r"\s*(?:,|;|va|,\s*va|hoac)\s*(?P<so>(?:so(?![a-z])\s*:?\s*)+)?")


def extract_citations(
    text: str, *, context_date: datetime.date | None = None
) -> list[Citation]:
    """All citations in ``text``, in order; ``text[c.start:c.end] == c.raw``.

    ``context_date`` is the date of the citing document; it decides which law a
    shared title names (Luật Thi đua, khen thưởng 2003 or 2022). Never raises on
    text input; returns [] for empty or non-string input.
    """
    if not isinstance(text, str) or not text:
        return []
    composed, offsets = compose_with_map(text)
    folded = join_split_digits(fold_same_length(composed))
    src = Source(composed, folded, context_date)
    return [_freeze(text, hit, offsets) for hit in scan(src)]


def scan(src: Source) -> list[Hit]:
    """Hits in order of appearance, decorated and with list members expanded."""
    hits: list[Hit] = []
    pos = 0
    while True:
        anchor = ANCHOR.search(src.folded, pos)
        if anchor is None:
            return hits
        found = _match_anchor(src, anchor)
        found = [hit for hit in found if hit.end > anchor.start()]
        if not found:
            pos = anchor.end()
            continue
        for hit in found:
            _decorate(src, hit, hits)
            hits.append(hit)
        hits.extend(_continuations(src, hits[-1]))
        pos = max(hits[-1].end, anchor.end())


def _match_anchor(src: Source, anchor: re.Match) -> list[Hit]:
    kind = anchor.lastgroup
    if kind == "type":
        kind = "law" if anchor.group("type") in LAW_ANCHORS else "type"
    for matcher in REGISTRY[kind]:
        found = matcher.match(src, anchor.start(), anchor.end())
        if found:
            return found
    return []


def _decorate(src: Source, hit: Hit, hits: list[Hit]) -> None:
    prev = hits[-1] if hits else None
    floor = prev.end if prev else 0
    pin = scan_pinpoint(src.text, src.folded, hit.start, floor)
    if pin is not None:
        hit.start, hit.pinpoint = pin
    if hit.relation is None:
        spans = [(h.start, h.end) for h in hits[-8:]]
        hit.relation = scan_relation(src.text, src.folded, hit.start, floor, spans)
    if (
        hit.relation is None
        and prev
        and inherits_relation(src, prev.start, prev.end, hit.start)
    ):
        hit.relation = prev.relation
    if hit.relation in CHANGE_RELATIONS and in_quotation(src.text, hit.start):
        hit.relation = None
    if hit.date is None and hit.number and "law_by_name" not in hit.flags:
        before = leading_date(src.folded, max(floor, hit.start - 160), hit.start)
        if before is not None:
            hit.date, hit.year = before.value, hit.year or _year(before.value)
            hit.flags.extend(before.flags)
            hit.compose()


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def _continuations(src: Source, prev: Hit) -> list[Hit]:
    """Members of an elliptic list that follow ``prev`` and share its type."""
    out: list[Hit] = []
    while prev.doc_type and not {"law_by_name", "no_type"} & set(prev.flags):
        sep = _CONT.match(src.folded, prev.end)
        if sep is None:
            return out
        has_so = bool(sep.group("so"))
        number = match_number(src.text, src.folded, sep.end(), allow_bare=has_so)
        if number is None or not (has_so or (number.symbol and number.number)):
            return out
        start = sep.start("so") if has_so else sep.end()
        hit = Hit(start, number.end, number.type_hint or prev.doc_type)
        hit.flags.append("type_elided")
        if prev.pre_issuer:
            hit.issuer, hit.pre_issuer = prev.issuer, True
            hit.flags.append("issuer_elided")
        NumberedMatcher._apply(hit, number)
        hit.doc_type = prev.doc_type if not number.type_hint else hit.doc_type
        hit.relation = prev.relation
        finish(src, hit, number.end)
        out.append(hit)
        prev = hit
    return out


def _freeze(text: str, hit: Hit, offsets: list[int]) -> Citation:
    start, end = hit.start, hit.end
    if offsets:
        start, end = offsets[start], offsets[end]
    return Citation(
        raw=text[start:end],
        start=start,
        end=end,
        doc_type=hit.doc_type,
        number=int(hit.number) if hit.number else None,
        year=hit.year,
        symbol=hit.symbol,
        code=hit.code,
        date=hit.date,
        issuer=hit.issuer,
        pinpoint=hit.pinpoint,
        relation=hit.relation,
        flags=tuple(dict.fromkeys(hit.flags)),
    )
