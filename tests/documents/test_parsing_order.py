"""The parser's output does not depend on Python's string hash seed: a title's
proper names are restored in a fixed order when two of them overlap."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from documents.parsing.heading import _capital_runs, restore_proper_names

ROOT = Path(__file__).resolve().parents[2]
# "Trưởng Ban" and "Ban Chỉ" overlap in "trưởng ban chỉ đạo": applied in one
# order they give "Trưởng Ban chỉ đạo", in the other "trưởng Ban Chỉ đạo".
BODY = "Ông A làm Trưởng Ban của tỉnh. Phiên họp của Ban Chỉ đạo nhà nước."
TITLE = "kết luận của trưởng ban chỉ đạo"
PROBE = (
    "from documents.parsing.heading import restore_proper_names as r;"
    f"print(r({TITLE!r}, {BODY!r}))"
)


def test_runs_in_text_order_each_once():
    text = "của Ban Chỉ đạo, của Ban Chỉ đạo và Trưởng Ban hay Trưởng Ban"
    assert _capital_runs(text) == ["Ban Chỉ", "Trưởng Ban"]


def test_overlapping_names_shorter_first_then_text_order():
    assert restore_proper_names(TITLE, BODY) == "Kết luận của trưởng Ban Chỉ đạo"


def test_same_title_under_every_hash_seed():
    titles = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", PROBE],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        titles.add(out.stdout.strip())
    assert titles == {"Kết luận của trưởng Ban Chỉ đạo"}
