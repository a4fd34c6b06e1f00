"""Reading and writing single cell values: text made safe for spreadsheets,
and the dates, numbers, years, comparators and unit lists an office types.

Readers raise ``CellError`` with a message for people; they never touch the
database.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from actionplan.plans.breakdown.layout import UNIT_SEPARATORS

# A spreadsheet takes a cell starting with one of these for a formula (or,
# for tab and carriage return, for the start of one when the text is pasted
# or saved as CSV): "formula injection".
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"

YEAR_MIN = 1949
YEAR_MAX = 2100
# What a value column can store (24 digits, 6 after the point).
VALUE_PLACES = 6
VALUE_MAX = Decimal(10) ** 18

_SCALES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4}
_NUMBER = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")
_ABOUT = ("约", "近", "~", "≈", "左右", "大约", "以上", "以下", "超过", "不低于", "不超过")


class CellError(ValueError):
    """A cell that cannot be read; ``str()`` says why, for people."""


def neutralise(text: str) -> str:
    """Text that a spreadsheet will show, never evaluate."""
    return QUOTE + text if text.startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """Undo ``neutralise`` on text read back."""
    if text.startswith(QUOTE) and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def normalise(text: str) -> str:
    """Full-width digits and punctuation as ASCII (２０２０ → 2020, （ → ()."""
    return unicodedata.normalize("NFKC", text).strip()


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a spurious ``.0``, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return restore(str(value).strip())


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- dates ---------------------------------------------------------------


def _date_forms() -> str:
    return _(
        "write a date such as 2020-12-31, 2020年12月31日, 2020年12月 (the month's end) "
        "or 2020年底 (the year's end)"
    )


_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_FULL_DATE = re.compile(r"(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?")
_MONTH = re.compile(r"(\d{4})(?:[-/.]|年)(\d{1,2})(?:月份?)?(?:底|末|份)?")
_YEAR = re.compile(r"(\d{4})(?:年度?)?(?:底|末|年底|年末)?")
_HALF = re.compile(r"(\d{4})年(上|下)半年(?:底|末)?")
_QUARTER = re.compile(r"(\d{4})年第?([一二三四1-4])季度(?:底|末)?")
_BY = re.compile(r"(?:以前|之前|前)$")


def _year(year: int) -> int:
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise CellError(
            _("the year %(year)s is out of range (%(min)s–%(max)s)")
            % {"year": year, "min": YEAR_MIN, "max": YEAR_MAX}
        )
    return year


def _month_end(year: int, month: int) -> dt.date:
    if not 1 <= month <= 12:
        raise CellError(_("there is no month %(month)s") % {"month": month})
    return dt.date(_year(year), month, calendar.monthrange(year, month)[1])


def _date_format_precision(number_format: str) -> str:
    """``day``, ``month`` or ``year``: what a date cell's format shows. A cell
    typed as 2020年12月 is stored as 1 December, formatted without the day."""
    codes = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format.lower())
    if "d" in codes:
        return "day"
    return "month" if "m" in codes else "year"


def parse_deadline(value: Any, number_format: str = "") -> dt.date | None:
    """A deadline from a date cell or from text; None for an empty cell.

    A month means its last day and a year its 31 December, as offices mean
    "2020年12月" and "2020年底"."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime | dt.date):
        typed = value.date() if isinstance(value, dt.datetime) else value
        precision = _date_format_precision(number_format) if number_format else "day"
        _year(typed.year)
        if precision == "month":
            return _month_end(typed.year, typed.month)
        if precision == "year":
            return dt.date(typed.year, 12, 31)
        return typed
    if isinstance(value, bool):
        raise CellError(_("not a date; %(forms)s") % {"forms": _date_forms()})
    if isinstance(value, int | float):
        # A bare year typed as a number (2020); any other number is not a date.
        if float(value).is_integer() and 1000 <= value <= 9999:
            return dt.date(_year(int(value)), 12, 31)
        raise CellError(
            _("“%(value)s” is a number, not a date; %(forms)s")
            % {"value": cell_text(value), "forms": _date_forms()}
        )
    text = _BY.sub("", normalise(restore(str(value))).replace(" ", ""))
    try:
        if match := _FULL_DATE.fullmatch(text):
            year, month, day = (int(group) for group in match.groups())
            try:
                return dt.date(_year(year), month, day)
            except ValueError:
                raise CellError(_("there is no such day")) from None
        if match := _MONTH.fullmatch(text):
            return _month_end(int(match[1]), int(match[2]))
        if match := _HALF.fullmatch(text):
            return _month_end(int(match[1]), 6 if match[2] == "上" else 12)
        if match := _QUARTER.fullmatch(text):
            return _month_end(int(match[1]), 3 * _QUARTERS[match[2]])
        if match := _YEAR.fullmatch(text):
            return dt.date(_year(int(match[1])), 12, 31)
    except CellError as exc:
        raise CellError(
            _("cannot read “%(text)s” as a date: %(reason)s") % {"text": text, "reason": exc}
        ) from None
    raise CellError(
        _("cannot read “%(text)s” as a date; %(forms)s; leave it empty for no deadline")
        % {"text": str(value).strip(), "forms": _date_forms()}
    )


# --- numbers -------------------------------------------------------------


@dataclass(frozen=True)
class Number:
    """A value read from a cell; ``percent`` when written as a percentage
    (25% or a cell formatted as one), already scaled to 25."""

    value: Decimal
    percent: bool = False


def _checked(number: Decimal, shown: str) -> Decimal:
    if not number.is_finite() or abs(number) >= VALUE_MAX:
        raise CellError(_("“%(value)s” is too large to store") % {"value": shown})
    if number != number.quantize(Decimal(1).scaleb(-VALUE_PLACES)):
        raise CellError(
            _("“%(value)s” has more than %(places)s decimal places")
            % {"value": shown, "places": VALUE_PLACES}
        )
    return number


def parse_number(value: Any, number_format: str = "") -> Number | None:
    """A figure from a number cell or from text (80,000,000 · 8000万 · 23.5%);
    None for an empty cell. Words around the figure are refused: "约80%"
    says "about", which belongs in the comparator, not in the value."""
    if is_blank(value):
        return None
    if isinstance(value, bool | dt.date | dt.time):
        raise CellError(_("“%(value)s” is not a number") % {"value": cell_text(value)})
    if isinstance(value, int | float | Decimal):
        # repr() is the shortest text that reads back as the same float: 23.5, not 23.4999….
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        percent = "%" in number_format
        if percent:
            number *= 100
        return Number(_checked(number, cell_text(value)), percent)
    shown = str(value).strip()
    text = normalise(restore(shown)).replace(" ", "")
    percent = text.endswith("%")
    body = text.removesuffix("%")
    scale = Decimal(1)
    for word, size in _SCALES.items():
        if body.endswith(word) and not percent:
            body, scale = body.removesuffix(word), size
            break
    if not _NUMBER.fullmatch(body):
        if any(word in text for word in _ABOUT):
            raise CellError(
                _(
                    "“%(value)s” is not a number: write the figure alone and choose the "
                    "comparator (≈ for about, ≥ for at least)"
                )
                % {"value": shown}
            )
        raise CellError(
            _("“%(value)s” is not a number; leave the cell empty when there is none")
            % {"value": shown}
        )
    try:
        number = Decimal(body.replace(",", "")) * scale
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise CellError(_("“%(value)s” is not a number") % {"value": shown}) from None
    return Number(_checked(number, shown), percent)


def parse_year(value: Any) -> int | None:
    """A year from a number cell or text (2020, 2020年); None when empty."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime | dt.date):
        return _year(value.year)
    if isinstance(value, bool):
        raise CellError(_("“%(value)s” is not a year") % {"value": cell_text(value)})
    if isinstance(value, int | float):
        if not float(value).is_integer():
            raise CellError(_("“%(value)s” is not a year") % {"value": cell_text(value)})
        return _year(int(value))
    text = normalise(restore(str(value))).removesuffix("年")
    if not re.fullmatch(r"\d{1,6}", text):
        raise CellError(_("“%(value)s” is not a year") % {"value": str(value).strip()})
    return _year(int(text))


# --- comparators and units ----------------------------------------------

_COMPARATOR_WORDS = {
    ">=": ("≥", ">=", "=>", "≧", "不低于", "不少于", "至少", "达到", "以上"),
    ">": (">", "超过", "高于", "大于", "多于"),
    "<=": ("≤", "<=", "=<", "≦", "不超过", "不高于", "以内", "控制在", "以下"),
    "=": ("=", "==", "等于"),
    "~": ("≈", "~", "约", "左右", "约为"),
}
_COMPARATORS = {word: code for code, words in _COMPARATOR_WORDS.items() for word in words}


def parse_comparator(value: Any) -> str:
    """The stored comparator (``>=``, ``>``, ``<=``, ``=``, ``~``) or ``""``."""
    if is_blank(value):
        return ""
    text = normalise(restore(str(value))).replace(" ", "")
    code = _COMPARATORS.get(text)
    if code is None:
        raise CellError(
            _("“%(value)s” is not a comparator; choose one of ≥ ＞ ≤ ＝ ≈")
            % {"value": str(value).strip()}
        )
    return code


def split_units(value: Any) -> tuple[str, ...]:
    """The unit names in a cell, in order, each once."""
    text = cell_text(value)
    names = re.split("[" + re.escape(UNIT_SEPARATORS) + "]", text)
    seen: dict[str, None] = {}
    for name in names:
        name = name.strip()
        if name:
            seen.setdefault(name, None)
    return tuple(seen)
