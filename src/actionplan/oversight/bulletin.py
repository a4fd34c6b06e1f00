"""The supervision bulletin (督查通报) for a chosen period: a reporting
period of the plan, or a calendar year.

- its date: the day the period's reports were due (for a year, the last due
  date of the year's periods, else 31 December), never later than today —
  the verdicts and the escalations are as of that date;
- the overall picture: indicators by status, reports owed, submitted and
  submitted on time in the period (as known today: a report sent late
  counts as late);
- by section: red, amber, green;
- lagging units: those that did not report, reported partly or late, and
  the units with red indicators;
- the escalations still open at its date.

The view only renders what ``build_bulletin`` returns.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.functional import Promise

from actionplan import engine
from actionplan.oversight import escalations as escalation_list
from actionplan.oversight.dashboard import (
    RagCounts,
    RagRow,
    counted,
    scope,
    section_rows,
    unit_rows,
)
from actionplan.oversight.services import STATUS_LABELS, IndicatorVerdict, evaluate_plan
from actionplan.oversight.status_models import RollupScope
from actionplan.plans.models import Plan, Unit
from actionplan.progress.models import Period
from actionplan.progress.services import completeness as reporting

# The order of the statuses in the overall picture.
STATUS_ORDER = (
    engine.Status.NOT_MET,
    engine.Status.OFF_TRACK,
    engine.Status.AT_RISK,
    engine.Status.ON_TRACK,
    engine.Status.ACHIEVED,
    engine.Status.MET,
    engine.Status.NO_DATA,
    engine.Status.NO_TARGET,
)

# Cells that make a unit lag, worst first.
LAGGING_STATES = (reporting.State.MISSING, reporting.State.PARTLY, reporting.State.LATE)


@dataclass(frozen=True)
class Choice:
    """What the bulletin covers: one period, or a year."""

    label: str
    start: datetime.date
    end: datetime.date
    periods: tuple[Period, ...]
    period: Period | None = None
    year: int | None = None


@dataclass(frozen=True)
class StatusCount:
    slug: str
    label: Promise
    count: int


@dataclass
class LaggingUnit:
    unit: Unit
    cells: list[reporting.Cell] = field(default_factory=list)  # the lagging ones
    red: int = 0

    def sort_key(self) -> tuple[int, int, str]:
        worst = min(
            (LAGGING_STATES.index(c.state) for c in self.cells), default=len(LAGGING_STATES)
        )
        return (worst, -self.red, self.unit.name_zh)

    @property
    def not_reported(self) -> bool:
        return any(c.state == reporting.State.MISSING for c in self.cells)


@dataclass(frozen=True)
class Bulletin:
    plan: Plan
    choice: Choice
    as_of: datetime.date
    totals: RagCounts
    statuses: list[StatusCount]
    by_section: list[RagRow]
    owed: int
    submitted: int
    on_time: int
    units_owing: int
    lagging: list[LaggingUnit]
    escalations: list[escalation_list.Item]
    handled: int

    @property
    def late(self) -> int:
        return self.submitted - self.on_time

    @property
    def missing(self) -> int:
        return self.owed - self.submitted

    @property
    def on_time_percent(self) -> int | None:
        return round(100 * self.on_time / self.owed) if self.owed else None

    @property
    def not_reported(self) -> list[LaggingUnit]:
        return [u for u in self.lagging if u.not_reported]


# --- Choosing -------------------------------------------------------------------


def plan_years(plan: Plan, periods: list[Period]) -> list[int]:
    years = {p.start.year for p in periods}
    if plan.period_start and plan.period_end:
        years |= set(range(plan.period_start, plan.period_end + 1))
    return sorted(years)


def choose(
    plan: Plan, period_id: str | None, year: str | None, today: datetime.date
) -> Choice | None:
    """The period asked for (``period`` wins over ``year``); else the latest
    period whose reports were due by ``today``, else the first one; else
    the current year of the plan. None when nothing can be chosen."""
    periods = list(Period.objects.filter(plan=plan).order_by("start"))
    if period_id and period_id.isdigit():
        found = next((p for p in periods if p.pk == int(period_id)), None)
        if found is not None:
            return _of_period(found)
    if year and year.strip().isdigit():
        return _of_year(int(year), periods)
    due = [p for p in periods if p.is_overdue(today)]
    if due:
        return _of_period(due[-1])
    if periods:
        return _of_period(periods[0])
    years = plan_years(plan, periods)
    if not years:
        return None
    return _of_year(min(max(today.year, years[0]), years[-1]), periods)


def _of_period(period: Period) -> Choice:
    return Choice(period.label, period.start, period.end, (period,), period=period)


def _of_year(year: int, periods: list[Period]) -> Choice:
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    inside = tuple(p for p in periods if start <= p.start and p.end <= end)
    return Choice(str(year), start, end, inside, year=year)


def bulletin_date(choice: Choice, today: datetime.date) -> datetime.date:
    due = max((p.due for p in choice.periods), default=choice.end)
    return min(due, today)


# --- Building -------------------------------------------------------------------


def _reporting(
    plan: Plan, choice: Choice, today: datetime.date
) -> tuple[int, int, int, int, dict[int, LaggingUnit]]:
    matrix = reporting.completeness(plan, today)
    chosen = {p.pk for p in choice.periods}
    columns = [i for i, p in enumerate(matrix.periods) if p.pk in chosen]
    owed = submitted = on_time = 0
    owing: set[int] = set()
    lagging: dict[int, LaggingUnit] = {}
    for row in matrix.rows:
        for column in columns:
            cell = row.cells[column]
            if cell.state == reporting.State.NOT_YET_DUE:
                continue
            owing.add(row.unit.pk)
            owed += cell.owed
            submitted += min(cell.submitted, cell.owed)
            on_time += min(cell.on_time, cell.owed)
            if cell.state in LAGGING_STATES:
                lagging.setdefault(row.unit.pk, LaggingUnit(row.unit)).cells.append(cell)
    return owed, submitted, on_time, len(owing), lagging


def _section_id(verdict: IndicatorVerdict) -> int | None:
    indicator = verdict.indicator
    return indicator.task.section_id if indicator.task else indicator.section_id


def build_bulletin(plan: Plan, choice: Choice, today: datetime.date) -> Bulletin:
    as_of = bulletin_date(choice, today)
    verdicts = evaluate_plan(plan, as_of)
    by_status = Counter(v.status for v in verdicts)
    statuses = [
        StatusCount(status.slug, STATUS_LABELS[status], by_status[status])
        for status in STATUS_ORDER
        if by_status[status]
    ]
    counts = counted(plan, Counter((v.indicator.task_id, _section_id(v), v.rag) for v in verdicts))
    owed, submitted, on_time, units_owing, lagging = _reporting(plan, choice, today)
    for row in unit_rows(scope(counts, RollupScope.UNIT)):
        if row.unit is not None and row.counts.red:
            lagging.setdefault(row.unit.pk, LaggingUnit(row.unit)).red = row.counts.red
    found = escalation_list.gather(plan, as_of, verdicts=verdicts)
    # Open at the bulletin's date: an item handled since is still listed, with
    # its later note.
    handled = [
        i for i in found.handled if i.note and timezone.localdate(i.note.handled_at) <= as_of
    ]
    handled_keys = {i.key for i in handled}
    still_open = [i for i in found.items if i.key not in handled_keys]
    return Bulletin(
        plan=plan,
        choice=choice,
        as_of=as_of,
        totals=counts[(RollupScope.PLAN, 0)],
        statuses=statuses,
        by_section=section_rows(counts),
        owed=owed,
        submitted=submitted,
        on_time=on_time,
        units_owing=units_owing,
        lagging=sorted(lagging.values(), key=LaggingUnit.sort_key),
        escalations=still_open,
        handled=len(handled),
    )
