"""Every known-item look-up whose document is not first, with what came first.

    python bench/relevance_misses.py [--out FILE]

On the database ``bench/relevance.py known-item`` imports (the shared documents,
slug = record id; reused as it is), each look-up is asked as written and
without diacritics, grouped (/tim-kiem/, ``search --group``) and flat
(``search --batch``). For every query whose document is not first in either
list, one JSON line: the query, both ranks, the wanted record (its page's
title, issuer, whether it is live, or why there is no page) and the first
document listed, with a first guess at the cause:

- ``no page``: no page has the record's id as slug and no redirect leads
  from that slug to a page;
- ``same text``: the record's text repeats another record's, so it became a
  source of that page and its slug a redirect to it: ``search --json`` names
  that slug in the row's ``aliases``; the ranks given follow the redirect,
  and the look-up is listed even when first (a judge reading ``url`` alone
  counts it as a miss);
- ``not live``: the page is a draft (the import left it incomplete);
- ``translation``: the record's text is not Vietnamese;
- ``same issuer``: the first document has the wanted one's issuing body (a
  near-duplicate title of the same body);
- ``ranking``: anything else.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:] = (
    [str(BENCH.parent)]
    + [p for p in sys.path if Path(p or ".").resolve() != BENCH]
    + [str(BENCH)]
)


def records() -> dict[str, dict]:
    import relevance

    out = {}
    for path in sorted(relevance.DOCUMENTS.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                out[record["id"]] = record
    return out


def describe(page) -> dict:
    if page is None:
        return {}
    specific = page.specific
    issuer = getattr(specific, "issuing_body", None)
    return {
        "page": page.pk,
        "slug": page.slug,
        "title": page.title,
        "code": getattr(specific, "code", ""),
        "issuer": str(issuer) if issuer else "",
        "live": page.live,
    }


def cause(wanted: dict, first: dict, record: dict) -> str:
    from documents.parsing.document import is_vietnamese

    if not wanted:
        return "no page"
    if wanted.get("redirected"):
        return "same text"
    if not wanted["live"]:
        return "not live"
    if not is_vietnamese(record.get("text", "")):
        return "translation"
    if first and wanted["issuer"] and first["issuer"] == wanted["issuer"]:
        return "same issuer"
    return "ranking"


def redirected_pages() -> dict[str, int]:
    """Slug → page id of every permanent redirect: a record whose text
    repeats another's became a source of that page, its slug a redirect to
    it (``search --json`` names it in the row's ``aliases``)."""
    from wagtail.contrib.redirects.models import Redirect

    rows = Redirect.objects.filter(is_permanent=True, redirect_page__isnull=False)
    return {
        path.rstrip("/").rsplit("/", 1)[-1]: page_id
        for path, page_id in rows.values_list("old_path", "redirect_page_id")
    }


def misses() -> list[dict]:
    import relevance

    relevance.setup_database(relevance.known_item_database(reuse=True))
    from wagtail.models import Page

    import search
    from search.grouping import search_grouped
    from search.types import SearchQuery

    texts = records()
    pages = {p.pk: p for p in Page.objects.all()}
    by_slug = {p.slug: p for p in pages.values()}
    redirected = {
        slug: pages[page_id]
        for slug, page_id in redirected_pages().items()
        if page_id in pages
    }
    out = []
    for query in relevance.known_item_queries():
        if query["way"] == "partial":
            continue
        asked = SearchQuery(text=query["text"], per_page=10)
        grouped = [g.hit.page_id for g in search_grouped(asked).groups]
        flat = list(dict.fromkeys(h.page_id for h in search.search(asked).hits))
        wanted = set(query["wanted"])
        moved = None if query["group"] in by_slug else redirected.get(query["group"])
        if moved is not None:
            wanted = {moved.pk}
        ranks = {
            label: next((i for i, p in enumerate(order, 1) if p in wanted), None)
            for label, order in (("grouped", grouped), ("flat", flat))
        }
        if ranks["grouped"] == 1 and ranks["flat"] == 1 and moved is None:
            continue  # a look-up found only through a redirect is listed
        record = texts.get(query["group"], {})
        want = describe(by_slug.get(query["group"]) or moved)
        if moved is not None:
            want["redirected"] = True
        first = describe(pages.get(grouped[0])) if grouped else {}
        out.append(
            {
                "id": query["group"],
                "way": query["way"],
                "text": query["text"],
                "grouped": ranks["grouped"],
                "flat": ranks["flat"],
                "cause": cause(want, first, record),
                "wanted": want,
                "first": first,
                "source_url": record.get("source_url", ""),
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="")
    args = parser.parse_args()
    import relevance

    if not relevance.KNOWN_ITEM.exists():
        print(f"skip: {relevance.KNOWN_ITEM} not found")
        return
    rows = misses()
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    if args.out:
        Path(args.out).write_text("\n".join(lines) + "\n", "utf-8")
    else:
        print("\n".join(lines))
    counts = collections.Counter((row["cause"], row["way"]) for row in rows)
    for (name, way), n in sorted(counts.items()):
        print(f"{name} ({way}): {n}", file=sys.stderr)


if __name__ == "__main__":
    main()
