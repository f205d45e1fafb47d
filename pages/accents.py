"""Diacritics for a source address's subject words, at import time.

A record whose text gives no trích yếu takes it from its source address
(``documents.parsing.subjects``); the words its own text spells take the
text's diacritics, the others are asked of an ``ImportAccents``. It knows the
accented forms of words and word pairs:

- counted in the search index's accent statistics (``search.restore``), where
  the portal counts them (``SEARCH_RESTORE_ACCENTS``);
- counted in the texts of the records of the same import (once, when first
  asked: ``import_documents`` passes all the records it has read);

and chooses among them as a query's words are restored (``restore.best_sequence``:
a Viterbi over word pairs, the words already known steering their neighbours).
A word with several forms and no word pair seen takes the form that more than
half its uses have; a word neither knows, or without such a form, is left
without diacritics (the page is flagged for the editor either way).
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from django.db import DatabaseError, transaction

from documents.parsing.document import is_vietnamese
from search import restore

logger = logging.getLogger(__name__)


class ImportAccents:
    """An ``Accents`` source (``documents.parsing.subjects``) for one import.

    ``texts`` (or a callable returning them) are counted when first needed;
    ``using`` names the database whose accent statistics are read, by default
    the one the portal counts them in as it publishes (and so as an import
    publishes): ``search.indexing.statistics_databases``, the search backend's
    ``DATABASE`` option, else "default". The import itself has no database of
    its own to follow: ``document_import`` opens its transaction on the
    default database and the portal configures no database router.
    """

    def __init__(
        self,
        texts: Iterable[str] | Callable[[], Iterable[str]] = (),
        using: str | None = None,
    ):
        self._texts = texts
        self._counts: dict[str, Counter] | None = None
        self._using = using

    @property
    def using(self) -> str:
        if self._using is None:
            from search.indexing import statistics_databases

            self._using = (statistics_databases() or ["default"])[0]
        return self._using

    def _batch(self) -> dict[str, Counter]:
        if self._counts is None:
            texts = self._texts() if callable(self._texts) else self._texts
            counts: Counter = Counter()
            for text in texts:
                if is_vietnamese(text):  # a translation's words accent nothing
                    restore.text_counts(text, counts)
            self._counts = defaultdict(Counter)
            for (gram, form), n in counts.items():
                self._counts[gram][form] = n
        return self._counts

    def _indexed(self, grams: list[str]) -> dict[str, Counter]:
        try:
            with transaction.atomic(using=self.using):
                return restore.lookup(grams, self.using)
        except DatabaseError:  # not counted here (no table): the batch alone
            logger.info("accent statistics unavailable in %r", self.using)
            return {}

    def stats(self, words: list[str]) -> dict[str, Counter]:
        """gram → Counter of forms, for ``words``, their pairs and the total."""
        grams = [restore.TOTAL, *words]
        grams += [a + "_" + b for a, b in zip(words, words[1:], strict=False)]
        batch = self._batch()
        found: dict[str, Counter] = {}
        for gram, forms in self._indexed(grams).items():
            found[gram] = Counter(forms)
        for gram in grams:
            if gram in batch:
                found.setdefault(gram, Counter()).update(batch[gram])
        return found

    def __call__(self, words: list[str], known: list[str | None]) -> list:
        """A form for each folded word (``known`` ones kept), None where no
        source knows one it can choose."""
        stats = self.stats(words)
        exact = [k or w for k, w in zip(known, words, strict=True)]
        chosen = restore.best_sequence(exact, words, stats)
        out: list[str | None] = []
        for word, form, given in zip(words, chosen, known, strict=True):
            forms = stats.get(word) or Counter()
            if given:
                out.append(given)
            elif form in forms:
                out.append(form)
            else:  # several forms, no word pair seen: a form most uses have
                top = forms.most_common(1)
                share = top[0][1] / forms.total() if top else 0
                out.append(top[0][0] if share > 0.5 else None)
        return out
