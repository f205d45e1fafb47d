"""``manage.py parse_document FILE... [--fill]``: print parsed metadata as JSON Lines.

One JSON object per file (per record for JSON Lines input), in order. A file
that cannot be read yields ``{"file": ..., "error": ...}`` and the others are
still parsed; the exit status is 0 when at least one document was parsed.

Without ``--fill`` the object is what the text alone says. With it, each record
is read as ``import_documents`` reads it (``parse_record``): what the text lacks
is filled from the record's metadata and source address, and ``checks`` lists
the Vietnamese sentences the import would show for it (the importer may resolve
more, e.g. an issuing body known on the portal by its symbol).
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from documents.parsing import ParseError, parse_document, parse_record, read_records
from documents.parsing.flags import describe


class Command(BaseCommand):
    """Thin CLI over ``documents.parsing``; all parsing logic lives there."""

    needs_database = False  # checked by portal.cli
    help = "Parse Vietnamese documents (.txt, .md, .docx, .pdf, .jsonl) to JSON."

    def add_arguments(self, parser):
        """One or more files; JSON Lines files yield one object per record."""
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--fill",
            action="store_true",
            help="read each record as the import does: fill what the text lacks "
            "from the record's metadata and add the checks (Vietnamese)",
        )

    def handle(self, *args, **options):
        """Parse each file in order; exit 1 only when nothing could be parsed."""
        parsed = 0
        for path in options["files"]:
            parsed += self._parse_file(path, fill=options["fill"])
        if not parsed:
            raise CommandError("no document could be parsed", returncode=1)

    def _parse_file(self, path: str, *, fill: bool) -> int:
        try:
            records = read_records(path)
        except ParseError as exc:
            self._emit({"file": path, "error": str(exc)})
            return 0
        count = 0
        for record in records:
            try:
                data = _view(record, fill=fill)
            except Exception as exc:  # noqa: BLE001 - report and go on
                self._emit({"file": record.name, "error": f"parser failed: {exc}"})
                continue
            self._emit(data)
            count += 1
        return count

    def _emit(self, data: dict) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False))


def _view(record, *, fill: bool) -> dict:
    """The text-only parse, or the import's reading with its checks."""
    if not fill:
        return parse_document(record.text, overrides=record.overrides).to_dict()
    doc = parse_record(record)
    return {**doc.to_dict(), "checks": describe(doc)}
