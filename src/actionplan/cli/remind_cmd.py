"""``actionplan remind``: email the units whose reports are due soon or
overdue (催办). Run it daily from cron or a systemd timer; each reminder is
sent once (see ``actionplan.progress.reminders``)."""

from __future__ import annotations

import argparse
import datetime
import sys


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}") from None
    if days < 0:
        raise argparse.ArgumentTypeError(f"days cannot be negative: {days}")
    return days


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _stage(stage: str) -> str:
    """due_soon → "due soon" (the command's output is in English)."""
    return stage.replace("_", " ")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "remind",
        help="email units whose reports are due soon or overdue (催办); run daily",
        description=(
            "Email the reporters of every unit whose reports for a period are due within "
            "--days days or overdue and not fully submitted: one email per unit, period "
            "and stage, never twice. Run it daily from cron or a systemd timer."
        ),
    )
    parser.add_argument(
        "--days",
        type=_days,
        default=3,
        help="remind this many days before the due date (default: 3)",
    )
    parser.add_argument(
        "--today",
        type=_date,
        default=None,
        help="the date to act on, YYYY-MM-DD (default: today in the site's time zone)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would be sent; send and record nothing"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from actionplan.cli.django_cmds import SetupFailed, fail, setup_django

    try:
        setup_django()
    except SetupFailed as exc:
        return fail("remind", str(exc))
    from django.utils import timezone

    from actionplan.progress.models import ReminderStage
    from actionplan.progress.reminders import Status, send_reminders

    today: datetime.date = args.today or timezone.localdate()
    summary = send_reminders(today, args.days, dry_run=args.dry_run)
    out = sys.stdout
    for o in summary.outcomes:
        if o.status == Status.ALREADY_SENT:
            continue
        line = f"{o.status:<12}  {_stage(o.stage):<9}  {o.plan.code}  {o.period.label}  {o.unit}"
        if o.recipients:
            line += "  → " + ", ".join(o.recipients)
        if o.error:
            line += f"  ({o.error})"
        out.write(line + "\n")
    done = Status.WOULD_SEND if args.dry_run else Status.SENT
    parts = [
        f"{_stage(stage)}: {summary.count(done, stage)} {done}, "
        f"{summary.count(Status.ALREADY_SENT, stage)} skipped as already sent"
        for stage in (ReminderStage.DUE_SOON, ReminderStage.OVERDUE)
    ]
    parts.append(f"{summary.count(Status.NO_ADDRESS)} with no address")
    failed = summary.count(Status.FAILED)
    if failed:
        parts.append(f"{failed} failed (tried again next run)")
    out.write(f"{today.isoformat()}: " + "; ".join(parts) + ".\n")
    if args.dry_run:
        out.write("Dry run: nothing was sent or recorded.\n")
    return 1 if failed else 0
