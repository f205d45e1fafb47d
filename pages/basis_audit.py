"""Nothing passes silently: publications of a flawed legal basis.

The page editor asks for an acknowledgement with a note before a document with
an ``expired``, ``*_mismatch`` or ``issuer_dissolved`` problem is submitted for
review or published (``pages.basis_admin``); the acknowledgement is logged as
``pages.basis_acknowledged``. The other ways a document goes live are handled
here:

* **Scheduled publishing.** "Xuất bản" with a go-live date in the future is
  the editor's publish action, so the acknowledgement is asked when the
  schedule is set; ``publish_scheduled`` later publishes that revision.
* **Any publication** (scheduled, approved in the workflow, the importer,
  scripts): ``record_publication`` is a step of the publish pipeline. When the
  published revision has such problems and no acknowledgement written since the
  page was last published covers them (same kind, same line), the page's log
  gets ``pages.basis_unacknowledged`` with the problems (seen in its history,
  in "Nhật ký hoạt động" and in the side panel) and the ``pages.basis`` logger
  a warning. Documents that were signed elsewhere and are imported as they are
  get the entry too: the portal cannot correct them, it says so.
* **Bulk publishing** ("Xuất bản" on several pages from the explorer) has no
  place for a note: ``refuse_bulk_publish`` refuses it when a selected document
  has such problems, naming each one, and points to the page editor.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging

from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from pages.basis_check import check_page, cited_count

logger = logging.getLogger("pages.basis")

ACK_ACTION = "pages.basis_acknowledged"
UNACKNOWLEDGED_ACTION = "pages.basis_unacknowledged"
MAX_LISTED = 10

_given: contextvars.ContextVar[frozenset | None] = contextvars.ContextVar(
    "basis_acknowledged_in_this_request", default=None
)


def panel_sections(page) -> list[dict]:
    """The check of ``page`` as template data: one section per checked part."""
    sections = []
    for label, report in check_page(page):
        rows = []
        if report.issuer_problem is not None:
            rows.append({"line": None, "raw": "", "problem": report.issuer_problem})
        for finding in report.findings:
            for problem in finding.problems:
                rows.append(
                    {"line": finding.line, "raw": finding.raw, "problem": problem}
                )
        sections.append(
            {
                "label": label,
                "date": report.date,
                "cited": cited_count(report),
                "rows": rows,
            }
        )
    return sections


def blocking_problems(sections: list[dict]) -> list[dict]:
    """The rows whose problem needs an acknowledgement."""
    return [
        row
        for section in sections
        for row in section["rows"]
        if row["problem"].needs_acknowledgement
    ]


def problem_data(rows: list[dict]) -> list[dict]:
    """Rows as stored in a log entry's data."""
    return [
        {
            "line": row["line"],
            "raw": row["raw"],
            "kind": row["problem"].kind,
            "message": row["problem"].message,
        }
        for row in rows
    ]


def _key(item: dict) -> tuple[str, str]:
    return (item.get("kind") or "", item.get("raw") or "")


@contextlib.contextmanager
def acknowledged(rows: list[dict]):
    """Publications inside this block count ``rows`` as acknowledged (the editor
    gave the acknowledgement in this request; its log entry follows)."""
    token = _given.set(frozenset(_key(item) for item in problem_data(rows)))
    try:
        yield
    finally:
        _given.reset(token)


def acknowledged_keys(page, revision) -> set[tuple[str, str]]:
    """Problems acknowledged since the page was last published before ``revision``."""
    from wagtail.models import PageLogEntry

    entries = PageLogEntry.objects.filter(page_id=page.pk)
    previous = (
        entries.filter(action="wagtail.publish")
        .exclude(revision_id=revision.pk)
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )
    acks = entries.filter(action=ACK_ACTION)
    if previous is not None:
        acks = acks.filter(timestamp__gt=previous)
    keys = {
        _key(item)
        for data in acks.values_list("data", flat=True)
        for item in (data or {}).get("problems") or []
    }
    return keys | set(_given.get() or ())


