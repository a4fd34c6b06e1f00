"""The embedded default: the Guangzhou plan with its real figures."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from actionplan.plans.models import (
    Indicator,
    IndicatorOrigin,
    Measure,
    Milestone,
    MilestoneOutcome,
    Observation,
    Plan,
    PlanVersion,
    Qualifier,
    Responsibility,
    ResponsibilityRole,
    Task,
    Unit,
)
from actionplan.plans.seeding import PLAN_CODE, create_demo_users, load_default
from actionplan.plans.seeding.data import read_csv
from actionplan.plans.seeding.guangzhou import LoadReport

AIRPORT = "白云国际机场旅客吞吐量"


@pytest.fixture
def loaded(db: None) -> LoadReport:
    return load_default()


def year(value: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(value, 1, 1), datetime.date(value, 12, 31)


def test_it_imports_the_seed_through_the_extractor(loaded: LoadReport) -> None:
    plan = Plan.objects.get(code=PLAN_CODE)
    assert loaded.imported and loaded.version.number == 1
    assert plan.title.startswith("广州建设国际交往中心三年行动计划")
    assert (plan.period_start, plan.period_end) == (2018, 2020)
    numbers = list(Task.objects.current().filter(plan=plan).values_list("number", flat=True))
    assert numbers == [str(n) for n in range(1, 21)]
    assert Indicator.objects.filter(plan=plan, origin=IndicatorOrigin.PLAN).count() == 9
    assert Milestone.objects.filter(plan=plan).count() == 3


def test_the_airport_indicator_has_its_target_and_its_real_figures(loaded: LoadReport) -> None:
    airport = Indicator.objects.get(plan__code=PLAN_CODE, name=AIRPORT)
    assert airport.code == "airport_passenger_throughput"
    assert airport.target_value == Decimal(80_000_000)
    assert (airport.target_year, airport.comparator, airport.unit) == (2020, ">=", "人次")
    assert airport.task is not None and airport.task.number == "18"
    assert "8000万人次" in airport.sentence

    by_year = {
        group.period_start.year: group
        for group in airport.observations.periods()
        if (group.period_start, group.period_end) == year(group.period_start.year)
    }
    assert by_year[2018].values == [Decimal(69_740_000)]
    assert by_year[2019].values == [Decimal(73_390_000)]
    assert by_year[2020].values == [Decimal(43_760_400), Decimal(43_768_100)]
    assert by_year[2020].disagree and not by_year[2020].decided
    (lower_bound,) = by_year[2017].observations
    assert lower_bound.value == Decimal(65_000_000)
    assert lower_bound.qualifier == Qualifier.AT_LEAST and lower_bound.is_lower_bound
    for group in by_year.values():
        for observation in group.observations:
            assert observation.source_url.startswith("http")
            assert observation.source_title


def test_the_queryset_reports_the_2020_airport_disagreement(loaded: LoadReport) -> None:
    airport = Indicator.objects.get(plan__code=PLAN_CODE, name=AIRPORT)
    rows = list(Observation.objects.filter(indicator=airport).disagreeing_periods())
    assert [(r["period_start"], r["period_end"], r["values"]) for r in rows] == [(*year(2020), 2)]


def test_every_outcome_row_becomes_one_observation(loaded: LoadReport) -> None:
    assert Observation.objects.count() == len(read_csv("guangzhou_outcomes.csv"))
    partial = Observation.objects.get(
        indicator__code="port_container_throughput",
        period_start=datetime.date(2019, 1, 1),
        period_end=datetime.date(2019, 11, 30),
    )
    assert partial.is_partial and partial.value == Decimal(21_178_300)


def test_indicators_without_a_target_in_the_plan_get_none(loaded: LoadReport) -> None:
    sister_cities = Indicator.objects.get(code="sister_and_friendly_cities_total")
    assert sister_cities.origin == IndicatorOrigin.ADDED
    assert sister_cities.target_value is None and sister_cities.comparator == ""
    assert sister_cities.task is not None and sister_cities.task.number == "12"
    rank = Indicator.objects.get(code="icca_mainland_city_rank")
    assert rank.direction == "lower" and not rank.has_target
    added = Indicator.objects.filter(origin=IndicatorOrigin.ADDED)
    assert not added.filter(target_value__isnull=False).exists()


def test_the_units_assigned_are_marked_illustrative(loaded: LoadReport) -> None:
    plan = Plan.objects.get(code=PLAN_CODE)
    assert "示例分工" in plan.note and "Illustrative assignment" in plan.note
    assert Responsibility.objects.exists()
    assert not Responsibility.objects.filter(illustrative=False).exists()
    leads = Responsibility.objects.filter(role=ResponsibilityRole.LEAD, task__isnull=False)
    assert leads.count() == 20  # one lead unit per task
    transport = leads.get(task__number="18").unit
    assert transport.name_zh == "市交通运输局"
    assert transport.parent is not None and transport.parent.name_zh == "广州市人民政府"
    port_measure = Responsibility.objects.get(
        unit__name_zh="市港务局", measure__isnull=False
    ).measure
    assert isinstance(port_measure, Measure) and "南沙港区四期" in port_measure.text


def test_the_milestones_carry_what_became_of_them(loaded: LoadReport) -> None:
    by_year = {m.year: m for m in Milestone.objects.filter(plan__code=PLAN_CODE)}
    assert by_year[2018].done and by_year[2018].outcome == MilestoneOutcome.HELD
    assert by_year[2018].held_from == datetime.date(2018, 9, 15)
    assert by_year[2019].evidence_url == "https://www.iaphworldports.org/news/5792"
    congress = by_year[2020]
    assert congress.outcome == MilestoneOutcome.POSTPONED
    assert congress.held_from == datetime.date(2021, 11, 8) and congress.late
    assert "online" in congress.evidence_note.lower()


def test_loading_again_changes_nothing(loaded: LoadReport) -> None:
    models = (Plan, PlanVersion, Task, Unit, Responsibility, Indicator, Observation, Milestone)
    counts = {m.__name__: m.objects.count() for m in models}
    history = {m.__name__: m.history.count() for m in models if hasattr(m, "history")}  # type: ignore[attr-defined]
    again = load_default()
    assert not again.changed_anything
    assert again.version == loaded.version
    assert {m.__name__: m.objects.count() for m in models} == counts
    assert {m.__name__: m.history.count() for m in models if hasattr(m, "history")} == history  # type: ignore[attr-defined]


def test_loading_again_keeps_what_the_office_changed(loaded: LoadReport) -> None:
    airport = Indicator.objects.get(code="airport_passenger_throughput")
    airport.name_en = "Airport passengers"
    airport.save()
    load_default()
    airport.refresh_from_db()
    assert airport.name_en == "Airport passengers"


def test_the_demo_users_are_created_once_with_their_roles(loaded: LoadReport) -> None:
    create_demo_users()
    create_demo_users()
    assert User.objects.count() == 4
    port = User.objects.get(username="port")
    assert port.check_password("port-demo")
    assert port.memberships.get().unit.name_zh == "市港务局"  # type: ignore[union-attr]
    coordinator = User.objects.get(username="coordinator")
    assert coordinator.is_staff


def test_the_trajectory_starts_from_the_figure_of_the_year_before_the_plan(
    loaded: LoadReport,
) -> None:
    start = Indicator.objects.get(code="airport_passenger_throughput").trajectory_start()
    assert start is not None and not start.from_plan
    assert (start.year, start.value) == (2017, Decimal(65_000_000))
    assert start.observation is not None and start.observation.is_lower_bound
    assert Indicator.objects.get(code="port_capacity_added").trajectory_start() is None
