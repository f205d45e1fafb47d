"""Search benchmark: relevance on ALQAC 2022 and speed at 10k/100k entries.

    python bench/search.py relevance            # MRR@10, recall@10
    python bench/search.py relevance-scale --sizes 100000  # laws + 100k newer
    python bench/search.py speed --sizes 10000 100000      # + /tim-kiem/ page
    python bench/search.py wagtail-speed --sizes 10000     # Wagtail's own search
    python bench/search.py known-item [--reuse]  # document MRR@10, look-ups
    python bench/search.py cross-validate [--reuse]  # ranking weights, held out
    python bench/search.py                      # all but wagtail-speed

Relevance: the laws of ``shared/data/retrieval_dev`` are indexed as documents
with one entry per Điều (``search.entries``, as the portal indexes pages), and
every question goes through ``search.search`` — the code path of /tim-kiem/ —
once as written and once with diacritics stripped. Speed: entries scaled from
``shared/data/documents`` texts, indexing throughput and p50/p95 latency of a
fixed query mix, and of the /tim-kiem/ page on that index. Relevance at scale:
the same questions with the laws indexed first and the scaled entries after
them. With ``OPENSEARCH_URL`` (or
``ELASTICSEARCH_URL``) set, every mode runs on the engine and the speed rows
add its index size and heap. Skips cleanly when the shared data is absent.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PORTAL_SHARED_DIR", ROOT.parent / "shared"))
RETRIEVAL = SHARED / "data" / "retrieval_dev"
KNOWN_ITEM = SHARED / "data" / "known_item_dev" / "queries.jsonl"
DOCUMENTS = SHARED / "data" / "documents"
# The data names each law by number only; a portal document has its title.
QUESTIONS = 0  # relevance: the first N questions only (0: all)
LAW_TITLES = {
    "91/2015/QH13": "Bộ luật Dân sự",
    "24/2018/QH14": "Luật An ninh mạng",
    "45/2019/QH14": "Bộ luật Lao động",
    "01/VBHN-VPQH": "Bộ luật Hình sự (văn bản hợp nhất)",
}


def setup_django(workdir: Path) -> None:
    """Django on a fresh SQLite file in ``workdir`` with the search tables.

    ``BENCH_DATABASE_URL`` (an empty PostgreSQL database) benchmarks the
    PostgreSQL backend instead.
    """
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.base")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "portal_search", verbosity=0)


def law_entries():
    """IndexEntry objects of the ALQAC laws: documents plus one per Điều."""
    from search.entries import ArticleText, legal_document_entries
    from search.types import IndexEntry

    laws = json.loads((RETRIEVAL / "alqac2022_law.json").read_text("utf-8"))
    for page_id, law in enumerate(laws, start=1):
        articles = []
        for article in law["articles"]:
            heading, _, body = article["text"].partition("\n")
            articles.append(ArticleText(article["id"], heading.strip(), body.strip()))
        title = f"{LAW_TITLES.get(law['id'], 'Luật')} {law['id']}"
        document = IndexEntry(
            key=f"law:{page_id}",
            page_id=page_id,
            kind="document",
            title=title,
            url=f"/van-ban/{page_id}/",
            code=law["id"],
            doc_type="Luật",
        )
        yield from legal_document_entries(document, articles, preamble="")


def evaluate(questions, keys_by_law, strip: bool) -> dict[str, float]:
    """MRR@10 and recall@10 at article level over ``questions``."""
    import search
    from search.query import strip_diacritics
    from search.types import SearchQuery

    reciprocal, found = [], []
    for question in questions:
        text = strip_diacritics(question["text"]) if strip else question["text"]
        hits = search.search(SearchQuery(text=text, per_page=10)).hits
        wanted = {
            keys_by_law[r["law_id"]] + f"#dieu-{r['article_id']}"
            for r in question["relevant_articles"]
        }
        ranks = [i for i, hit in enumerate(hits, 1) if hit.key in wanted]
        reciprocal.append(1 / ranks[0] if ranks else 0.0)
        found.append(len({hits[i - 1].key for i in ranks}) / len(wanted))
    return {"mrr@10": statistics.mean(reciprocal), "recall@10": statistics.mean(found)}


def ask_both_ways(result: dict) -> dict:
    """Add to ``result`` every question's MRR@10 and recall@10 (as written and
    stripped of diacritics) on the index as it is, with the time per question."""
    laws = json.loads((RETRIEVAL / "alqac2022_law.json").read_text("utf-8"))
    keys_by_law = {law["id"]: f"law:{i}" for i, law in enumerate(laws, start=1)}
    questions = json.loads((RETRIEVAL / "alqac2022_question.json").read_text("utf-8"))
    questions = questions[: QUESTIONS or None]
    result["questions"] = len(questions)
    for label, strip in (("as_written", False), ("stripped", True)):
        started = time.perf_counter()
        result[label] = evaluate(questions, keys_by_law, strip)
        seconds = time.perf_counter() - started
        result[label]["ms_per_question"] = round(seconds * 1000 / len(questions), 1)
    return result


def relevance() -> dict | None:
    """Index the laws, ask every question both ways; returns the numbers."""
    if not (RETRIEVAL / "alqac2022_law.json").exists():
        print(f"skip relevance: {RETRIEVAL} not found")
        return None
    from search import get_backend

    print(f"backend: {type(patient(get_backend())).__name__}", flush=True)
    entries = list(law_entries())
    get_backend().rebuild(entries)
    return ask_both_ways({"entries": len(entries)})


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


def patient(backend):
    """``backend`` allowed 60 s per search: the benchmark measures, it does not
    fall back (an engine on a loaded 2-core machine may pause longer than the
    portal's 5 s)."""
    if hasattr(backend, "index_stats"):
        backend.options["TIMEOUT"] = 60
        backend._client = None
    return backend


def engine_stats(backend) -> dict:
    """Index size on disk and the node's heap, for an engine backend."""
    if not hasattr(backend, "index_stats"):
        return {}
    stats = backend.index_stats()
    nodes = backend.client.nodes.stats(metric="jvm")["nodes"]
    heap = [n["jvm"]["mem"] for n in nodes.values()]
    return {
        "index_mb": round(stats["bytes"] / 2**20, 1),
        "heap_used_mb": round(sum(h["heap_used_in_bytes"] for h in heap) / 2**20),
        "heap_max_mb": round(sum(h["heap_max_in_bytes"] for h in heap) / 2**20),
    }


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


def page_latency(rounds: int = 5) -> dict:
    """End-to-end /tim-kiem/ latency (Django test client, full page render)."""
    from django.conf import settings
    from django.test import Client

    client, latencies = Client(), []
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    for _round in range(rounds):
        for text, filters in QUERY_MIX:
            started = time.perf_counter()  # a new "n" defeats any page cache
            nonce = time.perf_counter_ns()
            response = client.get("/tim-kiem/", {"q": text, **filters, "n": nonce})
            latencies.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
    latencies.sort()
    return {
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "requests": len(latencies),
    }


def _rr(ranked: list, wanted) -> float:
    return next((1 / i for i, x in enumerate(ranked[:10], 1) if x == wanted), 0.0)


def source_chunks() -> list[tuple[str, str]]:
    """(title, text) chunks of the shared documents, about one Điều each."""
    from search.entries import split_articles

    chunks = []
    for name in ("corpus.jsonl", "dev_gold.jsonl"):
        for line in (DOCUMENTS / name).read_text("utf-8").splitlines():
            text = json.loads(line)["text"]
            preamble, articles = split_articles(text)
            chunks.append((preamble[:200].split("\n")[0], preamble[:3000]))
            chunks += [
                (f"Điều {a.number}. {a.heading}", a.body[:3000]) for a in articles
            ]
    return [c for c in chunks if c[1].strip()]


def scaled_entries(size: int, chunks, seed: int = 4):
    """``size`` entries cycling through ``chunks`` with varied metadata."""
    import datetime as dt

    from search.types import IndexEntry

    rng = random.Random(seed)
    types = ["Quyết định", "Kế hoạch", "Công văn", "Nghị quyết", "Thông báo"]
    issuers = ["UBND tỉnh Lai Châu", "UBND huyện Tam Đường", "Sở Nội vụ", "Chính phủ"]
    for i in range(size):
        title, body = chunks[i % len(chunks)]
        doc_type = rng.choice(types)
        date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4000))
        yield IndexEntry(
            key=f"page:{i}",
            page_id=i,
            kind=rng.choice(["document", "article"]),
            title=title,
            url=f"/van-ban/{i}/",
            code=f"{i % 9000 + 1}/QĐ-UBND",
            body=body,
            doc_type=doc_type,
            issuer=rng.choice(issuers),
            issuer_id=None,
            date=date,
            status=rng.choice(["con_hieu_luc", "het_hieu_luc"]),
            fields=[rng.choice(["Nội vụ", "Thi đua, khen thưởng", "Tài chính"])],
        )


