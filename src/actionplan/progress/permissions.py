"""Who may do what in progress reporting. Every service asks here before it
changes anything, so the web views, the Excel upload, the command line and
the API to come behave the same.

- coordinator office: reads everything; reviews (approves or returns)
  reports and figures; sets the schedule and locks periods.
- leader: reads everything, drafts and escalations included; changes nothing.
- unit reporter: reads everything; writes the reports and figures of its
  own unit on the tasks that unit leads or cooperates on.
- anyone else: nothing (anonymous users are sent to sign in).
"""

from __future__ import annotations

from actionplan.plans.models import Indicator, Task, Unit
from actionplan.plans.permissions import (
    AnyUser,
    has_role,
    is_coordinator,
    reporter_unit_ids,
    task_ids_of_units,
)
from actionplan.progress.models import Report


def can_read_progress(user: AnyUser) -> bool:
    return has_role(user)


def unit_reports_on_task(unit: Unit, task: Task) -> bool:
    """Whether ``unit`` leads or cooperates on ``task`` (or one of its measures)."""
    return task.pk in task_ids_of_units({unit.pk})


def can_report_for(user: AnyUser, unit: Unit, task: Task) -> bool:
    return unit.pk in reporter_unit_ids(user) and unit_reports_on_task(unit, task)


def can_edit_report(user: AnyUser, report: Report) -> bool:
    return can_report_for(user, report.unit, report.task)


def can_report_figure(user: AnyUser, unit: Unit, indicator: Indicator) -> bool:
    return indicator.task is not None and can_report_for(user, unit, indicator.task)


def can_review(user: AnyUser) -> bool:
    return is_coordinator(user)


def can_manage_periods(user: AnyUser) -> bool:
    return is_coordinator(user)


def reporting_units(user: AnyUser) -> set[int]:
    """The units ``user`` reports for."""
    return reporter_unit_ids(user)
