"""Django's own Vietnamese validation messages, as the project's catalogue
corrects them (locale/django): "số nguyên", no space before the period, "ký tự"."""

import pytest
from django import forms
from django.utils import translation


class NumberForm(forms.Form):
    number = forms.IntegerField(min_value=0, max_value=99999)
    name = forms.CharField(max_length=5, min_length=2)


def _errors(data: dict) -> list[str]:
    with translation.override("vi"):
        form = NumberForm(data)
        form.is_valid()
        return [str(m) for messages in form.errors.values() for m in messages]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"number": "abc", "name": "ab"}, "Nhập một số nguyên."),
        ({"number": "-5", "name": "ab"}, "Giá trị này phải lớn hơn hoặc bằng 0."),
        (
            {"number": "100000", "name": "ab"},
            "Giá trị này phải nhỏ hơn hoặc bằng 99999.",
        ),
        (
            {"number": "1", "name": "abcdefg"},
            "Giá trị này chỉ được có tối đa 5 ký tự (hiện có 7).",
        ),
        (
            {"number": "1", "name": "a"},
            "Giá trị này phải có ít nhất 2 ký tự (hiện có 1).",
        ),
    ],
)
def test_messages_read_naturally(data, expected):
    assert _errors(data) == [expected]


def test_no_stray_space_or_old_spelling():
    for text in _errors({"number": "-5", "name": "abcdefg"}):
        assert " ." not in text
        assert "kí tự" not in text
