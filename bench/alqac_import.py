"""ALQAC questions through the path a new user takes: import, then search.

    python bench/alqac_import.py [--database URL]

``bench/relevance.py`` indexes the ALQAC laws' articles directly; here the
laws go through everything a portal does to a text. Each law is written as
an official text (its body's name, "Luật số: …", the kind and name of the
law, then "Điều N. heading" and the article's text) into a JSON Lines file,
then on a fresh database (SQLite under ``var/bench/alqac_import``, or the
empty PostgreSQL database ``--database`` names, its files then under
``var/bench/alqac_import/postgres`` so both runs' rows stay side by side):
``migrate``, ``load_demo``
(the demo's news, exemplars and plans stay beside the laws, as on a real
site), ``import_documents --publish``, and every question through ``search
--batch --json --limit 10``, as written and without diacritics.

A question's reciprocal rank is that of the first row naming one of its
relevant articles (the row's ``code`` and ``article``). Reported: MRR@10 per
law and overall, the same with every row of another page dropped (what the
demo content costs), and how many questions have such a row in their top 3.
Skips cleanly when ``../shared/data`` is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [
    p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"
]
sys.path.append(str(ROOT / "bench"))

from search_data import LAW_TITLES, RETRIEVAL  # noqa: E402

WORKDIR = ROOT / "var" / "bench" / "alqac_import"
ISSUERS = {"VBHN": "VĂN PHÒNG QUỐC HỘI"}


def law_text(law: dict) -> str:
    """The law as an official text: header, kind and name, then its Điều."""
    code = law["id"]
    name = LAW_TITLES.get(code, "Luật").replace(" (văn bản hợp nhất)", "")
    kind, _, subject = name.partition(" ")
    if name.startswith("Bộ luật"):
        kind, subject = "Bộ luật", name.removeprefix("Bộ luật ")
    vbhn = "/VBHN-" in code
    lines = [
        ISSUERS["VBHN"] if vbhn else "QUỐC HỘI",
        f"Số: {code}" if vbhn else f"Luật số: {code}",
        kind.upper(),
        subject.upper(),
    ]
    for article in law["articles"]:
        heading, _, body = article["text"].partition("\n")
        lines.append(f"Điều {article['id']}. {heading.strip()}\n\n{body.strip()}")
    return "\n\n".join(lines)


def manage(*args: str, env: dict, stdout=subprocess.DEVNULL) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=stdout,
    )


def reciprocal_ranks(questions: list[dict], rows: list[dict], laws: set[str]):
    """(law, rr, rr with other pages' rows dropped, other page in top 3)."""
    for question, row in zip(questions, rows, strict=True):
        gold = {(a["law_id"], a["article_id"]) for a in question["relevant_articles"]}
        results = row["results"]
        own = [r for r in results if r.get("code") in laws]
        ranks = []
        for hits in (results, own):
            rank = next(
                (
                    1 / n
                    for n, hit in enumerate(hits[:10], start=1)
                    if (hit.get("code"), _number(hit.get("article"))) in gold
                ),
                0.0,
            )
            ranks.append(rank)
        other = any(r.get("code") not in laws for r in results[:3])
        yield question["relevant_articles"][0]["law_id"], *ranks, other


def _number(article: str | None) -> str | None:
    match = re.search(r"(\d+\w*)$", article or "")
    return match.group(1) if match else None


def summary(measured: list[tuple]) -> dict:
    def mrr(items, column):
        return round(sum(i[column] for i in items) / len(items), 4)

    per_law = {}
    for law in sorted({m[0] for m in measured}):
        items = [m for m in measured if m[0] == law]
        per_law[law] = {"questions": len(items), "mrr@10": mrr(items, 1)}
    return {
        "mrr@10": mrr(measured, 1),
        "mrr@10 other pages dropped": mrr(measured, 2),
        "questions with another page in top 3": sum(m[3] for m in measured),
        "per law": per_law,
    }


def run_dir(workdir: Path, database: str | None) -> Path:
    """Where a run keeps its files: ``workdir`` on SQLite, its ``postgres``
    folder on PostgreSQL (so the two runs' result rows can be compared)."""
    return workdir / "postgres" if database else workdir


def fresh_env(workdir: Path, database: str | None) -> dict:
    """The environment of a run on a fresh database: ``database`` (an empty
    PostgreSQL URL) or a new SQLite file in ``workdir``."""
    workdir.mkdir(parents=True, exist_ok=True)
    if not database:
        for path in workdir.glob("db.sqlite3*"):
            path.unlink()
    return {
        **os.environ,
        "DATABASE_URL": database or f"sqlite:///{workdir / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "portal.settings.base",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", help="an empty PostgreSQL database URL")
    args = parser.parse_args()
    if not (RETRIEVAL / "alqac2022_law.json").exists():
        print(f"skip: {RETRIEVAL} not found")
        return
    from search.query import strip_diacritics

    laws = json.loads((RETRIEVAL / "alqac2022_law.json").read_text("utf-8"))
    questions = json.loads((RETRIEVAL / "alqac2022_question.json").read_text("utf-8"))
    workdir = run_dir(WORKDIR, args.database)
    env = fresh_env(workdir, args.database)
    records = workdir / "laws.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for law in laws:
            slug = law["id"].replace("/", "-").lower()
            record = {"id": slug, "text": law_text(law)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    started = time.monotonic()
    manage("migrate", "-v0", env=env)
    manage("load_demo", env=env)
    manage("import_documents", "--publish", str(records), env=env)
    imported = time.monotonic() - started
    report = {"import s": round(imported, 1)}
    for form, convert in (
        ("as written", str),
        ("without diacritics", strip_diacritics),
    ):
        batch = workdir / f"questions {form}.txt"
        texts = [convert(" ".join(q["text"].split())) for q in questions]
        batch.write_text("\n".join(texts) + "\n", encoding="utf-8")
        started = time.monotonic()
        with (workdir / f"results {form}.jsonl").open("w") as out:
            manage(
                "search", "--batch", str(batch), "--json", "--limit", "10",
                env=env, stdout=out,
            )  # fmt: skip
        seconds = time.monotonic() - started
        rows = [
            json.loads(line)
            for line in (workdir / f"results {form}.jsonl").read_text().splitlines()
        ]
        codes = {law["id"] for law in laws}
        report[form] = summary(list(reciprocal_ranks(questions, rows, codes)))
        report[form]["ms per question"] = round(1000 * seconds / len(questions), 1)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
