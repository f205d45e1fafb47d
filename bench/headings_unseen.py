"""Questions naming a Điều's subject, on texts no weight was chosen on.

    python bench/headings_unseen.py [--variants shipped nostage2 ...] [--build]

Every Điều of the shared 2025 documents (``../shared/data/documents``: Nghị
định, Thông tư, Quyết định, Quy chế; none of them an ALQAC dev law) whose
heading has 3–12 words and is the heading of no other Điều gives three
questions a member of staff might ask about it: the heading as typed
("Hồ sơ đề nghị khen thưởng"), "Quy định về <heading> như thế nào?" and
"<heading> gồm những gì?". They are asked of the index of
``relevance_laws.py --distractors`` (the four laws and every Điều of the
shared documents; built first when absent or with ``--build``, into
OpenSearch when ``OPENSEARCH_URL`` is set), as written and without
diacritics; the wanted answer is that Điều. Reported: MRR@10 per form for
the anchor (plain BM25 over each Điều's heading and text,
``relevance_laws.Anchor``) and each variant (``relevance_laws.variant_patches``).
The questions hold the heading's words, so they are easier than a real
question; what the figure shows is whether the second stage, chosen on the
dev laws and look-ups, keeps the Điều a question names first on other texts.
Skips when ``../shared/data`` is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))

import relevance_laws as rl  # noqa: E402
import search_data as sd  # noqa: E402

FORMS = {
    "heading": "{}",
    "quy-dinh": "Quy định về {} như thế nào?",
    "gom-gi": "{} gồm những gì?",
}


def named_articles() -> dict[str, str]:
    """Heading (as written) -> key of the one shared Điều bearing it."""
    from documents.text import fold

    headings = {}
    for entry in rl.distractor_entries():
        if entry.kind != "article":
            continue
        heading = entry.title.split(" – ", 1)[-1].partition(". ")[2].strip(" .")
        if 3 <= len(heading.split()) <= 12:
            headings[entry.key] = heading
    counts = Counter(fold(h.lower()) for h in headings.values())
    return {h: key for key, h in headings.items() if counts[fold(h.lower())] == 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variants", nargs="*", default=["shipped", "nostage2"])
    parser.add_argument("--build", action="store_true", help="index again")
    args = parser.parse_args()
    if not sd.DOCUMENTS.exists() or not (sd.RETRIEVAL / "alqac2022_law.json").exists():
        print(f"skip: {sd.SHARED / 'data'} not found")
        return
    workdir = sd.ROOT / "var" / "bench" / "laws_more"
    if (workdir / "bench.sqlite3").exists() and not args.build:
        sd.setup_django(workdir)
    else:
        print(f"{rl.build(True)} entries indexed", flush=True)
    named = named_articles()
    print(f"{len(named)} Điều with a heading of their own")
    anchor = rl.anchor(True)
    for form, template in FORMS.items():
        qs = [
            {"text": template.format(heading), "wanted": {key}, "law": form}
            for heading, key in sorted(named.items())
        ]
        for name in ["anchor", *args.variants]:
            if name == "anchor":
                figures = rl.measure(qs, anchor.rank)
            else:
                with rl.patched(name):
                    figures = rl.measure(qs, rl.portal_run)
            cell = figures["all"]
            print(
                f"{form:>9} {name:>14} {cell['written']:.3f} / {cell['plain']:.3f}"
                f" {cell['ms']} ms",
                flush=True,
            )


if __name__ == "__main__":
    main()
