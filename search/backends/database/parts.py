"""The parts of a query the database plan matches and scores with.

Which groups are informative (not in most entries), the word pairs the query
holds, and, for a question-like query, which of its parts select the entries
to score and which only add to their score (``split_by_budget``): rarest
first, within budgets of entries. Document frequencies come from
``frequencies.cached``.
"""

from __future__ import annotations

import time
from typing import Any

from ...query import COMMON_MIN, Group
from .frequencies import DF_TTL, _df_cache


class QueryParts:
    """Mixed into ``plan.SqlSearch``; needs ``parsed``, the budgets and
    ``document_frequencies``."""

    def bigrams_by_group(self) -> dict[int, list[str]]:
        """Query bigrams keyed by the single-word group that starts them."""
        groups = self.parsed.groups
        return {
            i: [f"{groups[i].primary[0]}_{groups[i + 1].primary[0]}"]
            for i in range(len(groups) - 1)
            if len(groups[i].primary) == 1
        }

    def unquoted_groups(self) -> list[int]:
        """Indexes of groups not implied by a quoted phrase of the query.

        The all-words form leaves the quoted words out: the phrase implies
        them, and scoring their every occurrence ("số" is in every entry's
        text) costs much and ranks nothing the phrase does not.
        """
        quoted = {token for phrase in self.parsed.phrases for token in phrase}
        return [
            i
            for i, g in enumerate(self.parsed.groups)
            if g.synonym or len(g.alternatives) > 1 or g.primary[0] not in quoted
        ]

    def informative_groups(self) -> list[int]:
        """Indexes of groups that are not in most entries (stopword-light)."""
        groups = self.parsed.groups
        singles = list({g.primary[0] for g in groups if len(g.primary) == 1})
        df, total = self.cached_frequencies(singles)
        limit = max(total * self.common_ratio, COMMON_MIN)
        return [
            i
            for i, g in enumerate(groups)
            if len(g.primary) > 1
            or len(g.alternatives) > 1
            or df.get(g.primary[0], 0) <= limit
        ]

    def cached_frequencies(self, tokens: list[str]) -> tuple[dict[str, int], int]:
        """Document frequencies, cached for DF_TTL seconds per process."""
        now, vendor = time.monotonic(), type(self).__module__
        fresh = {
            t: _df_cache[(vendor, t)]
            for t in tokens
            if (vendor, t) in _df_cache and now - _df_cache[(vendor, t)][0] < DF_TTL
        }
        missing = [t for t in tokens if t not in fresh]
        if missing or not tokens:
            df, total = self.document_frequencies(missing)
            for token in missing:
                _df_cache[(vendor, token)] = (now, df.get(token, 0), total)
                fresh[token] = _df_cache[(vendor, token)]
        totals = [entry[2] for entry in fresh.values()]
        return {t: entry[1] for t, entry in fresh.items()}, max(totals, default=0)

    def group_tokens(self, group: Group) -> list[str]:
        """The indexed tokens that say an entry holds ``group`` (a phrase
        alternative by its first word, a synonym phrase by its group token)."""
        tokens = [alt[0] for alt in group.alternatives]
        if group.synonym:
            tokens = [group.synonym] + [t for t in tokens if (t,) in group.alternatives]
        return tokens

    def question_parts(self, bigrams_of: dict[int, list[str]], group_part, bigram_part):
        """(selecting, scoring-only) parts of a question's any-word form.

        The parts are the informative groups (``group_part(group)``) and the
        query bigrams (``bigram_part(bigram)``), each with the entries holding
        it (one frequency lookup for all), split by ``split_by_budget``.
        """
        groups = self.parsed.groups
        informative = self.informative_groups()
        bigram_list = [b for i in sorted(bigrams_of) for b in bigrams_of[i]]
        tokens = [t for i in informative for t in self.group_tokens(groups[i])]
        df, _ = self.cached_frequencies(tokens + bigram_list)
        parts = [
            (
                sum(df.get(t, 0) for t in self.group_tokens(groups[i])),
                group_part(groups[i]),
            )
            for i in informative
        ]
        parts += [(df.get(b, 0), bigram_part(b)) for b in bigram_list]
        if not parts:
            return [group_part(g) for g in groups], []
        return self.split_by_budget(parts)

    def split_by_budget(self, parts: list[tuple[int, Any]]) -> tuple[list, list]:
        """(selecting, scoring-only) parts of a question, from (frequency, part).

        Rarest first: the leading parts whose frequencies add up to at most
        ``candidate_budget`` select the entries to score (at least the rarest
        part does); the next ones, while they add up to at most
        ``scoring_budget``, only add to the score of those entries; the rest
        are left out.
        """
        parts = sorted(parts, key=lambda part: part[0])
        selecting = _within(parts, self.candidate_budget) or parts[:1]
        scoring = _within(parts[len(selecting) :], self.scoring_budget)
        return [p for _, p in selecting], [p for _, p in scoring]


def _within(parts: list[tuple[int, Any]], budget: int) -> list[tuple[int, Any]]:
    """The leading ``parts`` whose frequencies add up to at most ``budget``."""
    kept, total = [], 0
    for frequency, part in parts:
        if total + frequency > budget:
            break
        kept.append((frequency, part))
        total += frequency
    return kept
