"""Template helpers of the citation graph.

``link_citations`` turns the citations stored for a page into links inside its
rendered body (to the cited page, or to a search for the code when the portal
does not hold it); ``document_citations`` renders the "Văn bản căn cứ" and
"Văn bản dẫn chiếu đến văn bản này" panel.
"""

from __future__ import annotations

import html
import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from documents.choices import REVERSE_LABELS, Relation
from documents.parsing.outline import article_anchor, article_anchors
from pages import relations
from pages.models import DocumentCitation

register = template.Library()

TAG = re.compile(r"(<[^>]*>)")
ANCHOR_OPEN = re.compile(r"<a[\s>]", re.IGNORECASE)
ANCHOR_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
#: The Điều a pinpoint names ("khoản 2 Điều 46", "Điều 5a").
PINPOINT_ARTICLE = re.compile(r"(?i:điều)\s+(\d+[a-zđ]?)(?![\w])")


def body_links(page, request=None) -> dict[str, tuple[str, str]]:
    """Raw citation text → (url, title) for the citations in ``page``'s body."""
    rows = DocumentCitation.objects.filter(
        source_id=page.pk, origin=DocumentCitation.Origin.BODY
    )
    links = relations.outgoing(page)
    by_key = {link.citation.key: link for link in links}
    found, anchors = {}, {}
    for row in rows:
        link = by_key.get(row.key) or _listed_as(links, row)
        if link is None or not row.raw.strip():
            continue
        title = link.page.title if link.page else f"Tìm “{link.label}” trên cổng"
        url = link.url(request)
        if link.page is not None and row.pinpoint:
            if link.page.pk not in anchors:
                anchors[link.page.pk] = page_anchors(link.page)
            url = pinpoint_url(url, row.pinpoint, anchors[link.page.pk])
        found[" ".join(row.raw.split())] = (url, title)
    return found


def _listed_as(links, row):
    """The panel's entry for a body citation merged into another one
    ("Quyết định số 991/QĐ-TTg" under the basis's fuller citation of it)."""
    return next(
        (link for link in links if relations.same_document(link.citation, row)), None
    )


def page_anchors(page) -> set[str]:
    """The anchors of the Điều of ``page``'s body ("dieu-5", "dieu-2-2")."""
    return {anchor for _, anchor in with_article_anchors(page.body) if anchor}


def pinpoint_url(url: str, pinpoint: str, anchors: set[str]) -> str:
    """``url`` on the Điều a citation names ("khoản 1 Điều 5" → "#dieu-5")
    when the cited page has that Điều (the first one named)."""
    match = PINPOINT_ARTICLE.search(pinpoint)
    if match is None:
        return url
    anchor = article_anchor(match.group(1))
    return f"{url}#{anchor}" if anchor in anchors else url


def _pattern(raws) -> re.Pattern | None:
    parts = [
        r"\s+".join(re.escape(word) for word in raw.split())
        for raw in sorted(raws, key=len, reverse=True)
    ]
    return re.compile("|".join(parts)) if parts else None


def linkify_html(source: str, links: dict[str, tuple[str, str]]) -> str:
    """Wrap each occurrence of a citation's text in ``source`` in a link.

    Works on text between tags only, never inside an existing ``<a>``; text is
    unescaped for matching and escaped again on output.
    """
    pattern = _pattern(links)
    if pattern is None:
        return source
    out, depth = [], 0
    for part in TAG.split(source):
        if part.startswith("<"):
            depth += 1 if ANCHOR_OPEN.match(part) else 0
            depth -= 1 if ANCHOR_CLOSE.match(part) and depth else 0
            out.append(part)
        elif depth == 0 and part:
            out.append(_link_text(part, pattern, links))
        else:
            out.append(part)
    return "".join(out)


def _link_text(part: str, pattern: re.Pattern, links) -> str:
    text = html.unescape(part)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        url, title = links.get(" ".join(match.group(0).split()), ("", ""))
        if not url:
            continue
        pieces.append(escape(text[last : match.start()]))
        pieces.append(
            format_html(
                '<a class="citation-link" href="{}" title="{}">{}</a>',
                url,
                title,
                match.group(0),
            )
        )
        last = match.end()
    if not pieces:
        return part
    pieces.append(escape(text[last:]))
    return "".join(pieces)


