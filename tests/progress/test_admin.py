"""The coordinator sets a plan's reporting schedule in the admin, and the
periods follow; reports are read-only there; others are kept out."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client

from actionplan.plans.models import Plan
from actionplan.progress.models import Period, Schedule


def test_saving_a_schedule_in_the_admin_generates_the_periods(
    client: Client, alice: User, plan: Plan
) -> None:
    client.force_login(alice)
    response = client.post(
        "/admin/progress/schedule/add/",
        {"plan": plan.pk, "frequency": "half_year", "due_days": "15"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Schedule.objects.get(plan=plan).frequency == "half_year"
    periods = list(Period.objects.filter(plan=plan).order_by("start"))
    assert [p.label for p in periods] == [
        "2018 H1", "2018 H2", "2019 H1", "2019 H2", "2020 H1", "2020 H2"
    ]  # fmt: skip
    assert periods[0].due.isoformat() == "2018-07-15"


def test_reports_are_read_only_and_reporters_are_kept_out(
    client: Client, alice: User, bob: User, periods: list[Period]
) -> None:
    client.force_login(alice)
    assert client.get("/admin/progress/report/").status_code == 200
    assert client.get("/admin/progress/report/add/").status_code == 403
    client.force_login(bob)
    assert client.get("/admin/progress/schedule/").status_code in (302, 403)
