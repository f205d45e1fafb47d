"""A dev question rewritten as the statement its answer makes.

ALQAC 2023 asks part of its questions as true-or-false statements
("Chấp hành viên là người được Nhà nước bổ nhiệm …"), a form none of the
2022 dev questions has. ``statement(text, answer)`` puts the question's
answer in place of what it asks ("… bị phạt tù lên đến bao nhiêu năm?" with
"07 năm" gives "… bị phạt tù lên đến 07 năm."), so the dev questions can be
asked in that form too (``relevance_laws.py --statements``). The rewrite is
mechanical: the first asking phrase found is replaced, a yes-or-no question
loses its "có … không", and a question with no asking phrase found gets its
answer after it.
"""

from __future__ import annotations

import re

# Asking phrases, longest first; each is replaced by the answer.
ASKING = [
    r"từ bao (?:lâu|nhiêu(?: \w+)?) đến bao (?:lâu|nhiêu(?: \w+)?)",
    r"bao nhiêu (?:năm|tháng|ngày|tuổi|lần|người|phần trăm|%)",
    r"bao nhiêu",
    r"bao lâu",
    r"như thế nào",
    r"thế nào",
    r"ra sao",
    r"những (?:gì|ai|\w+ nào)",
    r"(?:điều|việc|quyền|nghĩa vụ|trách nhiệm|hình phạt) gì",
    r"gì",
    r"(?:khi|lúc|thời điểm) nào",
    r"(?:trường hợp|lĩnh vực|hình thức|phương thức|cơ quan|tổ chức) nào",
    r"\w+ nào",
    r"ở đâu",
    r"(?:điều|khoản) mấy",
    r"mấy \w+",
    r"\bai\b",
]
PATTERN = re.compile("|".join(f"(?:{p})" for p in ASKING), re.IGNORECASE)
YES_NO = re.compile(r"^(.*?)\s*(?:hay )?không\s*\??\s*$", re.IGNORECASE | re.DOTALL)
MAX_ANSWER_WORDS = 15


def clean_answer(answer: str) -> str:
    words = " ".join(answer.split()).strip(" .;:").split()
    return " ".join(words[:MAX_ANSWER_WORDS])


def statement(text: str, answer: str) -> str:
    question = " ".join(text.split()).rstrip(" ?.")
    answer = clean_answer(answer)
    if answer.lower() in {"có", "không", "đúng", "sai"}:
        found = YES_NO.match(question)
        body = found.group(1) if found else question
        body = re.sub(r"\b[Cc]ó (?=(?:được|phải|bị|thể|quyền)\b)", "", body, count=1)
        if answer.lower() in {"không", "sai"}:
            body = re.sub(r"\b(được|phải|bị)\b", r"không \1", body, count=1)
        return body + "."
    found = PATTERN.search(question)
    if found is None:
        return f"{question}: {answer}."
    return question[: found.start()] + answer + question[found.end() :] + "."