@register.filter
def with_article_anchors(body) -> list[tuple[object, str]]:
    """(block, anchor) for each block of a document body: a Điều's anchor,
    unique in the page ("dieu-2-2" for the second Điều 2, a regulation's
    after its decision's), as the search index names it; "" for the rest."""
    blocks = list(body or [])
    numbers = [b.value.get("number") for b in blocks if b.block_type == "article"]
    anchors = iter(article_anchors(numbers))
    return [(b, next(anchors) if b.block_type == "article" else "") for b in blocks]


@register.filter
def link_citations(value, page):
    """Rendered body HTML with its citations linked (see ``linkify_html``)."""
    if page is None or not getattr(page, "pk", None):
        return value
    links = body_links(page)
    return mark_safe(linkify_html(str(value), links))  # noqa: S308 - escaped above


#: Relations by which a document changes the validity of the one it cites.
CHANGING = (Relation.REPLACES, Relation.AMENDS, Relation.REPEALS)


def changed_documents(page) -> list:
    """What ``page`` replaces, amends or repeals ("Thay thế: Nghị định
    98/2023/NĐ-CP"), each cited document once per relation."""
    return [
        link for kind in CHANGING for link in relations.outgoing(page, relation=kind)
    ]


#: The order of the "dẫn chiếu đến văn bản này" groups: what changes the
#: document's validity first, then what rests on it, the mere mentions last.
INCOMING_ORDER = [
    REVERSE_LABELS[relation]
    for relation in (
        Relation.REPLACES,
        Relation.REPEALS,
        Relation.AMENDS,
        Relation.BASIS,
        Relation.GUIDES,
        Relation.IMPLEMENTS,
        Relation.RELATED,
    )
]


def incoming_groups(page) -> list[tuple[str, list]]:
    """The documents citing ``page``, grouped by relation in ``INCOMING_ORDER``
    (newest first within a group): "Căn cứ văn bản này (3)" before "Liên quan"."""
    groups = relations.grouped(relations.incoming(page))
    rank = {label: i for i, label in enumerate(INCOMING_ORDER)}
    return sorted(groups, key=lambda group: rank.get(group[0], len(rank)))


@register.inclusion_tag("documents/includes/citation_panel.html", takes_context=True)
def document_citations(context, page):
    """Context of the "Văn bản căn cứ" / "dẫn chiếu đến" panel."""
    return {
        "page": page,
        "request": context.get("request"),
        "basis": relations.legal_basis(page),
        "changes": changed_documents(page),
        "incoming": incoming_groups(page),
        "diagram_url": page.citation_diagram_url(context.get("request")),
    }


@register.simple_tag(takes_context=True)
def link_url(context, link):
    """URL of a graph link for the current request."""
    return link.url(context.get("request"))


@register.simple_tag
def basis_note(cited, citing) -> str:
    """What the status badge of a cited document cannot say: the day it
    ended, and that it was in force on the citing document's date of issue
    ("hết hiệu lực từ 01/07/2025; còn hiệu lực vào ngày ban hành văn bản này,
    20/06/2025"), or that it took effect only after that date; "" otherwise."""
    from documents.choices import ValidityStatus as S
    from pages.validity import status_on

    day = getattr(citing, "issued_date", None)
    ended = cited.expiry_date if status_on(cited) == S.EXPIRED else None
    then = status_on(cited, day) if day else None
    parts = [f"hết hiệu lực từ {ended:%d/%m/%Y}"] if ended else []
    if ended and then == S.IN_FORCE:
        parts.append(f"còn hiệu lực vào ngày ban hành văn bản này, {day:%d/%m/%Y}")
    start = cited.effective_date or cited.issued_date
    if then == S.NOT_YET and start:
        parts.append(
            f"có hiệu lực từ {start:%d/%m/%Y}, sau ngày ban hành văn bản này, "
            f"{day:%d/%m/%Y}"
        )
    return "; ".join(parts)
