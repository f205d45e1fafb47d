from django import template
from django.utils.html import format_html, format_html_join
from wagtail.models import Site

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


@register.filter
def uppercase_vi(value):
    """Upper-case Vietnamese text (str.upper handles diacritics correctly)."""
    return str(value or "").upper()


@register.simple_tag
def status_badge(page):
    return format_html(
        '<span class="badge badge-{}">{}</span>', page.status, page.get_status_display()
    )