QUERY_MIX = [
    ("thi đua khen thưởng", {}),
    ("thi dua khen thuong", {}),
    ("UBND tỉnh", {}),
    ("kế hoạch cải cách hành chính", {}),
    ("ke hoach cai cach hanh chinh", {}),
    ("quyết định phê duyệt", {"type": "Quyết định"}),
    ("ngân sách nhà nước", {}),
    ("1234/QĐ-UBND", {}),
    ("Nghị định 98", {}),
    ('"chuyển đổi số"', {}),
    ("đất đai", {"year": "2020"}),
    ("bảo hiểm xã hội", {"status": "con_hieu_luc"}),
    ("Người lao động có quyền đơn phương chấm dứt hợp đồng lao động khi nào?", {}),
    ("nguoi lao dong co quyen don phuong cham dut hop dong khi nao", {}),
    ("Thời hạn giải quyết thủ tục hành chính là bao nhiêu ngày?", {}),
    ("", {"type": "Kế hoạch"}),
    ("tăng cường", {}),
    ("hội nghị", {}),
]


def _percentiles(label: str, values: list[float]) -> dict:
    values = sorted(values)
    return {
        f"{label}_p50_ms": round(statistics.median(values), 1),
        f"{label}_p95_ms": round(values[int(len(values) * 0.95) - 1], 1),
    }


