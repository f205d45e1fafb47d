"""Read side of the citation graph, as the public sees it.

Templates, the relation diagram and the JSON API read a document's links here:
outgoing citations (deduplicated by identity key, linked only when the target is
live and public) and incoming ones (only from live, public sources). Nothing
here writes; ``pages.graph`` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from documents.choices import REVERSE_LABELS, Relation
from documents.identity import issuer_compatible
from documents.text import fold
from pages.models.citations import DocumentCitation

SEARCH_PATH = "/tim-kiem/"


def public_documents():
    """Live document pages without view restrictions."""
    from pages.models import LegalDocumentPage

    return LegalDocumentPage.objects.live().public()


def search_url(query: str) -> str:
    """Search results for a code the portal does not hold yet."""
    return f"{SEARCH_PATH}?{urlencode({'q': query})}"


@dataclass
class Link:
    """One edge of the graph as displayed: a citation and the page it reaches."""

    citation: DocumentCitation
    page: object | None
    relation_label: str

    @property
    def label(self) -> str:
        """ "Nghị định số 98/2023/NĐ-CP"; a law cited by name shows its name with
        its number, else its year ("Luật Đất đai số 31/2024/QH15", "Luật Thi đua,
        khen thưởng năm 2022"), never the pinpoint or the clause after the name;
        the raw text, on one line, when there is neither code nor name."""
        row = self.citation
        name = law_name(row)
        if name:
            return f"{name} số {row.code}" if row.code else _with_year(name, row)
        if row.code and row.doc_type:
            return f"{row.doc_type} số {row.code}"
        return row.code or " ".join(row.raw.split())

    @property
    def on_portal(self) -> bool:
        return self.page is not None

    def url(self, request=None) -> str:
        if self.page is not None:
            return self.page.get_url(request)
        return search_url(search_query(self.citation))


def search_query(row) -> str:
    """What finds a cited document the portal does not link: its code, else the
    name of a law cited by name ("Luật Tổ chức chính quyền địa phương", not the
    whole quoted citation with its date), else the citation's text."""
    return row.code or law_name(row) or " ".join(row.raw.split())


#: Where a law's kind word starts its name ("Luật", "Bộ luật", "Pháp lệnh"),
#: after any pinpoint ("khoản 2 Điều 5 của ").
LAW_KIND = re.compile(r"(?<!\w)(?:bộ\s+luật|luật|pháp\s+lệnh)(?!\w)", re.IGNORECASE)
#: What follows a law's name in a citation: its number, date or year ("số
#: 31/2024/QH15", "ngày 15/6/2022", "năm 2022", a bare "2023" or code), a clause
#: ("được Quốc hội thông qua …", "đã được sửa đổi, bổ sung …", "và các văn bản
#: hướng dẫn …"), a parenthesis ("(sửa đổi, bổ sung", "(TNCN)") or the end of
#: the sentence.
LAW_TAIL = re.compile(
    r"[\s,]+(?:số|ngày|năm)\s*:?\s*\d"
    r"|\s+\d+/\d{4}/"
    r"|\s+(?:19|20)\d\d(?!\w)"
    r"|[\s,]+(?:đã\s+)?(?:được|bị)(?!\w)"
    r"|\s+và\s+(?:các\s+)?văn\s+bản(?!\w)"
    r"|\s*\("
    r"|\s*[;:.](?:\s|$)",
    re.IGNORECASE,
)
#: Words that cannot end a name: what a cut raw text may leave dangling.
DANGLING = re.compile(r"(?:[\s,;:–-]+|\s+(?:của|và|về|tại|theo))+$", re.IGNORECASE)


def law_name(row) -> str:
    """The name of a law cited by name ("Luật Tổ chức Chính phủ" of "khoản 2
    Điều 5 Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015"; "Luật" alone,
    shown with its number, when the citation names only that), or ""."""
    flags = row.flags or []
    if "law_by_name" not in flags:
        return ""
    kind = LAW_KIND.search(row.raw)
    if kind is None:
        return ""
    if "amending_law" in flags:
        return _amending_name(row.raw[kind.start() :])
    name = _before_tail(row.raw[kind.start() :], len(kind.group(0)))
    if len(name) > 150:
        return ""
    if name.casefold() == kind.group(0).casefold():
        return name[0].upper() + name[1:] if row.code else ""
    return name


def _before_tail(text: str, start: int) -> str:
    """``text`` up to its LAW_TAIL, or to a line that starts with a capital
    (a heading after the name), on one line, without a dangling connective."""
    tail = LAW_TAIL.search(text, start)
    text = text[: tail.start()] if tail else text
    for match in re.finditer(r"\n\s*(\S)", text):
        if match.group(1).isupper():
            text = text[: match.start()]
            break
    return DANGLING.sub("", " ".join(text.split()))


def _amending_name(text: str) -> str:
    """The title of a law that amends others, which names them with their
    numbers ("Luật sửa đổi, bổ sung một số điều của Luật Đất đai số
    31/2024/QH15, …, và Luật Các tổ chức tín dụng số 32/2024/QH15"): up to the
    tail after its last amended law (its own "số 57/2024/QH15", its date),
    on one line; "" when too long to be a title."""
    tails = [m for m in LAW_TAIL.finditer(text) if not LAW_KIND.search(text, m.end())]
    name = text[: tails[0].start()] if tails else text
    name = DANGLING.sub("", " ".join(name.split()))
    return name if len(name) <= 400 else ""


def _with_year(name: str, row) -> str:
    return f"{name} năm {row.year}" if row.year else name


def _public_ids(page_ids) -> set[int]:
    ids = {pk for pk in page_ids if pk}
    if not ids:
        return set()
    return set(public_documents().filter(pk__in=ids).values_list("pk", flat=True))


def outgoing(page, *, relation: str | None = None) -> list[Link]:
    """What ``page`` cites, once per cited document, in reading order.

    A document cited twice is listed once even when the two citations differ
    in what they say of it ("Quyết định số 991/QĐ-TTg ngày … của Thủ tướng
    Chính phủ" in the basis, "Quyết định số 991/QĐ-TTg" in the body; "Luật Đất
    đai năm 2024", then "Luật Đất đai"), and a reference without a number
    ("Quyết định số …/QĐ-UBND" of a draft) names no document and is left out.
    """
    if not page.pk:
        return []
    rows = list(
        DocumentCitation.objects.filter(source_id=page.pk).order_by(
            "origin", "position"
        )
    )
    rows = [row for row in rows if "draft_no_number" not in (row.flags or [])]
    if relation:
        rows = [row for row in rows if row.relation == relation]
    public = _public_ids(row.target_id for row in rows)
    pages = _specific_pages(public)
    links: list[Link] = []
    for row in rows:
        same = next(
            (n for n, k in enumerate(links) if same_document(k.citation, row)), None
        )
        target = pages.get(row.target_id)
        if same is None:
            links.append(Link(row, target, row.get_relation_display()))
        elif links[same].page is None and target is not None:
            links[same] = Link(row, target, links[same].relation_label)
    return links


def same_document(first, second) -> bool:
    """Whether two citations of one text name the same document: same key or
    target; else the same code (or, for laws cited by name, the same name)
    with no year and no issuer that tells them apart."""
    if first.key == second.key:
        return True
    if first.target_id and second.target_id:
        return first.target_id == second.target_id
    if not _years_agree(first.year, second.year):
        return False
    first_law, second_law = law_name(first), law_name(second)
    if first_law and second_law and fold(first_law) == fold(second_law):
        return not (first.code and second.code and first.code != second.code)
    if not (first.code and first.code == second.code):
        return False
    if fold(first.doc_type) != fold(second.doc_type):
        return False
    return _issuers_agree(first.issuer, second.issuer)


def _years_agree(first, second) -> bool:
    return not (first and second and first != second)


def _issuers_agree(first: str, second: str) -> bool:
    if not (first and second):
        return True
    return issuer_compatible(first, second) or issuer_compatible(second, first)


def legal_basis(page) -> list[Link]:
    """ "Văn bản căn cứ": the documents ``page`` is based on."""
    return outgoing(page, relation=Relation.BASIS)


def incoming(page) -> list[Link]:
    """ "Văn bản dẫn chiếu đến văn bản này": live, public citing documents."""
    if not page.pk:  # an unsaved page (admin preview) is cited by nothing
        return []
    rows = DocumentCitation.objects.filter(target_id=page.pk).order_by(
        "source_id", "position"
    )
    rows = list(rows.filter(source__in=public_documents().values("pk")))
    pages = _specific_pages({row.source_id for row in rows})
    links, seen = [], set()
    for row in rows:
        if row.source_id in seen or row.source_id == page.pk:
            continue
        seen.add(row.source_id)
        label = REVERSE_LABELS.get(row.relation, "Liên quan")
        links.append(Link(row, pages.get(row.source_id), label))
    links.sort(key=lambda link: _newest_first(link.page))
    return links


def _newest_first(page) -> tuple:
    if page is None:
        return (1, 0)
    year = page.year or 0
    return (0, -year, page.title)


def _specific_pages(ids) -> dict:
    from pages.models import LegalDocumentPage

    if not ids:
        return {}
    pages = LegalDocumentPage.objects.filter(pk__in=ids).select_related(
        "document_type", "issuing_body"
    )
    return {page.pk: page for page in pages}


def grouped(links: list[Link]) -> list[tuple[str, list[Link]]]:
    """Links grouped by relation label, in first-seen order."""
    groups: dict[str, list[Link]] = {}
    for link in links:
        groups.setdefault(link.relation_label, []).append(link)
    return list(groups.items())
