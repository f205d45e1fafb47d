"""Wagtail's own database search on the speed runs' texts
(``bench/search.py wagtail-speed``): the scaled entries as live document
pages, indexed by ``update_index``, the same query mix.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time

from search_data import DOCUMENTS, QUERY_MIX, percentiles, scaled_entries, source_chunks

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
                **percentiles("wall", wall),
                **percentiles("cpu", cpu),
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