def speed(sizes: list[int]) -> list[dict]:
    """Indexing throughput and query latency for each size."""
    if not DOCUMENTS.exists():
        print(f"skip speed: {DOCUMENTS} not found")
        return []
    from django.core.management import call_command

    from search import get_backend
    from search.types import SearchQuery

    call_command("migrate", verbosity=0)  # the /tim-kiem/ page needs every app
    chunks = source_chunks()
    backend, rows = patient(get_backend()), []
    for size in sizes:
        started = time.perf_counter()
        backend.rebuild(scaled_entries(size, chunks), chunk_size=1000)
        index_seconds = time.perf_counter() - started
        wall, cpu = [], []
        for round_ in range(6):
            for text, filters in QUERY_MIX:
                sort = "date" if round_ % 3 == 2 else "relevance"
                t0, c0 = time.perf_counter(), time.process_time()
                backend.search(SearchQuery(text=text, filters=filters, sort=sort))
                wall.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
        rows.append(
            {
                "entries": size,
                "index_seconds": round(index_seconds, 1),
                "entries_per_second": round(size / index_seconds),
                **_percentiles("wall", wall),
                **_percentiles("cpu", cpu),
                "queries": len(wall),
                **engine_stats(backend),
                "tim_kiem_page": page_latency(),
            }
        )
        print(json.dumps(rows[-1]), flush=True)
    return rows


