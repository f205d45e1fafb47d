"""A document's validity over time, read from its metadata and the confirmed
``ValidityEvent`` rows, as plain dicts for templates, the API and the
legal-basis check. Detecting and confirming effects is ``pages.validity``'s.
"""

from __future__ import annotations

import datetime as dt

from documents.choices import EffectKind

from .history import ValidityEvent

#: Effects after which a document (or the part named) is no longer in force.
ENDING_KINDS = {EffectKind.REPLACED, EffectKind.REPEALED, EffectKind.EXPIRED}
KIND_ORDER = {kind: i for i, kind in enumerate(EffectKind.values)}


def _source_data(source) -> dict | None:
    """The evidence document, only while it is public (hidden pages never leak)."""
    if source is None or not source.live:
        return None
    return {
        "id": source.pk,
        "title": source.title,
        "code": source.code,
        "url": source.url,
    }


def _item(day: dt.date, kind: str, *, source=None, note: str = "") -> dict:
    return {
        "date": day.isoformat(),
        "date_display": day.strftime("%d/%m/%Y"),
        "kind": EffectKind(kind).value,
        "label": EffectKind(kind).label,
        "source": _source_data(source),
        "note": note,
    }


def timeline_for(page) -> list[dict]:
    """Dated steps of a document's validity, oldest first, as plain dicts.

    Issue and effective dates come from the metadata; amendments, replacements
    and repeals from confirmed :class:`ValidityEvent` rows; the expiry date adds
    a "hết hiệu lực" step unless an event already explains it.
    """
    items = []
    if page.issued_date:
        items.append(_item(page.issued_date, EffectKind.ISSUED))
    if page.effective_date:
        items.append(_item(page.effective_date, EffectKind.EFFECTIVE))
    events = ValidityEvent.objects.filter(page_id=page.pk).select_related("source")
    for event in events:
        items.append(
            _item(event.date, event.kind, source=event.source, note=event.note)
        )
    ending_dates = {e.date for e in events if e.kind in ENDING_KINDS}
    if page.expiry_date and page.expiry_date not in ending_dates:
        items.append(_item(page.expiry_date, EffectKind.EXPIRED))
    return sorted(items, key=lambda i: (i["date"], KIND_ORDER[i["kind"]]))


def replaced_by(page) -> list:
    """Live documents that replaced or repealed ``page`` (confirmed events)."""
    events = ValidityEvent.objects.filter(
        page_id=page.pk, kind__in=[EffectKind.REPLACED, EffectKind.REPEALED]
    ).select_related("source")
    return [e.source for e in events if e.source is not None and e.source.live]
