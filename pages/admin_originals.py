"""The original file of "Nhập văn bản", kept as the draft's "Tệp gốc".

The admin import (``pages.views``) reads the text of an uploaded DOCX or PDF,
lets the editor correct the metadata, then saves a draft. The upload itself is
the signed original the public page should offer for download, so it is kept:

* ``stash`` stores it (step 1) under ``nhap-van-ban/`` in the default storage,
  named by a random key; the session remembers the key and the file's name;
* ``attach`` (step 2, once the draft is saved) adds it to the documents
  library and to the draft the import has just written, as the page's
  "Tệp gốc (PDF/DOCX)" row; publishing that draft publishes the row;
* ``discard`` removes a stash the editor left for another upload; each new
  upload also removes the stashes of imports abandoned a day ago or more
  (``sweep``), so a closed tab leaves nothing behind for long.

TXT and MD uploads are transcriptions, not originals: they are not kept.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Revision

STASH_DIR = "nhap-van-ban"
KEPT_SUFFIXES = {".docx", ".pdf"}
CAPTION = "Tệp gốc"
ABANDONED_AFTER = dt.timedelta(days=1)

logger = logging.getLogger(__name__)


def stash(upload) -> str | None:
    """Store an uploaded DOCX/PDF; its storage path, or None for other files."""
    suffix = Path(upload.name).suffix.lower()
    if suffix not in KEPT_SUFFIXES:
        return None
    sweep()
    upload.seek(0)
    return default_storage.save(f"{STASH_DIR}/{uuid.uuid4().hex}{suffix}", upload)


def sweep(age: dt.timedelta = ABANDONED_AFTER) -> int:
    """Remove the stashes older than ``age`` (imports never saved); how many."""
    try:
        names = default_storage.listdir(STASH_DIR)[1]
    except FileNotFoundError:
        return 0
    cutoff = timezone.now() - age
    removed = 0
    for name in names:
        path = f"{STASH_DIR}/{name}"
        try:
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                removed += 1
        except OSError:  # removed meanwhile by another request
            continue
    return removed


def discard(path: str | None) -> None:
    if path and path.startswith(f"{STASH_DIR}/") and default_storage.exists(path):
        default_storage.delete(path)


def attach(revision_id: int, path: str | None, name: str, user) -> bool:
    """Add the stashed file to the library and to the draft of ``revision_id``.

    The revision is the one the import has just written (not yet seen by
    anyone), so its content is completed in place rather than followed by a
    second revision. False when there was nothing to attach.
    """
    if not path or not revision_id or not default_storage.exists(path):
        return False
    Document = get_document_model()
    document = Document(title=name, uploaded_by_user=user)
    with default_storage.open(path, "rb") as stored:
        document.file.save(Path(name).name, File(stored), save=False)
    document._set_document_file_metadata()
    same = Document.objects.filter(file_hash=document.file_hash).first()
    if same is not None:  # the same file imported again: one library entry
        document.file.delete(save=False)
        document = same
    else:
        document.save()
    discard(path)

    from pages.models.documents import DocumentAttachment

    revision = Revision.objects.get(pk=revision_id)
    draft = revision.as_object()
    # A re-import replaces the original it kept before; other files stay.
    rows = [row for row in draft.attachments.all() if row.caption != CAPTION]
    rows.append(DocumentAttachment(file=document, caption=CAPTION))
    draft.attachments = rows
    revision.content = draft.serializable_data()
    revision.save(update_fields=["content"])
    logger.info("kept the original %s as document %s", name, document.pk)
    return True