# Wagtail's own search on the same texts --------------------------------------

# The mix's ``type`` filter maps to the page model: Wagtail cannot filter on
# ``document_type`` (no FilterField), but it searches one page type's queryset.
WAGTAIL_TYPE_MODELS = {"Quyết định": "DecisionPage", "Kế hoạch": "PlanPage"}


def _insert_rows(model, objs, fields) -> None:
    """INSERT ``fields`` of ``objs`` into ``model``'s own table.

    Django's ``bulk_create`` refuses multi-table inheritance, so each table of
    a page (wagtailcore_page, pages_legaldocumentpage, the kind's table) is
    written by the insert that ``bulk_create`` itself uses.
    """
    from django.db.models import QuerySet

    QuerySet(model)._insert(objs, fields=fields, raw=True)


def bulk_document_pages(index, entries) -> int:
    """Live document pages under ``index`` from ``entries``, 1000 per batch.

    What publishing would store, minus revisions and logs: one Page row per
    entry (treebeard path = parent path + a 4-character step, depth, numchild),
    its LegalDocumentPage row (title, số ký hiệu, status, year, body as one
    paragraph block) and the row of its kind (DecisionPage, PlanPage or
    DocumentPage). Nothing is indexed here: no save(), no signals.
    """
    import datetime as dt
    import itertools
    import uuid
    from html import escape

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from wagtail.models import Page

    from documents.models import DocumentType, IssuingBody
    from pages import models as page_models

    kinds = {
        name: getattr(page_models, name)
        for name in {"DocumentPage", *WAGTAIL_TYPE_MODELS.values()}
    }
    content_types = ContentType.objects.get_for_models(*kinds.values())
    types, issuers = {}, {}
    done = index.get_children_count()
    entries = itertools.islice(entries, done, None)  # pages of a smaller size kept
    while batch := list(itertools.islice(entries, 1000)):
        pages, specific = [], []
        for entry in batch:
            if entry.doc_type not in types:
                types[entry.doc_type] = DocumentType.objects.filter(
                    name=entry.doc_type
                ).first()
            if entry.issuer not in issuers:
                issuers[entry.issuer], _ = IssuingBody.objects.get_or_create(
                    slug=f"bench-{len(issuers)}", defaults={"name": entry.issuer}
                )
            model = kinds[WAGTAIL_TYPE_MODELS.get(entry.doc_type, "DocumentPage")]
            done += 1
            slug = f"vb-{entry.page_id}"
            published = dt.datetime.combine(entry.date, dt.time(8), dt.UTC)
            page = Page(
                title=entry.title[:255],
                draft_title=entry.title[:255],
                slug=slug,
                content_type=content_types[model],
                path=Page._get_path(index.path, index.depth + 1, done),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                live_revision=None,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
            )
            pages.append(page)
            number, _, symbol = entry.code.partition("/")
            html = "".join(
                f"<p>{escape(line.strip())}</p>"
                for line in entry.body.split("\n")
                if line.strip()
            )
            body = [{"type": "paragraph", "value": html, "id": str(uuid.uuid4())}]
            specific.append(
                model(
                    document_type=types[entry.doc_type],
                    number=int(number),
                    symbol=symbol,
                    code=entry.code,
                    issuing_body=issuers[entry.issuer],
                    issued_date=entry.date,
                    year=entry.date.year,
                    status=entry.status,
                    summary="",
                    body=json.dumps(body),
                )
            )
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            legal = page_models.LegalDocumentPage
            for page, obj in zip(pages, specific, strict=True):
                obj.page_ptr_id = obj.legaldocumentpage_ptr_id = obj.id = page.pk
            _insert_rows(legal, specific, legal._meta.local_concrete_fields)
            for model in kinds.values():
                rows = [obj for obj in specific if type(obj) is model]
                _insert_rows(model, rows, model._meta.local_concrete_fields)
    Page.objects.filter(pk=index.pk).update(numchild=done)
    return done


