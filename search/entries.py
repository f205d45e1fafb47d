"""Building index entries for legal documents: one per document, one per Điều.

Shared by ``search.indexing`` (pages) and ``bench/search.py`` (the ALQAC laws),
so the benchmark measures exactly what the portal indexes. A long document is
searched article by article: each Điều becomes an entry of kind "article" that
carries the document's metadata and code keys, its own ``article`` label
("Điều 5") and ``anchor`` ("dieu-5"); its title is the document title followed
by the article heading, so both the law's name and the heading count as title.
The document entry itself keeps the preamble (before the first Điều).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from documents.parsing.outline import article_anchor, article_anchors

from .types import IndexEntry

MIN_ARTICLES = 2
_ARTICLE = re.compile(r"^\s*Điều\s+(\d+[a-zđ]?)\s*[.:]?\s*(.*)$", re.MULTILINE)


@dataclass
class ArticleText:
    """One Điều: its number ("5"), heading ("Phạm vi điều chỉnh") and text;
    ``anchor`` is "dieu-5" unless given (``legal_document_entries`` makes the
    anchors of one text unique)."""

    number: str
    heading: str
    body: str
    anchor: str = ""

    def __post_init__(self) -> None:
        self.anchor = self.anchor or article_anchor(self.number)

    @property
    def label(self) -> str:
        return f"Điều {self.number}"


def split_articles(text: str) -> tuple[str, list[ArticleText]]:
    """(preamble, articles) of a legal text whose articles start "Điều N."."""
    matches = list(_ARTICLE.finditer(text or ""))
    if not matches:
        return text or "", []
    articles = []
    for match, following in zip(matches, [*matches[1:], None], strict=False):
        end = following.start() if following else len(text)
        articles.append(
            ArticleText(match[1], match[2].strip(), text[match.end() : end].strip())
        )
    return text[: matches[0].start()].strip(), articles


def article_entry(document: IndexEntry, article: ArticleText) -> IndexEntry:
    """The entry of one Điều of ``document``."""
    heading = f"{article.label}. {article.heading}".rstrip(". ")
    title = f"{document.title} – {heading}" if document.title else heading
    return replace(
        document,
        key=f"{document.key}#{article.anchor}",
        kind="article",
        title=title,
        url=f"{document.url}#{article.anchor}",
        article=article.label,
        anchor=article.anchor,
        body=article.body,
        legal_basis="",
        cites=[],
        cites_basis=[],
        code_keys=list(document.code_keys),
        fields=list(document.fields),
        tags=list(document.tags),
    )


def legal_document_entries(
    document: IndexEntry, articles: list[ArticleText], preamble: str | None = None
) -> list[IndexEntry]:
    """The document entry plus one entry per Điều when the document is long;
    a second Điều of the same number (a regulation issued with the decision)
    gets its own key and anchor ("#dieu-2-2")."""
    if len(articles) < MIN_ARTICLES:
        return [document]
    head = replace(document, body=preamble if preamble is not None else document.body)
    anchors = article_anchors(a.number for a in articles)
    return [
        head,
        *(
            article_entry(document, replace(a, anchor=anchor))
            for a, anchor in zip(articles, anchors, strict=True)
        ),
    ]
