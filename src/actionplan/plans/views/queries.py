"""What the plans pages read, gathered in a few queries per page.

Read-only: no rule of the plan lives here (the models, ``permissions`` and the
services hold those); this only fetches and arranges rows for display, so that
a page costs a fixed number of queries however large the plan.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from actionplan.plans.models import (
    Indicator,
    Measure,
    Milestone,
    Observation,
    PeriodGroup,
    PeriodKind,
    Plan,
    PlanVersion,
    Responsibility,
    ResponsibilityRole,
    Section,
    SectionKind,
    Task,
    Unit,
    group_periods,
)
from actionplan.plans.models.base import PlanContentQuerySet


def plans_for_list() -> QuerySet[Plan]:
    def current_count(relation: str) -> Subquery:
        model = Plan._meta.get_field(relation).related_model
        if model is None or isinstance(model, str):
            raise TypeError(f"{relation} is not a relation of Plan")
        rows = (
            model._default_manager.filter(plan=OuterRef("pk"), retired_in__isnull=True)
            .order_by()
            .values("plan")
            .annotate(n=Count("id"))
            .values("n")
        )
        return Subquery(rows)

    latest = PlanVersion.objects.filter(plan=OuterRef("pk")).order_by("-number")
    return Plan.objects.annotate(
        task_count=Coalesce(current_count("tasks"), 0),
        indicator_count=Coalesce(current_count("indicators"), 0),
        version_number=Subquery(latest.values("number")[:1]),
        version_imported_at=Subquery(latest.values("imported_at")[:1]),
    )


def task_responsibilities() -> Prefetch[Any]:
    return Prefetch(
        "responsibilities",
        queryset=Responsibility.objects.select_related("unit").order_by("role", "unit__name_zh"),
    )


@dataclass
class TaskRow:
    task: Task
    measures: int = 0
    indicators: int = 0
    milestones: int = 0

    @property
    def leads(self) -> list[Responsibility]:
        return [r for r in self.task.responsibilities.all() if r.role == ResponsibilityRole.LEAD]

    @property
    def illustrative(self) -> bool:
        return any(r.illustrative for r in self.task.responsibilities.all())

    @property
    def cooperating(self) -> list[Responsibility]:
        return [
            r for r in self.task.responsibilities.all() if r.role == ResponsibilityRole.COOPERATING
        ]


@dataclass
class OutlineEntry:
    """A section of the outline with its goals, its tasks and its sub-sections."""

    section: Section
    goals: list[Section] = field(default_factory=list)
    tasks: list[TaskRow] = field(default_factory=list)
    children: list[OutlineEntry] = field(default_factory=list)
    indicators: int = 0

    @property
    def task_count(self) -> int:
        return len(self.tasks) + sum(child.task_count for child in self.children)


@dataclass
class PlanOutline:
    entries: list[OutlineEntry]
    loose_tasks: list[TaskRow]
    task_count: int
    illustrative: bool


def _counts(model: type[Any], plan: Plan) -> dict[int, int]:
    rows = (
        model.objects.current()
        .filter(plan=plan, task__isnull=False)
        .values("task_id")
        .annotate(n=Count("id"))
        .values_list("task_id", "n")
    )
    return dict(rows)


def plan_outline(plan: Plan) -> PlanOutline:
    """Parts → sections → tasks, with each task's units and counts."""
    sections = list(Section.objects.current().filter(plan=plan).order_by("position"))
    tasks = list(
        Task.objects.current()
        .filter(plan=plan)
        .order_by("position")
        .prefetch_related(task_responsibilities())
    )
    measures = _counts(Measure, plan)
    indicators = _counts(Indicator, plan)
    milestones = _counts(Milestone, plan)
    section_indicators = dict(
        Indicator.objects.current()
        .filter(plan=plan, task__isnull=True, section__isnull=False)
        .values("section_id")
        .annotate(n=Count("id"))
        .values_list("section_id", "n")
    )

    entries: dict[int, OutlineEntry] = {}
    roots: list[OutlineEntry] = []
    for section in sections:
        if section.kind == SectionKind.GOAL and section.parent_id in entries:
            entries[section.parent_id].goals.append(section)
            continue
        entry = OutlineEntry(section, indicators=section_indicators.get(section.pk, 0))
        entries[section.pk] = entry
        parent = entries.get(section.parent_id) if section.parent_id else None
        (parent.children if parent else roots).append(entry)

    loose: list[TaskRow] = []
    illustrative = False
    for task in tasks:
        row = TaskRow(
            task,
            measures=measures.get(task.pk, 0),
            indicators=indicators.get(task.pk, 0),
            milestones=milestones.get(task.pk, 0),
        )
        illustrative = illustrative or any(r.illustrative for r in task.responsibilities.all())
        owner = entries.get(task.section_id) if task.section_id else None
        (owner.tasks if owner else loose).append(row)
    return PlanOutline(roots, loose, len(tasks), illustrative)


def any_illustrative_assignment() -> bool:
    return Responsibility.objects.filter(illustrative=True).exists()


@dataclass
class IndicatorRow:
    """An indicator with its observations grouped by period."""

    indicator: Indicator
    periods: list[PeriodGroup]

    @property
    def latest(self) -> PeriodGroup | None:
        return self.periods[-1] if self.periods else None

    @property
    def in_target_year(self) -> PeriodGroup | None:
        """The whole-year (or year-end) figure for the target year, if any."""
        year = self.indicator.target_year
        found = [
            group
            for group in self.periods
            if group.period_end.year == year and group.kind != PeriodKind.PART_OF_YEAR
        ]
        return found[-1] if found else None


