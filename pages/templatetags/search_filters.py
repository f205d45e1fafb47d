"""The filters a /tim-kiem/ page is narrowed by, named for people.

``?cites=chi thi|34`` (the link "Xem các văn bản dẫn chiếu đến văn bản này")
or ``?issuer=14`` otherwise leave no trace on the page: the search box is empty
and, with no result, no facet is shown to untick. ``{% active_search_filters
query as active %}`` gives their labels ("Dẫn chiếu đến Chỉ thị 34-CT/TW") and
the address of the same search without them.
"""

import re
from urllib.parse import urlencode

from django import template

from documents.identity import shown_code

register = template.Library()


def cited_label(key: str) -> str:
    """ "Chỉ thị 34-CT/TW" for a ``cites`` key, from the citations stored with it
    (the cited page when it is live and public on the portal); the key itself
    otherwise."""
    from pages.models import DocumentCitation, LegalDocumentPage

    citations = DocumentCitation.objects
    rows = citations.filter(key=key) | citations.with_lookup_key([key])
    public = LegalDocumentPage.objects.live().public()
    cited = rows.filter(target__in=public).select_related("target__document_type")
    row = cited.order_by("pk").first()
    if row is not None:
        code = shown_code(row.target.code)
        return f"{row.target.document_type.name} {code}" if code else row.target.title
    row = rows.order_by("pk").first()
    if row is None:
        shown = key.replace("|", " ")
        return f"“{shown}” (không có văn bản nào trên cổng dẫn chiếu số ký hiệu này)"
    if row.code:
        return f"{row.doc_type} {row.code}".strip()
    return row.raw


def _value_label(name: str, value: str) -> str:
    from search.views import facet_labels

    coded = facet_labels()
    if name in coded:
        return coded[name].get(value, f"“{value}” (không có)")
    if name == "issuer":
        from documents.models import IssuingBody

        body = (
            IssuingBody.objects.filter(pk=value).first()
            if re.fullmatch(r"[0-9]{1,9}", value)
            else None
        )
        return body.name if body else f"“{value}” (không có)"
    return value


@register.simple_tag(takes_context=True)
def active_search_filters(context, query) -> dict | None:
    """{"labels": [...], "clear_url": "…"} for a query with filters, else None."""
    from search.views import FACET_TITLES

    labels = []
    for name, values in query.filters.items():
        if name == "in_force_on":
            labels.append(f"Còn hiệu lực vào ngày {values:%d/%m/%Y}")
        elif name == "cites":
            labels += [f"Dẫn chiếu đến {cited_label(value)}" for value in values]
        else:
            shown = ", ".join(_value_label(name, value) for value in values)
            labels.append(f"{FACET_TITLES.get(name, name)}: {shown}")
    if not labels:
        return None
    request = context.get("request")
    path = request.path if request is not None else ""
    clear = f"{path}?{urlencode({'q': query.text})}" if query.text else path
    return {"labels": labels, "clear_url": clear}


@register.simple_tag
def citing_documents(key: str) -> dict | None:
    """{"label": "Luật 63/2025/QH15", "count": 39}: the public documents that
    cite the code of ``key`` (a ``cites`` key), for a searched code the portal
    does not hold; None when nothing cites it or the portal holds it."""
    from pages.models import DocumentCitation
    from pages.relations import public_documents

    if not key:
        return None
    rows = DocumentCitation.objects.filter(source__in=public_documents())
    rows = rows.filter(key=key) | rows.with_lookup_key([key])
    if rows.filter(target__in=public_documents()).exists():
        return None  # on the portal: another filter of the search hid it
    count = rows.values("source_id").distinct().count()
    return {"label": cited_label(key), "count": count} if count else None
