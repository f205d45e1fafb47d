"""``manage.py check_citations FILE|- [--date YYYY-MM-DD] [--json]``.

Checks every citation of a text against the live documents of the portal
(``pages.basis_check``): not on the portal, wrong date, kind or issuing body,
expired, not yet in force or amended on the date, and the order and form of
the "Căn cứ" lines. The date is ``--date``, else the date in the text's own
header ("Tam Đường, ngày 15 tháng 7 năm 2025"), else today; the issuing body
read from the header is checked too (a body dissolved on that date).

With ``--json``: one JSON object per citation, in order,
``{"line", "raw", "code", "problems": [{"kind", "message", "suggestion"}]}``
(``line`` is 1-based, ``problems`` is empty when the citation is fine,
``suggestion`` is ``{"code", "url"}`` or null), then one object with an empty
``raw`` and a null ``code`` when the issuing body had been dissolved. Without
it, a readable report. Exit status 0 either way; 1 on unreadable input.
"""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand

from documents.management.commands.extract_citations import iso_date, read_text
from documents.parsing import parse_document
from documents.vocabulary import find_body
from pages.basis_check import check_text


def header_facts(text: str) -> tuple[dt.date | None, str | None]:
    """(date, issuing body name) from the header of a whole document, if any."""
    try:
        parsed = parse_document(text)
    except Exception:  # noqa: BLE001 - a fragment has no header; that is fine
        return None, None
    day = None
    if parsed.issued_date:
        try:
            day = dt.date.fromisoformat(parsed.issued_date)
        except ValueError:
            day = None
    return day, parsed.issuer


class Command(BaseCommand):
    help = "Check the legal basis (citations) of a UTF-8 text against the portal."

    def add_arguments(self, parser):
        parser.add_argument("file", help="UTF-8 text file, or '-' for standard input")
        parser.add_argument(
            "--date",
            type=iso_date,
            default=None,
            help="date of the citing document (YYYY-MM-DD); default: its header, "
            "else today",
        )
        parser.add_argument(
            "--json", action="store_true", help="one JSON object per citation"
        )

    def handle(self, *args, **options):
        text = read_text(options["file"])
        day, issuer_name = header_facts(text)
        body = find_body(issuer_name) if issuer_name else None
        report = check_text(text, on=options["date"] or day, issuer=body)
        if options["json"]:
            for row in report.lines():
                self.stdout.write(json.dumps(row, ensure_ascii=False))
            return
        self._human(report)

    def _human(self, report) -> None:
        write = self.stdout.write
        write(
            f"Checked on {report.date.isoformat()}: {len(report.findings)} citations."
        )
        for finding in report.findings:
            status = (
                "OK" if not finding.problems else f"{len(finding.problems)} problem(s)"
            )
            write(f"line {finding.line}: {finding.raw} — {status}")
            for problem in finding.problems:
                write(f"  [{problem.kind}] {problem.message}")
                if problem.suggestion and problem.suggestion.url:
                    write(f"      → {problem.suggestion.code} {problem.suggestion.url}")
        if report.issuer_problem is not None:
            write(f"[{report.issuer_problem.kind}] {report.issuer_problem.message}")
