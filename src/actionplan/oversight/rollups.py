"""The red / amber / green counts of a plan, of its sections and of its
units (``StatusRollup``), kept in step with the stored statuses.

An indicator counts in its plan, in one section (the section its task sits
in, else its own; key 0 where it has none) and in every unit on its task
(directly or through one of the task's measures). ``rebuild`` recounts a
whole plan in one pass; ``refresh`` recounts, in the database, only the
scopes some indicators count in — what an approval touches. A unit put on
or taken off a task is counted again at the next rebuild (nightly).
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from actionplan.oversight.status_models import IndicatorStatus, RollupScope, StatusRollup
from actionplan.plans.models import Plan
from actionplan.progress.services.completeness import owed_tasks, units_on_tasks

COLOURS = ("red", "amber", "green", "grey")
COUNTED = (*COLOURS, "no_target")
UPDATED_FIELDS = ["as_of", *COUNTED, "updated_at"]

Key = tuple[str, int]  # (scope, key)


def _column(rag: str) -> str:
    return rag or "no_target"


def _statuses(plan: Plan) -> QuerySet[IndicatorStatus]:
    return IndicatorStatus.objects.filter(plan=plan, indicator__retired_in__isnull=True)


def _rows(plan: Plan, as_of: datetime.date, counts: dict[Key, Counter[str]]) -> list[StatusRollup]:
    now = timezone.now()
    return [
        StatusRollup(
            plan=plan,
            scope=scope,
            key=key,
            as_of=as_of,
            updated_at=now,
            **{column: tally.get(column, 0) for column in COUNTED},
        )
        for (scope, key), tally in counts.items()
    ]


def _upsert(rows: list[StatusRollup]) -> None:
    StatusRollup.objects.bulk_create(
        rows,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["plan", "scope", "key"],
        update_fields=UPDATED_FIELDS,
    )


def count(
    plan: Plan, grouped: Iterable[tuple[tuple[int | None, int | None, str], int]]
) -> dict[Key, Counter[str]]:
    """Every scope's counts from ``((task id, section id, colour), how many)``."""
    units_of_task: dict[int, list[int]] = defaultdict(list)
    for unit_id, task_ids in owed_tasks(plan).items():
        for task_id in task_ids:
            units_of_task[task_id].append(unit_id)
    counts: dict[Key, Counter[str]] = defaultdict(Counter)
    counts[(RollupScope.PLAN, 0)] = Counter()
    for (task, section_id, rag), n in grouped:
        task_id = task or 0
        column = _column(rag)
        counts[(RollupScope.PLAN, 0)][column] += n
        counts[(RollupScope.SECTION, section_id or 0)][column] += n
        for unit_id in units_of_task.get(task_id, ()):
            counts[(RollupScope.UNIT, unit_id)][column] += n
    return counts


def rebuild(plan: Plan, as_of: datetime.date) -> None:
    """Recount every scope of the plan."""
    grouped = (
        _statuses(plan)
        .values_list("task_id", "section_id", "rag")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = count(plan, (((t, s, r), n) for t, s, r, n in grouped))
    with transaction.atomic():
        StatusRollup.objects.filter(plan=plan).delete()
        _upsert(_rows(plan, as_of, counts))


def refresh(plan: Plan, as_of: datetime.date, indicator_ids: Iterable[int]) -> None:
    """Recount the scopes these indicators count in."""
    touched = list(
        _statuses(plan)
        .filter(indicator_id__in=list(indicator_ids))
        .values_list("task_id", "section_id")
        .distinct()
    )
    if not touched:
        return
    sections = {section_id or 0 for _task, section_id in touched}
    tasks = {task_id for task_id, _section in touched if task_id}
    counts: dict[Key, Counter[str]] = defaultdict(Counter)

    in_sections = Q(section_id__in=sections - {0})
    if 0 in sections:
        in_sections |= Q(section__isnull=True)
    for section_id, rag, n in (
        _statuses(plan)
        .filter(in_sections)
        .values_list("section_id", "rag")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts[(RollupScope.SECTION, section_id or 0)][_column(rag)] += n
    for section_id in sections:
        counts.setdefault((RollupScope.SECTION, section_id), Counter())

    unit_ids = set().union(*units_on_tasks(plan, tasks).values()) if tasks else set()
    if unit_ids:
        tasks_of_unit = owed_tasks(plan, unit_ids)
        every_task = set().union(*tasks_of_unit.values())
        by_task: dict[int, Counter[str]] = defaultdict(Counter)
        for task_id, rag, n in (
            _statuses(plan)
            .filter(task_id__in=every_task)
            .values_list("task_id", "rag")
            .annotate(n=Count("id"))
            .order_by()
        ):
            by_task[task_id][_column(rag)] += n
        for unit_id in unit_ids:
            tally = counts[(RollupScope.UNIT, unit_id)]
            for task_id in tasks_of_unit.get(unit_id, ()):
                tally.update(by_task.get(task_id, Counter()))

    with transaction.atomic():
        _upsert(_rows(plan, as_of, counts))
        # The plan's counts are the sum of its sections'.
        sums = StatusRollup.objects.filter(plan=plan, scope=RollupScope.SECTION).aggregate(
            **{column: Sum(column) for column in COUNTED}
        )
        whole = Counter({column: sums[column] or 0 for column in COUNTED})
        _upsert(_rows(plan, as_of, {(RollupScope.PLAN, 0): whole}))


def exists(plan: Plan, as_of: datetime.date) -> bool:
    return StatusRollup.objects.filter(
        plan=plan, scope=RollupScope.PLAN, key=0, as_of=as_of
    ).exists()
