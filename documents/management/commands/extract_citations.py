"""``manage.py extract_citations [FILE|-]``: citations of a text as JSON Lines.

Prints one JSON object per citation with exactly the 13 keys of
``Citation.to_dict()`` (raw, start, end, doc_type, number, year, symbol, code,
date, issuer, pinpoint, relation, flags). Reads standard input when FILE is "-"
or omitted. Prints nothing and exits 0 when the text cites nothing.
"""

import argparse
import datetime
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.citations import extract_citations


class Command(BaseCommand):
    """Extract legal citations from a UTF-8 text file or standard input."""

    needs_database = False  # checked by portal.cli
    help = "Print the citations found in a UTF-8 text (FILE or '-' for stdin)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default="-", help="text file or '-'")
        parser.add_argument(
            "--context-date",
            type=iso_date,
            default=None,
            help="date of the citing document (YYYY-MM-DD), for laws cited by name",
        )

    def handle(self, *args, **options):
        text = read_text(options["file"])
        for citation in extract_citations(text, context_date=options["context_date"]):
            self.stdout.write(json.dumps(citation.to_dict(), ensure_ascii=False))


def iso_date(value: str) -> datetime.date:
    """An argparse ``type``: a bad date is a usage error (exit 2), not a traceback."""
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be YYYY-MM-DD, not {value!r}") from None


def read_text(name: str) -> str:
    """The text of ``name`` ("-" = stdin) as UTF-8; CommandError if unreadable."""
    label = "standard input" if name == "-" else name
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        reason = error.strerror or error.__class__.__name__
        raise CommandError(f"Cannot read {label}: {reason}.") from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(
            f"Cannot decode {label} as UTF-8 (byte {error.start}); "
            "convert the file to UTF-8 text first."
        ) from error
