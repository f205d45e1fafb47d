"""``manage.py refresh_validity`` — index again the documents whose validity
status changed with the date.

A document's status follows its dates (``pages.validity.status_on``): it comes
into force on its effective date (a document known only by its year: not
before 1 January of that year) and ends on its expiry date. Pages and the
API read it on every request; the search index stores it, for the "Tình trạng
hiệu lực" facet and filter. This command indexes again the live documents
whose effective or expiry date came in the last ``--days`` days (default 1).
Run it once a day (docs/operations.md, "Daily tasks").
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from pages.cache import bump_generation
from pages.models import LegalDocumentPage
from search.indexing import index_pages


class Command(BaseCommand):
    help = "Index again the documents whose validity status changed in the last days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=1,
            help="look this many days back (default 1: since yesterday)",
        )

    def handle(self, *args, **options):
        days = options["days"]
        if not 1 <= days <= 36_500:
            raise CommandError("--days must be a number from 1 to 36500.")
        today = timezone.localdate()
        since = today - dt.timedelta(days=days)
        came = Q(effective_date__gt=since, effective_date__lte=today) | Q(
            expiry_date__gt=since, expiry_date__lte=today
        )
        if since < dt.date(today.year, 1, 1):
            # Known only by its year: it cannot be in force before 1 January.
            came |= Q(
                effective_date__isnull=True,
                issued_date__isnull=True,
                issued_year__gt=since.year,
                issued_year__lte=today.year,
            )
        pages = list(LegalDocumentPage.objects.live().filter(came).specific())
        index_pages(pages)
        if pages:
            bump_generation()  # cached pages show the badge of yesterday
        self.stdout.write(
            f"{len(pages)} document(s) indexed again "
            f"(effective or expiry date from {since + dt.timedelta(days=1)} to {today})."
        )
