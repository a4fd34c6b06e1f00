"""Numbers and periods as people read them, in either interface language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from actionplan.plans.templatetags.plans_ui import (
    full_number,
    is_partial_year,
    mark_sentences,
    period_label,
    short_number,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (80_000_000, "80,000,000"),
        (Decimal("43768100.000000"), "43,768,100"),
        (Decimal("23.500000"), "23.5"),
        (Decimal("0.000000"), "0"),
        (None, "—"),
        ("not a number", "—"),
    ],
)
def test_full_number_groups_every_digit_and_drops_trailing_zeros(
    value: object, expected: str
) -> None:
    assert full_number(value) == expected


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (80_000_000, "8,000万", "80 million"),
        (Decimal("43768100"), "4,376.81万", "43.7681 million"),
        (650_000_000, "6.5亿", "650 million"),
        (Decimal("1.15e12"), "1.15万亿", "1.15 trillion"),
        (24, "", ""),
    ],
)
def test_short_number_speaks_the_interface_language(value: object, zh: str, en: str) -> None:
    assert short_number(value, "zh-hans") == zh
    assert short_number(value, "en") == en


def test_period_label_names_whole_years_parts_of_years_and_days() -> None:
    with translation.override("en"):
        assert period_label(dt.date(2019, 1, 1), dt.date(2019, 12, 31)) == "2019"
        assert period_label(dt.date(2019, 1, 1), dt.date(2019, 11, 30)) == "Jan–Nov 2019"
        assert period_label(dt.date(2018, 7, 1), dt.date(2018, 7, 1)).startswith("as of ")
    with translation.override("zh-hans"):
        assert period_label(dt.date(2019, 1, 1), dt.date(2019, 11, 30)) == "2019年1–11月"


def test_a_part_of_a_year_is_partial_but_a_whole_year_or_a_day_is_not() -> None:
    assert is_partial_year(dt.date(2019, 1, 1), dt.date(2019, 11, 30))
    assert not is_partial_year(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    assert not is_partial_year(dt.date(2018, 7, 1), dt.date(2018, 7, 1))


def test_mark_sentences_escapes_the_text_and_marks_each_span_once() -> None:
    text = "甲<b>。到2020年,达到8000万人次。乙"
    start = text.index("到2020年")
    end = text.index("乙")
    html = mark_sentences(text, [(start, end), (start + 2, end - 1), (90, 99)])
    assert html.count("<mark") == 1
    assert "&lt;b&gt;" in html
    assert '<mark class="target-sentence">到2020年,达到8000万人次。</mark>乙' in html
