"""Rules of the legal-basis check: one citation against the cited document.

``choose`` picks, among the portal's documents that carry the cited số ký
hiệu, the one the citation names; ``citation_problems`` compares the citation
with it (date, kind, issuing body) and reads its validity timeline on the
citing document's date; ``issuer_problem`` says whether the citing body itself
still existed on that date.

A legal-normative số ký hiệu ("98/2023/NĐ-CP") names one document whatever
else the line says, so a different issuer is a mistake in the line. An
administrative one ("471/QĐ-UBND") is shared by every body of that kind, so a
document of another body is another document: the citation is then not found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from documents.citations import Citation
from documents.citations.model import fold_issuer
from documents.identity import bare_issuer

from .model import (
    AMENDED,
    DATE_MISMATCH,
    ENDING_STEPS,
    EXPIRED,
    ISSUER_DISSOLVED,
    ISSUER_MISMATCH,
    NOT_FOUND,
    NOT_YET_IN_FORCE,
    STEP_AMENDED,
    TYPE_MISMATCH,
    CitedDocument,
    IssuerFacts,
    Link,
    Problem,
    ValidityStep,
)

#: Kinds that name no particular kind of document ("Văn bản số 12/UBND-VP").
GENERIC_TYPES = frozenset({"van ban", "van ban khac"})
#: Systems whose số ký hiệu alone identifies a document.
CODE_IDENTIFIES = frozenset({"qppl", "law"})
#: Extractor flags meaning the date was not written in full.
PARTIAL_DATE_FLAGS = frozenset({"date_partial", "date_blank"})


def date_display(day: dt.date) -> str:
    """ "01/07/2025" (dd/mm/yyyy), as the rest of the portal shows dates: the check
    panel's own "ngày kiểm tra 10/03/2026" beside "01/7/2025" read as two formats."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def date_words(day: dt.date) -> str:
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def cited_date(citation: Citation) -> dt.date | None:
    """The full date written in the citation, if any."""
    if not citation.date or PARTIAL_DATE_FLAGS & set(citation.flags):
        return None
    try:
        return dt.date.fromisoformat(citation.date)
    except ValueError:
        return None


def cited_year(citation: Citation) -> int | None:
    day = cited_date(citation)
    return day.year if day else citation.year


#: Words that name a kind of body, not a body ("Bộ", "Cục", "UBND thành phố"):
#: an issuer made only of them is too vague to contradict anything.
GENERIC_ISSUER_WORDS = frozenset(
    "bo cuc so vu tong ban uy nhan dan hoi dong thanh pho tinh huyen xa phuong "
    "quan thi tran chu tich truong pho giam doc".split()
)


def _vague(folded: str) -> bool:
    return set(_words(folded).split()) <= GENERIC_ISSUER_WORDS


def _words(text: str) -> str:
    """Word tokens between spaces: punctuation and rules ("CHÍNH PHỦ____") dropped."""
    return " " + " ".join(re.findall(r"[a-z0-9]+", text)) + " "


def issuers_agree(cited: str | None, body_name: str) -> bool:
    """True unless the cited issuer names another body than ``body_name``.

    The signer's title is dropped ("Bộ trưởng Bộ Nội vụ" is Bộ Nội vụ), and a
    name contained in the other agrees ("UBND tỉnh" with "Ủy ban nhân dân tỉnh
    Lai Châu", "Thủ tướng Chính phủ" with "Chính phủ").
    """
    if not cited or not body_name:
        return True
    short, full = bare_issuer(cited), fold_issuer(body_name)
    whole = fold_issuer(cited)
    if _vague(whole) and not _vague(full):
        return True
    return any(
        _words(a) in _words(b) or _words(b) in _words(a)
        for a in (short, whole)
        for b in (full, bare_issuer(body_name))
    )


def types_agree(citation: Citation, document: CitedDocument) -> bool:
    if not citation.doc_type or "no_type" in citation.flags:
        return True
    cited, stored = fold_issuer(citation.doc_type), fold_issuer(document.doc_type)
    return cited == stored or bool(GENERIC_TYPES & {cited, stored})


def choose(citation: Citation, candidates: list[CitedDocument]) -> CitedDocument | None:
    """The document among ``candidates`` (same số ký hiệu) the citation names."""
    if not candidates:
        return None
    identifying = [c for c in candidates if c.system in CODE_IDENTIFIES]
    pool = identifying or [
        c for c in candidates if issuers_agree(citation.issuer, c.issuer)
    ]
    year = cited_year(citation)
    if not identifying and year and len(pool) > 1:
        pool = [c for c in pool if c.year in (None, year)]
    if not pool:
        return None
    day = cited_date(citation)

    def rank(document: CitedDocument) -> tuple:
        return (
            day is not None and document.issued_date == day,
            issuers_agree(citation.issuer, document.issuer),
            types_agree(citation, document),
            year is not None and document.year == year,
        )

    return max(pool, key=rank)


def citation_problems(
    citation: Citation,
    document: CitedDocument | None,
    *,
    on: dt.date,
    search_url: Callable[[str], str | None] | None = None,
) -> list[Problem]:
    """Problems of one citation; ``document`` is ``choose``'s answer."""
    if document is None:
        return [_not_found(citation, search_url)]
    problems = _metadata_problems(citation, document)
    problems += validity_problems(document, on=on)
    return problems


