"""A plan's reporting schedule and its periods."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actionplan.plans.models import Plan
from actionplan.plans.services.history import save_with_history
from actionplan.progress import permissions
from actionplan.progress.models import FREQUENCY_MONTHS, Frequency, Period, Schedule


def period_bounds(
    first_year: int, last_year: int, frequency: Frequency
) -> list[tuple[datetime.date, datetime.date]]:
    """The periods covering the years ``first_year``..``last_year``."""
    months = FREQUENCY_MONTHS[frequency]
    bounds = []
    for year in range(first_year, last_year + 1):
        for first_month in range(1, 13, months):
            start = datetime.date(year, first_month, 1)
            next_month = first_month + months
            after = (
                datetime.date(year + 1, 1, 1)
                if next_month > 12
                else datetime.date(year, next_month, 1)
            )
            bounds.append((start, after - datetime.timedelta(days=1)))
    return bounds


@transaction.atomic
def set_schedule(
    user: Any | None, plan: Plan, frequency: Frequency | str, due_days: int
) -> list[Period]:
    """Set how often ``plan`` is reported on and generate its periods. Running
    it again adds what is missing and moves due dates; periods that already
    hold reports are kept even when the frequency changes."""
    if user is not None and not permissions.can_manage_periods(user):
        raise PermissionDenied
    if plan.period_start is None or plan.period_end is None:
        raise ValidationError(_("The plan states no period; set its first and last year first."))
    if due_days < 0:
        raise ValidationError({"due_days": _("Due days cannot be negative.")})
    schedule, _created = Schedule.objects.get_or_create(
        plan=plan, defaults={"frequency": frequency, "due_days": due_days}
    )
    if (schedule.frequency, schedule.due_days) != (frequency, due_days):
        schedule.frequency, schedule.due_days = Frequency(frequency), due_days
        save_with_history(schedule, user, "schedule changed")
    periods = []
    for start, end in period_bounds(plan.period_start, plan.period_end, Frequency(frequency)):
        due = end + datetime.timedelta(days=due_days)
        period, created = Period.objects.get_or_create(
            plan=plan, start=start, end=end, defaults={"due": due}
        )
        if not created and period.due != due:
            period.due = due
            save_with_history(period, user, "due date moved", ["due"])
        periods.append(period)
    return periods


def set_locked(user: Any | None, period: Period, locked: bool) -> Period:
    if user is not None and not permissions.can_manage_periods(user):
        raise PermissionDenied
    if period.locked != locked:
        period.locked = locked
        save_with_history(period, user, "locked" if locked else "unlocked", ["locked"])
    return period


def current_period(plan: Plan, today: datetime.date) -> Period | None:
    """The latest period that has ended by ``today`` (the one being reported
    on), else the first one."""
    ended = Period.objects.filter(plan=plan, end__lt=today).order_by("-end").first()
    return ended or Period.objects.filter(plan=plan).order_by("start").first()
