"""What the supervision dashboard shows for a plan at an evaluation date.

- red / amber / green counts of the indicators for the plan, by section (the
  section the indicator's task sits in) and by unit (every unit on the
  indicator's task, directly or through one of its measures): the stored
  roll-ups for today, counted from a fresh evaluation for another day;
- the indicators that will miss their target (off track, at risk) or have
  missed it (not met), worst first — the first ``LIST_ROWS`` of them, the
  rest on their own page;
- what changed since the last reporting period: the statuses that moved
  (for today, as the stored statuses logged them; for another day, the
  statuses at the end of the last period compared with those at the date);
- the problems referred to the leading group, with their owner and age;
- the units that have not (fully) reported for the latest period whose due
  date has passed.

Every part is bounded: a plan of 100,000 indicators and 500 units gives a
page of the same size as one of 30. The view only renders what
``build_dashboard`` returns.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise

from actionplan import engine
from actionplan.oversight import refresh, rollups
from actionplan.oversight.services import (
    MISSING_TARGET,
    RAG,
    STATUS_LABELS,
    IndicatorVerdict,
)
from actionplan.oversight.status_models import (
    IndicatorStatus,
    RollupScope,
    StatusChange,
    StatusRollup,
)
from actionplan.plans.models import Indicator, Plan, Section, Unit
from actionplan.progress import queries as progress_queries
from actionplan.progress.models import Period, Report
from actionplan.progress.services import completeness as reporting

COLOURS = rollups.COLOURS
LIST_ROWS = 25  # misses, changes: the first this many on the dashboard
UNIT_ROWS = 15  # units most behind on the dashboard; all on the units page
ESCALATION_ROWS = 10
SMALL_PLAN = 300  # up to this many indicators, the dashboard lists them all
CHANGES_WITHOUT_SCHEDULE = 30  # days looked back when the plan has no periods


@dataclass
class RagCounts:
    red: int = 0
    amber: int = 0
    green: int = 0
    grey: int = 0
    no_target: int = 0

    def add(self, verdict: IndicatorVerdict) -> None:
        self.count(verdict.rag)

    def count(self, rag: str, n: int = 1) -> None:
        column = rag or "no_target"
        setattr(self, column, getattr(self, column) + n)

    @property
    def total(self) -> int:
        return self.red + self.amber + self.green + self.grey

    @classmethod
    def of(cls, row: StatusRollup) -> RagCounts:
        return cls(row.red, row.amber, row.green, row.grey, row.no_target)


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


# Worse colours first: a change towards a later colour is a change for the better.
_COLOUR_RANK = {"red": 0, "amber": 1, "grey": 2, "green": 3, "": 4}


@dataclass(frozen=True)
class Change:
    """An indicator whose status moved in the window (first before → last after)."""

    indicator: Indicator
    before: engine.Status
    after: engine.Status
    changed_on: datetime.date | None  # None: found by comparing two dates, not logged

    @property
    def before_label(self) -> Promise:
        return STATUS_LABELS[self.before]

    @property
    def after_label(self) -> Promise:
        return STATUS_LABELS[self.after]

    @property
    def after_slug(self) -> str:
        return self.after.slug

    @property
    def worse(self) -> bool:
        return _rank(self.after) < _rank(self.before)


def _rank(status: engine.Status) -> int:
    return _COLOUR_RANK[RAG.get(status, "")]


@dataclass(frozen=True)
class Dashboard:
    plan: Plan
    as_of: datetime.date
    stored: bool  # read from the stored statuses (today) or evaluated now
    indicators: int
    totals: RagCounts
    by_section: list[RagRow]
    by_unit: list[RagRow]  # the units most behind
    units: int  # units with indicators
    misses: list[IndicatorVerdict]  # worst first, the first LIST_ROWS
    missing: int  # how many targets will be (or were) missed
    changes: list[Change]
    changed: int
    changes_since: datetime.date
    escalations: list[Escalation]
    escalated: int
    has_schedule: bool
    period: Period | None  # the latest period due by ``as_of``
    silent: list[Silent]
    verdicts: list[IndicatorVerdict] | None  # every indicator, for a small plan

    @property
    def without_target(self) -> int:
        return self.totals.no_target

    @property
    def more_misses(self) -> int:
        return self.missing - len(self.misses)

    @property
    def more_units(self) -> int:
        return self.units - len(self.by_unit)


# --- Counts -------------------------------------------------------------------------


def section_rows(all_counts: dict[tuple[str, int], RagCounts]) -> list[RagRow]:
    """Sections in the plan's order ("—" last for indicators outside any)."""
    counts = scope(all_counts, RollupScope.SECTION)
    sections = Section.objects.in_bulk([key for key in counts if key])
    rows = [
        RagRow(sections[key].title, tally, section=sections[key])
        if key in sections
        else RagRow("—", tally)
        for key, tally in counts.items()
        if tally.total
    ]
    return sorted(rows, key=lambda r: (r.section is None, r.section.position if r.section else 0))