def _wagtail_query(backend, text: str, filters: dict, sort: str, operator: str):
    """First page (20 hits) and total of one QUERY_MIX query, Wagtail's way."""
    from wagtail.search.query import MATCH_ALL

    from pages import models as page_models

    model = getattr(page_models, WAGTAIL_TYPE_MODELS.get(filters.get("type"), ""), None)
    if "type" in filters and model is None:
        raise ValueError(f"no page model for type {filters['type']!r}")
    queryset = (model or page_models.LegalDocumentPage).objects.live()
    if "year" in filters:
        queryset = queryset.filter(year=int(filters["year"]))
    if "status" in filters:
        queryset = queryset.filter(status=filters["status"])
    if sort == "date":  # the page's first publication is the entry's date
        queryset = queryset.order_by("-first_published_at")
    results = backend.search(
        text or MATCH_ALL,
        queryset,
        order_by_relevance=sort == "relevance",
        **({"operator": operator} if text else {}),
    )
    return list(results[:20]), results.count()


@contextlib.contextmanager
def _time_limit(seconds: float):
    """Stop the database queries of the block after ``seconds``.

    On SQLite the query runs in this process and the limit is CPU time, so that
    other load on the machine does not stop a query; on PostgreSQL it is the
    server's wall-clock ``statement_timeout``.
    """
    from django.db import connection

    connection.ensure_connection()
    if connection.vendor == "sqlite":  # "interrupted"
        deadline = time.process_time() + seconds
        connection.connection.set_progress_handler(
            lambda: time.process_time() > deadline, 100_000
        )
        try:
            yield
        finally:
            connection.connection.set_progress_handler(None, 0)
    else:  # PostgreSQL: "canceling statement due to statement timeout"
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(seconds * 1000)}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = 0")


def wagtail_speed(
    sizes: list[int], operators=("and", "or"), timeout: float = 30
) -> list[dict]:
    """``speed()`` on Wagtail's own database search, same texts, same mix.

    The ``scaled_entries`` become live document pages (``bulk_document_pages``,
    timed apart as setup); indexing is Wagtail's ``update_index`` over a reset
    index, so it reads the pages back and extracts their search fields as
    Wagtail does. Each query asks for the first 20 hits and the total, with
    the default operator ("and") and with "or"; "1234/QĐ-UBND"-like inputs can
    make FTS5 raise, counted as errors. Wagtail ranks by a subquery per
    matching page, so broad queries grow with the square of the matches: a
    query is stopped after ``timeout`` seconds (``_time_limit``) and counted
    at that time (the percentiles are then lower bounds). Wagtail computes no
    facets here, the portal computes them with every query.
    """
    if not DOCUMENTS.exists():
        print(f"skip wagtail-speed: {DOCUMENTS} not found")
        return []
    from django.core.management import call_command
    from django.db import DatabaseError
    from wagtail.search.backends import get_search_backend

    from tests.factories import build_site

    call_command("migrate", verbosity=0)
    _home, index = build_site()
    chunks, backend, rows = source_chunks(), get_search_backend(), []
    print(f"wagtail backend: {type(backend).__module__}", flush=True)
    for size in sizes:
        started = time.perf_counter()
        bulk_document_pages(index, scaled_entries(size, chunks))
        index.refresh_from_db()
        pages_seconds = time.perf_counter() - started
        backend.reset_indexes()
        t0, c0 = time.perf_counter(), time.process_time()
        call_command("update_index", chunk_size=1000, verbosity=0)
        index_seconds = time.perf_counter() - t0
        index_cpu = time.process_time() - c0
        timings = {op: ([], []) for op in operators}
        errors, timeouts = dict.fromkeys(operators, 0), dict.fromkeys(operators, 0)
        slowest = {}
        for round_ in range(6):
            for text, filters in QUERY_MIX:
                sort = "date" if round_ % 3 == 2 else "relevance"
                for operator, (wall, cpu) in timings.items():
                    t0, c0 = time.perf_counter(), time.process_time()
                    try:
                        with _time_limit(timeout):
                            _wagtail_query(backend, text, filters, sort, operator)
                    except DatabaseError as error:  # "fts5: syntax error near ..."
                        if "interrupted" in str(error) or "timeout" in str(error):
                            timeouts[operator] += 1
                        else:
                            errors[operator] += 1
                    wall.append((time.perf_counter() - t0) * 1000)
                    cpu.append((time.process_time() - c0) * 1000)
                    key = f"{operator} {text or filters}"
                    slowest[key] = max(slowest.get(key, 0), round(cpu[-1]))
            print(f"  round {round_ + 1}/6 done", file=sys.stderr, flush=True)
        row = {
            "entries": size,
            "pages_seconds": round(pages_seconds, 1),
            "index_seconds": round(index_seconds, 1),
            "index_cpu_seconds": round(index_cpu, 1),
            "entries_per_second": round(size / index_seconds),
        }
        for operator, (wall, cpu) in timings.items():
            row[operator] = {
                **_percentiles("wall", wall),
                **_percentiles("cpu", cpu),
                "queries": len(wall),
                "errors": errors[operator],
                "timeouts": timeouts[operator],  # counted at the limit
            }
        row["slowest_cpu_ms"] = dict(
            sorted(slowest.items(), key=lambda item: -item[1])[:5]
        )
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    return rows


