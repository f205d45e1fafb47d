"""What an admin user reads on a rendered screen, and the English Wagtail phrases in it.

``visible_texts`` collects the text nodes of the page (``<template>`` content
included: the admin's JavaScript shows it), the attributes a user reads
(placeholder, title, aria-label, alt, tooltips, button values) and every string
value of the ``application/json`` scripts (``wagtailConfig`` and the editor's
widget data, rendered by JavaScript). Other scripts and styles are skipped.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

# Phrases of Wagtail's English admin an editor would meet on the screens of the
# editor's journey; each is matched as whole words, case-sensitively.
ENGLISH_PHRASES = [
    "Save draft",
    "Publish",
    "Unpublish",
    "Promote",
    "Content",
    "Settings",
    "Documents",
    "Document",
    "Images",
    "Snippets",
    "Reports",
    "Help",
    "Workflows",
    "Workflow tasks",
    "Locked pages",
    "Aging pages",
    "Site history",
    "Filter",
    "Sort menu order",
    "Comments",
    "Preview",
    "Upload",
    "The page title as you'd like it to be seen by the public",
    "Dashboard",
    "Pages",
    "Collections",
    "Redirects",
    "Users",
    "Groups",
    "Edit",
    "Delete",
    "Copy",
    "Move",
    "Add child page",
    "History",
    "Revisions",
    "Compare",
    "Revert",
    "Published",
    "Draft",
    "Live",
    "Submit for moderation",
    "Approve",
    "Request changes",
    "In moderation",
    "Cancel",
    "Choose a page",
    "Status",
    "Owner",
    "Privacy",
    "Go-live date",
    "Expiry date",
    "Account",
    "Log out",
    "Add an image",
    "Add a document",
    "Sort by",
    "Actions",
    "More options",
    "Updated",
    "Type",
    "Title",
    "Search",
    "View live",
    "Toggle sidebar",
    "Notifications",
    "Language and region",
    "Profile",
    "Password",
    "Clear",
    "Apply",
    "Add filter",
    "No results",
    "Choose",
    "Yes",
    "No",
    "Back",
    "Close",
    "Page",
    "Sign in",
    "Slug",
    "Root",
    "Moderators approval",
    "File",
    "Forgotten password?",
    # Labels Wagtail derives from attribute names (pages.admin_sites).
    "Site name",
    "Port",
    "Root page",
]

_PATTERNS = {
    p: re.compile(r"(?<![\w-])" + re.escape(p) + r"(?![\w-])") for p in ENGLISH_PHRASES
}
_READ_ATTRIBUTES = {
    "placeholder",
    "title",
    "aria-label",
    "aria-description",
    "alt",
    "data-w-tooltip-content-value",
    "data-w-dialog-title-value",
}
_BUTTON_INPUTS = {"submit", "button", "reset"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._skip = 0
        self._json = False
        self._json_parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in _READ_ATTRIBUTES & attributes.keys():
            if attributes[name]:
                self.texts.append(attributes[name])
        if tag == "input" and (attributes.get("type") or "") in _BUTTON_INPUTS:
            self.texts.append(attributes.get("value") or "")
        if tag == "script":
            if (attributes.get("type") or "") == "application/json":
                self._json = True
            else:
                self._skip += 1
        elif tag in {"style", "svg"}:
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "script" and self._json:
            self._json = False
            self.texts.extend(_json_strings("".join(self._json_parts)))
            self._json_parts = []
        elif tag in {"script", "style", "svg"} and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if self._json:
            self._json_parts.append(data)
        elif not self._skip and data.strip():
            self.texts.append(data)


def _json_strings(raw: str) -> list[str]:
    try:
        data = json.loads(raw)
    except ValueError:
        return [raw]
    found: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            # A value may itself be HTML (a rendered widget): read its text.
            found.extend(visible_texts(item) if "<" in item else [item])
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def visible_texts(html: str) -> list[str]:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return [" ".join(t.split()) for t in collector.texts if t.strip()]


def english_phrases(html: str) -> dict[str, str]:
    """Each English phrase found, with the first text it was found in."""
    found: dict[str, str] = {}
    for text in visible_texts(html):
        for phrase, pattern in _PATTERNS.items():
            if phrase not in found and pattern.search(text):
                found[phrase] = text[:120]
    return found
