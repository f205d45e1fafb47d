"""``manage.py search QUERY`` — the portal search from the command line.

    manage.py search "nghi dinh 98 giay khen" --limit 5
    manage.py search "34-CT/TW" --json --type "Chỉ thị"
    manage.py search --batch questions.txt --limit 10 --json
    manage.py search "quyet dinh cong bo thu tuc hanh chinh" --group

With ``--json`` each result is one JSON object per line (``kind, title, url,
code, article, score, snippet``, and ``aliases`` when other addresses lead to
the same page: a record imported under its own slug whose text turned out to
be a document already on the portal is a permanent redirect to that page, so
the page stands for both); with ``--batch FILE`` each line of FILE is a query
and each output line is ``{"query": ..., "results": [...]}``, in order.
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
                groups = search_grouped(query).groups
                aliases = _aliases([group.hit for group in groups])
                return [
                    {
                        **_row(group.hit, aliases),
                        "articles": [_row(hit, aliases) for hit in group.articles],
                    }
                    for group in groups
                ]
            found = search.search(query)
        except BackendError as error:
            raise CommandError(f"search backend unavailable: {error}") from error
        aliases = _aliases(found.hits)
        return [_row(hit, aliases) for hit in found.hits]

    def _batch(self, path: str, limit: int, filters: dict, as_json: bool) -> None:
        try:
            with open(path, encoding="utf-8") as handle:
                lines = [line.rstrip("\n") for line in handle]
        except OSError as error:  # "… : No such file or directory"
            raise CommandError(f"{path}: {error.strerror or error}") from error
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


def _aliases(hits) -> dict[int, list[str]]:
    """Page id → the other addresses that lead to it (permanent redirects,
    written as its ``url`` is: "/van-ban/<slug>/")."""
    from wagtail.contrib.redirects.models import Redirect

    ids = {hit.page_id for hit in hits if hit.page_id is not None}
    if not ids:
        return {}
    found: dict[int, list[str]] = {}
    rows = Redirect.objects.filter(redirect_page_id__in=ids, is_permanent=True)
    for page_id, path in rows.order_by("id").values_list(
        "redirect_page_id", "old_path"
    ):
        found.setdefault(page_id, []).append(path.rstrip("/") + "/")
    return found


def _row(hit, aliases: dict[int, list[str]]) -> dict:
    row = {key: getattr(hit, key) for key in RESULT_KEYS}
    others = aliases.get(hit.page_id)
    if others:
        anchor = f"#{hit.anchor}" if hit.anchor else ""
        row["aliases"] = [path + anchor for path in others]
    return row
