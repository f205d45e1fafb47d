"""Score tiers of a query naming a số ký hiệu, on the database backends.

The named document's entries are scored ``CODE_SCORE`` above everything
(its own entry, or the Điều the query names, ``DOCUMENT_FIRST`` more:
``plan.SqlSearch.add_code_rows``). When the query names only the code
(``query.citing_keys``), the matched documents citing it come next:
their indexed ``cites`` hold the code's keys (the citation graph's
``lookup_keys``, ``pages.search_index``), and ``CITED_SCORE`` times
``codes.citing_rank`` lifts those citing it in their legal basis above those
citing it in their body. Each tier keeps its order by score; the scores shown
are without the tiers (``shown_score``). The first-stage scores and the
second stage's bonuses stay far below ``CITED_SCORE``.
"""

from __future__ import annotations

from typing import Any

from ... import codes
from ...query import citing_keys
from .tables import ENTRY_TABLE, TERM_TABLE

MATCHED = "portal_search_matched"
CODE_SCORE = 1_000_000.0
DOCUMENT_FIRST = 1_000.0
CITED_SCORE = 10_000.0
# A widely cited law can be cited by thousands of matches: only the best
# scoring ones have their legal basis read (about 1 ms each); the rest keep
# the body tier, below them.
BASIS_READ_LIMIT = 200


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
    """``lift_citing`` for ``plan.SqlSearch`` (uses its ``parsed``, ``fetch``,
    ``marks``, ``body_join``, ``body_columns`` and ``add_bonuses``)."""

    def lift_citing(self, code_rows: list[dict[str, Any]]) -> None:
        """A query naming only a số ký hiệu: the matched documents citing it
        come right after its own entries, those citing it in their legal
        basis first."""
        keys = citing_keys(self.parsed, code_rows)[:20]
        if not keys:
            return
        legal_basis = self.body_columns.split(",")[1]
        rows = self.fetch(
            f"SELECT e.id, {legal_basis} FROM {MATCHED} m "
            f"JOIN {ENTRY_TABLE} e ON e.id = m.id {self.body_join} "
            f"WHERE m.score < {CODE_SCORE} AND e.kind = 'document' AND e.id IN "
            f"(SELECT entry_id FROM {TERM_TABLE} WHERE name = 'cites' "
            f"AND value IN ({self.marks(keys)})) ORDER BY m.score DESC, e.id",
            keys,
        )
        if rows:
            self.add_bonuses(
                {
                    i: CITED_SCORE
                    * (
                        codes.citing_rank(keys, basis)
                        if n < BASIS_READ_LIMIT
                        else codes.CITES_IN_BODY
                    )
                    for n, (i, basis) in enumerate(rows)
                }
            )