def indicator_rows(indicators: Iterable[Indicator]) -> list[IndicatorRow]:
    return [IndicatorRow(i, group_periods(i.observations.all())) for i in indicators]


def indicators_with_observations() -> PlanContentQuerySet[Indicator]:
    return Indicator.objects.select_related("plan", "task").prefetch_related(
        Prefetch(
            "observations",
            queryset=Observation.objects.approved().order_by("period_end", "id"),
        )
    )


def task_for_page(pk: int) -> Task:
    return (
        Task.objects.select_related("plan", "section", "section__parent", "retired_in")
        .prefetch_related(
            task_responsibilities(),
            Prefetch(
                "measures",
                queryset=Measure.objects.current()
                .order_by("position")
                .prefetch_related(task_responsibilities()),
            ),
            Prefetch("milestones", queryset=Milestone.objects.current().order_by("year", "id")),
        )
        .get(pk=pk)
    )


def task_indicators(task: Task) -> list[IndicatorRow]:
    return indicator_rows(indicators_with_observations().current().filter(task=task))


def indicator_for_page(pk: int) -> Indicator:
    return Indicator.objects.select_related(
        "plan", "task", "task__section", "section", "retired_in"
    ).get(pk=pk)


def indicator_periods(indicator: Indicator) -> list[PeriodGroup]:
    return Observation.objects.approved().filter(indicator=indicator).periods()


def units_for_list() -> QuerySet[Unit]:
    current = Q(responsibilities__task__retired_in__isnull=True) & Q(
        responsibilities__measure__retired_in__isnull=True
    )
    return Unit.objects.select_related("parent").annotate(
        lead_count=Count(
            "responsibilities",
            filter=current & Q(responsibilities__role=ResponsibilityRole.LEAD),
            distinct=True,
        ),
        cooperating_count=Count(
            "responsibilities",
            filter=current & Q(responsibilities__role=ResponsibilityRole.COOPERATING),
            distinct=True,
        ),
    )


@dataclass
class UnitTask:
    """A task the unit answers for, and how (on the task itself or on some of its measures)."""

    task: Task
    role: str
    illustrative: bool
    measures: list[Measure] = field(default_factory=list)


def unit_tasks(unit: Unit) -> tuple[list[UnitTask], list[UnitTask]]:
    """The current tasks the unit leads and those it cooperates on."""
    responsibilities = (
        Responsibility.objects.filter(unit=unit)
        .filter(
            Q(task__retired_in__isnull=True, task__isnull=False)
            | Q(measure__retired_in__isnull=True, measure__isnull=False)
        )
        .select_related("task", "task__plan", "measure", "measure__task", "measure__task__plan")
    )
    by_task: dict[tuple[int, str], UnitTask] = {}
    for r in responsibilities:
        task = r.task if r.task is not None else r.measure.task  # type: ignore[union-attr]
        key = (task.pk, r.role)
        item = by_task.setdefault(key, UnitTask(task, r.role, r.illustrative))
        item.illustrative = item.illustrative or r.illustrative
        if r.measure is not None:
            item.measures.append(r.measure)
    ordered = sorted(by_task.values(), key=lambda i: (i.task.plan_id, i.task.position))
    lead = [i for i in ordered if i.role == ResponsibilityRole.LEAD]
    cooperating = [i for i in ordered if i.role == ResponsibilityRole.COOPERATING]
    return lead, cooperating


def unit_indicators(task_ids: Iterable[int]) -> list[IndicatorRow]:
    return indicator_rows(
        indicators_with_observations()
        .current()
        .filter(task_id__in=set(task_ids))
        .order_by("plan", "task__position", "id")
    )


def sections_above(section: Section | None) -> list[Section]:
    """The section and its ancestors, outermost first (for breadcrumbs)."""
    chain: list[Section] = []
    seen: set[int] = set()
    while section is not None and section.pk not in seen:
        chain.append(section)
        seen.add(section.pk)
        section = section.parent
    return list(reversed(chain))


def group_by_role(responsibilities: Iterable[Responsibility]) -> dict[str, list[Responsibility]]:
    grouped: dict[str, list[Responsibility]] = defaultdict(list)
    for r in responsibilities:
        grouped[r.role].append(r)
    return grouped


@dataclass(frozen=True)
class Gap:
    year: int
    partial_only: bool


def missing_years(indicator: Indicator, periods: list[PeriodGroup]) -> list[Gap]:
    """The plan's years for which no figure covers the year: none at all, or
    only a part of the year. Shown so a gap reads as a gap, not as zero."""
    plan = indicator.plan
    first = plan.period_start or indicator.baseline_year
    last = plan.period_end or indicator.target_year
    if first is None or last is None:
        return []
    whole: set[int] = set()
    partial: set[int] = set()
    for group in periods:
        year = group.period_end.year
        # A count as of a day tells its year something too; only a part of
        # a year (Jan–Nov) leaves the year without a full figure.
        (partial if group.kind == PeriodKind.PART_OF_YEAR else whole).add(year)
    return [Gap(year, year in partial) for year in range(first, last + 1) if year not in whole]
