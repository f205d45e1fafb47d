"""The search-engine backends: OpenSearch (``opensearch-py``) and Elasticsearch
8/9 (``elasticsearch``). One mapping (``mapping``) and one query builder
(``query``) serve both, each built with its client's DSL; ``core`` holds the
index lifecycle (alias swap on rebuild), writing and reading; the two client
modules hold only what differs. Nothing here imports the database backends.
"""
