"""Search benchmark: relevance on ALQAC 2022 and speed at 10k/100k entries.

    python bench/search.py relevance            # MRR@10, recall@10
    python bench/search.py speed --sizes 10000 100000
    python bench/search.py                      # both

Relevance: the laws of ``shared/data/retrieval_dev`` are indexed as documents
with one entry per Điều (``search.entries``, as the portal indexes pages), and
every question goes through ``search.search`` — the code path of /tim-kiem/ —
once as written and once with diacritics stripped. Speed: entries scaled from
``shared/data/documents`` texts, indexing throughput and p50/p95 latency of a
fixed query mix. Skips cleanly when the shared data is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PORTAL_SHARED_DIR", ROOT.parent / "shared"))
RETRIEVAL = SHARED / "data" / "retrieval_dev"
DOCUMENTS = SHARED / "data" / "documents"
# The data names each law by number only; a portal document has its title.
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


def relevance() -> dict | None:
    """Index the laws, ask every question both ways; returns the numbers."""
    if not (RETRIEVAL / "alqac2022_law.json").exists():
        print(f"skip relevance: {RETRIEVAL} not found")
        return None
    from search import get_backend

    print(f"backend: {type(get_backend()).__name__}", flush=True)
    entries = list(law_entries())
    get_backend().rebuild(entries)
    laws = json.loads((RETRIEVAL / "alqac2022_law.json").read_text("utf-8"))
    keys_by_law = {law["id"]: f"law:{i}" for i, law in enumerate(laws, start=1)}
    questions = json.loads((RETRIEVAL / "alqac2022_question.json").read_text("utf-8"))
    result = {"entries": len(entries), "questions": len(questions)}
    for label, strip in (("as_written", False), ("stripped", True)):
        result[label] = evaluate(questions, keys_by_law, strip)
    return result


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
    for round_ in range(rounds):
        for text, filters in QUERY_MIX:
            started = time.perf_counter()  # "n" defeats any page cache
            response = client.get("/tim-kiem/", {"q": text, **filters, "n": round_})
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
    from search import get_backend
    from search.types import SearchQuery

    chunks = source_chunks()
    backend, rows = get_backend(), []
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
            }
        )
        print(json.dumps(rows[-1]), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "what",
        nargs="?",
        default="all",
        choices=["all", "relevance", "wagtail", "speed"],
    )
    parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000])
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
