"""What the supervision dashboard shows for a plan at an evaluation date.

- red / amber / green counts of the indicators by section (the section the
  indicator's task sits in) and by unit (every unit on the indicator's task,
  directly or through one of its measures);
- the indicators that will miss their target (off track, at risk) or have
  missed it (not met), worst first, with forecast and attainment;
- the problems referred to the leading group, with their owner and age;
- the units that have not (fully) reported for the latest period whose due
  date has passed.

The view only renders what ``build_dashboard`` returns.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from actionplan import engine
from actionplan.oversight.refresh import stored_verdicts
from actionplan.oversight.services import MISSING_TARGET, IndicatorVerdict, evaluate_plan
from actionplan.plans.models import Plan, Section, Unit
from actionplan.progress import queries as progress_queries
from actionplan.progress.models import Period, Report
from actionplan.progress.services import completeness as reporting

COLOURS = ("red", "amber", "green", "grey")


@dataclass
class RagCounts:
    red: int = 0
    amber: int = 0
    green: int = 0
    grey: int = 0

    def add(self, verdict: IndicatorVerdict) -> None:
        if verdict.rag:
            setattr(self, verdict.rag, getattr(self, verdict.rag) + 1)

    @property
    def total(self) -> int:
        return self.red + self.amber + self.green + self.grey


@dataclass
class RagRow:
    name: str
    counts: RagCounts = field(default_factory=RagCounts)
    section: Section | None = None
    unit: Unit | None = None


@dataclass(frozen=True)
class Escalation:
    report: Report
    age_days: int


@dataclass(frozen=True)
class Silent:
    """A unit that owes reports for the period and has not sent them all."""

    unit: Unit
    cell: reporting.Cell
    days_overdue: int


@dataclass(frozen=True)
class Dashboard:
    plan: Plan
    as_of: datetime.date
    verdicts: list[IndicatorVerdict]
    totals: RagCounts
    by_section: list[RagRow]
    by_unit: list[RagRow]
    misses: list[IndicatorVerdict]
    escalations: list[Escalation]
    has_schedule: bool
    period: Period | None  # the latest period due by ``as_of``
    silent: list[Silent]

    @property
    def without_target(self) -> int:
        return sum(1 for v in self.verdicts if v.status is engine.Status.NO_TARGET)


def _units_of_tasks(plan: Plan) -> dict[int, set[int]]:
    """task id → ids of the units on it (directly or through a measure)."""
    units: dict[int, set[int]] = defaultdict(set)
    for unit_id, task_ids in reporting.owed_tasks(plan).items():
        for task_id in task_ids:
            units[task_id].add(unit_id)
    return units


def _by_section(verdicts: list[IndicatorVerdict]) -> list[RagRow]:
    rows: dict[int | None, RagRow] = {}
    for verdict in verdicts:
        indicator = verdict.indicator
        section = indicator.task.section if indicator.task else indicator.section
        key = section.pk if section else None
        if key not in rows:
            rows[key] = RagRow(section.title if section else "—", section=section)
        rows[key].counts.add(verdict)
    return sorted(
        rows.values(), key=lambda r: (r.section is None, r.section.position if r.section else 0)
    )


def _by_unit(plan: Plan, verdicts: list[IndicatorVerdict]) -> list[RagRow]:
    units_of_task = _units_of_tasks(plan)
    counts: dict[int, RagCounts] = defaultdict(RagCounts)
    for verdict in verdicts:
        for unit_id in units_of_task.get(verdict.indicator.task_id or 0, ()):
            counts[unit_id].add(verdict)
    units = Unit.objects.in_bulk(list(counts))
    rows = [RagRow(units[pk].name_zh, counts[pk], unit=units[pk]) for pk in counts]
    # Most red first, then most amber; then by name.
    return sorted(rows, key=lambda r: (-r.counts.red, -r.counts.amber, r.name))


def _escalations(plan: Plan, as_of: datetime.date) -> list[Escalation]:
    rows = []
    for report in progress_queries.escalations().filter(period__plan=plan):
        if report.submitted_at is None:
            continue
        submitted = timezone.localdate(report.submitted_at)
        if submitted <= as_of:
            rows.append(Escalation(report, (as_of - submitted).days))
    return sorted(rows, key=lambda e: -e.age_days)


def _silent(plan: Plan, as_of: datetime.date) -> tuple[Period | None, list[Silent]]:
    matrix = reporting.completeness(plan, as_of)
    due = [i for i, p in enumerate(matrix.periods) if p.is_overdue(as_of)]
    if not due:
        return None, []
    column = due[-1]
    period = matrix.periods[column]
    silent = [
        Silent(row.unit, row.cells[column], (as_of - period.due).days)
        for row in matrix.rows
        if row.cells[column].state in (reporting.State.MISSING, reporting.State.PARTLY)
    ]
    silent.sort(key=lambda s: (s.cell.state != reporting.State.MISSING, s.unit.name_zh))
    return period, silent


def build_dashboard(plan: Plan, as_of: datetime.date) -> Dashboard:
    # Today's statuses are stored and kept current (``oversight.refresh``).
    live = as_of != timezone.localdate()
    verdicts = evaluate_plan(plan, as_of) if live else stored_verdicts(plan, as_of)
    judged = [v for v in verdicts if v.rag]
    totals = RagCounts()
    for verdict in judged:
        totals.add(verdict)
    rank = {status: i for i, status in enumerate(MISSING_TARGET)}
    misses = sorted(
        (v for v in judged if v.status in rank),
        key=lambda v: (rank[v.status], not v.indicator.binding),
    )
    period, silent = _silent(plan, as_of)
    return Dashboard(
        plan=plan,
        as_of=as_of,
        verdicts=verdicts,
        totals=totals,
        by_section=_by_section(judged),
        by_unit=_by_unit(plan, judged),
        misses=misses,
        escalations=_escalations(plan, as_of),
        has_schedule=hasattr(plan, "schedule"),
        period=period,
        silent=silent,
    )
