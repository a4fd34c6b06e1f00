"""What goes to the leading group (报请领导小组): one list for a plan at a date.

- problems the units flagged in their reports (``Report.escalate``), once
  the report was submitted — aged from its first submission;
- binding targets (约束性) off track or not met — aged from the figure the
  verdict rests on (off track) or from the end of the target year (not met);
- items overdue by more than ``ACTIONPLAN_ESCALATE_AFTER_DAYS`` days:
  milestones not done (nor cancelled) whose date or year has ended, and
  tasks and measures whose deadline passed without a report saying done —
  aged from the date or the end of the year they were due.

Each item has a stable key (``report:12``, ``target:7``, ``milestone:3``,
``task:18``, ``measure:40``). The leader or the coordinator office marks an
item handled with a note (``mark_handled``); the list shows handled items
apart, with their note.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from actionplan import engine
from actionplan.oversight.escalation_models import EscalationKind, EscalationNote
from actionplan.oversight.services import STATUS_LABELS, IndicatorVerdict, evaluate_plan
from actionplan.plans.models import (
    Indicator,
    Measure,
    Milestone,
    MilestoneOutcome,
    Plan,
    Responsibility,
    ResponsibilityRole,
    Task,
    Unit,
)
from actionplan.plans.permissions import AnyUser, is_coordinator, is_leader
from actionplan.plans.services.history import save_with_history
from actionplan.progress import queries as progress_queries
from actionplan.progress.models import Report, WorkStatus

# The kinds in the order the list names them.
KINDS = tuple(EscalationKind)

# Binding targets with these statuses go to the list.
ESCALATED_STATUSES = (engine.Status.NOT_MET, engine.Status.OFF_TRACK)


def escalate_after_days() -> int:
    return int(getattr(settings, "ACTIONPLAN_ESCALATE_AFTER_DAYS", 30))


@dataclass(frozen=True)
class Item:
    kind: EscalationKind
    key: str  # "<kind>:<id>", stable while the item exists
    title: str
    units: tuple[Unit, ...]  # the owners: lead units first
    since: datetime.date  # when it was flagged or fell due
    age_days: int
    url: str
    detail: str
    note: EscalationNote | None = None

    @property
    def kind_label(self) -> Promise:
        return self.kind.label

    @property
    def handled(self) -> bool:
        return self.note is not None


@dataclass(frozen=True)
class Escalations:
    plan: Plan
    as_of: datetime.date
    after_days: int
    items: list[Item]

    @property
    def open(self) -> list[Item]:
        """Not yet handled, oldest first."""
        return [i for i in self.items if not i.handled]

    @property
    def handled(self) -> list[Item]:
        """Handled, most recently first."""
        rows = [i for i in self.items if i.handled]
        return sorted(rows, key=lambda i: i.note.handled_at if i.note else timezone.now())[::-1]

    def counts(self) -> list[tuple[EscalationKind, int]]:
        """Open items by kind (every kind, in order)."""
        found: dict[str, int] = defaultdict(int)
        for item in self.open:
            found[item.kind] += 1
        return [(kind, found[kind]) for kind in KINDS]


# --- Owners ---------------------------------------------------------------------


class _Owners:
    """The units on the plan's tasks and measures, lead units first."""

    def __init__(self, plan: Plan) -> None:
        rows = (
            Responsibility.objects.filter(task__plan=plan)
            | Responsibility.objects.filter(measure__plan=plan)
        ).select_related("unit", "measure")
        self.of_task: dict[int, list[tuple[str, Unit]]] = defaultdict(list)
        self.of_measure: dict[int, list[tuple[str, Unit]]] = defaultdict(list)
        self.through_measures: dict[int, list[tuple[str, Unit]]] = defaultdict(list)
        for row in rows:
            entry = (row.role, row.unit)
            if row.task_id is not None:
                self.of_task[row.task_id].append(entry)
            elif row.measure is not None:
                self.of_measure[row.measure.pk].append(entry)
                self.through_measures[row.measure.task_id].append(entry)

    @staticmethod
    def _ordered(entries: Iterable[tuple[str, Unit]]) -> tuple[Unit, ...]:
        seen: dict[int, tuple[bool, str, Unit]] = {}
        for role, unit in entries:
            lead = role == ResponsibilityRole.LEAD
            if unit.pk not in seen or (lead and not seen[unit.pk][0]):
                seen[unit.pk] = (lead, unit.name_zh, unit)
        return tuple(u for _lead, _name, u in sorted(seen.values(), key=lambda e: (not e[0], e[1])))

    def task(self, task_id: int | None) -> tuple[Unit, ...]:
        if task_id is None:
            return ()
        return self._ordered(self.of_task.get(task_id) or self.through_measures.get(task_id, []))

    def measure(self, measure: Measure) -> tuple[Unit, ...]:
        own = self.of_measure.get(measure.pk)
        return self._ordered(own) if own else self.task(measure.task_id)


