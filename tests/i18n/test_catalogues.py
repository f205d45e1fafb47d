"""The project's Vietnamese catalogues: complete, well-formed and the ones in use.

Every entry of every catalogue in ``locale/`` must be translated, not fuzzy, and
carry exactly the placeholders and HTML of its source; each catalogue must cover
every message of the Wagtail app it translates (a Wagtail upgrade that adds
strings fails here until they are translated); and Django must read the
project's catalogues before Wagtail's own, for templates and for the admin's
JavaScript catalogue alike.
"""

import datetime
import importlib
import json
from pathlib import Path

import polib
import pytest
import wagtail
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.timesince import timesince

from portal.catalogues import (
    LOCALE_DIR,
    catalogue_files,
    check_file,
    compile_file,
    entry_problems,
)

WAGTAIL_DIR = Path(wagtail.__file__).resolve().parent
CATALOGUES = catalogue_files()
DJANGO_PARTS = [
    "conf/locale",
    "contrib/auth/locale",
    "contrib/contenttypes/locale",
    "contrib/sessions/locale",
    "contrib/sites/locale",
]


def _name(path: Path) -> str:
    """'wagtail/core/django.po', 'taggit/django.po', ... for test ids."""
    return (
        path.relative_to(LOCALE_DIR).parent.parent.parent.as_posix() + "/" + path.name
    )


def _required(path: Path) -> tuple[Path, set]:
    """The catalogue ``path`` translates and the messages it must hold."""
    package, *app = path.relative_to(LOCALE_DIR).parent.parent.parent.parts
    module = importlib.import_module(package)
    base = Path(module.__file__).resolve().parent
    if package == "wagtail" and app != ["core"]:
        base = base.joinpath(*app)
    if package == "django":
        # What Django's own vi catalogues (core and the contrib apps the portal
        # installs) leave untranslated or lack.
        source = base / "conf/locale"
        entries = []
        for part in DJANGO_PARTS:
            english = polib.pofile(str(base / part / "en/LC_MESSAGES" / path.name))
            vietnamese = polib.pofile(str(base / part / "vi/LC_MESSAGES" / path.name))
            done = {(e.msgctxt, e.msgid) for e in vietnamese.translated_entries()}
            entries += [e for e in english if (e.msgctxt, e.msgid) not in done]
    else:
        # django-filter ships no "en" catalogue; every catalogue has all msgids.
        sources = sorted((base / "locale").glob(f"*/LC_MESSAGES/{path.name}"))
        english = base / "locale/en/LC_MESSAGES" / path.name
        source = english if english.exists() else sources[0]
        entries = list(polib.pofile(str(source)))
    return source, {(e.msgctxt, e.msgid) for e in entries if e.msgid and not e.obsolete}


def test_every_catalogue_is_on_locale_paths():
    paths = {Path(p).resolve() for p in settings.LOCALE_PATHS}
    assert CATALOGUES, "no catalogue in locale/"
    for path in CATALOGUES:
        assert path.parents[2].resolve() in paths, path


@pytest.mark.parametrize("path", CATALOGUES, ids=_name)
def test_catalogue_is_complete_and_well_formed(path):
    problems = check_file(path)
    assert problems == [], "\n".join(map(str, problems))


@pytest.mark.parametrize("path", CATALOGUES, ids=_name)
def test_catalogue_covers_every_upstream_message(path):
    source, required = _required(path)
    ours = {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}
    missing = sorted(msgid for _, msgid in required - ours)
    assert required, f"nothing to translate in {source}"
    assert missing == [], f"{len(missing)} messages of {source} missing: {missing}"


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        (polib.POEntry(msgid="Save draft", msgstr=""), "untranslated"),
        (
            polib.POEntry(msgid="Save draft", msgstr="Lưu nháp", flags=["fuzzy"]),
            "fuzzy",
        ),
        (
            polib.POEntry(msgid="Page '%(title)s' saved", msgstr="Đã lưu trang"),
            "placeholders differ",
        ),
        (
            polib.POEntry(msgid="<b>{title}</b> locked", msgstr="{title} đang khóa"),
            "placeholders differ",
        ),
        (polib.POEntry(msgid="Unpublish", msgstr="Huỷ xuất bản"), "old-style tone"),
        (polib.POEntry(msgid="Agree", msgstr="Đồng ý, hoà giải"), "old-style tone"),
        (
            polib.POEntry(
                msgid="%(count)s page",
                msgid_plural="%(count)s pages",
                msgstr_plural={0: "%(total)s trang"},
            ),
            "placeholders differ",
        ),
    ],
)
def test_the_check_finds_bad_entries(entry, reason):
    problems = entry_problems(Path("x.po"), entry)
    assert [p.reason.startswith(reason) for p in problems] == [True]


