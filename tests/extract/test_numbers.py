"""Numerals as plans write them."""

from __future__ import annotations

import pytest

from actionplan.extract.numbers import find_numbers, parse_number, parse_percent


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1000", 1000),
        ("10,000", 10_000),
        ("1,234,567.5", 1_234_567.5),
        ("6.5", 6.5),
        ("1000万", 10_000_000),
        ("6.5亿", 650_000_000),
        ("1.15万亿", 1.15e12),
        ("3千万", 30_000_000),
        ("5百万", 5_000_000),
        ("1.1万", 11_000),
        ("一百五十", 150),
        ("两千万", 20_000_000),
        ("三千零五", 3005),
        ("十二", 12),
        ("十", 10),
        ("一万亿", 1e12),
        ("一亿五千万", 150_000_000),
        ("两", 2),
        ("一点五亿", 150_000_000),
        ("二〇二〇", 2020),
        ("零点五", 0.5),
    ],
)
def test_it_reads_arabic_and_chinese_numerals_with_magnitudes(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_decimal_magnitudes_are_exact_not_float_noise() -> None:
    assert parse_number("1.1万") == 11000.0
    assert parse_number("24.1") == 24.1


@pytest.mark.parametrize("text", ["", "abc", "万", "1.2.3", "12x"])
def test_it_refuses_what_is_not_a_numeral(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("23%", 23), ("23％", 23), ("百分之二十三", 23), ("百分之5.5", 5.5), ("30 per cent", 30)],
)
def test_it_reads_percentages_as_the_number_of_percent(text: str, value: float) -> None:
    assert parse_percent(text) == pytest.approx(value)


def test_it_finds_every_numeral_with_its_place() -> None:
    text = "达到6.5亿吨和一百五十条"
    found = find_numbers(text)
    assert [(text[a:b], v) for a, b, v in found] == [("6.5亿", 650_000_000), ("一百五十", 150)]
