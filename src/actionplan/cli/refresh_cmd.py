"""``actionplan refresh-statuses``: rebuild every indicator's stored status
for today (``actionplan.oversight.refresh``). Approvals keep the statuses
current as they happen; run this nightly too, since the date moves even when
no figure does."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "refresh-statuses",
        help="rebuild the stored status of every indicator for today; run nightly",
        description=(
            "Recompute and store the status of every current indicator (of every plan, "
            "or of --plan CODE) for today. Run it nightly from cron or a systemd timer."
        ),
    )
    parser.add_argument("--plan", metavar="CODE", default=None, help="only this plan")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from actionplan.cli.django_cmds import SetupFailed, fail, setup_django

    try:
        setup_django()
    except SetupFailed as exc:
        return fail("refresh-statuses", str(exc))
    from django.utils import timezone

    from actionplan.oversight.refresh import refresh_plan
    from actionplan.plans.models import Plan

    today = timezone.localdate()
    plans = Plan.objects.order_by("code")
    if args.plan is not None:
        plans = plans.filter(code=args.plan)
        if not plans.exists():
            return fail("refresh-statuses", f"no plan with the code {args.plan!r}")
    for plan in plans:
        count = refresh_plan(plan, today)
        sys.stdout.write(f"{plan.code}: {count} indicator statuses as of {today.isoformat()}\n")
    return 0
