"""The red / amber / green counts of a plan, of its sections and of its
units (``StatusRollup``), kept in step with the stored statuses.

An indicator counts in its plan, in one section (the section its task sits
in, else its own; key 0 where it has none) and in every unit on its task
(directly or through one of the task's measures). ``rebuild`` recounts a
whole plan in one pass; ``apply`` moves the counts of a few indicators
between colours — what an approval touches — in one-row updates. A unit put
on or taken off a task is counted again at the next rebuild (nightly).
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, F, QuerySet
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
    # One row per current indicator (``refresh.ensure_current``): no join.
    return IndicatorStatus.objects.filter(plan=plan)


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


def _scopes(
    where: tuple[int | None, int | None, str], units_of_task: Mapping[int, Iterable[int]]
) -> list[Key]:
    """The scopes an indicator at ``(task id, section id, colour)`` counts in."""
    task_id, section_id, _rag = where
    scopes: list[Key] = [(RollupScope.PLAN, 0), (RollupScope.SECTION, section_id or 0)]
    scopes += [(RollupScope.UNIT, unit) for unit in units_of_task.get(task_id or 0, ())]
    return scopes


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
    for where, n in grouped:
        for key in _scopes(where, units_of_task):
            counts[key][_column(where[2])] += n
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


@dataclass(frozen=True)
class Move:
    """Where one indicator counted (``None``: nowhere yet) and counts now:
    (task id, section id, colour)."""

    before: tuple[int | None, int | None, str] | None
    after: tuple[int | None, int | None, str]


def apply(plan: Plan, as_of: datetime.date, moves: Sequence[Move]) -> None:
    """Move the indicators' counts between colours (and scopes, if their
    task or section changed): a few one-row updates, whatever the size of
    the plan — what an approval costs. Exact while the roll-ups were; the
    nightly ``rebuild`` recounts everything."""
    moved = [m for m in moves if m.before != m.after]
    if not moved:
        return
    tasks = {t for m in moved for t in (m.after[0], m.before[0] if m.before else None) if t}
    units_of_task = units_on_tasks(plan, tasks) if tasks else {}
    delta: dict[Key, Counter[str]] = defaultdict(Counter)
    for move in moved:
        steps = [(move.after, +1)] if move.before is None else [(move.before, -1), (move.after, +1)]
        for where, sign in steps:
            for scope_key in _scopes(where, units_of_task):
                delta[scope_key][_column(where[2])] += sign
    changed = {key: tally for key, tally in delta.items() if any(tally.values())}
    if not changed:
        return
    StatusRollup.objects.bulk_create(
        [StatusRollup(plan=plan, scope=scope, key=key, as_of=as_of) for scope, key in changed],
        ignore_conflicts=True,
    )
    now = timezone.now()
    for (scope, key), tally in changed.items():
        StatusRollup.objects.filter(plan=plan, scope=scope, key=key).update(
            as_of=as_of,
            updated_at=now,
            **{column: F(column) + n for column, n in tally.items() if n},
        )


def stored(plan: Plan, as_of: datetime.date) -> int | None:
    """How many indicators the plan's stored counts cover (``None``: no
    counts for ``as_of``)."""
    row = StatusRollup.objects.filter(plan=plan, scope=RollupScope.PLAN, key=0, as_of=as_of).first()
    return None if row is None else sum(getattr(row, column) for column in COUNTED)
