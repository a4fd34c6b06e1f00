"""Sources disagree: every observation is kept, the disagreement is shown,
and the coordinator chooses the one that counts."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from actionplan.plans.models import (
    Indicator,
    Observation,
    PeriodKind,
    Plan,
    Responsibility,
    ResponsibilityRole,
    Task,
    Unit,
    period_kind,
)
from actionplan.plans.services.observations import (
    clear_preferred,
    mark_preferred,
    record_observation,
)

Y2020 = {"period_start": datetime.date(2020, 1, 1), "period_end": datetime.date(2020, 12, 31)}


@pytest.fixture
def airport(plan: Plan) -> Indicator:
    return Indicator.objects.get(plan=plan, name="白云国际机场旅客吞吐量")


@pytest.fixture
def two_sources(airport: Indicator, alice: User) -> tuple[Observation, Observation]:
    quick_report = record_observation(
        alice, airport, value="43768100", source_quality="press", source_title="快报", **Y2020
    )
    baike = record_observation(
        alice, airport, value="43760400", source_quality="weak", source_title="百科", **Y2020
    )
    return quick_report, baike


def test_it_keeps_both_observations_and_reports_the_disagreeing_period(
    airport: Indicator, two_sources: tuple[Observation, Observation]
) -> None:
    record_observation(
        None,
        airport,
        value="73390000",
        source_quality="press",
        period_start=datetime.date(2019, 1, 1),
        period_end=datetime.date(2019, 12, 31),
    )
    rows = list(Observation.objects.disagreeing_periods())
    assert rows == [
        {
            "indicator": airport.pk,
            "period_start": datetime.date(2020, 1, 1),
            "period_end": datetime.date(2020, 12, 31),
            "values": 2,
            "observations": 2,
        }
    ]
    flagged = {o.value: o.disagrees for o in Observation.objects.with_disagreement()}
    assert flagged == {
        Decimal("43768100"): True,
        Decimal("43760400"): True,
        Decimal("73390000"): False,
    }


def test_it_counts_the_best_source_until_the_coordinator_chooses(
    airport: Indicator, two_sources: tuple[Observation, Observation], alice: User
) -> None:
    quick_report, baike = two_sources
    (group,) = airport.observations.periods()
    assert group.disagree and not group.decided
    assert group.counted == quick_report  # press beats a weak copy
    mark_preferred(alice, baike)
    (group,) = airport.observations.periods()
    assert group.decided and group.counted == baike


def test_it_moves_the_preference_when_the_coordinator_changes_her_mind(
    two_sources: tuple[Observation, Observation], alice: User
) -> None:
    quick_report, baike = two_sources
    mark_preferred(alice, baike)
    mark_preferred(alice, quick_report)
    baike.refresh_from_db()
    assert quick_report.is_preferred and not baike.is_preferred
    clear_preferred(alice, quick_report)
    assert not Observation.objects.filter(is_preferred=True).exists()


def test_it_lets_only_the_coordinator_choose(
    two_sources: tuple[Observation, Observation], bob: User, dora: User
) -> None:
    for user in (bob, dora):
        with pytest.raises(PermissionDenied):
            mark_preferred(user, two_sources[0])


def test_it_keeps_the_history_of_every_choice(
    two_sources: tuple[Observation, Observation], alice: User
) -> None:
    _quick_report, baike = two_sources
    mark_preferred(alice, baike)
    latest = baike.history.latest()  # type: ignore[attr-defined]
    assert latest.history_user == alice
    assert latest.is_preferred is True
    delta = latest.diff_against(latest.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [("is_preferred", False, True)]


def test_a_reporter_records_figures_for_the_tasks_of_his_unit_only(
    airport: Indicator, bob: User, port_authority: Unit, plan: Plan
) -> None:
    with pytest.raises(PermissionDenied):
        record_observation(bob, airport, value="1", source_quality="official", **Y2020)
    task = Task.objects.get(plan=plan, number="18")
    Responsibility.objects.create(
        unit=port_authority, role=ResponsibilityRole.COOPERATING, task=task
    )
    observation = record_observation(bob, airport, value="1", source_quality="official", **Y2020)
    assert observation.recorded_by == bob


def test_it_refuses_a_value_that_is_not_a_number(airport: Indicator, alice: User) -> None:
    with pytest.raises(ValidationError):
        record_observation(alice, airport, value="N/A", source_quality="official", **Y2020)


def test_it_names_the_kind_of_period() -> None:
    day = datetime.date
    assert period_kind(day(2019, 1, 1), day(2019, 12, 31)) == PeriodKind.YEAR
    assert period_kind(day(2019, 1, 1), day(2019, 11, 30)) == PeriodKind.PART_OF_YEAR
    assert period_kind(day(2020, 10, 30), day(2020, 10, 30)) == PeriodKind.AS_OF_DAY
    assert period_kind(day(2018, 1, 1), day(2020, 12, 31)) == PeriodKind.SPAN


def test_the_trajectory_starts_from_the_plans_own_baseline(plan: Plan) -> None:
    port = Indicator.objects.get(plan=plan, name="港口货物吞吐量")
    start = port.trajectory_start()
    assert start is not None and start.from_plan
    assert (start.year, start.value) == (2017, Decimal(590_000_000))
