"""Who has reported, and on time: the matrix of units × periods, one unit's
page, and who may see them."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from actionplan.plans.models import Plan, Responsibility, ResponsibilityRole, Task, Unit
from actionplan.progress.models import Period, Report
from actionplan.progress.services.completeness import (
    State,
    completeness,
    outstanding,
    unit_completeness,
)
from actionplan.progress.services.reports import open_report, submit_report

SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = datetime.date(2019, 5, 1)  # 2019 Q1 fell due on 2019-04-10; 2019 Q2 has started


def submitted(period: Period, unit: Unit, task: Task, on: datetime.date, measure=None) -> Report:  # type: ignore[no-untyped-def]
    """The unit's report on ``task``, submitted (first) late in the day ``on``."""
    report = open_report(None, period, unit, task, measure)
    report = submit_report(None, report, report.version)
    when = datetime.datetime.combine(on, datetime.time(23, 30), tzinfo=SHANGHAI)
    Report.objects.filter(pk=report.pk).update(submitted_at=when)
    return report


@pytest.fixture
def task3(task18: Task, port_authority: Unit) -> Task:
    """市港务局 also leads task 3: it owes two reports a period."""
    task = Task.objects.get(plan=task18.plan, number="3")
    Responsibility.objects.create(unit=port_authority, task=task, role=ResponsibilityRole.LEAD)
    return task


def by_label(periods: list[Period]) -> dict[str, Period]:
    return {p.label: p for p in periods}


@pytest.fixture
def history(
    periods: list[Period], port_authority: Unit, airport: Unit, task18: Task, task3: Task
) -> dict[str, Period]:
    """市港务局: 2018 Q1 on time, Q2 late, Q3 partly, Q4 nothing; 白云国际机场
    reported 2018 Q1 on time through its measure, on the due date itself."""
    p = by_label(periods)
    for task in (task18, task3):
        submitted(p["2018 Q1"], port_authority, task, datetime.date(2018, 4, 2))
        submitted(p["2018 Q2"], port_authority, task, datetime.date(2018, 7, 2))
    # One of the two late: the period is late.
    Report.objects.filter(period=p["2018 Q2"], task=task3).update(
        submitted_at=datetime.datetime(2018, 7, 11, 9, tzinfo=SHANGHAI)
    )
    submitted(p["2018 Q3"], port_authority, task18, datetime.date(2018, 10, 1))
    measure = task18.measures.get(number="18.2")
    submitted(p["2018 Q1"], airport, task18, datetime.date(2018, 4, 10), measure)
    return p


def states(plan: Plan, unit: Unit, today: datetime.date = TODAY) -> dict[str, str]:
    matrix = completeness(plan, today)
    row = next(r for r in matrix.rows if r.unit == unit)
    return {c.period.label: c.state for c in row.cells}


def test_the_matrix_tells_on_time_late_partly_missing_and_not_yet_due(
    plan: Plan, port_authority: Unit, airport: Unit, history: dict[str, Period]
) -> None:
    assert states(plan, port_authority) == {
        "2018 Q1": State.ON_TIME,
        "2018 Q2": State.LATE,
        "2018 Q3": State.PARTLY,
        "2018 Q4": State.MISSING,
        "2019 Q1": State.MISSING,
        "2019 Q2": State.NOT_YET_DUE,
    }
    # Submitted on the due date itself (late at night, local time) is on time.
    assert states(plan, airport)["2018 Q1"] == State.ON_TIME
    assert states(plan, airport)["2018 Q2"] == State.MISSING


def test_a_period_is_due_only_after_its_due_date(
    plan: Plan, port_authority: Unit, history: dict[str, Period]
) -> None:
    assert states(plan, port_authority, datetime.date(2019, 4, 10))["2019 Q1"] == (
        State.NOT_YET_DUE
    )
    assert states(plan, port_authority, datetime.date(2019, 4, 11))["2019 Q1"] == State.MISSING


def test_a_draft_is_not_a_report_and_only_started_periods_show(
    plan: Plan, port_authority: Unit, task18: Task, task3: Task, history: dict[str, Period]
) -> None:
    open_report(None, history["2018 Q4"], port_authority, task18)
    matrix = completeness(plan, TODAY)
    assert [p.label for p in matrix.periods][-1] == "2019 Q2"
    assert states(plan, port_authority)["2018 Q4"] == State.MISSING


def test_units_come_worst_first_with_their_on_time_rate_and_counts_per_period(
    plan: Plan, port_authority: Unit, airport: Unit, history: dict[str, Period]
) -> None:
    matrix = completeness(plan, TODAY)
    assert [r.unit for r in matrix.rows] == [airport, port_authority]
    airport_row, port_row = matrix.rows
    # Settled: five periods due; the port reported one of them fully on time.
    assert (port_row.on_time, port_row.settled, port_row.rate_percent) == (1, 5, 20)
    assert (airport_row.on_time, airport_row.settled) == (1, 5)
    assert airport_row.owed == 1 and port_row.owed == 2
    q1 = next(s for s in matrix.summaries if s.period.label == "2018 Q1")
    assert q1.counts == {State.ON_TIME: 2}
    q3 = next(s for s in matrix.summaries if s.period.label == "2018 Q3")
    assert q3.counts == {State.PARTLY: 1, State.MISSING: 1}


