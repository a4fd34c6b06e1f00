"""Figures reported by units: an indicator's value for a period, checked
against its rules, then reviewed by the coordinator office. Only approved
figures count outside the reporting screens."""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actionplan.oversight import refresh
from actionplan.plans.models import (
    Indicator,
    Observation,
    Qualifier,
    ReviewState,
    SourceQuality,
    Unit,
)
from actionplan.plans.services.history import save_with_history
from actionplan.plans.templatetags.plans_ui import full_number
from actionplan.progress import permissions
from actionplan.progress.models import FigureRule, Period, Report
from actionplan.progress.services.conflicts import check_version
from actionplan.progress.validation import (
    FigureCheck,
    FigureErrors,
    RuleSpec,
    check_figure,
    default_rule,
    read_number,
)


@dataclass(frozen=True)
class FigureInput:
    value: str
    period_start: datetime.date
    period_end: datetime.date
    qualifier: str = Qualifier.EXACT
    source_title: str = ""
    source_url: str = ""
    source_quality: str = SourceQuality.OFFICIAL
    note: str = ""
    explanation: str = ""
    confirmed: bool = False  # the reporter has seen how magnitude words were read


class NeedsConfirmation(Exception):
    """The value was typed with magnitude words ("8千万"): show the reading
    back (``value``) and save only once the reporter confirms it."""

    def __init__(self, text: str, value: Decimal) -> None:
        super().__init__(
            _("“%(text)s” reads as %(value)s. Confirm to save it.")
            % {"text": text, "value": full_number(value)}
        )
        self.text = text
        self.value = value


def rule_for(indicator: Indicator) -> RuleSpec:
    rule = FigureRule.objects.filter(indicator=indicator).first()
    if rule is None and indicator.unit:
        rule = FigureRule.objects.filter(unit_of_measure=indicator.unit).first()
    if rule is None:
        return default_rule(indicator.unit, indicator.kind)
    return RuleSpec(
        whole_number=rule.whole_number,
        minimum=rule.minimum,
        maximum=rule.maximum,
        cumulative=rule.cumulative,
        jump_factor=rule.jump_factor,
    )


def _length(start: datetime.date, end: datetime.date) -> tuple[int, bool]:
    """A period's length in months, and whether it is a single day."""
    return ((end.year - start.year) * 12 + end.month - start.month + 1, start == end)


def last_approved(
    indicator: Indicator,
    start: datetime.date,
    end: datetime.date,
    exclude: int | None = None,
) -> Decimal | None:
    """The figure that counts for the latest period of the same length as
    ``start``..``end`` that ends before it: a quarter is compared with a
    quarter, a year with a year, a count as of a day with such a count."""
    rows = Observation.objects.approved().filter(indicator=indicator, period_end__lt=end)
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    length = _length(start, end)
    groups = [g for g in rows.periods() if _length(g.period_start, g.period_end) == length]
    return groups[-1].counted.value if groups else None


def checked_value(indicator: Indicator, data: FigureInput, exclude: int | None = None) -> Decimal:
    """The value of ``data`` after every rule; ``FigureErrors`` names each
    broken rule, ``NeedsConfirmation`` asks to confirm a reading."""
    reading = read_number(data.value)
    plan = indicator.plan
    context = FigureCheck(
        previous=last_approved(indicator, data.period_start, data.period_end, exclude),
        explanation=data.explanation,
        plan_start=plan.period_start,
        plan_end=plan.period_end,
    )
    if data.qualifier not in Qualifier.values:
        context.add("qualifier", _("Qualifier: choose exact, at least or approximately."))
    if data.source_quality not in SourceQuality.values:
        context.add("source_quality", _("Source quality: choose one of the listed kinds."))
    check_figure(reading.value, rule_for(indicator), data.period_start, data.period_end, context)
    if reading.interpreted and not data.confirmed:
        raise NeedsConfirmation(data.value.strip(), reading.value)
    return reading.value


def _check_period_open(indicator: Indicator, data: FigureInput) -> None:
    locked = Period.objects.filter(
        plan_id=indicator.plan_id,
        locked=True,
        start__lte=data.period_end,
        end__gte=data.period_end,
    ).exists()
    if locked:
        raise ValidationError(_("The period this figure falls in is locked."))


