"""Score tiers of a query naming a số ký hiệu, on the database backends.

The named document's entries are scored ``CODE_SCORE`` above everything
(its own entry, or the Điều the query names, ``DOCUMENT_FIRST`` more:
``plan.SqlSearch.add_code_rows``). When the query names only the code
(``query.citing_keys``), the matched documents citing it come next, those
citing it in their legal basis (their indexed ``cites_basis`` hold the
code's keys: the citation graph's "basis" citations, ``pages.search_index``)
``CITED_SCORE`` above those citing it only in their body (their ``cites``
hold them): ``codes.CITES_IN_BASIS`` and ``CITES_IN_BODY`` times
``CITED_SCORE``, one statement of two term look-ups, however many documents
cite the code. The tiers are lifted before the second stage, which reads the
scores without them (``plan.SqlSearch.rerank``), as the engines read theirs.
Each tier keeps its order by score; the scores shown are without the tiers
(``shown_score``). The first-stage scores and the second stage's bonuses stay
far below ``CITED_SCORE``.
"""

from __future__ import annotations

from typing import Any

from ...codes import CITES_IN_BASIS, CITES_IN_BODY
from ...query import citing_keys
from .tables import ENTRY_TABLE, TERM_TABLE

MATCHED = "portal_search_matched"
CODE_SCORE = 1_000_000.0
DOCUMENT_FIRST = 1_000.0
CITED_SCORE = 10_000.0


def shown_score(score: float) -> float:
    """A hit's score without the tier it was lifted to."""
    if score >= CODE_SCORE:
        return (
            score
            - CODE_SCORE
            - (DOCUMENT_FIRST if score >= CODE_SCORE + DOCUMENT_FIRST else 0)
        )
    if score >= CITED_SCORE:
        return score % CITED_SCORE
    return score


class CitingTier:
    """``lift_citing`` for ``plan.SqlSearch`` (uses its ``parsed``, ``cur``,
    ``param`` and ``marks``)."""

    def lift_citing(self, code_rows: list[dict[str, Any]]) -> None:
        """A query naming only a số ký hiệu: the matched documents citing it
        come right after its own entries, those citing it in their legal
        basis first."""
        keys = citing_keys(self.parsed, code_rows)[:20]
        if not keys:
            return
        terms = f"SELECT entry_id FROM {TERM_TABLE} WHERE value IN ({self.marks(keys)})"
        in_basis = f"{terms} AND name = 'cites_basis'"
        citing = f"{terms} AND name IN ('cites', 'cites_basis')"
        self.cur.execute(
            f"UPDATE {MATCHED} SET score = score + {CITED_SCORE} * CASE "
            f"WHEN id IN ({in_basis}) THEN {CITES_IN_BASIS} ELSE {CITES_IN_BODY} END "
            f"WHERE score < {CODE_SCORE} AND id IN ({citing}) "
            f"AND id IN (SELECT id FROM {ENTRY_TABLE} WHERE kind = 'document')",
            [*keys, *keys],
        )
