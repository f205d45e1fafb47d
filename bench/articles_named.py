"""Look-ups that name a Điều by its number, as staff cite one.

    python bench/articles_named.py [--variants shipped w-article0 ...] [--build]

Every seventh Điều of the index of ``relevance_laws.py --distractors`` (the
four ALQAC dev laws and every Điều of the shared 2025 documents) is asked for
as staff cite it: "Điều 35 Bộ luật Lao động" and "khoản 1 Điều 35 Bộ luật
Lao động" for a law (its name), "Điều 5 Quyết định 2820/QĐ-UBND" and
"khoản 1 Điều 5 Quyết định 2820/QĐ-UBND" for a shared document (its kind
and số ký hiệu; documents without one are left out). The wanted answer is
that Điều (both, when a decision and the regulation it issues each have a
Điều of that number). Asked as written and without diacritics; reported:
MRR@10 per form for the anchor (plain BM25, ``relevance_laws.Anchor``) and
each variant (``relevance_laws.variant_patches``; ``w-article0`` turns the
second stage's ``article`` signal off). The bench index holds no số ký hiệu
lookup keys, so this measures the ranking, not the code path (which
``tests/search/test_named_article.py`` covers). Skips when ``../shared/data``
is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))

import relevance_laws as rl  # noqa: E402
import search_data as sd  # noqa: E402
from definitions_unseen import probe, report  # noqa: E402

FORMS = {
    "dieu": "Điều {number} {name}",
    "khoan": "khoản 1 Điều {number} {name}",
}
EVERY = 7


def cited_articles() -> dict[str, dict[str, set[str]]]:
    """Form -> {question: keys of the Điều it names}."""
    from search.ranking import article_number

    entries = list(sd.law_entries()) + list(rl.distractor_entries())
    names = {}
    for entry in entries:
        if entry.kind != "document":
            continue
        if entry.key.startswith("law:"):
            names[entry.page_id] = sd.LAW_TITLES.get(entry.code, entry.title)
        elif entry.code:
            names[entry.page_id] = f"{entry.doc_type} {entry.code}".strip()
    wanted: dict[tuple[int, str], set[str]] = {}
    for entry in entries:
        number = article_number(entry.key)
        if entry.kind == "article" and entry.page_id in names and number:
            wanted.setdefault((entry.page_id, number), set()).add(entry.key)
    asked: dict[str, dict[str, set[str]]] = {form: {} for form in FORMS}
    for (page_id, number), keys in sorted(wanted.items())[::EVERY]:
        for form, template in FORMS.items():
            text = template.format(number=number, name=names[page_id])
            asked[form][text] = keys
    return asked


def main() -> None:
    setup = probe(__doc__.split("\n")[0], ["shipped", "w-article0"])
    if setup is None:
        return
    variants, anchor = setup
    asked = cited_articles()
    for form, questions in asked.items():
        print(f"{form}: {len(questions)} questions", flush=True)
        report({form: "{}"}, questions, variants, anchor)


if __name__ == "__main__":
    main()
