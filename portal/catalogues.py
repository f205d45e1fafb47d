"""Compile and check the project's gettext catalogues (``locale/**/LC_MESSAGES/*.po``).

The catalogues in ``locale/`` translate Wagtail's own apps into Vietnamese; they
are listed in ``LOCALE_PATHS`` so they win over the catalogues Wagtail ships.
The ``.mo`` files are build products: ``make`` runs ``python -m portal.catalogues``
before serving or testing, which compiles every ``.po`` newer than its ``.mo``
with polib (pure Python, so no ``msgfmt`` is needed on a fresh machine).

``python -m portal.catalogues --check`` reports untranslated or fuzzy entries and
placeholder mismatches instead and exits non-zero when there are any.

Imports nothing from Django or the project's apps: settings and the Makefile use it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

# printf-style (%(name)s, %s, %d), str.format-style ({name}, {}), HTML tags and
# entities: a translation must carry exactly the ones its source carries.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}|</?[a-zA-Z][^>]*>|&\w+;")

# The tone mark on the main vowel, as most government texts place it: "hòa",
# "thủy", "khỏe", not "hoà", "thuỷ", "khoẻ" (a mark on the final vowel of an
# open "oa", "oe", "uy" syllable).
OLD_TONE_PLACEMENT = re.compile(
    r"(?i)(?:o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])"
    r"(?![a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ])"
)


def catalogue_files(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Every ``.po`` file under ``locale_dir``, in a stable order."""
    return sorted(locale_dir.glob("**/LC_MESSAGES/*.po"))


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


@dataclass(frozen=True)
class Problem:
    path: Path
    msgid: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}: {self.msgid!r}"


def entry_problems(path: Path, entry: polib.POEntry) -> list[Problem]:
    """What is wrong with one catalogue entry (nothing for a good one)."""
    if entry.obsolete:
        return []
    if "fuzzy" in entry.flags:
        return [Problem(path, entry.msgid, "fuzzy")]
    if entry.msgid_plural:
        translations = [
            entry.msgstr_plural.get(k, "") for k in sorted(entry.msgstr_plural)
        ]
        sources = (placeholders(entry.msgid), placeholders(entry.msgid_plural))
    else:
        translations = [entry.msgstr]
        sources = (placeholders(entry.msgid),)
    if not translations or any(not t.strip() for t in translations):
        return [Problem(path, entry.msgid, "untranslated")]
    # Vietnamese has a single plural form, which stands for the source's plural
    # ("%(count)s pages") and may therefore drop a singular's literal "1".
    problems = [
        Problem(path, entry.msgid, f"placeholders differ in {t!r}")
        for t in translations
        if placeholders(t) not in sources
    ]
    problems += [
        Problem(path, entry.msgid, f"old-style tone placement in {t!r}")
        for t in translations
        if OLD_TONE_PLACEMENT.search(t)
    ]
    return problems


def check_file(path: Path) -> list[Problem]:
    catalogue = polib.pofile(str(path))
    problems = [p for e in catalogue for p in entry_problems(path, e)]
    plural_forms = catalogue.metadata.get("Plural-Forms", "")
    if path.parts[-3] == "vi" and "nplurals=1" not in plural_forms.replace(" ", ""):
        problems.append(Problem(path, "", "Plural-Forms must say nplurals=1"))
    return problems


def compile_file(path: Path, force: bool = False) -> bool:
    """Write ``path``'s ``.mo`` beside it when missing or older; True if written."""
    target = path.with_suffix(".mo")
    if not force and target.exists() and target.stat().st_mtime >= path.stat().st_mtime:
        return False
    polib.pofile(str(path)).save_as_mofile(str(target))
    return True


def compile_all(locale_dir: Path = LOCALE_DIR, force: bool = False) -> int:
    return sum(compile_file(p, force) for p in catalogue_files(locale_dir))


def main(argv: list[str]) -> int:
    unknown = [arg for arg in argv if arg not in ("--check", "--force")]
    if unknown:
        print(f"unknown option {unknown[0]!r}; use --check or --force", file=sys.stderr)
        return 2
    if "--check" in argv:
        problems = [p for f in catalogue_files() for p in check_file(f)]
        for problem in problems:
            print(problem)
        print(f"{len(catalogue_files())} catalogues, {len(problems)} problems")
        return 1 if problems else 0
    written = compile_all(force="--force" in argv)
    print(f"catalogues: {written} compiled, {len(catalogue_files())} in locale/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