def test_new_style_tone_placement_passes():
    for text in ("Hủy xuất bản", "hòa giải", "Thủy lợi", "ngoài", "khuya", "Hoàn tất"):
        assert entry_problems(Path("x.po"), polib.POEntry(msgid="x", msgstr=text)) == []


def test_a_plural_may_drop_the_singular_one():
    entry = polib.POEntry(
        msgid="Delete 1 image",
        msgid_plural="Delete %(counter)s images",
        msgstr_plural={0: "Xóa %(counter)s hình ảnh"},
    )
    assert entry_problems(Path("x.po"), entry) == []


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # Wagtail's own vi catalogue says "Biên tập", "Xoá", "Bộ sưu tập".
        ("Edit", "Sửa"),
        ("Delete", "Xóa"),
        ("Collection", "Thư mục"),
        ("The page title as you'd like it to be seen by the public", None),
    ],
)
def test_project_catalogues_win_over_wagtails(message, expected):
    with translation.override("vi"):
        text = translation.gettext(message)
    assert text != message
    if expected:
        assert text == expected


def test_time_since_is_vietnamese():
    """Django's vi catalogue lacks these: the admin read "2 hours trước"."""
    now = datetime.datetime(2025, 6, 20, 12, 0, tzinfo=datetime.UTC)
    with translation.override("vi"):
        text = timesince(now - datetime.timedelta(days=9, hours=2), now)
    assert text.replace("\xa0", " ") == "1 tuần, 2 ngày"


def test_admin_javascript_catalogue_reads_locale_paths(client, tmp_path):
    """Wagtail's JavaScriptCatalog reads LOCALE_PATHS after its own app's files."""
    # A message Wagtail's own vi catalogue translates: the project's must win.
    msgid = (
        polib.pofile(str(WAGTAIL_DIR / "admin/locale/vi/LC_MESSAGES/djangojs.po"))
        .translated_entries()[0]
        .msgid
    )
    po = polib.POFile()
    po.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    po.append(polib.POEntry(msgid=msgid, msgstr="Chuỗi kiểm thử của dự án"))
    target = tmp_path / "vi" / "LC_MESSAGES" / "djangojs.po"
    target.parent.mkdir(parents=True)
    po.save(str(target))
    compile_file(target)
    with override_settings(LOCALE_PATHS=[tmp_path, *settings.LOCALE_PATHS]):
        response = client.get(reverse("wagtailadmin_javascript_catalog"))
    assert response.status_code == 200
    assert json.dumps("Chuỗi kiểm thử của dự án") in response.content.decode()


def test_project_javascript_catalogues_are_served(client):
    """Each message of the project's djangojs catalogues reaches the admin."""
    served = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    catalogues = [p for p in CATALOGUES if p.name == "djangojs.po"]
    for path in catalogues:
        for entry in polib.pofile(str(path)).translated_entries():
            text = entry.msgstr or entry.msgstr_plural[0]
            assert json.dumps(text) in served, entry.msgid


def test_a_message_has_one_translation_across_catalogues():
    """gettext merges all catalogues: a message shared by two apps gets one text."""
    seen: dict[tuple, tuple[str, Path]] = {}
    clashes = []
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)).translated_entries():
            if path.name != "django.po" or path.is_relative_to(LOCALE_DIR / "django"):
                continue
            key = (entry.msgctxt, entry.msgid)
            text = entry.msgstr or entry.msgstr_plural[0]
            if key in seen and seen[key][0] != text:
                clashes.append(f"{entry.msgid!r}: {seen[key]} vs {text!r} in {path}")
            seen.setdefault(key, (text, path))
    assert clashes == [], "\n".join(clashes)


def test_the_catalogue_command_refuses_an_unknown_option(capsys):
    from portal.catalogues import main

    assert main(["--bogus"]) == 2
    assert "unknown option '--bogus'" in capsys.readouterr().err
