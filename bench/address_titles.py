"""Titles of the imported shared documents: how many are only "Kind + code".

    python bench/address_titles.py [--database var/bench/known_item.sqlite3]

On the database ``bench/relevance.py known-item`` imports (the shared records,
slug = record id; reused as it is, or the one given), counts the document pages
whose title is only their kind and code ("Nghị định 295/2025/NĐ-CP": no trích
yếu was found), lists them, and for the known-item look-ups whose page exists
counts how many have every word of the look-up (as written, with diacritics;
and folded) in the page's title. Skips cleanly when ``../shared`` is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:] = (
    [str(BENCH.parent)]
    + [p for p in sys.path if Path(p or ".").resolve() != BENCH]
    + [str(BENCH)]
)


def report(database: Path) -> dict:
    import relevance

    relevance.setup_database(database)
    from documents.text import fold, index_tokens
    from pages.models import LegalDocumentPage

    pages = LegalDocumentPage.objects.select_related("document_type")
    bare, titles = [], {}
    for page in pages:
        titles[page.slug] = page.title
        kind = page.document_type.name if page.document_type else "Văn bản"
        if page.code and page.title == f"{kind} {page.code}":
            bare.append(f"{page.slug} {page.title}")
    exact = folded = asked = 0
    for line in relevance.KNOWN_ITEM.read_text("utf-8").splitlines():
        query = json.loads(line) if line.strip() else None
        if not query or query["id"] not in titles:
            continue
        asked += 1
        have, have_folded = index_tokens(titles[query["id"]])
        words = index_tokens(query["accented"])[0]
        exact += set(words) <= set(have)
        folded += {fold(w) for w in words} <= set(have_folded)
    return {
        "document pages": len(titles),
        "titled only kind + code": len(bare),
        "pages": sorted(bare),
        "look-ups with a page": asked,
        "every look-up word in the title, as written": exact,
        "every look-up word in the title, folded": folded,
    }


def main() -> None:
    import relevance

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", type=Path, default=None)
    args = parser.parse_args()
    if not relevance.KNOWN_ITEM.exists():
        print(f"skip: {relevance.KNOWN_ITEM} not found")
        return
    database = args.database or relevance.known_item_database(reuse=True)
    print(json.dumps(report(database), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