def unit_rows(counts: dict[int, RagCounts], limit: int | None = None) -> list[RagRow]:
    """Units most red first, then most amber; then by name."""
    units = Unit.objects.in_bulk([pk for pk, tally in counts.items() if tally.total])
    order = sorted(
        units.values(), key=lambda u: (-counts[u.pk].red, -counts[u.pk].amber, u.name_zh)
    )
    return [RagRow(u.name_zh, counts[u.pk], unit=u) for u in order[:limit]]


def stored_counts(plan: Plan) -> dict[tuple[str, int], RagCounts]:
    return {
        (row.scope, row.key): RagCounts.of(row) for row in StatusRollup.objects.filter(plan=plan)
    }


def counted(
    plan: Plan, grouped: Counter[tuple[int | None, int | None, str]]
) -> dict[tuple[str, int], RagCounts]:
    """Roll-ups counted from ``(task id, section id, colour) → how many`` for
    indicators evaluated now (not stored), as ``rollups.rebuild`` counts them."""
    return {
        key: RagCounts(**{c: tally.get(c, 0) for c in rollups.COUNTED})
        for key, tally in rollups.count(plan, grouped.items()).items()
    }


def counted_rows(plan: Plan, rows: Sequence[IndicatorStatus]) -> dict[tuple[str, int], RagCounts]:
    return counted(plan, Counter((r.task_id, r.section_id, r.rag) for r in rows))


def scope(counts: dict[tuple[str, int], RagCounts], kind: str) -> dict[int, RagCounts]:
    return {key: tally for (k, key), tally in counts.items() if k == kind}


# --- Lists --------------------------------------------------------------------------


def stored_misses(plan: Plan) -> QuerySet[IndicatorStatus]:
    """The stored rows of the targets that will be (or were) missed, worst
    first: not met, off track, at risk; binding targets first within each
    (one range of the ``status_worst_first`` index)."""
    return (
        IndicatorStatus.objects.filter(plan=plan, severity__lt=len(MISSING_TARGET))
        .select_related("indicator")
        .order_by("severity", "-binding", "indicator_id")
    )


def evaluated_misses(rows: Sequence[IndicatorStatus]) -> list[IndicatorStatus]:
    """The rows of ``stored_misses``, in its order, from rows evaluated now."""
    return sorted(
        (row for row in rows if row.severity < len(MISSING_TARGET)),
        key=lambda r: (r.severity, not r.binding, r.indicator_id),
    )


def with_indicators(rows: list[IndicatorStatus]) -> list[IndicatorStatus]:
    indicators = Indicator.objects.in_bulk([row.indicator_id for row in rows])
    for row in rows:
        row.indicator = indicators[row.indicator_id]
    return rows


def changes_since(plan: Plan, as_of: datetime.date) -> datetime.date:
    """The end of the last reporting period over by ``as_of`` (else a month back)."""
    last = Period.objects.filter(plan=plan, end__lt=as_of).order_by("-end").first()
    if last is not None:
        return last.end
    return as_of - datetime.timedelta(days=CHANGES_WITHOUT_SCHEDULE)


def _sorted(changes: list[Change]) -> list[Change]:
    """Worse first, then the latest."""
    return sorted(
        changes,
        key=lambda c: (
            not c.worse,
            -(c.changed_on.toordinal() if c.changed_on else 0),
            c.indicator.pk,
        ),
    )


