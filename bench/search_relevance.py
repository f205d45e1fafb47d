"""Relevance on ALQAC 2022 (article MRR@10, recall@10), alone and among
scaled entries, and the comparison with Wagtail's own search on the same law
pages (``bench/search.py relevance|relevance-scale|wagtail``).
"""

from __future__ import annotations

import json
import statistics
import time

from search_data import (
    DOCUMENTS,
    LAW_TITLES,
    RETRIEVAL,
    law_entries,
    patient,
    scaled_entries,
    source_chunks,
)

QUESTIONS = 0  # the first N questions only (0: all)


def evaluate(questions, keys_by_law, strip: bool, run=None) -> dict[str, float]:
    """MRR@10 and recall@10 at article level over ``questions``, with the
    MRR@10 of the even- and odd-numbered halves (a figure tuned on one half is
    held out on the other); ``run`` is the search function (``search.search``
    by default)."""
    import search
    from search.query import strip_diacritics
    from search.types import SearchQuery

    run = run or search.search
    reciprocal, found = [], []
    for question in questions:
        text = strip_diacritics(question["text"]) if strip else question["text"]
        hits = run(SearchQuery(text=text, per_page=10)).hits
        wanted = {
            keys_by_law[r["law_id"]] + f"#dieu-{r['article_id']}"
            for r in question["relevant_articles"]
        }
        ranks = [i for i, hit in enumerate(hits, 1) if hit.key in wanted]
        reciprocal.append(1 / ranks[0] if ranks else 0.0)
        found.append(len({hits[i - 1].key for i in ranks}) / len(wanted))
    return {
        "mrr@10": statistics.mean(reciprocal),
        "recall@10": statistics.mean(found),
        "mrr@10 even half": statistics.mean(reciprocal[0::2]),
        "mrr@10 odd half": statistics.mean(reciprocal[1::2] or [0.0]),
    }


def ask_both_ways(result: dict, run=None) -> dict:
    """Add to ``result`` every question's MRR@10 and recall@10 (as written and
    stripped of diacritics) on the index as it is, with the time per question."""
    laws = json.loads((RETRIEVAL / "alqac2022_law.json").read_text("utf-8"))
    keys_by_law = {law["id"]: f"law:{i}" for i, law in enumerate(laws, start=1)}
    questions = json.loads((RETRIEVAL / "alqac2022_question.json").read_text("utf-8"))
    questions = questions[: QUESTIONS or None]
    result["questions"] = len(questions)
    for label, strip in (("as_written", False), ("stripped", True)):
        started = time.perf_counter()
        result[label] = evaluate(questions, keys_by_law, strip, run)
        seconds = time.perf_counter() - started
        result[label]["ms_per_question"] = round(seconds * 1000 / len(questions), 1)
    return result


def relevance() -> dict | None:
    """Index the laws, ask every question both ways; returns the numbers.

    With an engine configured, the laws go into the engine and into its
    database fallback, and both answer the same questions in this run (each
    backend directly: a failing engine is an error here, not a fallback).
    """
    if not (RETRIEVAL / "alqac2022_law.json").exists():
        print(f"skip relevance: {RETRIEVAL} not found")
        return None
    from search import backend_aliases, get_backend

    entries = list(law_entries())
    aliases = backend_aliases()
    if len(aliases) == 1:
        print(f"backend: {type(get_backend()).__name__}", flush=True)
        get_backend().rebuild(entries)
        return ask_both_ways({"entries": len(entries)})
    result = {"entries": len(entries)}
    for alias in aliases:
        backend = patient(get_backend(alias))
        backend.rebuild(entries)
        name = f"{alias} ({type(backend).__name__})"
        result[name] = ask_both_ways({}, run=backend.search)
    return result


def relevance_at_scale(size: int) -> dict | None:
    """The same questions when the laws are the oldest of ``size`` more entries.

    The laws are indexed first, then ``size`` administrative entries scaled
    from ``shared/data/documents``: every question's article must be found
    among many newer entries sharing its common words, as on a portal that
    has grown for years.
    """
    if not (RETRIEVAL / "alqac2022_law.json").exists() or not DOCUMENTS.exists():
        print("skip relevance-scale: shared data not found")
        return None
    import itertools

    from search import get_backend

    entries = itertools.chain(law_entries(), scaled_entries(size, source_chunks()))
    get_backend().rebuild(entries, chunk_size=1000)
    return ask_both_ways({"distractors": size})