def record_publication(page, revision) -> list[dict]:
    """Publish-pipeline step: log the problems nobody acknowledged.

    Returns the problems logged (empty when there were none, or all were
    acknowledged). Never raises: a failing check is logged, not a reason to
    undo a publication.
    """
    from wagtail.log_actions import log

    from pages.models import LegalDocumentPage

    if not isinstance(page, LegalDocumentPage):
        return []
    try:
        blocking = blocking_problems(panel_sections(page))
        if not blocking:
            return []
        covered = acknowledged_keys(page, revision)
        missing = [row for row in problem_data(blocking) if _key(row) not in covered]
        if not missing:
            return []
        scheduled = getattr(revision, "approved_go_live_at", None) is not None
        log(
            instance=page,
            action=UNACKNOWLEDGED_ACTION,
            revision=revision,
            data={
                "scheduled": scheduled,
                "revision_id": revision.pk,
                "problems": missing,
            },
        )
    except Exception:  # noqa: BLE001 - reported, never undoes a publication
        logger.exception("legal-basis check failed on publishing page %s", page.pk)
        return []
    logger.warning(
        "page %s (%s) published with %d legal-basis problem(s) not acknowledged: %s",
        page.pk,
        page.title,
        len(missing),
        "; ".join(item["message"] for item in missing),
    )
    return missing


def unacknowledged_message(data: dict) -> str:
    """The Vietnamese sentence of a ``pages.basis_unacknowledged`` entry."""
    problems = data.get("problems") or []
    how = "theo lịch hẹn giờ" if data.get("scheduled") else "không qua bước xác nhận"
    listed = "; ".join(
        (f"dòng {p['line']}: " if p.get("line") else "") + p.get("message", "")
        for p in problems[:MAX_LISTED]
    )
    more = "; …" if len(problems) > MAX_LISTED else ""
    return (
        f"Đã xuất bản {how} khi căn cứ còn {len(problems)} vấn đề chưa được xác "
        f"nhận: {listed}{more}"
    )


def acknowledged_message(data: dict) -> str:
    """The Vietnamese sentence of a ``pages.basis_acknowledged`` entry."""
    count = len(data.get("problems") or [])
    verb = "xuất bản" if data.get("action") == "publish" else "gửi duyệt"
    return f"Xác nhận {count} vấn đề về căn cứ khi {verb}"


# Bulk publishing ----------------------------------------------------------------


def bulk_blocked(objects) -> list[tuple[object, list[dict]]]:
    """(page, blocking rows) of the selected document pages with such problems."""
    from pages.models import LegalDocumentPage

    blocked = []
    for page in objects:
        specific = page.specific
        if not isinstance(specific, LegalDocumentPage):
            continue
        draft = specific.get_latest_revision_as_object()
        rows = blocking_problems(panel_sections(draft))
        if rows:
            blocked.append((specific, rows))
    return blocked


def refuse_bulk_publish(request, action_type, objects, action):
    """``before_bulk_action``: bulk "Xuất bản" is refused for documents whose
    legal basis needs an acknowledgement, which only the page editor takes."""
    from django.shortcuts import redirect
    from wagtail.admin import messages

    if action_type != "publish":
        return None
    blocked = bulk_blocked(objects)
    if not blocked:
        return None
    named = [
        f"“{page.title}” ({'; '.join(row['problem'].label for row in rows)})"
        for page, rows in blocked[:MAX_LISTED]
    ]
    messages.error(
        request,
        "Chưa xuất bản: căn cứ ban hành của "
        + ("các văn bản sau" if len(blocked) > 1 else "văn bản sau")
        + " có vấn đề cần xác nhận kèm ghi chú: "
        + "; ".join(named)
        + ("; …" if len(blocked) > MAX_LISTED else "")
        + ". Hãy mở trang soạn thảo, xem bảng “Kiểm tra căn cứ”, xác nhận và "
        "xuất bản từ đó.",
        buttons=[
            messages.button(
                reverse("wagtailadmin_pages:edit", args=[page.pk]),
                f"Sửa “{page.title[:40]}”",
            )
            for page, _ in blocked[:3]
        ],
    )
    target = request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("wagtailadmin_pages:edit", args=[blocked[0][0].pk])
    return redirect(target)


def on_page_published(sender, instance, revision=None, **kwargs) -> None:
    """``page_published`` receiver: ``record_publication`` for a live revision."""
    if (
        revision is not None
        and instance.live
        and instance.live_revision_id == revision.pk
    ):
        record_publication(instance, revision)
