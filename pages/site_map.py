"""The public "Sơ đồ trang" (``/so-do-trang/``): the site's sections for people.

The footer linked "Sơ đồ trang" to ``/sitemap.xml``, the crawlers' XML file, so
a reader who followed it got raw XML. This page lists what the main menu lists
(the home page's live, public children shown in menus), each section's saved
lists ("Danh sách văn bản") and its RSS feed, the portal's own pages ("Giới
thiệu", "Liên hệ": content pages under the home page), then the site's tools; single
documents, exemplars and news are reached through their sections.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.shortcuts import render
from wagtail.models import Page, Site

from pages.models import ContentPage, DocumentListPage
from pages.models.feeds import FeedRoutesMixin


@dataclass
class Section:
    title: str
    url: str
    feed_url: str = ""
    lists: list[tuple[str, str]] = field(default_factory=list)


def sections(request) -> list[Section]:
    """The menu's sections with their saved lists and RSS feed, in menu order.

    Two queries for the menu pages and two for every section's saved lists
    (pages and view restrictions), however many sections there are. A section
    without a public address (``get_url`` None) is left out: it has nothing
    to link to, nor a feed ("Nonerss/")."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page
    menu = root.get_children().live().public().in_menu().specific()
    saved = (
        Page.objects.descendant_of(root)
        .filter(depth=root.depth + 2)
        .live()
        .public()
        .type(DocumentListPage)
        .order_by("path")
    )
    lists_by_parent = defaultdict(list)
    for item in saved:
        url = item.get_url(request)
        if url:
            lists_by_parent[item.path[: -Page.steplen]].append((item.title, url))
    found = []
    for page in menu:
        url = page.get_url(request)
        if not url:
            continue
        found.append(
            Section(
                title=page.title,
                url=url,
                feed_url=f"{url}rss/" if isinstance(page, FeedRoutesMixin) else "",
                lists=lists_by_parent[page.path],
            )
        )
    return found


def info_pages(request) -> list[tuple[str, str]]:
    """The content pages under the home page ("Giới thiệu", "Liên hệ")."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    pages = Page.objects.child_of(site.root_page).live().public().type(ContentPage)
    return [(page.title, page.get_url(request)) for page in pages]


def site_map_page(request):
    context = {"sections": sections(request), "info_pages": info_pages(request)}
    return render(request, "pages/site_map.html", context)