def _law_body(law: dict) -> list[tuple[str, dict]]:
    """StreamField data of one law: one ArticleBlock per article."""
    from html import escape

    from wagtail.rich_text import RichText

    blocks = []
    for article in law["articles"]:
        heading, _, body = article["text"].partition("\n")
        html = "".join(
            f"<p>{escape(p.strip())}</p>" for p in body.split("\n") if p.strip()
        )
        blocks.append(
            (
                "article",
                {
                    "number": article["id"],
                    "title": heading.strip(),
                    "body": RichText(html or "<p></p>"),
                },
            )
        )
    return blocks


def publish_law_pages(laws: list[dict]) -> dict[str, int]:
    """The laws as published DocumentPages (indexed by the publish signals)."""
    from django.core.management import call_command
    from django.db import transaction

    from tests.factories import build_site
    from tests.factories.documents import IssuingBodyFactory, document_type
    from tests.factories.pages import DocumentPageFactory

    call_command("migrate", verbosity=0)
    _home, index = build_site()
    issuer = IssuingBodyFactory(name="Quốc hội")
    pages = {}
    for law in laws:
        number, _, symbol = law["id"].partition("/")
        with transaction.atomic():
            page = DocumentPageFactory(
                parent=index,
                title=f"{LAW_TITLES.get(law['id'], 'Luật')} {law['id']}",
                number=int(number),
                symbol=symbol.split("/")[-1],
                issuing_body=issuer,
                document_type=document_type("Luật", "qppl"),
                summary=law["id"],
                body=_law_body(law),
            )
            page.save_revision().publish()
        pages[law["id"]] = page.pk
    return pages


def wagtail_comparison() -> dict | None:
    """Same questions on the same law pages: portal search vs Wagtail's own.

    Wagtail's database search returns whole pages, so it is scored at law
    level (is the right law first?), next to the portal's article- and
    law-level scores on the very same pages.
    """
    if not (RETRIEVAL / "alqac2022_law.json").exists():
        return None
    from django.db import DatabaseError
    from wagtail.search.backends import get_search_backend

    import search
    from pages.models import LegalDocumentPage
    from search import get_backend
    from search.query import strip_diacritics
    from search.types import SearchQuery

    laws = json.loads((RETRIEVAL / "alqac2022_law.json").read_text("utf-8"))
    get_backend().clear()
    pages = publish_law_pages(laws)
    questions = json.loads((RETRIEVAL / "alqac2022_question.json").read_text("utf-8"))
    wagtail, live = get_search_backend(), LegalDocumentPage.objects.live()
    out = {}
    for label, strip in (("as_written", False), ("stripped", True)):
        rr = {
            "portal_article": [],
            "portal_law": [],
            "wagtail_law": [],
            "wagtail_or_law": [],
        }
        errors = {"wagtail_law": 0, "wagtail_or_law": 0}
        for q in questions:
            text = strip_diacritics(q["text"]) if strip else q["text"]
            wanted = q["relevant_articles"][0]
            law_pk = pages[wanted["law_id"]]
            hits = search.search(SearchQuery(text=text, per_page=10)).hits
            key = f"page:{law_pk}#dieu-{wanted['article_id']}"
            rr["portal_article"].append(_rr([h.key for h in hits], key))
            laws_found = list(dict.fromkeys(h.page_id for h in hits))
            rr["portal_law"].append(_rr(laws_found, law_pk))
            for name, operator in (("wagtail_law", None), ("wagtail_or_law", "or")):
                try:
                    found = [
                        p.pk for p in wagtail.search(text, live, operator=operator)[:10]
                    ]
                except DatabaseError:  # e.g. "fts5: syntax error near '?'"
                    errors[name] += 1
                    found = []
                rr[name].append(_rr(found, law_pk))
        out[label] = {name: round(statistics.mean(v), 4) for name, v in rr.items()}
        out[label]["wagtail_errors"] = errors
    return out


def _rr(ranked: list, wanted) -> float:
    return next((1 / i for i, x in enumerate(ranked[:10], 1) if x == wanted), 0.0)
