"""How the database plan reads the rows of its hits: the columns, the join
their texts need (left out when the query reads no texts, as the grouped
listing's wide read does) and the page's limit."""

from __future__ import annotations

from typing import Any

from ...types import Hit
from .tables import HIT_FIELDS, make_hit
from .tiers import shown_score


class HitRows:
    """Mixed into ``plan.SqlSearch``; needs ``query``, ``parsed``, ``fetch``,
    ``body_columns`` and ``body_join``."""

    def columns(self) -> str:
        names = [f"e.{n}" for n in HIT_FIELDS if n not in ("body", "legal_basis")]
        texts = self.body_columns if self.query.texts else "'', ''"  # not read
        return ", ".join(names) + ", " + texts

    def hit_join(self) -> str:  # the join the hits' texts need, if read
        return self.body_join if self.query.texts else ""

    def limit(self) -> str:
        return f"LIMIT {int(self.query.per_page)} OFFSET {int(self.query.offset)}"

    def hits(self, statement: str, params: list[Any]) -> list[Hit]:
        names = [n for n in HIT_FIELDS if n not in ("body", "legal_basis")]
        names += ["body", "legal_basis"]
        hits = []
        for row in self.fetch(statement, params):
            data = dict(zip(names, row, strict=False))
            score = shown_score(float(row[-1] or 0))  # without the tiers
            hits.append(make_hit(data, score, self.parsed))
        return hits