def test_only_units_with_a_part_in_the_plan_appear(
    plan: Plan, tourism: Unit, history: dict[str, Period]
) -> None:
    assert tourism not in [r.unit for r in completeness(plan, TODAY).rows]


def test_one_units_page_lists_each_owed_report_with_its_dates(
    plan: Plan, port_authority: Unit, task18: Task, task3: Task, history: dict[str, Period]
) -> None:
    entries = {e.period.label: e for e in unit_completeness(plan, port_authority, TODAY)}
    assert next(iter(entries)) == "2019 Q2"  # latest first
    q2 = {r.task.number: r for r in entries["2018 Q2"].reports}
    assert (q2["18"].state, q2["18"].days_late) == (State.ON_TIME, None)
    assert (q2["3"].state, q2["3"].days_late) == (State.LATE, 1)
    assert q2["3"].submitted_on == datetime.date(2018, 7, 11)
    q4 = {r.task.number: r for r in entries["2018 Q4"].reports}
    assert (q4["18"].state, q4["18"].days_late) == (State.MISSING, 111)  # 2019-01-10 → 05-01
    assert entries["2018 Q3"].state == State.PARTLY
    assert entries["2019 Q2"].state == State.NOT_YET_DUE


def test_outstanding_names_the_tasks_not_yet_submitted(
    plan: Plan,
    port_authority: Unit,
    airport: Unit,
    task18: Task,
    task3: Task,
    history: dict[str, Period],
) -> None:
    q3 = history["2018 Q3"]
    missing = outstanding(plan, [q3, history["2018 Q1"]])
    assert missing == {
        (port_authority.pk, q3.pk): [task3.pk],
        (airport.pk, q3.pk): [task18.pk],
    }


# --- The pages ------------------------------------------------------------------


@pytest.fixture
def pages(plan: Plan, port_authority: Unit, airport: Unit) -> dict[str, str]:
    return {
        "plan": reverse("progress:completeness", args=[plan.code]),
        "port": reverse("progress:unit_completeness", args=[plan.code, port_authority.pk]),
        "airport": reverse("progress:unit_completeness", args=[plan.code, airport.pk]),
    }


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("who", ["alice", "dora"])
def test_the_office_and_leaders_see_every_unit(
    who: str,
    request: pytest.FixtureRequest,
    history: dict[str, Period],
    pages: dict[str, str],
) -> None:
    client = signed_in(request.getfixturevalue(who))
    page = client.get(pages["plan"])
    assert page.status_code == 200
    text = page.content.decode()
    assert "市港务局" in text and "白云国际机场" in text
    assert 'data-state="missing"' in text and 'data-state="on_time"' in text
    assert pages["port"] in text  # each cell links to the unit's page
    assert client.get(pages["port"]).status_code == 200
    assert client.get(pages["airport"]).status_code == 200


def test_a_reporter_sees_its_own_unit_only(
    bob: User, history: dict[str, Period], pages: dict[str, str]
) -> None:
    client = signed_in(bob)
    page = client.get(pages["plan"])
    assert page.status_code == 200
    text = page.content.decode()
    assert "市港务局" in text and "白云国际机场" not in text
    unit_page = client.get(pages["port"])
    assert unit_page.status_code == 200
    assert "建设通达高效的国际综合交通枢纽" in unit_page.content.decode()
    assert client.get(pages["airport"]).status_code == 403


def test_a_reporter_of_an_unrelated_unit_may_not_open_another_units_page(
    uma: User, history: dict[str, Period], pages: dict[str, str]
) -> None:
    client = signed_in(uma)
    page = client.get(pages["plan"])
    assert page.status_code == 200
    assert "市港务局" not in page.content.decode()
    assert client.get(pages["port"]).status_code == 403


def test_anonymous_visitors_sign_in_and_users_without_a_role_are_refused(
    charlie: User, history: dict[str, Period], pages: dict[str, str]
) -> None:
    for url in pages.values():
        response = Client().get(url)
        assert response.status_code == 302
        assert reverse("login") in response["Location"]
        assert signed_in(charlie).get(url).status_code == 403


def test_a_plan_without_schedule_says_so(alice: User, plan: Plan, task18: Task) -> None:
    page = signed_in(alice).get(reverse("progress:completeness", args=[plan.code]))
    assert page.status_code == 200
    assert 'data-testid="completeness-matrix"' not in page.content.decode()
