"""What the reporting pages read."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from actionplan.plans.models import Indicator, Observation, Plan, ReviewState, Task, Unit
from actionplan.plans.permissions import task_ids_of_units
from actionplan.progress.models import Period, Report
from actionplan.progress.services.completeness import owed_tasks


@dataclass(frozen=True)
class Owed:
    """A report a unit owes for a period: existing or not yet opened."""

    unit: Unit
    task: Task
    report: Report | None


def owed_reports(plan: Plan, period: Period, units: list[Unit]) -> list[Owed]:
    rows: list[Owed] = []
    existing = {
        (r.unit_id, r.task_id): r
        for r in Report.objects.filter(period=period, measure__isnull=True, unit__in=units)
    }
    owed = owed_tasks(plan, {unit.pk for unit in units})
    wanted = {pk for task_ids in owed.values() for pk in task_ids}
    tasks = {t.pk: t for t in Task.objects.filter(pk__in=wanted)}
    for unit in units:
        for task in sorted((tasks[pk] for pk in owed.get(unit.pk, ())), key=lambda t: t.position):
            rows.append(Owed(unit, task, existing.get((unit.pk, task.pk))))
    return rows


def plans_with_periods() -> QuerySet[Plan]:
    return Plan.objects.filter(periods__isnull=False).distinct().order_by("code")


def chosen_period(plan: Plan, period_id: str | None, today: datetime.date) -> Period | None:
    periods = Period.objects.filter(plan=plan)
    if period_id and period_id.isdigit():
        found = periods.filter(pk=int(period_id)).first()
        if found is not None:
            return found
    ended = periods.filter(end__lt=today).order_by("-end").first()
    return ended or periods.order_by("start").first()


def waiting_reports() -> QuerySet[Report]:
    return (
        Report.objects.filter(state=ReviewState.SUBMITTED)
        .select_related("period", "unit", "task", "measure")
        .order_by("submitted_at", "id")
    )


def waiting_figures() -> QuerySet[Observation]:
    """Figures submitted on their own (those of a report are reviewed with it)."""
    return (
        Observation.objects.filter(state=ReviewState.SUBMITTED, reports__isnull=True)
        .select_related("indicator", "unit")
        .order_by("recorded_at", "id")
    )


def escalations() -> QuerySet[Report]:
    return (
        Report.objects.filter(escalate=True)
        .exclude(state=ReviewState.DRAFT)
        .select_related("period", "unit", "task")
        .order_by("-period__end", "id")
    )


# The reasons the services write into the history, as the timeline says them.
REASONS = {
    "opened": _("opened"),
    "saved": _("saved"),
    "submitted": _("submitted"),
    "resubmitted": _("resubmitted"),
    "returned": _("returned"),
    "approved": _("approved"),
    "reported": _("figure reported"),
    "edited": _("figure edited"),
    "report submitted": _("figure submitted with the report"),
    "report returned": _("figure returned with the report"),
    "report approved": _("figure approved with the report"),
    "uploaded": _("evidence attached"),
}


@dataclass(frozen=True)
class TimelineEntry:
    when: datetime.datetime
    who: str
    what: str
    reason: str
    state: str
    comment: str
    subject: str


def timeline(report: Report) -> list[TimelineEntry]:
    """Every change to the report and its figures, oldest first."""
    entries = [_entry(row, "") for row in report.history.all()]
    for figure in report.observations.select_related("indicator"):
        entries.extend(_entry(row, figure.indicator.name) for row in figure.history.all())
    return sorted(entries, key=lambda e: e.when)


def _entry(row: Any, subject: str) -> TimelineEntry:
    user = row.history_user
    return TimelineEntry(
        when=row.history_date,
        who=(user.get_full_name() or user.get_username()) if user is not None else "",
        what=str(REASONS.get(row.history_change_reason or "", row.history_change_reason or "")),
        reason=row.history_change_reason or "",
        state=row.state,
        comment=row.review_comment
        if row.history_change_reason in ("returned", "report returned")
        else "",
        subject=subject,
    )


def task_indicators(task: Task) -> QuerySet[Indicator]:
    return Indicator.objects.current().filter(task=task).order_by("id")


def responsible_units(user_units: set[int], task: Task) -> list[Unit]:
    """Of the user's units, those that are on ``task``."""
    return [
        unit
        for unit in Unit.objects.filter(pk__in=user_units).order_by("name_zh")
        if task.pk in task_ids_of_units({unit.pk})
    ]


def figures_of_unit(unit_ids: set[int]) -> QuerySet[Observation]:
    return (
        Observation.objects.filter(unit__in=unit_ids)
        .filter(~Q(state=ReviewState.APPROVED))
        .select_related("indicator", "unit")
        .order_by("-recorded_at")
    )