# --- Gathering ------------------------------------------------------------------


def _reports(plan: Plan, as_of: datetime.date) -> list[Item]:
    items = []
    for report in progress_queries.escalations().filter(period__plan=plan):
        if report.submitted_at is None:
            continue
        submitted = timezone.localdate(report.submitted_at)
        if submitted > as_of:
            continue
        items.append(
            Item(
                kind=EscalationKind.REPORT,
                key=f"{EscalationKind.REPORT}:{report.pk}",
                title=f"{report.task.number}. {report.task.title} ({report.period.label})",
                units=(report.unit,),
                since=submitted,
                age_days=(as_of - submitted).days,
                url=reverse("progress:report_detail", args=[report.pk]),
                detail=report.problems,
            )
        )
    return items


def _targets(
    plan: Plan, as_of: datetime.date, owners: _Owners, verdicts: list[IndicatorVerdict] | None
) -> list[Item]:
    if verdicts is None:
        if not Indicator.objects.current().filter(plan=plan, binding=True).exists():
            return []
        verdicts = evaluate_plan(plan, as_of)
    items = []
    for verdict in verdicts:
        indicator = verdict.indicator
        if not indicator.binding or verdict.status not in ESCALATED_STATUSES:
            continue
        latest = verdict.explanation.latest
        if verdict.status is engine.Status.NOT_MET and indicator.target_year:
            since = datetime.date(indicator.target_year, 12, 31)
        elif latest is not None:
            since = latest.as_of
        else:
            since = as_of
        since = min(since, as_of)
        detail = str(STATUS_LABELS[verdict.status])
        if verdict.attainment_percent is not None:
            detail = _("%(status)s; attainment %(percent)s%%") % {
                "status": detail,
                "percent": verdict.attainment_percent,
            }
        items.append(
            Item(
                kind=EscalationKind.TARGET,
                key=f"{EscalationKind.TARGET}:{indicator.pk}",
                title=indicator.name,
                units=owners.task(indicator.task_id),
                since=since,
                age_days=(as_of - since).days,
                url=reverse("plans:indicator_detail", args=[indicator.pk])
                + f"?as_of={as_of.isoformat()}",
                detail=detail,
            )
        )
    return items


def _milestones(plan: Plan, as_of: datetime.date, after: int, owners: _Owners) -> list[Item]:
    items = []
    pending = (
        Milestone.objects.current()
        .filter(plan=plan, done=False)
        .exclude(outcome=MilestoneOutcome.CANCELLED)
        .select_related("task")
    )
    for milestone in pending:
        if milestone.due_date is not None:
            due = milestone.due_date
        elif milestone.year is not None:
            due = datetime.date(milestone.year, 12, 31)
        else:
            continue
        age = (as_of - due).days
        if age <= after:
            continue
        task = milestone.task
        url = (
            reverse("plans:task_detail", args=[task.pk]) + "#milestones-heading"
            if task is not None
            else reverse("plans:plan_detail", args=[plan.code])
        )
        items.append(
            Item(
                kind=EscalationKind.MILESTONE,
                key=f"{EscalationKind.MILESTONE}:{milestone.pk}",
                title=milestone.title,
                units=owners.task(milestone.task_id),
                since=due,
                age_days=age,
                url=url,
                detail=_("due %(date)s, not done") % {"date": due.isoformat()},
            )
        )
    return items


def _done(plan: Plan, as_of: datetime.date) -> tuple[set[int], set[int]]:
    """Ids of the tasks and of the measures with a report saying done,
    submitted by ``as_of``."""
    tasks: set[int] = set()
    measures: set[int] = set()
    rows = Report.objects.filter(
        task__plan=plan, status=WorkStatus.DONE, submitted_at__isnull=False
    ).values_list("task_id", "measure_id", "submitted_at")
    for task_id, measure_id, submitted_at in rows:
        if timezone.localdate(submitted_at) > as_of:
            continue
        if measure_id is None:
            tasks.add(task_id)
        else:
            measures.add(measure_id)
    return tasks, measures


