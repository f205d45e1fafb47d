"""Public version history of document pages: numbering and change notes.

How the pieces fit:

* Every publication of a ``LegalDocumentPage`` revision runs the publish
  pipeline (``pages.publishing``), whose first step, :func:`record_version`,
  records it as the next :class:`PublishedVersion`. Drafts, submissions
  awaiting review, rejected and scheduled revisions are never published, so
  they never get a number.
* The change note ("Nội dung thay đổi") is written *before* the revision is
  published — in the admin form, at submission for review, or by an import — so
  it is stored per revision in :class:`RevisionNote` (``RevisionNote.objects.
  attach``). When a version is recorded its note is the one of the published
  revision, or else the newest note left on a revision since the previous
  published version (an approver who approves an editor's submission publishes
  the editor's note). Keeping notes out of the page content means no page
  migration and no note field polluting diffs.
* Comparing two versions is ``pages.comparison``'s.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Page

from documents.text import nfc
from pages.models.history import PublishedVersion, RevisionNote

logger = logging.getLogger(__name__)

FIRST_VERSION_NOTE = "Đăng tải lần đầu."


@transaction.atomic
def record_version(
    *, page, revision, note: str | None = None, published_at=None
) -> PublishedVersion:
    """Record ``revision`` as the next published version of ``page``.

    Idempotent per revision: recording it again only replaces the note when a
    new one is given. Imports that publish themselves call it right after
    ``revision.publish()``::

        revision = page.save_revision(user=user)
        revision.publish(user=user)
        record_version(page=page, revision=revision, note=options["note"])
    """
    existing = PublishedVersion.objects.filter(page_id=page.pk, revision=revision)
    version = existing.first()
    if version is not None:
        if note and nfc(note).strip() != version.note:
            version.note = nfc(note).strip()
            version.save(update_fields=["note"])
        return version
    # Lock the page row (PostgreSQL refuses FOR UPDATE with an aggregate).
    list(Page.objects.select_for_update().filter(pk=page.pk).values_list("pk"))
    versions = PublishedVersion.objects.filter(page_id=page.pk)
    number = (versions.aggregate(n=Max("number"))["n"] or 0) + 1
    text = (
        nfc(note).strip() if note else RevisionNote.objects.for_revision(page, revision)
    )
    return PublishedVersion.objects.create(
        page_id=page.pk,
        number=number,
        revision=revision,
        published_at=published_at or page.last_published_at or timezone.now(),
        note=text or (FIRST_VERSION_NOTE if number == 1 else ""),
    )


def publish_with_note(*, page, note: str, user=None) -> PublishedVersion | None:
    """Save a revision of ``page`` with ``note`` and publish it.

    Returns the new version, or None when the page is scheduled ("go live at"
    in the future): the version is recorded when ``publish_scheduled`` runs.
    """
    with transaction.atomic():
        revision = page.save_revision(user=user, clean=False)
        RevisionNote.objects.attach(revision, note)
        revision.publish(user=user)
    return PublishedVersion.objects.filter(page_id=page.pk, revision=revision).first()


def backfill_versions(queryset) -> int:
    """Give version 1 to live pages published before versions were recorded."""
    count = 0
    for page in queryset.live().filter(published_versions__isnull=True):
        if page.live_revision_id:
            record_version(page=page, revision=page.live_revision)
            count += 1
    return count
