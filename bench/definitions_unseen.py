"""Definition questions on texts the definition rule was not written from.

    python bench/definitions_unseen.py [--variants shipped w-definition0 ...]

``search.definitions`` was written from the misses of the four ALQAC dev
laws. Here its questions come from other texts: every numbered item
"N. X là …" of an article "Giải thích từ ngữ" in the shared 2025 documents
(Nghị định, Thông tư, Quyết định: ``../shared/data/documents``) gives the
term X (2–8 words) and five questions, "X là gì?", "Thế nào là X?",
"Định nghĩa của X?", "X có nghĩa là gì?" and "Theo quy định hiện hành X
được hiểu như thế nào?" (a context before the term, no comma). They are asked of the index of
``relevance_laws.py --distractors`` (the four laws and every Điều of the
shared documents, 4,507 entries; built first when absent), as written and
without diacritics; the wanted answer is every Điều whose item defines X
(a term can be defined by several documents); ``--build`` indexes again,
into OpenSearch when ``OPENSEARCH_URL`` is set. Reported: MRR@10 per form
for the anchor (plain BM25, ``relevance_laws.Anchor``) and each variant
(``relevance_laws.variant_patches``). Skips when ``../shared/data`` is
absent.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))

import relevance_laws as rl  # noqa: E402
import search_data as sd  # noqa: E402

ITEM = re.compile(r"(?m)^\s*\d+\.\s*([^\n.:;,()]+?)\s+là\s")
FORMS = {
    "la-gi": "{} là gì?",
    "the-nao-la": "Thế nào là {}?",
    "dinh-nghia": "Định nghĩa của {}?",
    "co-nghia": "{} có nghĩa là gì?",
    "context": "Theo quy định hiện hành {} được hiểu như thế nào?",
}


def defined_terms() -> dict[str, set[str]]:
    """Term (as written) -> keys of the shared documents' Điều defining it."""
    from documents.text import fold

    found: dict[str, set[str]] = {}
    spelled: dict[str, str] = {}
    for entry in rl.distractor_entries():
        heading = entry.title.split(" – ", 1)[-1].lower()
        if entry.kind != "article" or "giải thích từ ngữ" not in heading:
            continue
        for term in ITEM.findall(entry.body):
            term = " ".join(term.split())
            if 2 <= len(term.split()) <= 8 and not any(c.isdigit() for c in term):
                key = fold(term.lower())
                spelled.setdefault(key, term)
                found.setdefault(key, set()).add(entry.key)
    return {spelled[key]: keys for key, keys in found.items()}


def probe(description: str, default_variants: list[str]):
    """The shared setup of the probes on unseen texts: arguments, the
    +distractors index (opened, or built with ``--build``), the anchor; None
    when the shared data is absent."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--variants", nargs="*", default=default_variants)
    parser.add_argument(
        "--build", action="store_true", help="index again (OPENSEARCH_URL: the engine)"
    )
    args = parser.parse_args()
    if not sd.DOCUMENTS.exists() or not (sd.RETRIEVAL / "alqac2022_law.json").exists():
        print(f"skip: {sd.SHARED / 'data'} not found")
        return None
    workdir = sd.ROOT / "var" / "bench" / "laws_more"
    if (workdir / "bench.sqlite3").exists() and not args.build:
        sd.setup_django(workdir)
    else:
        print(f"{rl.build(True)} entries indexed", flush=True)
    return args.variants, rl.anchor(True)


def report(
    forms: dict[str, str], asked: dict[str, set[str]], variants: list[str], anchor
) -> None:
    """MRR@10, both ways typed, of each form's questions (``template`` filled
    with each key of ``asked``; its value the wanted Điều) for the anchor and
    each variant."""
    for form, template in forms.items():
        qs = [
            {"text": template.format(subject), "wanted": wanted, "law": form}
            for subject, wanted in sorted(asked.items())
        ]
        for name in ["anchor", *variants]:
            if name == "anchor":
                figures = rl.measure(qs, anchor.rank)
            else:
                with rl.patched(name):
                    figures = rl.measure(qs, rl.portal_run)
            cell = figures["all"]
            print(
                f"{form:>11} {name:>14} {cell['written']:.3f} / {cell['plain']:.3f}"
                f" {cell['ms']} ms",
                flush=True,
            )


def main() -> None:
    setup = probe(__doc__.split("\n")[0], ["shipped", "w-definition0"])
    if setup is None:
        return
    variants, anchor = setup
    terms = defined_terms()
    print(f"{len(terms)} terms defined in {len(set().union(*terms.values()))} Điều")
    report(FORMS, terms, variants, anchor)


if __name__ == "__main__":
    main()
