"""What a unit reports on in a period: its rows of the workbook (the tasks
and measures it leads or cooperates on), the indicators of those tasks, and
what it has already reported for the period. Read by export and upload."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from actionplan.plans.models import (
    Indicator,
    Measure,
    Observation,
    Responsibility,
    ReviewState,
    Task,
    Unit,
)
from actionplan.progress.models import Period, Report

EDITABLE = (ReviewState.DRAFT, ReviewState.RETURNED)

ItemKey = tuple[int, int | None]  # task id, measure id (None: the whole task)


@dataclass(frozen=True)
class Item:
    """A task or a measure the unit has a part in: one row of sheet 1."""

    task: Task
    measure: Measure | None
    role: str

    @property
    def key(self) -> ItemKey:
        return (self.task.pk, self.measure.pk if self.measure else None)

    @property
    def number(self) -> str:
        return self.measure.number if self.measure else self.task.number

    @property
    def text(self) -> str:
        return self.measure.text if self.measure else self.task.title


@dataclass(frozen=True)
class LastApproved:
    value: Decimal
    label: str  # its period, 2018-01-01–2018-12-31


def unit_items(unit: Unit, period: Period) -> list[Item]:
    """The unit's rows in the order of the plan: a task, then its measures."""
    responsibilities = (
        Responsibility.objects.filter(unit=unit)
        .filter(
            Q(task__plan_id=period.plan_id, task__retired_in__isnull=True)
            | Q(measure__task__plan_id=period.plan_id, measure__retired_in__isnull=True)
        )
        .select_related("task", "measure__task")
    )
    items: dict[ItemKey, Item] = {}
    for responsibility in responsibilities:
        measure = responsibility.measure
        task = measure.task if measure is not None else responsibility.task
        if task is None or not task.is_current:
            continue
        item = Item(task, measure, responsibility.role)
        items.setdefault(item.key, item)
    return sorted(
        items.values(),
        key=lambda i: (
            i.task.position,
            i.task.pk,
            i.measure is not None,
            i.measure.position if i.measure else 0,
            i.measure.pk if i.measure else 0,
        ),
    )


def unit_indicators(period: Period, tasks: Iterable[Task]) -> list[Indicator]:
    """The current indicators of ``tasks``, in the order of the tasks."""
    order = {task.pk: index for index, task in enumerate(tasks)}
    indicators = (
        Indicator.objects.current()
        .filter(plan_id=period.plan_id, task_id__in=list(order))
        .select_related("task", "plan")
    )
    return sorted(indicators, key=lambda i: (order[i.task_id or 0], i.pk))


def existing_reports(unit: Unit, period: Period) -> dict[ItemKey, Report]:
    return {
        (report.task_id, report.measure_id): report
        for report in Report.objects.filter(unit=unit, period=period)
    }


def existing_figures(
    unit: Unit, period: Period, indicators: Iterable[Indicator]
) -> dict[int, Observation]:
    """The figure the unit reported for exactly the period, per indicator:
    the open one (draft or returned) when there is one, else the latest."""
    figures: dict[int, Observation] = {}
    rows = Observation.objects.filter(
        unit=unit,
        indicator__in=list(indicators),
        period_start=period.start,
        period_end=period.end,
    ).order_by("pk")
    for figure in rows:
        held = figures.get(figure.indicator_id)
        if held is None or held.state not in EDITABLE or figure.state in EDITABLE:
            figures[figure.indicator_id] = figure
    return figures


def last_approved_before(indicator: Indicator, period: Period) -> LastApproved | None:
    """The approved figure that counts for the latest period ending before
    the end of ``period``: what the figure rules compare against."""
    groups = (
        Observation.objects.approved()
        .filter(indicator=indicator, period_end__lt=period.end)
        .periods()
    )
    if not groups:
        return None
    counted = groups[-1].counted
    return LastApproved(
        counted.value, f"{counted.period_start:%Y-%m-%d}–{counted.period_end:%Y-%m-%d}"
    )


def report_for_figures(items: Iterable[Item]) -> dict[int, ItemKey]:
    """The row whose report a task's figures join: the task's own row, else
    the first of its measures."""
    chosen: dict[int, ItemKey] = {}
    for item in items:
        chosen.setdefault(item.task.pk, item.key)
    return chosen
