"""The database backends: search in the portal's own database, no server.

- ``tables``: the entry and term tables every database backend writes, their
  rows, filters and facet counts;
- ``plan``: the query plan both run (which expression, what is counted, which
  matches are scored, the named số ký hiệu first, the second stage of
  ``search.ranking``), with ``parts`` (informative words, word pairs, the
  selecting and scoring parts of a question) and ``frequencies`` (document
  frequencies, cached);
- ``backend``: their common base (the Django database, the rank horizon);
- ``sqlite``: FTS5 with BM25 and column weights (the default);
- ``postgres``, ``postgres_rank`` and ``postgres_postings``: tsvector + GIN
  to match, and FTS5's BM25 computed in SQL from a posting table of
  column-weighted term frequencies, so that it ranks as SQLite does;
- ``schema``: create and drop the tables of the vendor in use (migrations).

No engine module (``search.backends.engine``) imports any of these.
"""
