"""What the search benchmarks share: the shared data's paths, Django on a
fresh database, the ALQAC laws as index entries, the scaled entries of the
speed runs and their query mix, and the engine's own figures.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PORTAL_SHARED_DIR", ROOT.parent / "shared"))
RETRIEVAL = SHARED / "data" / "retrieval_dev"
KNOWN_ITEM = SHARED / "data" / "known_item_dev" / "queries.jsonl"
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
    workdir.mkdir(parents=True, exist_ok=True)
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


def patient(backend):
    """``backend`` allowed 60 s per search: the benchmark measures, it does not
    fall back (an engine on a loaded 2-core machine may pause longer than the
    portal's 5 s)."""
    if hasattr(backend, "index_stats"):
        backend.options["TIMEOUT"] = 60
        backend._client = None
    return backend


def engine_stats(backend, index: bool = True) -> dict:
    """Index size on disk (``index``) and the node's heap, for an engine backend."""
    if not hasattr(backend, "index_stats"):
        return {}
    nodes = backend.client.nodes.stats(metric="jvm")["nodes"]
    heap = [n["jvm"]["mem"] for n in nodes.values()]
    figures = {
        "heap_used_mb": round(sum(h["heap_used_in_bytes"] for h in heap) / 2**20),
        "heap_max_mb": round(sum(h["heap_max_in_bytes"] for h in heap) / 2**20),
    }
    if index:
        figures["index_mb"] = round(backend.index_stats()["bytes"] / 2**20, 1)
    return figures


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


def percentiles(label: str, values: list[float]) -> dict:
    values = sorted(values)
    return {
        f"{label}_p50_ms": round(statistics.median(values), 1),
        f"{label}_p95_ms": round(values[int(len(values) * 0.95) - 1], 1),
    }