def _not_found(citation: Citation, search_url) -> Problem:
    what = citation.code or citation.raw
    url = search_url(citation.code or citation.raw) if search_url else None
    message = (
        f"Không tìm thấy văn bản {what} trên cổng. Phần lớn văn bản của trung ương "
        "và của cơ quan khác không đăng trên cổng này; hãy tra cứu để đối chiếu."
    )
    return Problem(NOT_FOUND, message, Link(citation.code or "", url))


def _metadata_problems(citation: Citation, document: CitedDocument) -> list[Problem]:
    problems = []
    link = document.link
    day = cited_date(citation)
    if day and document.issued_date and day != document.issued_date:
        problems.append(
            Problem(
                DATE_MISMATCH,
                f"Căn cứ ghi ngày {date_display(day)}, nhưng văn bản {document.code} "
                f"ban hành {date_words(document.issued_date)}. Nên ghi: "
                f"“{date_words(document.issued_date)}”.",
                link,
            )
        )
    if not types_agree(citation, document):
        problems.append(
            Problem(
                TYPE_MISMATCH,
                f"Căn cứ ghi “{citation.doc_type}”, nhưng văn bản {document.code} là "
                f"{document.doc_type}. Nên ghi: “{document.doc_type} số "
                f"{document.code}”.",
                link,
            )
        )
    if document.system in CODE_IDENTIFIES and not issuers_agree(
        citation.issuer, document.issuer
    ):
        problems.append(
            Problem(
                ISSUER_MISMATCH,
                f"Căn cứ ghi “của {citation.issuer}”, nhưng văn bản {document.code} "
                f"do {document.issuer} ban hành. Nên ghi: “của {document.issuer}”.",
                link,
            )
        )
    return problems


def _ending(
    document: CitedDocument, on: dt.date
) -> tuple[dt.date | None, ValidityStep | None] | None:
    """(date, step) of the end of validity on or before ``on``, or None."""
    steps = sorted(
        (s for s in document.steps if s.kind in ENDING_STEPS and s.date <= on),
        key=lambda s: s.date,
    )
    if steps:
        with_source = [s for s in steps if s.source is not None]
        step = with_source[0] if with_source else steps[0]
        return step.date, step
    if document.expiry_date and document.expiry_date <= on:
        later = [s for s in document.steps if s.kind in ENDING_STEPS and s.source]
        return document.expiry_date, (later[0] if later else None)
    if document.expired_undated:
        return None, None
    return None


def validity_problems(document: CitedDocument, *, on: dt.date) -> list[Problem]:
    """Expired, not yet in force or amended on ``on``, per the timeline."""
    when = date_display(on)
    if document.issued_date and document.issued_date > on:
        return [
            Problem(
                NOT_YET_IN_FORCE,
                f"Văn bản {document.code} ban hành ngày "
                f"{date_display(document.issued_date)}, sau ngày {when} của văn bản "
                "đang soạn.",
                document.link,
            )
        ]
    if document.effective_date and document.effective_date > on:
        return [
            Problem(
                NOT_YET_IN_FORCE,
                f"Văn bản {document.code} có hiệu lực từ ngày "
                f"{date_display(document.effective_date)}, chưa có hiệu lực vào ngày "
                f"{when}.",
                document.link,
            )
        ]
    ending = _ending(document, on)
    if ending is not None:
        return [_expired(document, *ending, when=when)]
    amendments = [s for s in document.steps if s.kind == STEP_AMENDED and s.date <= on]
    if amendments:
        latest = max(amendments, key=lambda s: s.date)
        names = ", ".join(
            f"{s.source.doc_type} {s.source.code}".strip()
            for s in amendments
            if s.source is not None
        )
        by = f" bởi {names}" if names else ""
        return [
            Problem(
                AMENDED,
                f"Văn bản {document.code} đã được sửa đổi, bổ sung{by} (từ ngày "
                f"{date_display(latest.date)}); nên căn cứ cả văn bản sửa đổi, "
                "bổ sung.",
                latest.source or document.link,
            )
        ]
    return []


def _expired(document, day, step, *, when: str) -> Problem:
    since = f" từ ngày {date_display(day)}" if day else ""
    if step is not None and step.source is not None:
        source = step.source
        named = f"{source.doc_type} {source.code}".strip()
        verb = "bị bãi bỏ bởi" if step.kind == "bai_bo" else "bị thay thế bởi"
        return Problem(
            EXPIRED,
            f"Văn bản {document.code} đã hết hiệu lực{since} ({verb} {named}), "
            f"trước ngày {when} của văn bản đang soạn. Nên căn cứ {named}.",
            source,
        )
    return Problem(
        EXPIRED,
        f"Văn bản {document.code} đã hết hiệu lực{since}, trước ngày {when} của "
        "văn bản đang soạn.",
        document.link,
    )


def issuer_problem(issuer: IssuerFacts | None, *, on: dt.date) -> Problem | None:
    """``issuer_dissolved`` when the citing body no longer existed on ``on``."""
    if issuer is None or issuer.dissolved_on is None or issuer.dissolved_on > on:
        return None
    now = f" (nay là {', '.join(issuer.successors)})" if issuer.successors else ""
    return Problem(
        ISSUER_DISSOLVED,
        f"{issuer.name} đã chấm dứt hoạt động từ ngày "
        f"{date_display(issuer.dissolved_on)}{now}; văn bản ngày {date_display(on)} "
        "phải do cơ quan đang hoạt động ban hành.",
    )
