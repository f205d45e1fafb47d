"""``manage.py search QUERY`` — the portal search from the command line.

    manage.py search "nghi dinh 98 giay khen" --limit 5
    manage.py search "34-CT/TW" --json --type "Chỉ thị"
    manage.py search "thi dua" --status con_hieu_luc --year 2024 --issuer "UBND huyện"
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
``search.search``, the code path of /tim-kiem/. A value no filter knows (a
type, issuer, status or kind that does not exist, a year that is no year, a
--limit outside 1–100) stops the command with an error listing what is valid.
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

import search
from documents.dates import MAX_YEAR, MIN_YEAR
from documents.text import fold
from search.backends.base import BackendError
from search.grouping import search_grouped
from search.types import KINDS, SearchQuery
from search.views import MAX_QUERY, query_text

FALLBACK_LINE = (
    "The search engine did not answer; the database search answered "
    "(results may be less complete)."
)
RESULT_KEYS = ("kind", "title", "url", "code", "article", "score", "snippet")
MAX_LIMIT = 100
SHOWN = 50  # valid values an error lists (every document type)


class Command(BaseCommand):
    help = "Search the portal index (one query, or one per line of --batch FILE)."

    def add_arguments(self, parser):
        parser.add_argument("query", nargs="?", default="")
        parser.add_argument("--json", action="store_true", help="JSON output")
        parser.add_argument(
            "--limit", type=int, default=10, help=f"results, 1–{MAX_LIMIT}"
        )
        parser.add_argument(
            "--type", dest="doc_type", help="document type name or slug (Chỉ thị)"
        )
        parser.add_argument("--kind", help=f"kind filter ({', '.join(KINDS)})")
        parser.add_argument("--issuer", help="issuing body name or slug")
        parser.add_argument("--status", help="validity status code or label")
        parser.add_argument("--year", type=int, help="year of issue")
        parser.add_argument("--batch", help="file with one query per line")
        parser.add_argument(
            "--group",
            action="store_true",
            help="one result per document, its best articles nested",
        )

    def handle(self, *args, **options):
        limit = options["limit"]
        if not 1 <= limit <= MAX_LIMIT:
            raise CommandError(f"--limit must be from 1 to {MAX_LIMIT}, not {limit}.")
        filters = checked_filters(options)
        self.group = options["group"]
        self.fell_back = False
        text, truncated = query_text(options["query"])
        if truncated:  # as the page and the API say it
            self.stderr.write(
                f"The query is longer than {MAX_QUERY} characters; "
                f"only the first {MAX_QUERY} were searched."
            )
        if options["batch"]:
            if text:
                raise CommandError("Give a QUERY or --batch FILE, not both.")
            return self._batch(options["batch"], limit, filters, options["json"])
        if not text:  # nothing but spaces, punctuation, control characters
            raise CommandError("Give a QUERY (with a letter or digit) or --batch FILE.")
        results = self._results(text, limit, filters)
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
                grouped = search_grouped(query)
                self._fallback_said(grouped.results)
                groups = grouped.groups
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
        self._fallback_said(found)
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
            searched = query_text(text)[0]
            results = self._results(searched, limit, filters) if searched else []
            if as_json:
                self.stdout.write(
                    json.dumps({"query": text, "results": results}, ensure_ascii=False)
                )
            else:
                self.stdout.write(f"# {text}")
                for rank, row in enumerate(results, 1):
                    self._print(rank, row)

    def _fallback_said(self, results) -> None:
        """One line on stderr (once a run) when the fallback answered."""
        if results.notice == search.FALLBACK_NOTICE and not self.fell_back:
            self.fell_back = True
            self.stderr.write(FALLBACK_LINE)

    def _print(self, rank: int, row: dict) -> None:
        article = row["article"]  # an article's title already ends with it
        named = article and not row["title"].endswith(article)
        where = f" – {article}" if named else ""
        code = f" [{row['code']}]" if row["code"] else ""
        self.stdout.write(f"{rank:>2}. {row['title']}{code}{where}  ({row['score']})")
        self.stdout.write(f"    {row['url']}")
        for article in row.get("articles", []):
            self.stdout.write(f"    – {article['article']}: {article['url']}")


def checked_filters(options: dict) -> dict[str, list[str]]:
    """The search filters of the options, each value as the index holds it
    (a type given by its slug or without accents is named, an issuer is its
    id), or a CommandError listing the valid values."""
    from documents.choices import ValidityStatus
    from documents.models import DocumentType, IssuingBody

    filters = {}
    if options["doc_type"]:
        types = DocumentType.objects.order_by("name")
        choices = [((t.slug, t.name), t.name, t.name) for t in types]
        filters["type"] = _choose("--type", options["doc_type"], choices)
    if options["issuer"]:
        bodies = IssuingBody.objects.order_by("name")
        choices = [((b.slug, b.name), str(b.pk), b.name) for b in bodies]
        filters["issuer"] = _choose("--issuer", options["issuer"], choices)
    if options["status"]:
        choices = [((c, n), c, f"{c} ({n})") for c, n in ValidityStatus.choices]
        filters["status"] = _choose("--status", options["status"], choices)
    if options["kind"]:
        choices = [((kind,), kind, kind) for kind in KINDS]
        filters["kind"] = _choose("--kind", options["kind"], choices)
    year = options["year"]
    if year is not None:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise CommandError(
                f"--year must be from {MIN_YEAR} to {MAX_YEAR}, not {year}."
            )
        filters["year"] = [str(year)]
    return filters


def _choose(option: str, given: str, choices: list[tuple]) -> list[str]:
    """The values of the ``choices`` ((names, value, shown)) one of whose
    names is ``given`` (accents and case aside), or a CommandError listing
    the first ``SHOWN`` valid ones."""
    wanted = fold(given.strip())
    found = [value for names, value, _ in choices if wanted in map(fold, names)]
    if found:
        return list(dict.fromkeys(found))
    shown = list(dict.fromkeys(shown for _, _, shown in choices))
    listed = "; ".join(shown[:SHOWN]) or "none on this site yet"
    more = f" (and {len(shown) - SHOWN} more)" if len(shown) > SHOWN else ""
    raise CommandError(f"Unknown {option} {given!r}. Valid values: {listed}{more}.")


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
    row["code"] = hit.shown_code  # "" for a draft, as the pages and the API show it
    others = aliases.get(hit.page_id)
    if others:
        anchor = f"#{hit.anchor}" if hit.anchor else ""
        row["aliases"] = [path + anchor for path in others]
    return row