def _compared(plan: Plan, since: datetime.date, rows: Sequence[IndicatorStatus]) -> list[Change]:
    """Another day than today: the statuses at ``since`` and at the date,
    both evaluated now (the log records only what moved while it ran)."""
    before = {row.indicator_id: row.status for row in refresh.evaluate_rows(plan, since)}
    moved = [row for row in rows if before.get(row.indicator_id, row.status) != row.status]
    indicators = Indicator.objects.in_bulk([row.indicator_id for row in moved])
    return _sorted(
        [
            Change(
                indicators[row.indicator_id],
                engine.Status(before[row.indicator_id]),
                engine.Status(row.status),
                None,
            )
            for row in moved
        ]
    )


def _logged(plan: Plan, since: datetime.date, as_of: datetime.date) -> list[Change]:
    """Today: the statuses the stored rows moved through since ``since``."""
    moves: dict[int, list[tuple[int, int, datetime.date]]] = defaultdict(list)
    logged = (
        StatusChange.objects.filter(plan=plan, changed_on__gt=since, changed_on__lte=as_of)
        .order_by("changed_on", "id")
        .values_list("indicator_id", "before", "after", "changed_on")
    )
    for indicator_id, before, after, day in logged:
        moves[indicator_id].append((before, after, day))
    net = {
        pk: (steps[0][0], steps[-1][1], steps[-1][2])
        for pk, steps in moves.items()
        if steps[0][0] != steps[-1][1]
    }
    indicators = Indicator.objects.current().in_bulk(list(net))
    return _sorted(
        [
            Change(indicators[pk], engine.Status(before), engine.Status(after), day)
            for pk, (before, after, day) in net.items()
            if pk in indicators
        ]
    )


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
    period = (
        Period.objects.filter(plan=plan, start__lte=as_of, due__lt=as_of).order_by("-due").first()
    )
    if period is None:
        return None, []
    matrix = reporting.completeness(plan, as_of, periods=[period])
    silent = [
        Silent(row.unit, row.cells[0], (as_of - period.due).days)
        for row in matrix.rows
        if row.cells[0].state in (reporting.State.MISSING, reporting.State.PARTLY)
    ]
    silent.sort(key=lambda s: (s.cell.state != reporting.State.MISSING, s.unit.name_zh))
    return period, silent


# --- The dashboard ------------------------------------------------------------------


def build_dashboard(plan: Plan, as_of: datetime.date) -> Dashboard:
    # Today's statuses and roll-ups are stored and kept current
    # (``oversight.refresh``); another day is evaluated now.
    stored = as_of == timezone.localdate()
    since = changes_since(plan, as_of)
    if stored:
        refresh.ensure_current(plan, as_of)
        counts = stored_counts(plan)
        whole = counts.get((RollupScope.PLAN, 0), RagCounts())
        missing = whole.red + whole.amber  # not met, off track, at risk
        misses = list(stored_misses(plan)[:LIST_ROWS])
        size = whole.total + whole.no_target
        every = (
            list(
                IndicatorStatus.objects.filter(plan=plan)
                .select_related("indicator")
                .order_by("indicator_id")
            )
            if size <= SMALL_PLAN
            else None
        )
        changes = _logged(plan, since, as_of)
    else:
        rows = refresh.evaluate_rows(plan, as_of)
        counts = counted_rows(plan, rows)
        ranked = evaluated_misses(rows)
        missing = len(ranked)
        misses = with_indicators(ranked[:LIST_ROWS])
        size = len(rows)
        every = with_indicators(list(rows)) if size <= SMALL_PLAN else None
        changes = _compared(plan, since, rows)
    units = scope(counts, RollupScope.UNIT)
    escalations = _escalations(plan, as_of)
    period, silent = _silent(plan, as_of)
    return Dashboard(
        plan=plan,
        as_of=as_of,
        stored=stored,
        indicators=size,
        totals=counts.get((RollupScope.PLAN, 0), RagCounts()),
        by_section=section_rows(counts),
        by_unit=unit_rows(units, UNIT_ROWS),
        units=sum(1 for tally in units.values() if tally.total),
        misses=refresh.stored_verdicts(misses),
        missing=missing,
        changes=changes[:LIST_ROWS],
        changed=len(changes),
        changes_since=since,
        escalations=escalations[:ESCALATION_ROWS],
        escalated=len(escalations),
        has_schedule=hasattr(plan, "schedule"),
        period=period,
        silent=silent,
        verdicts=None if every is None else refresh.stored_verdicts(every),
    )
