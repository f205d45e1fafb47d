"""Public version history of document pages: numbering, change notes, diffs.

How the pieces fit:

* Every publication of a ``LegalDocumentPage`` revision fires Wagtail's
  ``page_published`` signal; :func:`on_page_published` (connected in
  ``DocumentsConfig.ready``) records it as the next :class:`PublishedVersion`.
  Drafts, submissions awaiting review, rejected and scheduled revisions never
  reach the signal, so they never get a number.
* The change note ("Nội dung thay đổi") is written *before* the revision is
  published — in the admin form, at submission for review, or by an import — so
  it is stored per revision in :class:`RevisionNote`. When a version is recorded
  its note is the one of the published revision, or else the newest note left
  on a revision since the previous published version (an approver who approves
  an editor's submission publishes the editor's note). Keeping notes out of the
  page content means no page migration and no note field polluting diffs.
* Imports (``import_documents --note``) call :func:`publish_with_note`, or
  :func:`record_version` after publishing themselves.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from wagtail.models import Page

from documents.textdiff import DiffParagraph, diff_paragraphs, diff_words, nfc
from pages.bodytext import body_paragraphs
from pages.models.history import PublishedVersion, RevisionNote

logger = logging.getLogger(__name__)

FIRST_VERSION_NOTE = "Đăng tải lần đầu."
METADATA_FIELDS = (
    "title",
    "code",
    "document_type",
    "issuing_body",
    "place",
    "issued_date",
    "issued_year",
    "effective_date",
    "expiry_date",
    "status",
    "signing_authority",
    "signer_position",
    "signer",
    "summary",
    "legal_basis",
    "recipients",
    "field",
)
LONG_TEXT_FIELDS = {"summary", "legal_basis", "recipients", "title"}
FIELD_LABELS = {"title": "Tiêu đề", "code": "Số ký hiệu"}


# Change notes -------------------------------------------------------------


def set_revision_note(*, revision, note: str) -> RevisionNote | None:
    """Attach (or replace) the change note of one revision; blank notes are ignored."""
    note = nfc(note).strip()
    if not note:
        return None
    obj, _ = RevisionNote.objects.update_or_create(
        revision=revision, defaults={"note": note}
    )
    return obj


def pending_note(page) -> str:
    """The newest note left on a revision of ``page`` since its last version."""
    notes = RevisionNote.objects.filter(
        revision__object_id=str(page.pk),
        revision__base_content_type_id=page.get_base_content_type().pk,
    )
    last = last_version(page)
    if last is not None:
        notes = notes.filter(revision__created_at__gt=last.revision.created_at)
    latest = notes.order_by("-revision__created_at", "-pk").first()
    return latest.note if latest else ""


def note_for_revision(page, revision) -> str:
    own = RevisionNote.objects.filter(revision=revision).first()
    return own.note if own else pending_note(page)


# Versions -----------------------------------------------------------------


def last_version(page) -> PublishedVersion | None:
    return (
        PublishedVersion.objects.filter(page_id=page.pk)
        .select_related("revision")
        .order_by("-number")
        .first()
    )


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
    text = nfc(note).strip() if note else note_for_revision(page, revision)
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
        set_revision_note(revision=revision, note=note)
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


# Comparing versions -------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    """One changed metadata field: label, old and new display values."""

    name: str
    label: str
    old: str
    new: str
    inline: SafeString | None = None


def field_label(name: str) -> str:
    from pages.models import LegalDocumentPage

    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    return capfirst(str(LegalDocumentPage._meta.get_field(name).verbose_name))


def field_display(obj, name: str) -> str:
    """Human display of one metadata value ("—" when empty)."""
    display = getattr(obj, f"get_{name}_display", None)
    try:
        value = display() if display and getattr(obj, name) else getattr(obj, name)
    except Exception:  # a vocabulary row deleted since that version
        value = "(đã xóa)"
    if value is None or value == "":
        return "—"
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return nfc(str(value))


def metadata_changes(old, new) -> list[FieldChange]:
    changes = []
    for name in METADATA_FIELDS:
        before, after = field_display(old, name), field_display(new, name)
        if before == after:
            continue
        long_text = name in LONG_TEXT_FIELDS and "—" not in (before, after)
        inline = diff_words(before, after) if long_text else None
        changes.append(FieldChange(name, field_label(name), before, after, inline))
    return changes


@dataclass(frozen=True)
class Comparison:
    old: PublishedVersion
    new: PublishedVersion
    metadata: list[FieldChange]
    body: list[DiffParagraph]

    @property
    def body_changed(self) -> bool:
        return any(p.kind != "equal" for p in self.body)


def compare_versions(old: PublishedVersion, new: PublishedVersion) -> Comparison:
    """Metadata field by field and body word by word, ``old`` → ``new``."""
    a, b = old.revision.as_object(), new.revision.as_object()
    return Comparison(
        old=old,
        new=new,
        metadata=metadata_changes(a, b),
        body=diff_paragraphs(body_paragraphs(a), body_paragraphs(b)),
    )
