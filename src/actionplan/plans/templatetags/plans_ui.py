"""Presentation helpers for the plans pages: numbers for people, periods in
words, target sentences marked in a task's text, the signed-in user's role.

Formatting only; no rule of the plan lives here. The pure functions are
importable on their own (and tested so); the template tags wrap them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, pgettext

from actionplan.plans import permissions
from actionplan.plans.models import Role

register = template.Library()

Number = int | float | Decimal

# Chinese counts in 万 (10⁴), 亿 (10⁸), 万亿 (10¹²); English in thousands of thousands.
_ZH_UNITS = ((Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))
_EN_UNITS = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def _grouped(number: Decimal, max_decimals: int) -> str:
    """``1234567.5`` → ``1,234,567.5``: grouped thousands, at most
    ``max_decimals`` decimals, no trailing zeros."""
    quantised = round(number, max_decimals)
    text = f"{quantised:,.{max_decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def full_number(value: Any) -> str:
    """Every digit, grouped: 80000000 → ``80,000,000``; 24.5 → ``24.5``."""
    number = _decimal(value)
    if number is None:
        return "—"
    return _grouped(number, 4)


def short_number(value: Any, language: str | None = None) -> str:
    """The figure as people say it in the interface language: ``8,000万`` /
    ``80 million``; ``4,376.81万`` / ``43.7681 million``. Empty for numbers
    too small to need it."""
    number = _decimal(value)
    if number is None:
        return ""
    language = (language or get_language() or "zh-hans").lower()
    units = _ZH_UNITS if language.startswith("zh") else _EN_UNITS
    for size, word in units:
        if abs(number) >= size:
            scaled = _grouped(number / size, 4)
            return f"{scaled}{word}" if language.startswith("zh") else f"{scaled} {word}"
    return ""


def period_label(start: dt.date | None, end: dt.date | None) -> str:
    """A period in words: ``2019``, ``2019年1—11月`` / ``Jan–Nov 2019``, or a
    count as of a day (equal dates)."""
    if start is None or end is None:
        return gettext("period unknown")
    if start == end:
        return gettext("as of %(date)s") % {"date": date_format(end, "DATE_FORMAT")}
    if start.year == end.year:
        whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
        if whole_year:
            return str(start.year)
        whole_months = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
        if whole_months:
            if start.month == end.month:
                return date_format(start, "YEAR_MONTH_FORMAT")
            return pgettext("months of one year", "%(first)s–%(last)s %(year)s") % {
                # zh: "2019年1–11月" (numbers); en: "Jan–Nov 2019" (month names).
                "first": start.month if _is_zh() else date_format(start, "M"),
                "last": end.month if _is_zh() else date_format(end, "M"),
                "year": start.year,
            }
    return pgettext("period between two days", "%(start)s – %(end)s") % {
        "start": date_format(start, "DATE_FORMAT"),
        "end": date_format(end, "DATE_FORMAT"),
    }


def is_partial_year(start: dt.date | None, end: dt.date | None) -> bool:
    """A flow over part of a year (Jan–Nov), not a whole year nor a count on a day."""
    if start is None or end is None or start == end:
        return False
    return not (start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31)


COMPARATOR_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "=": "=", "~": "≈"}


def comparator_symbol(comparator: str) -> str:
    return COMPARATOR_SYMBOLS.get(comparator, comparator)


def _is_zh() -> bool:
    return (get_language() or "zh-hans").lower().startswith("zh")


def sentence_spans(text: str, sentences: Iterable[str]) -> list[tuple[int, int]]:
    """Where each sentence stands in ``text`` (every occurrence). Sentences the
    text does not contain word for word are skipped."""
    spans: list[tuple[int, int]] = []
    for sentence in {s.strip() for s in sentences if s and s.strip()}:
        start = text.find(sentence)
        while start != -1:
            spans.append((start, start + len(sentence)))
            start = text.find(sentence, start + len(sentence))
    return sorted(spans)


def mark_sentences(text: str, spans: Iterable[tuple[int, int]]) -> SafeString:
    """``text`` escaped, with each ``(start, end)`` span (offsets into
    ``text``) wrapped in ``<mark class="target-sentence">``. Overlapping or
    out-of-range spans are merged or dropped, never allowed to break the markup."""
    cleaned: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        start, end = max(0, start), min(len(text), end)
        if start >= end:
            continue
        if cleaned and start <= cleaned[-1][1]:
            cleaned[-1] = (cleaned[-1][0], max(end, cleaned[-1][1]))
        else:
            cleaned.append((start, end))
    parts: list[str] = []
    position = 0
    for start, end in cleaned:
        parts.append(str(conditional_escape(text[position:start])))
        parts.append(format_html('<mark class="target-sentence">{}</mark>', text[start:end]))
        position = end
    parts.append(str(conditional_escape(text[position:])))
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


@register.filter
def fullnum(value: Any) -> str:
    return full_number(value)


@register.filter
def shortnum(value: Any) -> str:
    return short_number(value)


@register.simple_tag
def number(value: Any) -> SafeString:
    """The full figure, with the spoken form beside it when that helps:
    ``80,000,000 (8,000万)``."""
    full = full_number(value)
    short = short_number(value)
    if not short:
        return format_html('<span class="num">{}</span>', full)
    return format_html(
        '<span class="num">{}</span> <span class="num muted">({})</span>', full, short
    )


@register.filter
def comparator(value: str) -> str:
    return comparator_symbol(value)


_CJK_NUMERALS = set("一二三四五六七八九十百零")


@register.filter
def outline_number(number: str) -> str:
    """A heading's number as the document writes it: ``一、`` after a Chinese
    numeral, ``(一)`` and ``1.`` as they are."""
    number = (number or "").strip()
    if not number:
        return ""
    if set(number) <= _CJK_NUMERALS:
        return f"{number}、"
    if number[-1].isdigit():
        return f"{number}."
    return number


@register.filter
def any_illustrative(responsibilities: Iterable[Any]) -> bool:
    return any(getattr(r, "illustrative", False) for r in responsibilities)


@register.simple_tag
def user_role_label(user: Any) -> str:
    """The signed-in user's roles in words: ``coordinator office``, ``unit
    reporter (市港务局)``; ``no role`` for an account without one."""
    if not getattr(user, "is_authenticated", False):
        return ""
    labels: list[str] = []
    if permissions.is_coordinator(user):
        labels.append(str(Role.COORDINATOR.label))
    # The roles the permission checks already read for this request.
    memberships = sorted(
        permissions.memberships(user),
        key=lambda m: (m.role, m.unit.name_zh if m.unit is not None else ""),
    )
    for membership in memberships:
        if membership.role == Role.REPORTER and membership.unit is not None:
            labels.append(
                gettext("%(role)s (%(unit)s)")
                % {"role": Role.REPORTER.label, "unit": membership.unit.name_zh}
            )
        elif membership.role != Role.COORDINATOR:
            labels.append(str(Role(membership.role).label))
    return " · ".join(labels) or gettext("no role")


@register.simple_tag
def marked(text: str, spans: Iterable[tuple[int, int]]) -> SafeString:
    return mark_sentences(text, spans)


@register.simple_tag
def short_with_unit(value: Any, unit: str) -> str:
    """``8,000万人次`` / ``80 million 人次``: the spoken figure and the unit as
    the document writes it; empty when the figure needs no short form."""
    short = short_number(value)
    if not short:
        return ""
    if not unit:
        return short
    return f"{short}{unit}" if _is_zh() else f"{short} {unit}"


@register.simple_tag
def period(start: dt.date | None, end: dt.date | None) -> str:
    return period_label(start, end)