def _deadlines(plan: Plan, as_of: datetime.date, after: int, owners: _Owners) -> list[Item]:
    latest_deadline = as_of - datetime.timedelta(days=after + 1)
    tasks = list(
        Task.objects.current().filter(
            plan=plan, deadline__isnull=False, deadline__lte=latest_deadline
        )
    )
    measures = list(
        Measure.objects.current()
        .filter(
            plan=plan,
            task__retired_in__isnull=True,
            deadline__isnull=False,
            deadline__lte=latest_deadline,
        )
        .select_related("task")
    )
    if not tasks and not measures:
        return []
    done_tasks, done_measures = _done(plan, as_of)
    items = []
    for task in tasks:
        if task.pk in done_tasks or task.deadline is None:
            continue
        items.append(
            Item(
                kind=EscalationKind.TASK,
                key=f"{EscalationKind.TASK}:{task.pk}",
                title=f"{task.number}. {task.title}",
                units=owners.task(task.pk),
                since=task.deadline,
                age_days=(as_of - task.deadline).days,
                url=reverse("plans:task_detail", args=[task.pk]),
                detail=_("deadline %(date)s, no report says done")
                % {"date": task.deadline.isoformat()},
            )
        )
    for measure in measures:
        if measure.pk in done_measures or measure.task_id in done_tasks:
            continue
        if measure.deadline is None:
            continue
        items.append(
            Item(
                kind=EscalationKind.MEASURE,
                key=f"{EscalationKind.MEASURE}:{measure.pk}",
                title=f"{measure.task.number}. {measure.number} {measure.text}",
                units=owners.measure(measure),
                since=measure.deadline,
                age_days=(as_of - measure.deadline).days,
                url=reverse("plans:task_detail", args=[measure.task_id]) + "#measures-heading",
                detail=_("deadline %(date)s, no report says done")
                % {"date": measure.deadline.isoformat()},
            )
        )
    return items


def gather(
    plan: Plan,
    as_of: datetime.date,
    *,
    after_days: int | None = None,
    verdicts: list[IndicatorVerdict] | None = None,
) -> Escalations:
    """Every item for the leading group at ``as_of``, oldest first, each with
    the note that handled it (if any). ``verdicts`` (the plan's at
    ``as_of``) saves evaluating the plan again."""
    after = escalate_after_days() if after_days is None else after_days
    owners = _Owners(plan)
    items = (
        _reports(plan, as_of)
        + _targets(plan, as_of, owners, verdicts)
        + _milestones(plan, as_of, after, owners)
        + _deadlines(plan, as_of, after, owners)
    )
    notes = EscalationNote.objects.select_related("handled_by").in_bulk(
        [i.key for i in items], field_name="key"
    )
    order = {kind: n for n, kind in enumerate(KINDS)}
    items = [Item(**{**i.__dict__, "note": notes.get(i.key)}) for i in items]
    items.sort(key=lambda i: (-i.age_days, order[i.kind], i.title))
    return Escalations(plan, as_of, after, items)


# --- Marking handled -------------------------------------------------------------

_TARGETS: dict[str, type[Model]] = {
    EscalationKind.REPORT: Report,
    EscalationKind.TARGET: Indicator,
    EscalationKind.MILESTONE: Milestone,
    EscalationKind.TASK: Task,
    EscalationKind.MEASURE: Measure,
}


def can_mark_handled(user: AnyUser) -> bool:
    """The leader decides; the coordinator office records it on their behalf."""
    return is_leader(user) or is_coordinator(user)


def parse_key(item_key: str) -> tuple[EscalationKind, int]:
    kind, _sep, number = item_key.strip().partition(":")
    if kind not in EscalationKind.values or not number.isdigit():
        raise ValidationError({"key": [_("There is no such item to mark handled.")]})
    return EscalationKind(kind), int(number)


def mark_handled(user: Any, item_key: str, note: str) -> EscalationNote:
    """Mark the item handled with ``note`` (again: the note is replaced, the
    history keeps the one before)."""
    if not can_mark_handled(user):
        raise PermissionDenied
    text = note.strip()
    if not text:
        raise ValidationError({"note": [_("Note: say how the item was handled.")]})
    kind, pk = parse_key(item_key)
    if not _TARGETS[kind]._default_manager.filter(pk=pk).exists():
        raise ValidationError({"key": [_("There is no such item to mark handled.")]})
    key = f"{kind}:{pk}"
    with transaction.atomic():
        existing = EscalationNote.objects.select_for_update().filter(key=key).first()
        record = existing or EscalationNote(kind=kind, key=key)
        record.handled_by = user
        record.handled_at = timezone.now()
        record.note = text
        save_with_history(record, user, "handled" if existing is None else "note changed")
    return record
