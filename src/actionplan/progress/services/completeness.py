"""Who has reported, and on time: a plan's units × periods.

A unit owes one report per period on every current task it leads or
cooperates on (directly or through one of the task's measures). A task
counts as reported once any of the unit's reports on it (the task or one of
its measures) has been submitted; it is on time when the first submission
fell on or before the period's due date (in the site's time zone).

The counting is done in the database: one query for what the units owe, one
for what they submitted, grouped by unit and period (or by task for one
unit's page). Python only arranges the counts into rows.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from actionplan.plans.models import Plan, Responsibility, Task, Unit
from actionplan.progress.models import Period, Report


class State:
    """The state of a cell (a unit in a period) or of one owed report."""

    ON_TIME = "on_time"
    LATE = "late"
    PARTLY = "partly"
    MISSING = "missing"
    NOT_YET_DUE = "not_yet_due"


STATE_LABELS = {
    State.ON_TIME: _("reported on time"),
    State.LATE: _("reported late"),
    State.PARTLY: _("partly reported"),
    State.MISSING: _("not reported, overdue"),
    State.NOT_YET_DUE: pgettext_lazy("reporting", "not yet due"),
}

# Worst first: the order of the legend and of the per-period counts.
STATE_ORDER = (State.MISSING, State.PARTLY, State.LATE, State.ON_TIME, State.NOT_YET_DUE)


# Shown with the colour, so that the state does not rest on colour alone.
STATE_SYMBOLS = {
    State.ON_TIME: "✓",
    State.LATE: "✓!",
    State.PARTLY: "◐",
    State.MISSING: "✗",
    State.NOT_YET_DUE: "…",
}


def state_label(state: str) -> str:
    return str(STATE_LABELS[state])


def legend() -> list[tuple[str, str, str]]:
    """(state, symbol, label), worst first."""
    return [(s, STATE_SYMBOLS[s], state_label(s)) for s in STATE_ORDER]


# --- What is owed -------------------------------------------------------------


def owed_tasks(plan: Plan, unit_ids: set[int] | None = None) -> dict[int, set[int]]:
    """unit id → ids of the current tasks of ``plan`` it must report on."""
    on_tasks = Responsibility.objects.filter(
        task__plan=plan, task__retired_in__isnull=True
    ).values_list("unit_id", "task_id")
    on_measures = Responsibility.objects.filter(
        measure__plan=plan,
        measure__retired_in__isnull=True,
        measure__task__retired_in__isnull=True,
    ).values_list("unit_id", "measure__task_id")
    if unit_ids is not None:
        on_tasks = on_tasks.filter(unit_id__in=unit_ids)
        on_measures = on_measures.filter(unit_id__in=unit_ids)
    owed: dict[int, set[int]] = defaultdict(set)
    for unit_id, task_id in on_tasks.order_by().union(on_measures.order_by()):
        if task_id is not None:
            owed[unit_id].add(task_id)
    return dict(owed)


def units_on_tasks(plan: Plan, task_ids: set[int]) -> dict[int, set[int]]:
    """task id → ids of the units that owe reports on it (the other way
    round from ``owed_tasks``, for a few tasks)."""
    on_tasks = Responsibility.objects.filter(
        task__plan=plan, task__retired_in__isnull=True, task_id__in=task_ids
    ).values_list("task_id", "unit_id")
    on_measures = Responsibility.objects.filter(
        measure__plan=plan,
        measure__retired_in__isnull=True,
        measure__task__retired_in__isnull=True,
        measure__task_id__in=task_ids,
    ).values_list("measure__task_id", "unit_id")
    units: dict[int, set[int]] = defaultdict(set)
    for task_id, unit_id in on_tasks.order_by().union(on_measures.order_by()):
        units[task_id].add(unit_id)
    return dict(units)


def _owed_report(queryset: QuerySet[Report]) -> QuerySet[Report]:
    """Only reports on tasks their unit still owes (a report on a task the
    unit has since been taken off does not count)."""
    on_task = Responsibility.objects.filter(unit=OuterRef("unit"), task=OuterRef("task"))
    on_measure = Responsibility.objects.filter(
        unit=OuterRef("unit"), measure__task=OuterRef("task"), measure__retired_in__isnull=True
    )
    return queryset.filter(
        Q(Exists(on_task)) | Q(Exists(on_measure)), task__retired_in__isnull=True
    )


def started_periods(plan: Plan, today: datetime.date) -> list[Period]:
    return list(Period.objects.filter(plan=plan, start__lte=today).order_by("start"))


def classify(
    owed: int, submitted: int, on_time: int, due: datetime.date, today: datetime.date
) -> str:
    """The state of a unit in a period from its counts of owed, submitted
    and on-time reports."""
    if owed and submitted >= owed:
        return State.ON_TIME if on_time >= owed else State.LATE
    if submitted:
        return State.PARTLY
    return State.MISSING if today > due else State.NOT_YET_DUE


# --- The plan's matrix --------------------------------------------------------


@dataclass
class Cell:
    period: Period
    state: str
    owed: int
    submitted: int
    on_time: int
    overdue: bool

    @property
    def label(self) -> str:
        return state_label(self.state)

    @property
    def symbol(self) -> str:
        return STATE_SYMBOLS[self.state]

    @property
    def settled(self) -> bool:
        """Whether the cell counts in the on-time rate: complete, or due."""
        return self.state != State.NOT_YET_DUE and (self.state != State.PARTLY or self.overdue)


@dataclass
class UnitRow:
    unit: Unit
    owed: int
    cells: list[Cell]

    @property
    def settled(self) -> int:
        return sum(1 for c in self.cells if c.settled)

    @property
    def on_time(self) -> int:
        return sum(1 for c in self.cells if c.state == State.ON_TIME)

    @property
    def missing(self) -> int:
        return sum(1 for c in self.cells if c.state == State.MISSING)

    @property
    def rate(self) -> float | None:
        """Share of the settled periods reported completely and on time."""
        return self.on_time / self.settled if self.settled else None

    @property
    def rate_percent(self) -> int | None:
        return None if self.rate is None else round(100 * self.rate)

    def sort_key(self) -> tuple[float, int, str]:
        return (
            2.0 if self.rate is None else self.rate,
            -self.missing - sum(1 for c in self.cells if c.state == State.PARTLY and c.overdue),
            self.unit.name_zh,
        )


@dataclass
class PeriodSummary:
    period: Period
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def units(self) -> int:
        return sum(self.counts.values())


@dataclass
class Matrix:
    plan: Plan
    today: datetime.date
    periods: list[Period]
    rows: list[UnitRow]
    summaries: list[PeriodSummary]

    @property
    def legend(self) -> list[tuple[str, str, str]]:
        return legend()

    @property
    def count_rows(self) -> list[tuple[str, str, str, list[int]]]:
        """Per state (worst first): symbol, label and the number of units
        in that state in each period."""
        return [
            (state, symbol, label, [s.counts.get(state, 0) for s in self.summaries])
            for state, symbol, label in legend()
        ]


def _submitted_counts(
    plan: Plan, periods: list[Period], unit_ids: set[int]
) -> dict[tuple[int, int], tuple[int, int]]:
    """(unit id, period id) → (tasks submitted, tasks submitted on time)."""
    rows = (
        _owed_report(
            Report.objects.filter(
                period__in=periods, unit_id__in=unit_ids, submitted_at__isnull=False
            )
        )
        .values("unit_id", "period_id")
        .annotate(
            submitted=Count("task", distinct=True),
            on_time=Count(
                "task", distinct=True, filter=Q(submitted_at__date__lte=F("period__due"))
            ),
        )
        .order_by()
    )
    return {(r["unit_id"], r["period_id"]): (r["submitted"], r["on_time"]) for r in rows}


def completeness(
    plan: Plan,
    today: datetime.date,
    unit_ids: set[int] | None = None,
    periods: list[Period] | None = None,
) -> Matrix:
    """The plan's units × the periods started by ``today`` (or only
    ``periods``); ``unit_ids`` keeps only those units (a reporter sees its
    own). Rows worst first."""
    owed = owed_tasks(plan, unit_ids)
    if periods is None:
        periods = started_periods(plan, today)
    counts = _submitted_counts(plan, periods, set(owed))
    units = Unit.objects.in_bulk(list(owed))
    rows = []
    summaries = [PeriodSummary(p) for p in periods]
    for unit_id, tasks in owed.items():
        cells = []
        for period, summary in zip(periods, summaries, strict=True):
            submitted, on_time = counts.get((unit_id, period.pk), (0, 0))
            state = classify(len(tasks), submitted, on_time, period.due, today)
            cells.append(
                Cell(period, state, len(tasks), submitted, on_time, period.is_overdue(today))
            )
            summary.counts[state] = summary.counts.get(state, 0) + 1
        rows.append(UnitRow(units[unit_id], len(tasks), cells))
    rows.sort(key=UnitRow.sort_key)
    return Matrix(plan, today, periods, rows, summaries)


# --- One unit -----------------------------------------------------------------


@dataclass
class OwedReport:
    task: Task
    period: Period
    state: str
    submitted_at: datetime.datetime | None
    days_late: int | None

    @property
    def label(self) -> str:
        return state_label(self.state)

    @property
    def symbol(self) -> str:
        return STATE_SYMBOLS[self.state]

    @property
    def submitted_on(self) -> datetime.date | None:
        return None if self.submitted_at is None else timezone.localdate(self.submitted_at)


@dataclass
class UnitPeriod:
    period: Period
    state: str
    reports: list[OwedReport]

    @property
    def label(self) -> str:
        return state_label(self.state)

    @property
    def symbol(self) -> str:
        return STATE_SYMBOLS[self.state]


def _report_state(
    submitted_on: datetime.date | None, period: Period, today: datetime.date
) -> tuple[str, int | None]:
    if submitted_on is not None:
        late = (submitted_on - period.due).days
        return (State.LATE, late) if late > 0 else (State.ON_TIME, None)
    if period.is_overdue(today):
        return State.MISSING, (today - period.due).days
    return State.NOT_YET_DUE, None


def unit_completeness(plan: Plan, unit: Unit, today: datetime.date) -> list[UnitPeriod]:
    """The periods started by ``today``, latest first, each with the reports
    ``unit`` owes in it."""
    task_ids = owed_tasks(plan, {unit.pk}).get(unit.pk, set())
    tasks = list(Task.objects.filter(pk__in=task_ids).order_by("position"))
    periods = started_periods(plan, today)
    first = {
        (r["period_id"], r["task_id"]): r["first"]
        for r in _owed_report(
            Report.objects.filter(period__in=periods, unit=unit, submitted_at__isnull=False)
        )
        .values("period_id", "task_id")
        .annotate(first=Min("submitted_at"))
        .order_by()
    }
    result = []
    for period in reversed(periods):
        reports = []
        for task in tasks:
            submitted_at = first.get((period.pk, task.pk))
            submitted_on = None if submitted_at is None else timezone.localdate(submitted_at)
            state, days_late = _report_state(submitted_on, period, today)
            reports.append(OwedReport(task, period, state, submitted_at, days_late))
        submitted = sum(1 for r in reports if r.submitted_at is not None)
        on_time = sum(1 for r in reports if r.state == State.ON_TIME)
        state = classify(len(reports), submitted, on_time, period.due, today)
        result.append(UnitPeriod(period, state, reports))
    return result


# --- What is outstanding (for reminders) --------------------------------------


def outstanding(plan: Plan, periods: list[Period]) -> dict[tuple[int, int], list[int]]:
    """(unit id, period id) → ids of the tasks the unit has not yet
    submitted a report on in that period; only units that owe some."""
    owed = owed_tasks(plan)
    submitted: dict[tuple[int, int], set[int]] = defaultdict(set)
    rows = (
        _owed_report(
            Report.objects.filter(
                period__in=periods, unit_id__in=list(owed), submitted_at__isnull=False
            )
        )
        .values_list("unit_id", "period_id", "task_id")
        .distinct()
        .order_by()
    )
    for unit_id, period_id, task_id in rows:
        submitted[(unit_id, period_id)].add(task_id)
    result = {}
    for unit_id, tasks in owed.items():
        for period in periods:
            missing = tasks - submitted.get((unit_id, period.pk), set())
            if missing:
                result[(unit_id, period.pk)] = sorted(missing)
    return result
