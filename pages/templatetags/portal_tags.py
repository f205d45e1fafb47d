from collections.abc import Mapping
from urllib.parse import urlencode

from django import template
from django.utils.html import format_html, format_html_join
from wagtail.models import Site

from documents.choices import EffectKind, ValidityStatus
from documents.identity import shown_code

register = template.Library()


@register.simple_tag(takes_context=True)
def main_nav_items(context):
    """Links to the home page's live, public children marked "show in menus"."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""
    children = site.root_page.get_children().live().public().in_menu()
    return format_html_join(
        "\n",
        '<li><a href="{}">{}</a></li>',
        ((page.get_url(request), page.title) for page in children),
    )


@register.simple_tag(takes_context=True)
def filter_query(context) -> str:
    """The list's current filters as a query string ("?status=…"), without the
    page number, for links that must keep them (the list's RSS and Atom)."""
    request = context.get("request")
    params = request.GET if request is not None else {}
    items = [
        (key, value)
        for key in params
        if key != "page"
        for value in params.getlist(key)
        if value.strip()
    ]
    return "?" + urlencode(items) if items else ""


@register.filter
def uppercase_vi(value):
    """Upper-case Vietnamese text (str.upper handles diacritics correctly)."""
    return str(value or "").upper()


@register.simple_tag
def status_badge(page):
    """The status of ``page`` today (``pages.validity.status_on``)."""
    status = current_status(page)
    return format_html(
        '<span class="badge badge-{}">{}</span>', status, ValidityStatus(status).label
    )


@register.simple_tag
def current_status(page) -> str:
    """``{% current_status page as status %}``: the status code on today's date."""
    from pages.validity import status_on

    return status_on(page)


@register.simple_tag
def effect_links(page) -> list[dict]:
    """Confirmed replacements, repeals and amendments of ``page`` by live
    documents, as {"label": "Bị bãi bỏ bởi", "kind": …, "source": page}."""
    from pages.models.history import ValidityEvent

    kinds = [EffectKind.REPLACED, EffectKind.REPEALED, EffectKind.AMENDED]
    events = ValidityEvent.objects.filter(page_id=page.pk, kind__in=kinds)
    links = []
    for event in events.select_related("source").order_by("date", "pk"):
        if event.source is not None and event.source.live:
            label = EffectKind(event.kind).label
            links.append({"label": label, "kind": event.kind, "source": event.source})
    return links


@register.filter
def numbered_code(value) -> str:
    """The số ký hiệu to show anywhere but the document's own "Số:" line: empty
    for a document without a number (a draft), whose stored code is the header
    form "/KH-UBND" (or "-CT/TW" for a Party document). ``value`` is a page or
    any object with a ``code``, a plain dict with a "code" (a validity timeline
    step's source), or the code itself."""
    if isinstance(value, Mapping):
        return shown_code(str(value.get("code") or ""))
    code = str(getattr(value, "code", value) or "")
    return "" if getattr(value, "number", 0) is None else shown_code(code)
