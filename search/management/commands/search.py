"""``manage.py search QUERY`` — the portal search from the command line.

    manage.py search "nghi dinh 98 giay khen" --limit 5
    manage.py search "34-CT/TW" --json --type "Chỉ thị"
    manage.py search --batch questions.txt --limit 10 --json
    manage.py search "quyet dinh cong bo thu tuc hanh chinh" --group

With ``--json`` each result is one JSON object per line (``kind, title, url,
code, article, score, snippet``); with ``--batch FILE`` each line of FILE is a
query and each output line is ``{"query": ..., "results": [...]}``, in order.
The list is flat (one line per hit: a document or one of its Điều); with
``--group`` each result is a document, once, with its best Điều (up to 3)
under ``articles``, as /tim-kiem/ shows them. Queries go through
``search.search``, the code path of /tim-kiem/.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

import search
from search.backends.base import BackendError
from search.grouping import search_grouped
from search.types import SearchQuery

RESULT_KEYS = ("kind", "title", "url", "code", "article", "score", "snippet")


class Command(BaseCommand):
    help = "Search the portal index (one query, or one per line of --batch FILE)."

    def add_arguments(self, parser):
        parser.add_argument("query", nargs="?", default="")
        parser.add_argument("--json", action="store_true", help="JSON output")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--type", dest="doc_type", help="document type filter")
        parser.add_argument("--kind", help="kind filter (document, article, news…)")
        parser.add_argument("--batch", help="file with one query per line")
        parser.add_argument(
            "--group",
            action="store_true",
            help="one result per document, its best articles nested",
        )

    def handle(self, *args, **options):
        limit = min(max(options["limit"], 1), 100)
        filters = {
            k: v
            for k, v in (("type", options["doc_type"]), ("kind", options["kind"]))
            if v
        }
        self.group = options["group"]
        if options["batch"]:
            return self._batch(options["batch"], limit, filters, options["json"])
        if not options["query"].strip():
            raise CommandError("Give a QUERY or --batch FILE.")
        results = self._results(options["query"], limit, filters)
        if not results and not options["json"]:
            self.stderr.write("No results.")
        for rank, row in enumerate(results, 1):
            if options["json"]:
                self.stdout.write(json.dumps(row, ensure_ascii=False))
            else:
                self._print(rank, row)

    def _results(self, text: str, limit: int, filters: dict) -> list[dict]:
        query = SearchQuery(text=text, filters=filters, per_page=limit)
        try:
            if self.group:
                return [
                    {
                        **_row(group.hit),
                        "articles": [_row(hit) for hit in group.articles],
                    }
                    for group in search_grouped(query).groups
                ]
            found = search.search(query)
        except BackendError as error:
            raise CommandError(f"search backend unavailable: {error}") from error
        return [_row(hit) for hit in found.hits]

    def _batch(self, path: str, limit: int, filters: dict, as_json: bool) -> None:
        try:
            with open(path, encoding="utf-8") as handle:
                lines = [line.rstrip("\n") for line in handle]
        except OSError as error:
            raise CommandError(str(error)) from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{path}: not UTF-8 text ({error.reason})") from error
        for text in lines:
            results = self._results(text, limit, filters) if text.strip() else []
            if as_json:
                self.stdout.write(
                    json.dumps({"query": text, "results": results}, ensure_ascii=False)
                )
            else:
                self.stdout.write(f"# {text}")
                for rank, row in enumerate(results, 1):
                    self._print(rank, row)

    def _print(self, rank: int, row: dict) -> None:
        where = f" – {row['article']}" if row["article"] else ""
        code = f" [{row['code']}]" if row["code"] else ""
        self.stdout.write(f"{rank:>2}. {row['title']}{code}{where}  ({row['score']})")
        self.stdout.write(f"    {row['url']}")
        for article in row.get("articles", []):
            self.stdout.write(f"    – {article['article']}: {article['url']}")


def _row(hit) -> dict:
    return {key: getattr(hit, key) for key in RESULT_KEYS}
