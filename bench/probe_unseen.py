"""Laws the team has never seen, through the path a new user takes.

    python bench/probe_unseen.py [--database URL] [--forms heading ...]

The four laws of ``bench/data/probe_laws`` (public texts, none an ALQAC dev
law nor a shared document; sources in ``SOURCES.md``) are imported as
``bench/alqac_import.py`` imports the ALQAC laws: on a fresh database
(SQLite under ``var/bench/probe_unseen``, or the empty PostgreSQL database
``--database`` names, its files then under ``var/bench/probe_unseen/postgres``) ``migrate``, ``load_demo``, ``import_documents
--publish`` of the texts as published (one paragraph a line, header and
signature included), then every question through ``search --batch --json
--limit 10``, as written and without diacritics.

Questions, by rules fixed before any result was seen (no dataset of real
questions on these laws was found, so none is real):

- ``heading``: a Điều's heading as typed, for every heading of 3 or more
  words that no other Điều of the four laws bears (folded); the wanted
  answer is that Điều;
- ``quy-dinh``: the same headings as "Quy định về <heading> như thế nào?";
- ``statement``: a true-or-false statement made from the Điều's text, as
  ALQAC 2023 asks part of its questions: the first numbered khoản (or, in a
  Điều without khoản, the first paragraph) that does not end with ":" and
  whose first sentence (cut at the first ";" or ". ") has 8 to 40 words,
  that sentence without its number and final punctuation, followed by ",
  đúng hay sai?"; every Điều with such a sentence.

Reported per law and per form, MRR@10 as written and without diacritics:
the portal (a row counts when its ``code`` and ``article`` name the wanted
Điều), the same with the demo's rows dropped, and plain BM25 (k1 1.2,
b 0.75; folded words and word pairs of each Điều's heading and text,
``relevance_laws.Anchor``) over the same Điều and nothing else. ``--misses
N`` prints, for up to N questions per form where the portal ranks the Điều
below BM25, the two ranks and the portal's first rows.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [
    p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"
]
sys.path.append(str(ROOT / "bench"))

from alqac_import import _number, fresh_env, manage, run_dir  # noqa: E402

LAWS = ROOT / "bench" / "data" / "probe_laws"
WORKDIR = ROOT / "var" / "bench" / "probe_unseen"
ARTICLE = re.compile(r"^Điều (\d+)\.\s*(.*)$")
# Lines that close a Điều's body: a new part of the law, or its signature.
BODY_END = re.compile(
    r"^(?:Chương [IVXLC\d]+\.?$|M[ụỤ]C \d+\.|Mục \d+\.|Luật này (?:đã )?được Quốc hội"
    r"|CHỦ TỊCH QUỐC HỘI)"
)
CLAUSE = re.compile(r"^\d+\.\s+(.*)$")
FORMS = ("heading", "quy-dinh", "statement")


def read_law(path: Path) -> dict:
    """A law file: its code ("Luật số: …"), lines and Điều."""
    lines = [line.strip() for line in path.read_text("utf-8").splitlines()]
    lines = [line for line in lines if line]
    code = next(line for line in lines if line.startswith("Luật số:")).split()[-1]
    articles, current = [], None
    for line in lines:
        found = ARTICLE.match(line)
        if found:
            current = {"number": found.group(1), "heading": found.group(2), "body": []}
            articles.append(current)
        elif BODY_END.match(line):
            current = None
        elif current is not None:
            current["body"].append(line)
    return {"code": code, "slug": path.stem, "lines": lines, "articles": articles}


def statement(body: list[str]) -> str | None:
    """The fixed statement rule of the module docstring."""
    clauses = [m.group(1) for line in body if (m := CLAUSE.match(line))]
    for text in clauses or body:
        if text.rstrip().endswith(":"):
            continue
        sentence = re.split(r";|\.\s", text, maxsplit=1)[0].strip().rstrip(".;:, ")
        if 8 <= len(sentence.split()) <= 40:
            return f"{sentence}, đúng hay sai?"
    return None


def questions(laws: list[dict]) -> dict[str, list[dict]]:
    """Form -> [{"text", "law", "wanted": (code, number)}]."""
    from documents.text import fold

    def key(heading: str) -> str:
        return " ".join(fold(heading.lower()).split())

    counts: dict[str, int] = {}
    for law in laws:
        for article in law["articles"]:
            counts[key(article["heading"])] = counts.get(key(article["heading"]), 0) + 1
    asked: dict[str, list[dict]] = {form: [] for form in FORMS}
    for law in laws:
        for article in law["articles"]:
            wanted = (law["code"], article["number"])
            heading = article["heading"].strip(" .")
            if len(heading.split()) >= 3 and counts[key(article["heading"])] == 1:
                for form, text in (
                    ("heading", heading),
                    ("quy-dinh", f"Quy định về {heading} như thế nào?"),
                ):
                    asked[form].append(
                        {"text": text, "law": law["code"], "wanted": wanted}
                    )
            made = statement(article["body"])
            if made:
                asked["statement"].append(
                    {"text": made, "law": law["code"], "wanted": wanted}
                )
    return asked


def anchor(laws: list[dict]):
    import relevance_laws as rl

    docs = {
        (law["code"], a["number"]): a["heading"] + "\n" + "\n".join(a["body"])
        for law in laws
        for a in law["articles"]
    }
    return rl.Anchor(docs)


def rank_of(hits: list, wanted: tuple) -> int | None:
    for n, hit in enumerate(hits[:10], start=1):
        if hit == wanted:
            return n
    return None


def portal_hits(row: dict, codes: set[str], own_only: bool) -> list:
    results = row["results"]
    if own_only:
        results = [r for r in results if r.get("code") in codes]
    return [(r.get("code"), _number(r.get("article"))) for r in results]


def run_batch(texts: list[str], name: str, env: dict, workdir: Path) -> list[dict]:
    batch = workdir / f"questions {name}.txt"
    batch.write_text("\n".join(texts) + "\n", encoding="utf-8")
    out_path = workdir / f"results {name}.jsonl"
    with out_path.open("w") as out:
        manage(
            "search", "--batch", str(batch), "--json", "--limit", "10",
            env=env, stdout=out,
        )  # fmt: skip
    return [json.loads(line) for line in out_path.read_text().splitlines()]


def mrr(ranks: list) -> float:
    return round(sum(1 / r for r in ranks if r) / len(ranks), 4) if ranks else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", help="an empty PostgreSQL database URL")
    parser.add_argument("--forms", nargs="*", default=list(FORMS))
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args()
    workdir = run_dir(WORKDIR, args.database)
    env = fresh_env(workdir, args.database)
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")})
    import django

    django.setup()
    from search.query import strip_diacritics

    laws = [read_law(path) for path in sorted(LAWS.glob("*.txt"))]
    codes = {law["code"] for law in laws}
    records = workdir / "laws.jsonl"
    with records.open("w", encoding="utf-8") as out:
        for law in laws:
            record = {"id": law["slug"], "text": "\n\n".join(law["lines"])}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    started = time.monotonic()
    manage("migrate", "-v0", env=env)
    manage("load_demo", env=env)
    manage("import_documents", "--publish", str(records), env=env)
    report: dict = {
        "import s": round(time.monotonic() - started, 1),
        "Điều": {law["code"]: len(law["articles"]) for law in laws},
    }
    asked = questions(laws)
    bm25 = anchor(laws)
    for form in args.forms:
        qs = asked[form]
        report[form] = {"questions": len(qs)}
        for way, convert in (("written", str), ("plain", strip_diacritics)):
            texts = [convert(q["text"]) for q in qs]
            started = time.monotonic()
            rows = run_batch(texts, f"{form} {way}", env, workdir)
            seconds = time.monotonic() - started
            cells: dict[str, dict] = {}
            misses = []
            for q, text, row in zip(qs, texts, rows, strict=True):
                ranks = {
                    "portal": rank_of(portal_hits(row, codes, False), q["wanted"]),
                    "portal, demo dropped": rank_of(
                        portal_hits(row, codes, True), q["wanted"]
                    ),
                    "bm25": rank_of(bm25.rank(text), q["wanted"]),
                }
                for law in (q["law"], "all"):
                    for name, rank in ranks.items():
                        cells.setdefault(law, {}).setdefault(name, []).append(rank)
                if (ranks["portal"] or 99) > (ranks["bm25"] or 99):
                    misses.append((q, ranks, row))
            report[form][way] = {
                law: {name: mrr(r) for name, r in by.items()} | {"n": len(by["bm25"])}
                for law, by in cells.items()
            }
            report[form][way]["all"]["portal below bm25"] = len(misses)
            report[form][way]["ms per question"] = round(1000 * seconds / len(qs), 1)
            for q, ranks, row in misses[: args.misses] if way == "written" else []:
                print(f"[{form}] {q['text']} want {q['wanted']} ranks {ranks}")
                for r in row["results"][:3]:
                    print(f"     {r.get('code')} {r.get('article')} {r.get('title')}")
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