def report_figure(
    user: Any | None,
    unit: Unit,
    indicator: Indicator,
    data: FigureInput,
    *,
    report: Report | None = None,
    submit: bool = False,
) -> Observation:
    """Record a unit's figure as a draft (or submitted at once when entered
    on its own with ``submit``); with ``report`` it follows the report."""
    if user is not None and not permissions.can_report_figure(user, unit, indicator):
        raise PermissionDenied
    if not indicator.is_current:
        raise ValidationError(_("This indicator is no longer in the plan."))
    if report is not None and (report.unit_id != unit.pk or not report.is_editable):
        raise ValidationError(_("The figure can only join an open report of the same unit."))
    if report is not None and (
        report.task_id != indicator.task_id
        or not report.period.start <= data.period_end <= report.period.end
    ):
        raise ValidationError(
            _("The figure can only join a report on its own task whose period it falls in.")
        )
    _check_period_open(indicator, data)
    value = checked_value(indicator, data)
    figure = Observation(
        indicator=indicator,
        unit=unit,
        value=value,
        period_start=data.period_start,
        period_end=data.period_end,
        qualifier=data.qualifier,
        source_title=data.source_title,
        source_url=data.source_url,
        source_quality=data.source_quality,
        note=data.note,
        explanation=data.explanation,
        state=ReviewState.SUBMITTED if submit and report is None else ReviewState.DRAFT,
        recorded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    figure.full_clean()
    with transaction.atomic():
        save_with_history(figure, user, "reported")
        if report is not None:
            report.observations.add(figure)
    return figure


def edit_figure(
    user: Any | None, figure: Observation, data: FigureInput, expected_version: int | None
) -> Observation:
    """Change a draft or returned figure; ``EditConflict`` when someone saved
    it since ``expected_version``."""
    with transaction.atomic():
        current = (
            Observation.objects.select_for_update(of=("self",))
            .select_related("indicator__plan")
            .get(pk=figure.pk)
        )
        _check_figure_writable(user, current)
        check_version(current, expected_version, asdict(data))
        _check_period_open(current.indicator, data)
        current.value = checked_value(current.indicator, data, exclude=current.pk)
        for name in (
            "period_start",
            "period_end",
            "qualifier",
            "source_title",
            "source_url",
            "source_quality",
            "note",
            "explanation",
        ):
            setattr(current, name, getattr(data, name))
        current.version += 1
        current.full_clean()
        save_with_history(current, user, "edited")
    return current


def _check_figure_writable(user: Any | None, figure: Observation) -> None:
    if figure.unit is None:
        raise ValidationError(_("This figure was recorded by the office, not reported by a unit."))
    if user is not None and not permissions.can_report_figure(user, figure.unit, figure.indicator):
        raise PermissionDenied
    if figure.state not in (ReviewState.DRAFT, ReviewState.RETURNED):
        raise ValidationError(
            _("This figure is %(state)s and can no longer be changed.")
            % {"state": figure.get_state_display()}
        )


def submit_figure(user: Any | None, figure: Observation) -> Observation:
    with transaction.atomic():
        current = (
            Observation.objects.select_for_update(of=("self",))
            .select_related("unit", "indicator")
            .get(pk=figure.pk)
        )
        _check_figure_writable(user, current)
        current.state = ReviewState.SUBMITTED
        current.version += 1
        save_with_history(current, user, "submitted")
    return current


def review_figure(
    user: Any | None, figure: Observation, approve: bool, comment: str = ""
) -> Observation:
    if user is not None and not permissions.can_review(user):
        raise PermissionDenied
    if not approve and not comment.strip():
        raise ValidationError(
            {"review_comment": [_("Comment: say what the unit must correct when you return it.")]}
        )
    with transaction.atomic():
        current = Observation.objects.select_for_update(of=("self",)).get(pk=figure.pk)
        if current.state != ReviewState.SUBMITTED:
            raise ValidationError(
                _("Only a submitted figure can be reviewed; this one is %(state)s.")
                % {"state": current.get_state_display()}
            )
        current.state = ReviewState.APPROVED if approve else ReviewState.RETURNED
        current.review_comment = comment.strip()
        current.version += 1
        save_with_history(current, user, "approved" if approve else "returned")
        if approve:
            transaction.on_commit(refresh.after_commit([current.indicator_id]))
    return current


__all__ = [
    "FigureErrors",
    "FigureInput",
    "NeedsConfirmation",
    "edit_figure",
    "report_figure",
    "review_figure",
    "submit_figure",
]
