"""Sweep the admin of a demo database for English an editor reads and for 500s.

    DATABASE_URL=sqlite:////tmp/x/db.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py load_demo
    DATABASE_URL=... .venv/bin/python bench/admin_sweep.py [--fuzz] [--posts] [--dump F]

(--posts changes the database: run it on a copy.)

Logs in (Django test client, forced login) as a superuser, a member of
"Biên tập viên" and of "Lãnh đạo duyệt" (users created when missing), crawls
every /admin/ address reachable from /admin/ (links, and the addresses in the
sidebar's JSON; GET only; at most --per-shape URLs of one shape, ids replaced
by N), and prints each English-looking string the user
reads (text, title/aria-label/placeholder/alt, button values, options, JSON
config strings) with the first URL showing it. --fuzz (superuser, editor)
requests each URL shape with each id replaced by "abc", "999999", "1.5" and
with broken query parameters (QUERIES); --posts posts each form found with
broken values (every field "abc", "999999", 3000 × "x"; each hidden or select
field "abc" or missing). Every response >= 500 is listed. Findings of
2026-12-07: /work/team/notes/admin_sweep.md. The same sweep as each
non-superuser role, with their journeys: ``bench/admin_roles.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from bs4 import BeautifulSoup  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from tests.i18n.visible import visible_texts  # noqa: E402

# Common English words of an admin's interface; none is a Vietnamese syllable
# written without marks. Matched as whole words, case-insensitively.
ENGLISH_WORDS = set(
    """add edit delete save cancel search choose page pages status live draft
    settings users user groups group can permission permissions yes filter sort
    previous next the and you your this with from have has been will are was
    of is for by not all any none select selected view create update remove
    upload download submit close back more less show hide clear apply reset
    title name date time type owner created updated published unpublished
    publish unpublish preview history revisions revision compare revert copy
    move children child parent site sites collection collections image images
    document documents snippet snippets workflow workflows task tasks report
    reports locked lock unlock aging comment comments reply resolve password
    email login logout account profile language region notifications help
    dashboard explorer menu toggle sidebar options actions action enabled
    disabled active inactive true false items item results result found
    showing entries first last loading error errors warning success required
    field invalid enter please must should could would there here what which
    when where who why how items per order ordering ascending descending
    expand collapse minimize maximize""".split()
)
IGNORED = {"wagtail", "pdf", "docx", "url", "id", "api", "json", "html", "ok"}
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
ROLES = {"editor": "Biên tập viên", "moderator": "Lãnh đạo duyệt"}
LONG_Q = "văn bản " * 700
QUERIES = [
    "?p=abc",
    "?p=99999",
    "?ordering=xyz",
    "?q=" + LONG_Q,
    "?q=%00",
    "?collection_id=abc",
    "?locale=xx",
    "?content_type=abc",
    "?timestamp=abc",
    "?status=xyz",
    "?user=abc",
    "?page_type=abc",
]
ADDRESS = re.compile(r"(?<=[\"'])/admin/[\w\-./?=&;%]*(?=[\"'])")
SKIP = re.compile(r"/logout/|/admin/reports/.*\.(csv|xlsx)|export=|/jsi18n/")


def english_words(text: str) -> list[str]:
    words = [w for w in WORD.findall(text) if w.lower() not in IGNORED]
    hits = [w for w in words if w.lower().split("'")[0] in ENGLISH_WORDS]
    # Words inside a Vietnamese sentence (a document title quoted) are rarer
    # than English UI strings; require an English word and no Vietnamese mark
    # or at least two English words.
    if re.fullmatch(r"w-[a-z-]+( w-[a-z-]+)*", text):
        return []  # Stimulus controller names ("w-kbd w-action") in the menu's JSON
    if " " not in text and (text.islower() or re.search(r"[/_.#:]", text)):
        return []  # an identifier, a path or a CSS class in a JSON value
    if " " not in text and len(text) > 30:
        return []  # a token
    marked = re.search(r"[^\x00-\x7f]", text)
    if hits and (not marked or len(hits) >= 2):
        return hits
    return []


def shape(url: str) -> str:
    path, _, query = url.partition("?")
    path = re.sub(r"/\d+(?=/)", "/N", path)
    path = re.sub(r"/[0-9a-f]{32}(?=/)", "/H", path)
    keys = sorted(k.split("=")[0] for k in query.split("&") if k)
    return path + ("?" + "&".join(keys) if keys else "")


def login(role: str) -> Client:
    User = get_user_model()
    client = Client(raise_request_exception=False)
    if role == "superuser":
        user = User.objects.filter(is_superuser=True).first()
    else:
        user, _ = User.objects.get_or_create(
            username=f"sweep-{role}",
            defaults={
                "first_name": "Văn A",
                "last_name": "Nguyễn",
                "email": f"{role}@example.invalid",
            },
        )
        user.groups.set([Group.objects.get(name=ROLES[role])])
    client.force_login(user)
    return client


class Sweep:
    def __init__(self, per_shape: int) -> None:
        self.per_shape = per_shape
        self.english: dict[str, tuple[str, str, set]] = {}
        self.errors: list[tuple[str, str, int, str]] = []
        self.texts: dict[str, tuple[str, str]] = {}
        self.forms: dict[str, tuple[str, str, list]] = {}

    def note_english(self, role: str, url: str, html: str) -> None:
        for text in visible_texts(html):
            self.texts.setdefault(text[:300], (role, url))
            hits = english_words(text)
            if hits:
                key = text[:160]
                if key not in self.english:
                    self.english[key] = (role, url, set())
                self.english[key][2].add(url)

    def get(self, client, role, url):
        response = client.get(url, HTTP_ACCEPT="text/html")
        if response.status_code >= 500:
            self.errors.append((role, "GET", response.status_code, url))
            print(f"!! {role} GET {response.status_code} {url[:200]}", file=sys.stderr)
        return response

    def crawl(self, client: Client, role: str) -> list[str]:
        seen_shapes: dict[str, int] = defaultdict(int)
        queue, seen, visited = ["/admin/"], {"/admin/"}, []
        while queue:
            url = queue.pop(0)
            response = self.get(client, role, url)
            visited.append(url)
            if response.status_code in (301, 302):
                target = response.get("Location", "")
                if target.startswith("/admin/") and target not in seen:
                    seen.add(target)
                    queue.append(target)
                continue
            content_type = response.get("Content-Type", "")
            if response.status_code != 200:
                continue
            if "json" in content_type:
                try:
                    data = response.json()
                except ValueError:
                    data = {}
                html = (data.get("html") if isinstance(data, dict) else "") or ""
            elif "html" in content_type:
                html = response.content.decode()
            else:
                continue
            self.note_english(role, url, html)
            soup = BeautifulSoup(html, "lxml")
            for form in soup.find_all("form"):
                method = (form.get("method") or "get").lower()
                action = form.get("action") or url
                if method == "post" and action.startswith("/admin/"):
                    self.forms.setdefault(shape(action), (role, action, form))
            # Links, and the addresses in the sidebar's JSON (rendered by JS).
            hrefs = [a["href"] for a in soup.find_all("a", href=True)]
            hrefs += [h.replace("&amp;", "&") for h in ADDRESS.findall(html)]
            for href in hrefs:
                href = urldefrag(href)[0]
                if not href.startswith("/admin/") or SKIP.search(href) or href in seen:
                    continue
                s = shape(href)
                if seen_shapes[s] >= self.per_shape:
                    continue
                seen_shapes[s] += 1
                seen.add(href)
                queue.append(href)
        return visited

    def fuzz(self, client: Client, role: str, urls: list[str]) -> int:
        tried = set()
        for url in urls:
            path = urlsplit(url).path
            variants = []
            ids = list(re.finditer(r"/(\d+)(?=/)", path))
            for m in ids:
                for bad in ("abc", "999999", "1.5"):
                    variants.append(path[: m.start(1)] + bad + path[m.end(1) :])
            for query in QUERIES:
                variants.append(path + query)
            for v in variants:
                if shape(v) + v[-12:] in tried:
                    continue
                tried.add(shape(v) + v[-12:])
                self.get(client, role, v)
        return len(tried)

    def posts(self, client: Client) -> int:
        count = 0
        for _s, (role, action, form) in sorted(self.forms.items()):
            if re.search(
                r"logout|/delete/|/unpublish/|/move/|/revisions/|/lock/|/unlock/",
                action,
            ):
                continue
            base = {}
            for field in form.find_all(["input", "select", "textarea"]):
                name = field.get("name")
                if not name:
                    continue
                if field.name == "select":
                    option = field.find("option", selected=True) or field.find("option")
                    base[name] = option.get("value", "") if option else ""
                elif field.get("type") in ("checkbox", "radio") and not field.has_attr(
                    "checked"
                ):
                    continue
                elif field.get("type") == "file":
                    continue
                else:
                    base[name] = field.get("value") or field.get_text() or ""
            hidden = [
                f.get("name")
                for f in form.find_all(["input", "select"])
                if f.get("name") in base
                and (f.name == "select" or f.get("type") == "hidden")
                and f.get("name") != "csrfmiddlewaretoken"
            ]
            attempts = [{k: bad for k in base} for bad in ("abc", "999999", "x" * 3000)]
            attempts += [dict(base, **{k: "abc"}) for k in hidden[:40]]
            attempts += [
                {k: v for k, v in base.items() if k != name} for name in hidden[:20]
            ]
            for data in attempts:
                data.pop("csrfmiddlewaretoken", None)
                response = client.post(action, data)
                count += 1
                if response.status_code >= 500:
                    changed = sorted(k for k in base if data.get(k) != base[k])[:3]
                    self.errors.append(
                        (role, f"POST {changed}", response.status_code, action)
                    )
        return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-shape", type=int, default=2)
    parser.add_argument("--fuzz", action="store_true")
    parser.add_argument("--posts", action="store_true")
    parser.add_argument("--dump", help="write every visible text (JSON) here")
    parser.add_argument("--roles", default="superuser,editor,moderator")
    args = parser.parse_args()
    setup_test_environment()
    sweep = Sweep(args.per_shape)
    for role in args.roles.split(","):
        client = login(role)
        visited = sweep.crawl(client, role)
        print(f"# {role}: {len(visited)} screens", file=sys.stderr)
        if args.fuzz and role != "moderator":
            print(
                f"# {role}: {sweep.fuzz(client, role, visited)} fuzzed URLs",
                file=sys.stderr,
            )
    if args.posts:
        print(f"# posts: {sweep.posts(login('superuser'))}", file=sys.stderr)
    if args.dump:
        Path(args.dump).write_text(json.dumps(sweep.texts, ensure_ascii=False))
    print(f"## English strings: {len(sweep.english)}")
    for text, (role, url, urls) in sorted(
        sweep.english.items(), key=lambda kv: kv[1][1]
    ):
        print(f"{role}\t{url}\t({len(urls)} urls)\t{text!r}")
    print(f"## Errors >= 500: {len(sweep.errors)}")
    for role, method, status, url in sweep.errors:
        print(f"{role}\t{method}\t{status}\t{url[:200]}")


if __name__ == "__main__":
    main()
