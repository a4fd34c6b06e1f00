"""The rules a reported figure must pass, with messages that name the field
and the rule, in the reader's language.

A rule for an indicator wins over a rule for its unit of measure; without
either, the defaults follow from the unit and the kind of the indicator
(counts are whole and not negative, shares lie within 0–100, levels are not
negative). ``read_number`` turns what a reporter typed into a number and says
when it had to interpret magnitude words ("8千万"), so the form can show the
reading back for confirmation.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from actionplan.extract.numbers import parse_number

# Units whose figures are counts of things or people: whole, never negative.
COUNT_UNITS = frozenset(
    {
        "个", "条", "家", "人", "人次", "名", "项", "所", "座", "次", "场", "批", "件",
        "家次", "艘", "架次", "班次", "位", "户", "套", "处", "宗", "部", "台", "辆",
        "只", "张", "本", "篇", "届", "期", "门", "支", "对", "国", "城市", "标箱",
    }
)  # fmt: skip
PERCENT_UNITS = frozenset({"%", "％", "百分点"})

_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_HEDGES = ("约", "大约", "左右", "近", "超过", "以上", "以下", "~", "≈", "about", "approx")


@dataclass(frozen=True)
class RuleSpec:
    whole_number: bool = False
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    cumulative: bool = False
    jump_factor: Decimal | None = Decimal(3)


def default_rule(unit: str, kind: str) -> RuleSpec:
    unit = unit.strip()
    if kind == "growth_rate":
        return RuleSpec()
    if kind == "share" or unit in PERCENT_UNITS - {"百分点"}:
        return RuleSpec(minimum=Decimal(0), maximum=Decimal(100))
    if unit in COUNT_UNITS:
        return RuleSpec(whole_number=True, minimum=Decimal(0))
    return RuleSpec(minimum=Decimal(0))


@dataclass(frozen=True)
class ReadNumber:
    value: Decimal
    interpreted: bool  # magnitude words or Chinese numerals were read: confirm


class FigureErrors(Exception):
    """A figure that fails its rules: ``errors`` maps a field to messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(m for ms in errors.values() for m in ms))
        self.errors = errors


def read_number(text: str) -> ReadNumber:
    """The number in ``text``; ``FigureErrors`` on the ``value`` field when
    there is none or the text hedges it."""
    raw = text.strip().replace(",", "").replace("，", "").replace(" ", "")
    if not raw:
        raise FigureErrors({"value": [_("Value: enter a number.")]})
    if _PLAIN_NUMBER.fullmatch(raw):
        return ReadNumber(Decimal(raw), interpreted=False)
    lowered = raw.lower()
    if any(lowered.startswith(h) or lowered.endswith(h) for h in _HEDGES):
        raise FigureErrors(
            {
                "value": [
                    _(
                        "Value: “%(text)s” is not a number. Enter the figure alone and "
                        "choose the qualifier (about, at least) for the hedge."
                    )
                    % {"text": text.strip()}
                ]
            }
        )
    parsed = parse_number(raw)
    if parsed is None:
        raise FigureErrors(
            {
                "value": [
                    _("Value: “%(text)s” is not a number. Enter a figure such as 80000000.")
                    % {"text": text.strip()}
                ]
            }
        )
    try:
        value = Decimal(repr(parsed))
    except InvalidOperation:  # pragma: no cover - parse_number returns finite floats
        raise FigureErrors({"value": [_("Value: enter a number.")]}) from None
    return ReadNumber(value.normalize() if value == value.to_integral() else value, True)


@dataclass
class FigureCheck:
    """What a figure is checked against besides its own rule."""

    previous: Decimal | None = None  # the last approved figure before this period
    explanation: str = ""
    plan_start: int | None = None
    plan_end: int | None = None
    errors: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)


def check_figure(
    value: Decimal,
    rule: RuleSpec,
    period_start: datetime.date,
    period_end: datetime.date,
    context: FigureCheck,
) -> None:
    """Raise ``FigureErrors`` naming every rule ``value`` breaks."""
    if rule.whole_number and value != value.to_integral_value():
        context.add("value", _("Value: this indicator counts whole things; enter a whole number."))
    if rule.minimum is not None and value < rule.minimum:
        if rule.minimum == 0:
            context.add("value", _("Value: a count or amount cannot be negative."))
        else:
            context.add(
                "value",
                _("Value: must be at least %(minimum)s.") % {"minimum": _plain(rule.minimum)},
            )
    if rule.maximum is not None and value > rule.maximum:
        context.add(
            "value",
            _("Value: must be at most %(maximum)s (a share lies within 0–100).")
            % {"maximum": _plain(rule.maximum)},
        )
    previous = context.previous
    if previous is not None and rule.cumulative and value < previous:
        context.add(
            "value",
            _(
                "Value: this is a running total and cannot fall below the last approved "
                "figure, %(previous)s."
            )
            % {"previous": _plain(previous)},
        )
    if (
        previous is not None
        and rule.jump_factor is not None
        and _jumps(previous, value, rule.jump_factor)
        and not context.explanation.strip()
    ):
        context.add(
            "explanation",
            _(
                "Explanation: the figure is more than %(factor)s times away from the last "
                "approved one (%(previous)s); say why."
            )
            % {"factor": _plain(rule.jump_factor), "previous": _plain(previous)},
        )
    if period_end < period_start:
        context.add("period_end", _("Period: the end comes before the start."))
    elif context.plan_start is not None and context.plan_end is not None:
        first = datetime.date(context.plan_start - 1, 1, 1)  # the baseline year counts
        last = datetime.date(context.plan_end, 12, 31)
        if period_start < first or period_end > last:
            context.add(
                "period_start",
                _("Period: must lie within the plan's span, %(start)s–%(end)s.")
                % {"start": context.plan_start - 1, "end": context.plan_end},
            )
    if context.errors:
        raise FigureErrors(context.errors)


def _jumps(previous: Decimal, value: Decimal, factor: Decimal) -> bool:
    if previous == 0:
        return False  # no ratio from nothing; the other rules still apply
    if value == 0:
        return True
    ratio = abs(value / previous)
    return ratio > factor or ratio < 1 / factor


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
