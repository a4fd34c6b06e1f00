"""The reporting cycle in the services: draft, submit, return with a
comment, resubmit, approve — and figures that count only once approved."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from actionplan.plans.models import Indicator, Observation, ReviewState, Task, Unit
from actionplan.progress.models import Period, Report
from actionplan.progress.services.figures import FigureInput, report_figure
from actionplan.progress.services.periods import period_bounds, set_locked, set_schedule
from actionplan.progress.services.reports import (
    ReportInput,
    approve_report,
    open_report,
    return_report,
    save_report,
    submit_report,
)

Q1 = (datetime.date(2019, 1, 1), datetime.date(2019, 3, 31))


def test_quarterly_periods_cover_the_plan_and_fall_due_after_their_end(
    periods: list[Period],
) -> None:
    assert [p.label for p in periods[:5]] == ["2018 Q1", "2018 Q2", "2018 Q3", "2018 Q4", "2019 Q1"]
    assert len(periods) == 12
    assert periods[-1].end == datetime.date(2020, 12, 31)
    assert periods[0].due == datetime.date(2018, 4, 10)


def test_setting_the_schedule_again_duplicates_nothing(plan, periods: list[Period]) -> None:  # type: ignore[no-untyped-def]
    again = set_schedule(None, plan, "quarter", 15)
    assert [p.pk for p in again] == [p.pk for p in periods]
    assert again[0].due == datetime.date(2018, 4, 15)


def test_half_years_and_months() -> None:
    assert period_bounds(2020, 2020, "half_year")[1] == (  # type: ignore[arg-type]
        datetime.date(2020, 7, 1),
        datetime.date(2020, 12, 31),
    )
    assert len(period_bounds(2020, 2020, "month")) == 12  # type: ignore[arg-type]


def test_a_report_goes_round_the_cycle_and_its_figure_counts_once_approved(
    alice: User,
    bob: User,
    port_authority: Unit,
    task18: Task,
    passengers: Indicator,
    q1_2019: Period,
) -> None:
    report = open_report(bob, q1_2019, port_authority, task18)
    assert report.state == ReviewState.DRAFT
    report = save_report(
        bob, report, ReportInput(percent_complete=30, done="南沙港区四期开工"), report.version
    )
    figure = report_figure(
        bob,
        port_authority,
        passengers,
        FigureInput(value="17000000", period_start=Q1[0], period_end=Q1[1], source_title="月报"),
        report=report,
    )
    assert figure.state == ReviewState.DRAFT
    assert not Observation.objects.approved().filter(pk=figure.pk).exists()

    report = submit_report(bob, report, report.version)
    figure.refresh_from_db()
    assert (report.state, figure.state) == (ReviewState.SUBMITTED, ReviewState.SUBMITTED)

    report = return_report(alice, report, "请补充数据来源")
    figure.refresh_from_db()
    assert report.state == ReviewState.RETURNED
    assert (figure.state, figure.review_comment) == (ReviewState.RETURNED, "请补充数据来源")

    report = save_report(
        bob, report, ReportInput(percent_complete=35, done="已补充来源"), report.version
    )
    report = submit_report(bob, report, report.version)
    report = approve_report(alice, report)
    figure.refresh_from_db()
    assert report.state == ReviewState.APPROVED
    assert figure.state == ReviewState.APPROVED
    assert Observation.objects.approved().filter(pk=figure.pk).exists()

    reasons = list(
        report.history.order_by("history_date").values_list("history_change_reason", flat=True)
    )
    assert reasons == [
        "opened",
        "saved",
        "submitted",
        "returned",
        "saved",
        "resubmitted",
        "approved",
    ]


def test_returning_needs_a_comment(
    alice: User, bob: User, port_authority: Unit, task18: Task, q1_2019: Period
) -> None:
    report = open_report(bob, q1_2019, port_authority, task18)
    report = submit_report(bob, report, report.version)
    with pytest.raises(ValidationError) as raised:
        return_report(alice, report, "  ")
    assert "review_comment" in raised.value.message_dict
    report.refresh_from_db()
    assert report.state == ReviewState.SUBMITTED


def test_only_the_coordinator_reviews(
    bob: User, dora: User, port_authority: Unit, task18: Task, q1_2019: Period
) -> None:
    report = open_report(bob, q1_2019, port_authority, task18)
    report = submit_report(bob, report, report.version)
    for user in (bob, dora):
        with pytest.raises(PermissionDenied):
            approve_report(user, report)
    report.refresh_from_db()
    assert report.state == ReviewState.SUBMITTED


def test_a_submitted_or_approved_report_is_not_edited(
    alice: User, bob: User, port_authority: Unit, task18: Task, q1_2019: Period
) -> None:
    report = open_report(bob, q1_2019, port_authority, task18)
    report = submit_report(bob, report, report.version)
    with pytest.raises(ValidationError, match="submitted"):
        save_report(bob, report, ReportInput(percent_complete=90), report.version)
    report.refresh_from_db()
    assert report.percent_complete == 0


def test_a_locked_period_takes_no_reports(
    alice: User, bob: User, port_authority: Unit, task18: Task, q1_2019: Period
) -> None:
    report = open_report(bob, q1_2019, port_authority, task18)
    set_locked(alice, q1_2019, True)
    report.refresh_from_db()
    with pytest.raises(ValidationError, match="locked"):
        save_report(bob, report, ReportInput(percent_complete=50), report.version)
    assert Report.objects.get(pk=report.pk).percent_complete == 0


def test_units_report_only_on_their_tasks(
    bob: User,
    cora: User,
    uma: User,
    port_authority: Unit,
    airport: Unit,
    tourism: Unit,
    task18: Task,
    q1_2019: Period,
) -> None:
    assert open_report(cora, q1_2019, airport, task18).unit == airport  # cooperating via 18.2
    with pytest.raises(PermissionDenied):
        open_report(uma, q1_2019, tourism, task18)
    with pytest.raises(PermissionDenied):
        open_report(uma, q1_2019, port_authority, task18)  # not uma's unit
    assert not Report.objects.filter(unit=tourism).exists()


def test_an_escalation_must_say_what_is_wrong(
    bob: User, port_authority: Unit, task18: Task, q1_2019: Period
) -> None:
    report = open_report(bob, q1_2019, port_authority, task18)
    with pytest.raises(ValidationError) as raised:
        save_report(bob, report, ReportInput(escalate=True), report.version)
    assert "problems" in raised.value.message_dict
    report = save_report(
        bob, report, ReportInput(escalate=True, problems="用地指标不足"), report.version
    )
    assert report.escalate
