"""Sweep the admin as the portal's non-superuser roles, and walk their journeys.

    cp demo.sqlite3 /tmp/x/roles.sqlite3   # it changes the database: use a copy
    DATABASE_URL=sqlite:////tmp/x/roles.sqlite3 .venv/bin/python bench/admin_roles.py \
        [--fuzz] [--posts] [--roles editor,moderator,...] [--reached FILE]
    (--roles "" walks the journey alone)

``bench/admin_sweep.py`` crawls as a superuser (and GETs as two roles); real
editors are not superusers. For each role of ``ROLES`` (one user in that group;
"noaccess" is an active user in no group) this runs, on top of the crawl of
``admin_sweep.Sweep``:

- every address the superuser reached, requested as that role: each answer
  >= 500, each English string on what it shows (a 403 and 404 page too), and each
  403 whose page is not the portal's Vietnamese one (``RAW_403``);
- with --fuzz, the broken ids and query parameters; with --posts, the broken
  form posts of every form that role reached;
- the journey (``JOURNEY``): what an editor must be able to do (create a
  Quyết định in "Văn bản", edit it, see and compare its revisions, submit it,
  upload an image and a document, choose an image for an exemplar) and an
  approver (approve it, which publishes). Each step that fails is a finding.

Prints every finding, then one line per kind with its count.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from admin_sweep import Sweep, english_words, login, shape  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from tests.admin.forms import form_values  # noqa: E402
from tests.i18n.visible import visible_texts  # noqa: E402

ROLES = {
    "editor": "Biên tập viên",
    "moderator": "Lãnh đạo duyệt",
    "manager": "Quản trị",
    "general-editor": "Biên tập viên nội dung chung",
    "general-moderator": "Người duyệt nội dung chung",
    "noaccess": None,
}
# Django's own 403 page ("403 Forbidden") or Wagtail's English refusal.
RAW_403 = re.compile(r"403 Forbidden|Permission denied|do not have permission", re.I)


def role_client(role: str) -> Client:
    User = get_user_model()
    user, _ = User.objects.get_or_create(
        username=f"roles-{role}",
        defaults={"first_name": "Văn B", "last_name": "Trần", "is_active": True},
    )
    user.groups.set([Group.objects.get(name=ROLES[role])] if ROLES[role] else [])
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


class RoleSweep(Sweep):
    def __init__(self, per_shape: int) -> None:
        super().__init__(per_shape)
        self.raw_403: list[tuple[str, str]] = []
        self.journey: list[tuple[str, str]] = []

    def probe(self, client: Client, role: str, urls: list[str]) -> None:
        """The superuser's addresses as ``role`` (one of a shape): what a
        refused user reads."""
        shapes = set()
        for url in urls:
            if shape(url) in shapes:
                continue
            shapes.add(shape(url))
            response = self.get(client, role, url)
            html = response.content.decode(errors="replace")
            if response.status_code in (200, 403, 404) and "html" in response.get(
                "Content-Type", ""
            ):
                self.note_english(role, url, html)
            if response.status_code == 403 and RAW_403.search(html):
                self.raw_403.append((role, url))

    def step(self, role: str, name: str, ok: bool, detail: str = "") -> bool:
        if not ok:
            self.journey.append((role, f"{name} {detail}".strip()))
            print(f"!! {role} cannot: {name} {detail}", file=sys.stderr)
        return ok


def png() -> bytes:
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def decision_data(html: str, number: int) -> dict:
    from documents.models import IssuingBody

    data = form_values(html)
    data.update(
        title="Quyết định về việc kiểm tra quyền biên tập",
        slug=f"quyet-dinh-kiem-tra-{number}",
        number=str(number),
        symbol="QĐ-UBND",
        issuing_body=str(IssuingBody.objects.order_by("pk").first().pk),
        place="Tam Đường",
        issued_date="2025-03-14",
        summary="Về việc kiểm tra quyền biên tập",
        status="con_hieu_luc",
        signing_authority="TM.",
        signer_position="Chủ tịch",
    )
    return data


def walk_editor(sweep: RoleSweep, editor: Client, role: str):
    """Create, edit, compare, submit a Quyết định; upload an image and a file."""
    from wagtail.images import get_image_model

    from pages.models import DecisionPage, DocumentIndexPage, ExemplarPage

    section = DocumentIndexPage.objects.live().first()
    add = f"/admin/pages/add/pages/decisionpage/{section.pk}/"
    response = editor.get(add)
    if not sweep.step(
        role, "open the new Quyết định form", response.status_code == 200
    ):
        return None
    number = 9000 + len(role)
    data = decision_data(response.content.decode(), number)
    editor.post(add, data)
    page = DecisionPage.objects.filter(number=number).first()
    if not sweep.step(role, "save a new Quyết định", page is not None):
        return None
    edit = f"/admin/pages/{page.pk}/edit/"
    data = form_values(editor.get(edit).content.decode())
    data["summary"] = "Về việc kiểm tra quyền biên tập (sửa)"
    editor.post(edit, data)
    sweep.step(role, "edit it", page.revisions.count() >= 2)
    history = editor.get(f"/admin/pages/{page.pk}/history/")
    sweep.step(role, "see its history", history.status_code == 200)
    first, last = page.revisions.order_by("pk")[:2]
    compare = f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{last.pk}/"
    sweep.step(role, "compare revisions", editor.get(compare).status_code == 200)
    preview = editor.get(f"/admin/pages/{page.pk}/edit/preview/")
    sweep.step(role, "preview it", preview.status_code == 200)
    data = form_values(editor.get(edit).content.decode())
    data["action-submit"] = "1"
    editor.post(edit, data)
    page.refresh_from_db()
    sweep.step(role, "submit it for review", page.workflow_in_progress)
    Image = get_image_model()
    before = Image.objects.count()
    upload = SimpleUploadedFile("anh.png", png(), content_type="image/png")
    editor.post("/admin/images/add/", {"title": "Ảnh kiểm tra", "file": upload})
    sweep.step(role, "upload an image", Image.objects.count() > before)
    chooser = editor.get("/admin/images/chooser/")
    listed = chooser.status_code == 200 and "data-chooser-modal-choice" in str(
        chooser.json().get("html", "")
    )
    sweep.step(role, "choose an image of the library", listed)
    exemplar = ExemplarPage.objects.first()
    panel = editor.get(f"/admin/pages/{exemplar.pk}/edit/").content.decode()
    sweep.step(role, "see the photo field of an exemplar", 'name="photo"' in panel)
    from wagtail.documents import get_document_model

    Document = get_document_model()
    before = Document.objects.count()
    upload = SimpleUploadedFile("dinh-kem.txt", "Nội dung".encode(), "text/plain")
    editor.post("/admin/documents/add/", {"title": "Tệp kiểm tra", "file": upload})
    sweep.step(role, "upload a document", Document.objects.count() > before)
    return page


def walk_moderator(sweep: RoleSweep, moderator: Client, role: str, page) -> None:
    from wagtail.models import TaskState

    state = TaskState.objects.filter(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    ).first()
    if not sweep.step(role, "find the submitted page in review", state is not None):
        return
    home = moderator.get("/admin/").content.decode()
    sweep.step(role, "see it on the dashboard", page.title in home)
    history = moderator.get(f"/admin/pages/{page.pk}/history/")
    sweep.step(role, "see its history", history.status_code == 200)
    review = moderator.get(f"/admin/pages/{page.pk}/workflow_history/")
    sweep.step(role, "see its review history", review.status_code == 200)
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/"
    moderator.post(url, {"comment": ""})
    page.refresh_from_db()
    sweep.step(role, "approve it (publishes)", page.live)


def walk_noaccess(sweep: RoleSweep, client: Client, role: str) -> None:
    response = client.get("/admin/", follow=True)
    texts = [t for t in visible_texts(response.content.decode()) if english_words(t)]
    sweep.step(role, "be told in Vietnamese that the admin is closed", not texts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-shape", type=int, default=2)
    parser.add_argument("--fuzz", action="store_true")
    parser.add_argument("--posts", action="store_true")
    parser.add_argument("--roles", default=",".join(ROLES))
    parser.add_argument("--no-journey", action="store_true")
    parser.add_argument("--reached", help="the superuser's addresses (kept here)")
    args = parser.parse_args()
    setup_test_environment()
    sweep = RoleSweep(args.per_shape)
    saved = Path(args.reached) if args.reached else None
    if args.roles == "":
        reached = []  # the journey alone
    elif saved and saved.exists():
        reached = saved.read_text().split()
    else:
        reached = Sweep(args.per_shape).crawl(login("superuser"), "superuser")
        if saved:
            saved.write_text("\n".join(reached))
    print(f"# superuser: {len(reached)} screens", file=sys.stderr)
    posts = 0
    for role in filter(None, args.roles.split(",")):
        client = role_client(role)
        own = RoleSweep(args.per_shape)
        visited = own.crawl(client, role)
        sweep.probe(client, role, [u for u in reached if u not in visited])
        print(f"# {role}: {len(visited)} screens", file=sys.stderr)
        if args.fuzz:
            sweep.fuzz(client, role, visited)
        if args.posts:
            own.forms = {s: (role, a, f) for s, (_r, a, f) in own.forms.items()}
            posts += own.posts(client)
        for key, value in own.english.items():
            sweep.english.setdefault(key, value)
        sweep.errors += own.errors
    if not args.no_journey:
        page = walk_editor(sweep, role_client("editor"), "editor")
        if page is not None:
            walk_moderator(sweep, role_client("moderator"), "moderator", page)
        walk_noaccess(sweep, role_client("noaccess"), "noaccess")
    report(sweep, posts)


def report(sweep: RoleSweep, posts: int) -> None:
    print(f"## English strings: {len(sweep.english)}")
    for text, (role, url, urls) in sorted(sweep.english.items(), key=lambda kv: kv[1]):
        print(f"{role}\t{url}\t({len(urls)} urls)\t{text!r}")
    print(f"## Errors >= 500: {len(sweep.errors)} (posts: {posts})")
    for role, method, status, url in sweep.errors:
        print(f"{role}\t{method}\t{status}\t{url[:200]}")
    print(f"## Raw 403 pages: {len(sweep.raw_403)}")
    for role, url in sweep.raw_403:
        print(f"{role}\t{url}")
    print(f"## Journey steps failed: {len(sweep.journey)}")
    for role, step in sweep.journey:
        print(f"{role}\t{step}")
    counts = Counter(
        english=len(sweep.english),
        errors=len(sweep.errors),
        raw_403=len(sweep.raw_403),
        journey=len(sweep.journey),
    )
    print(f"## Findings: {sum(counts.values())} {dict(counts)}")


if __name__ == "__main__":
    main()
