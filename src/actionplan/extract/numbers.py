"""Numbers as plans write them: Arabic and Chinese numerals with magnitudes.

``parse_number`` turns one numeral into a float ("1.15万亿" → 1.15e12,
"两千万" → 2e7, "一百五十" → 150, "10,000" → 10000, "三千零五" → 3005).
``NUMBER_PATTERN`` is the regular expression source of such a numeral, for use
inside larger patterns. Percentages ("23%", "百分之二十三") are handled by
``parse_percent``; the percent sign itself is a unit, not a magnitude.

Magnitude words are applied left to right the way Chinese reads them:
万 and 亿 multiply everything before them ("3千万" = 3 × 10³ × 10⁴), so
"1.15万亿" = 1.15 × 10⁴ × 10⁸. English magnitudes ("2.5 million", "3bn") are
handled by ``ENGLISH_MAGNITUDES``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

CHINESE_DIGITS: Final[dict[str, int]] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
# Units inside a section of four digits.
SMALL_UNITS: Final[dict[str, int]] = {
    "十": 10,
    "拾": 10,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
}
# Section multipliers: they scale everything read so far.
BIG_UNITS: Final[dict[str, int]] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

MAGNITUDES: Final[dict[str, int]] = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}

ENGLISH_MAGNITUDES: Final[dict[str, float]] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}

_CN_DIGIT_CHARS = "零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_CN_UNIT_CHARS = "十拾百佰千仟万萬亿億"

# An Arabic numeral: digits with optional thousands commas and a decimal part.
ARABIC_PATTERN: Final = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
# A Chinese numeral: at least one digit or unit character, starting with a
# digit or 十 (a lone 百/千/万 is a word, not a number).
CHINESE_PATTERN: Final = rf"(?:[{_CN_DIGIT_CHARS}十拾][{_CN_DIGIT_CHARS}{_CN_UNIT_CHARS}点]*)"
# Magnitude suffix after an Arabic numeral: "万", "亿", "万亿", "千万", "百万"…
MAGNITUDE_PATTERN: Final = r"(?:[十百千]?[万亿]{1,2}|[十百千])?"
NUMBER_PATTERN: Final = rf"(?:{ARABIC_PATTERN}{MAGNITUDE_PATTERN}|{CHINESE_PATTERN})"

_ARABIC_RE = re.compile(rf"({ARABIC_PATTERN})(.*)", re.DOTALL)
_NUMBER_RE = re.compile(NUMBER_PATTERN)


def _apply_magnitude(value: Decimal, suffix: str) -> float | None:
    # Decimal keeps 1.1万 at 11000 exactly instead of 11000.000000000002.
    for char in suffix:
        factor = MAGNITUDES.get(char)
        if factor is None:
            return None
        value *= factor
    return float(value)


def _parse_chinese_integer(text: str) -> int | None:
    """Read a Chinese integer such as 三千零五, 一百五十, 两千万, 十二, 1亿2千万."""
    if not text:
        return None
    total = 0  # completed 万/亿 sections
    section = 0  # the current section below 万
    digit: int | None = None
    for char in text:
        if char in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[char]
        elif char in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[char]
            digit = None
        elif char in BIG_UNITS:
            section += digit or 0
            digit = None
            big = BIG_UNITS[char]
            # 亿 scales everything read so far (一万亿 = 10¹²); 万 only its own
            # section (一亿五千万 = 1.5 × 10⁸).
            total = (total + section) * big if big > 10**4 else total + section * big
            section = 0
        else:
            return None
    return total + section + (digit or 0)


def _parse_chinese(text: str) -> float | None:
    """Chinese numerals, including decimals written with 点 ("一点五亿")."""
    if "点" in text:
        whole, _, rest = text.partition("点")
        # The fraction is a digit string, followed by the magnitude words.
        fraction_digits = ""
        index = 0
        while index < len(rest) and rest[index] in CHINESE_DIGITS:
            fraction_digits += str(CHINESE_DIGITS[rest[index]])
            index += 1
        integer = _parse_chinese_integer(whole) if whole else 0
        if integer is None or not fraction_digits:
            return None
        return _apply_magnitude(Decimal(f"{integer}.{fraction_digits}"), rest[index:])
    if all(char in CHINESE_DIGITS for char in text) and len(text) > 1:
        # Digit by digit, as in years: 二〇二〇.
        return float("".join(str(CHINESE_DIGITS[char]) for char in text))
    integer = _parse_chinese_integer(text)
    return float(integer) if integer is not None else None


def parse_number(text: str) -> float | None:
    """The value of one numeral, or None when ``text`` is not a numeral.

    Accepts Arabic digits with thousands commas and decimals, optionally
    followed by magnitude characters ("6.5亿", "1.15万亿", "3千万"), and
    Chinese numerals ("一百五十", "两千万", "三千零五", "十二", "一点五亿").
    """
    text = text.strip().replace("，", ",")
    if not text:
        return None
    match = _ARABIC_RE.fullmatch(text)
    if match:
        return _apply_magnitude(Decimal(match.group(1).replace(",", "")), match.group(2))
    if text[0].isdigit() or (text[0] not in CHINESE_DIGITS and text[0] not in "十拾"):
        return None
    # Mixed forms such as "1亿2千万" are rare; the Chinese reader handles them
    # once digits are mapped.
    return _parse_chinese(text)


def parse_percent(text: str) -> float | None:
    """Percent as a number of percent: "23%" → 23, "百分之二十三" → 23."""
    text = text.strip()
    if text.startswith("百分之"):
        return parse_number(text[3:])
    for sign in ("%", "％", "per cent", "percent"):
        if text.endswith(sign):
            return parse_number(text[: -len(sign)].strip())
    return None


def find_numbers(text: str) -> list[tuple[int, int, float]]:
    """Every numeral in ``text`` as (start, end, value), left to right."""
    found: list[tuple[int, int, float]] = []
    for match in _NUMBER_RE.finditer(text):
        value = parse_number(match.group())
        if value is not None:
            found.append((match.start(), match.end(), value))
    return found
