"""The demo's reporting history: quarterly periods, approved reports, one
returned and resubmitted, one escalation, one waiting, one overdue unit —
and a second run that changes nothing."""

from __future__ import annotations

import pytest

from actionplan.plans.models import Unit
from actionplan.plans.seeding import create_demo_users, load_default
from actionplan.progress.models import Period, Report
from actionplan.progress.seeding import load_reporting_history


@pytest.mark.django_db
def test_the_demo_has_a_reporting_history_and_loading_again_changes_nothing() -> None:
    plan = load_default().version.plan
    create_demo_users()
    assert load_reporting_history(plan) == 10

    assert Period.objects.filter(plan=plan).count() == 12
    states = list(Report.objects.values_list("state", flat=True))
    assert states.count("approved") == 7
    assert states.count("submitted") == 2 and states.count("draft") == 1
    resubmitted = Report.objects.get(period__start__month=4, unit__name_zh="广州空港经济区管委会")
    reasons = list(
        resubmitted.history.order_by("history_date").values_list("history_change_reason", flat=True)
    )
    assert reasons[-4:] == ["returned", "saved", "resubmitted", "approved"]
    assert Report.objects.filter(escalate=True, state="submitted").count() == 1
    tourism = Unit.objects.get(name_zh="市文化广电旅游局")
    assert tourism.responsibilities.exists() and not Report.objects.filter(unit=tourism).exists()
    assert all(r.submitted_at.date() <= r.period.due for r in Report.objects.exclude(state="draft"))

    history_rows = sum(r.history.count() for r in Report.objects.all())
    assert load_reporting_history(plan) == 0
    assert Period.objects.filter(plan=plan).count() == 12
    assert sum(r.history.count() for r in Report.objects.all()) == history_rows