def run_relevance(what: str, reuse: bool) -> None:
    """``bench/relevance.py``: known-item look-ups, or the cross-validation
    of the ranking weights (collects both sets, then tunes and holds out)."""
    script = [sys.executable, str(ROOT / "bench" / "relevance.py")]
    again = ["--reuse"] if reuse else []
    steps = [["known-item", *again]]
    if what == "cross-validate":
        steps = [["collect-alqac"], ["collect-known-item", *again], ["cross-validate"]]
    for step in steps:
        subprocess.run(script + step, check=True)
        again = ["--reuse"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "what",
        nargs="?",
        default="all",
        choices=[
            "all",
            "relevance",
            "relevance-scale",
            "wagtail",
            "speed",
            "wagtail-speed",
            "known-item",
            "cross-validate",
        ],
    )
    parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000])
    parser.add_argument(
        "--operators",
        nargs="+",
        choices=["and", "or"],
        default=["and", "or"],
        help="wagtail-speed: Wagtail search operators to time",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=30,
        help="wagtail-speed: seconds before a Wagtail query is stopped",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="known-item, cross-validate: reuse var/bench/known_item.sqlite3",
    )
    parser.add_argument(
        "--questions",
        type=int,
        default=0,
        help="relevance, relevance-scale: ask only the first N questions",
    )
    args = parser.parse_args()
    global QUESTIONS
    QUESTIONS = args.questions
    if args.what in ("known-item", "cross-validate"):
        return run_relevance(args.what, args.reuse)
    with tempfile.TemporaryDirectory(prefix="bench-search-") as workdir:
        setup_django(Path(workdir))
        print(
            f"# {platform.node()} {platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} cpus, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
        )
        if args.what in ("all", "relevance"):
            print(json.dumps(relevance(), indent=1), flush=True)
        if args.what in ("all", "wagtail"):
            print(
                json.dumps({"wagtail_comparison": wagtail_comparison()}, indent=1),
                flush=True,
            )
            print(json.dumps({"tim_kiem_page": page_latency()}), flush=True)
        if args.what in ("all", "speed"):
            speed(args.sizes)
        if args.what in ("all", "relevance-scale"):
            scale = relevance_at_scale(max(args.sizes))
            print(json.dumps({"relevance_at_scale": scale}, indent=1), flush=True)
        if args.what == "wagtail-speed":  # not in "all": it publishes pages
            wagtail_speed(args.sizes, args.operators, args.timeout)


if __name__ == "__main__":
    main()
