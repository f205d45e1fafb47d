"""Published versions, change notes and validity over time of document pages.

Wagtail keeps every revision (drafts, rejected submissions, scheduled ones);
the public only ever sees revisions that were *published*. ``PublishedVersion``
numbers those 1, 2, ... per page in publication order (recorded from the
publish pipeline by ``pages.versioning``). ``RevisionNote`` holds
the editor's "Nội dung thay đổi" for a revision until (and after) it is
published. ``ValidityEvent`` is one dated step of a document's legal life
(amended, replaced, repealed, expired) and ``PendingEffect`` is such a step
found in a newly published document, waiting for a person to confirm it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from documents.choices import EffectKind
from documents.text import nfc


def keep_published_revisions(collector, field, sub_objs, using):
    """``on_delete`` of ``PublishedVersion.revision``.

    Acts as PROTECT, so ``purge_revisions`` keeps every revision that was once
    published (it skips protected ones), and as CASCADE when the document page
    itself is being deleted along with its revisions.
    """
    from wagtail.models import Page

    deleting = {
        obj.pk
        for model, objs in collector.data.items()
        if issubclass(model, Page)
        for obj in objs
    }
    if all(version.page_id in deleting for version in sub_objs):
        return models.CASCADE(collector, field, sub_objs, using)
    return models.PROTECT(collector, field, sub_objs, using)


class PublishedVersionManager(models.Manager):
    def last_of(self, page) -> PublishedVersion | None:
        """The newest published version of ``page``, if any."""
        return (
            self.filter(page_id=page.pk)
            .select_related("revision")
            .order_by("-number")
            .first()
        )


class PublishedVersion(models.Model):
    """Version ``number`` of ``page``: the revision that was live from ``published_at``."""

    page = models.ForeignKey(
        "pages.LegalDocumentPage",
        verbose_name="văn bản",
        on_delete=models.CASCADE,
        related_name="published_versions",
    )
    number = models.PositiveIntegerField("phiên bản")
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="bản lưu",
        on_delete=keep_published_revisions,
        related_name="+",
    )
    published_at = models.DateTimeField("thời điểm đăng tải")
    note = models.TextField("nội dung thay đổi", blank=True)

    objects = PublishedVersionManager()

    class Meta:
        db_table = "documents_publishedversion"
        ordering = ["page", "number"]
        verbose_name = "phiên bản đã đăng tải"
        verbose_name_plural = "phiên bản đã đăng tải"
        constraints = [
            models.UniqueConstraint(
                fields=["page", "number"], name="unique_version_number"
            ),
            models.UniqueConstraint(
                fields=["page", "revision"], name="unique_version_revision"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.page_id} v{self.number}"


class RevisionNoteManager(models.Manager):
    def attach(self, revision, note: str) -> RevisionNote | None:
        """Attach (or replace) the note of one revision; blank notes are ignored."""
        note = nfc(note or "").strip()
        if not note:
            return None
        obj, _ = self.update_or_create(revision=revision, defaults={"note": note})
        return obj

    def pending(self, page) -> str:
        """The newest note left on a revision of ``page`` since its last version."""
        notes = self.filter(
            revision__object_id=str(page.pk),
            revision__base_content_type_id=page.get_base_content_type().pk,
        )
        last = PublishedVersion.objects.last_of(page)
        if last is not None:
            notes = notes.filter(revision__created_at__gt=last.revision.created_at)
        latest = notes.order_by("-revision__created_at", "-pk").first()
        return latest.note if latest else ""

    def for_revision(self, page, revision) -> str:
        """The note of ``revision``, else the one pending on ``page``."""
        own = self.filter(revision=revision).first()
        return own.note if own else self.pending(page)


class RevisionNote(models.Model):
    """The change note an editor (or an import) attached to one revision."""

    revision = models.OneToOneField(
        "wagtailcore.Revision",
        on_delete=models.CASCADE,
        related_name="change_note",
    )
    note = models.TextField("nội dung thay đổi")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RevisionNoteManager()

    class Meta:
        db_table = "documents_revisionnote"
        verbose_name = "ghi chú thay đổi"
        verbose_name_plural = "ghi chú thay đổi"

    def __str__(self) -> str:
        return self.note[:60]


class ValidityEvent(models.Model):
    """One confirmed step in the validity timeline of ``page``.

    ``source`` is the document that caused it (the evidence); ``confirmed_by``
    the person who confirmed it (empty for the demo loader).
    """

    page = models.ForeignKey(
        "pages.LegalDocumentPage",
        verbose_name="văn bản",
        on_delete=models.CASCADE,
        related_name="validity_events",
    )
    date = models.DateField("ngày")
    kind = models.CharField("sự kiện", max_length=16, choices=EffectKind.choices)
    source = models.ForeignKey(
        "pages.LegalDocumentPage",
        verbose_name="văn bản tác động",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="caused_validity_events",
    )
    note = models.TextField("ghi chú", blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xác nhận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField("thời điểm xác nhận", null=True, blank=True)

    class Meta:
        db_table = "documents_validityevent"
        ordering = ["page", "date", "pk"]
        verbose_name = "sự kiện hiệu lực"
        verbose_name_plural = "sự kiện hiệu lực"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.date:%d/%m/%Y})"


class PendingEffect(models.Model):
    """An effect of ``source`` on ``target`` found in its text, awaiting a decision.

    Nothing changes on ``target`` until a person confirms (see
    ``pages.validity.effect_confirm``); a rejected effect is kept so the
    same citation does not ask again on the next publication of ``source``.
    """

    class Status(models.TextChoices):
        PENDING = "cho_xac_nhan", "Chờ xác nhận"
        CONFIRMED = "da_xac_nhan", "Đã xác nhận"
        REJECTED = "tu_choi", "Từ chối"

    source = models.ForeignKey(
        "pages.LegalDocumentPage",
        verbose_name="văn bản tác động",
        on_delete=models.CASCADE,
        related_name="outgoing_effects",
    )
    target = models.ForeignKey(
        "pages.LegalDocumentPage",
        verbose_name="văn bản bị tác động",
        on_delete=models.CASCADE,
        related_name="incoming_effects",
    )
    kind = models.CharField("tác động", max_length=16, choices=EffectKind.choices)
    partial = models.BooleanField("chỉ một phần", default=False)
    citation_text = models.TextField("trích dẫn", blank=True)
    date = models.DateField("ngày có tác động", null=True, blank=True)
    status = models.CharField(
        "trạng thái", max_length=16, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "documents_pendingeffect"
        ordering = ["-created_at", "pk"]
        verbose_name = "hiệu lực chờ xác nhận"
        verbose_name_plural = "hiệu lực chờ xác nhận"
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"], name="unique_pending_effect"
            )
        ]

    def __str__(self) -> str:
        return f"{self.target} – {self.get_kind_display()} {self.source}"
