"""Questions naming a Điều's subject, on texts no weight was chosen on.

    python bench/headings_unseen.py [--variants shipped nostage2 ...] [--build]

Every Điều of the shared 2025 documents (``../shared/data/documents``: Nghị
định, Thông tư, Quyết định, Quy chế; none of them an ALQAC dev law) whose
heading has 3–12 words and is the heading of no other Điều gives four
questions a member of staff might ask about it: the heading as typed
("Hồ sơ đề nghị khen thưởng"), "Quy định về <heading> như thế nào?",
"<heading> gồm những gì?" and "<heading> là gì?" (which asks for that Điều,
not what a term among its words means: "Nội dung quản lý công chức là gì?"). They are asked of the index of
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

import sys
from collections import Counter
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))

import relevance_laws as rl  # noqa: E402
from definitions_unseen import probe, report  # noqa: E402

FORMS = {
    "heading": "{}",
    "quy-dinh": "Quy định về {} như thế nào?",
    "gom-gi": "{} gồm những gì?",
    "la-gi": "{} là gì?",
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
    setup = probe(__doc__.split("\n")[0], ["shipped", "nostage2"])
    if setup is None:
        return
    variants, anchor = setup
    named = named_articles()
    print(f"{len(named)} Điều with a heading of their own")
    report(FORMS, {h: {key} for h, key in named.items()}, variants, anchor)


if __name__ == "__main__":
    main()
