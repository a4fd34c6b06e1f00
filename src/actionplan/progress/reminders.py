"""Reminders (催办): email the reporters of units whose reports are due soon
or overdue. Run daily (``actionplan remind``, from cron or a systemd timer).

For every plan with a reporting schedule and every unit that owes reports,
each open (unlocked) period not yet fully submitted gets at most one "due
soon" email per unit, while its due date is within ``days`` days, and one
"overdue" email per unit once it has passed. A ``Reminder`` row records
each email; it is written in the same transaction as the sending, so an
email that could not be sent leaves no row and is tried again the next day,
and one that was sent is never sent again.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from actionplan.plans.models import Membership, Plan, Role, Task, Unit
from actionplan.progress.models import Period, Reminder, ReminderStage
from actionplan.progress.services.completeness import outstanding

# The languages of every reminder, in this order: Chinese, then English.
LANGUAGES = ("zh-hans", "en")


class Status:
    SENT = "sent"
    WOULD_SEND = "would send"
    ALREADY_SENT = "already sent"
    NO_ADDRESS = "no address"
    FAILED = "failed"


@dataclass
class Outcome:
    """What happened to one reminder: a unit, a period, a stage."""

    plan: Plan
    unit: Unit
    period: Period
    stage: ReminderStage
    tasks: list[Task]
    recipients: list[str]
    status: str = ""
    error: str = ""


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    dry_run: bool = False

    def count(self, status: str, stage: ReminderStage | None = None) -> int:
        return sum(
            1 for o in self.outcomes if o.status == status and (stage is None or o.stage == stage)
        )


def stage_for(period: Period, today: datetime.date, days: int) -> ReminderStage | None:
    """Overdue once the due date has passed; due soon within ``days`` of it."""
    if period.is_overdue(today):
        return ReminderStage.OVERDUE
    if period.due <= today + datetime.timedelta(days=days):
        return ReminderStage.DUE_SOON
    return None


def site_link(plan: Plan, unit: Unit) -> str:
    base: str = settings.ACTIONPLAN_SITE_URL
    return base.rstrip("/") + reverse("progress:unit_completeness", args=[plan.code, unit.pk])


def _in(language: str, zh: str, en: str) -> str:
    return zh if language.startswith("zh") else (en or zh)


def compose(outcome: Outcome) -> tuple[str, str]:
    """The subject and body of a reminder, Chinese first, then English."""
    subjects, bodies = [], []
    for language in LANGUAGES:
        with translation.override(language):
            subject, body = _compose_in(outcome, language)
        subjects.append(subject)
        bodies.append(body)
    return "[actionplan] " + " / ".join(subjects), "\n\n----------\n\n".join(bodies)


def _compose_in(outcome: Outcome, language: str) -> tuple[str, str]:
    period, plan, unit = outcome.period, outcome.plan, outcome.unit
    names = {
        "unit": _in(language, unit.name_zh, unit.name_en),
        "plan": _in(language, plan.title, plan.title_en),
        "period": period.label,
        "due": period.due.isoformat(),
    }
    if outcome.stage == ReminderStage.DUE_SOON:
        subject = _("%(unit)s: reports for %(period)s are due on %(due)s") % names
        intro = (
            _(
                "The reports of %(unit)s for %(period)s on the plan “%(plan)s” are due on "
                "%(due)s. These tasks have not been reported yet:"
            )
            % names
        )
    else:
        subject = _("%(unit)s: reports for %(period)s are overdue (due %(due)s)") % names
        intro = (
            _(
                "The reports of %(unit)s for %(period)s on the plan “%(plan)s” were due on "
                "%(due)s and are overdue. These tasks have not been reported yet:"
            )
            % names
        )
    lines = [intro, ""]
    lines += [
        f"  {task.number}. {_in(language, task.title, task.title_en)}" for task in outcome.tasks
    ]
    lines += [
        "",
        _("Report here: %(link)s") % {"link": site_link(plan, unit)},
        "",
        _("An automatic reminder from actionplan; it is sent once for each period and stage."),
    ]
    return subject, "\n".join(lines)


def pending(today: datetime.date, days: int) -> list[Outcome]:
    """The reminders due today, one per unit, period and stage, whatever
    has been sent before."""
    periods = list(
        Period.objects.filter(
            plan__schedule__isnull=False,
            locked=False,
            due__lte=today + datetime.timedelta(days=days),
        )
        .select_related("plan")
        .order_by("plan__code", "start")
    )
    by_plan: dict[int, list[Period]] = defaultdict(list)
    for period in periods:
        by_plan[period.plan_id].append(period)
    missing: list[tuple[Period, int, list[int]]] = []
    for plan_periods in by_plan.values():
        lookup = {p.pk: p for p in plan_periods}
        for (unit_id, period_id), task_ids in outstanding(
            plan_periods[0].plan, plan_periods
        ).items():
            missing.append((lookup[period_id], unit_id, task_ids))
    units = Unit.objects.in_bulk({unit_id for _p, unit_id, _t in missing})
    tasks = Task.objects.in_bulk({t for _p, _u, task_ids in missing for t in task_ids})
    addresses: dict[int, set[str]] = defaultdict(set)
    for unit_id, email in (
        Membership.objects.filter(role=Role.REPORTER, unit_id__in=units, user__is_active=True)
        .exclude(user__email="")
        .values_list("unit_id", "user__email")
    ):
        addresses[unit_id].add(email)
    result = []
    for period, unit_id, task_ids in missing:
        stage = stage_for(period, today, days)
        if stage is None:
            continue
        owed = sorted((tasks[t] for t in task_ids), key=lambda t: t.position)
        unit = units[unit_id]
        result.append(
            Outcome(period.plan, unit, period, stage, owed, sorted(addresses.get(unit_id, set())))
        )
    result.sort(key=lambda o: (o.plan.code, o.period.start, o.unit.name_zh))
    return result


def send_reminders(
    today: datetime.date, days: int = 3, *, dry_run: bool = False, connection: Any = None
) -> Summary:
    """Send what is due today and not sent before; ``dry_run`` sends and
    records nothing."""
    summary = Summary(dry_run=dry_run)
    outcomes = pending(today, days)
    sent = set(
        Reminder.objects.filter(period__in={o.period.pk for o in outcomes}).values_list(
            "unit_id", "period_id", "stage"
        )
    )
    for outcome in outcomes:
        summary.outcomes.append(outcome)
        if (outcome.unit.pk, outcome.period.pk, outcome.stage) in sent:
            outcome.status = Status.ALREADY_SENT
        elif not outcome.recipients:
            outcome.status = Status.NO_ADDRESS
        elif dry_run:
            outcome.status = Status.WOULD_SEND
        else:
            _send(outcome, connection)
    return summary


def _send(outcome: Outcome, connection: Any) -> None:
    subject, body = compose(outcome)
    message = EmailMessage(subject, body, to=outcome.recipients, connection=connection)
    try:
        with transaction.atomic():
            Reminder.objects.create(
                unit=outcome.unit,
                period=outcome.period,
                stage=outcome.stage,
                recipients="\n".join(outcome.recipients),
            )
            message.send()
    except IntegrityError:
        # Another run sent it in the meantime.
        outcome.status = Status.ALREADY_SENT
    except OSError as exc:  # smtplib's errors and connection failures
        outcome.status = Status.FAILED
        outcome.error = str(exc) or type(exc).__name__
    else:
        outcome.status = Status.SENT
