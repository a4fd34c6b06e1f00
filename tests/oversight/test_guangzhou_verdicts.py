"""The engine's verdicts on the embedded Guangzhou data (targets for 2020).

Every number pinned here was checked by hand from
src/actionplan/data/guangzhou_outcomes.csv, in the comments.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from actionplan.engine import Status
from actionplan.oversight.services import IndicatorVerdict, evaluate_plan
from actionplan.plans.seeding import load_default


@pytest.fixture
def verdicts_2019(db: None) -> dict[str, IndicatorVerdict]:
    plan = load_default().version.plan
    return {v.indicator.code: v for v in evaluate_plan(plan, datetime.date(2019, 12, 31))}


@pytest.fixture
def verdicts_2020(db: None) -> dict[str, IndicatorVerdict]:
    plan = load_default().version.plan
    return {v.indicator.code: v for v in evaluate_plan(plan, datetime.date(2020, 12, 31))}


def series(verdict: IndicatorVerdict) -> list[tuple[int, float]]:
    return [(p.year, p.value) for p in verdict.explanation.series if p.fitted]


def test_airport_passengers_2020_forecast_at_the_end_of_2019(
    verdicts_2019: dict[str, IndicatorVerdict],
) -> None:
    airport = verdicts_2019["airport_passenger_throughput"]
    # 2017 is "over 65 million" (a lower bound): kept in the series, not fitted.
    assert [(p.year, p.lower_bound) for p in airport.explanation.series] == [
        (2017, True),
        (2018, False),
        (2019, False),
    ]
    assert airport.explanation.left_out_count("lower_bound_not_fitted") == 1
    # 69.74M (2018), 73.39M (2019): +3.65M a year -> 77.04M in 2020;
    # growth 73.39 / 69.74 = 5.23 % -> 73.39M x 1.0523 = 77.23M.
    assert series(airport) == [(2018, 69_740_000), (2019, 73_390_000)]
    forecast = airport.forecast
    assert forecast is not None
    assert forecast.linear == pytest.approx(77_040_000)
    assert forecast.compound == pytest.approx(77_231_031, abs=1)
    # Two points: no residual spread, the band is the two forecasts.
    assert (forecast.band_low, forecast.band_high) == (
        pytest.approx(77_040_000),
        pytest.approx(77_231_031, abs=1),
    )
    # 77.04 / 80 = 96.3 %: at least 90 %, short of the target: at risk.
    assert airport.status is Status.AT_RISK


def test_port_cargo_2020_forecast_at_the_end_of_2019(
    verdicts_2019: dict[str, IndicatorVerdict],
) -> None:
    cargo = verdicts_2019["port_cargo_throughput"]
    # No 2018 figure; the Jan-Nov 2019 total (573.3M t) is left out.
    assert series(cargo) == [(2017, 590_000_000), (2019, 627_000_000)]
    assert cargo.explanation.left_out_count("partial_period") == 1
    # (627 - 590) / 2 = 18.5M t a year -> 645.5M t in 2020;
    # sqrt(627 / 590) = 1.0309 a year -> 627 x 1.0309 = 646.36M t.
    forecast = cargo.forecast
    assert forecast is not None
    assert forecast.linear == pytest.approx(645_500_000)
    assert forecast.compound == pytest.approx(646_361_240, abs=1)
    # 645.5 / 650 = 99.3 %, and the band's top (646.36M) stays short: at risk.
    assert forecast.band_high < 650_000_000
    assert cargo.status is Status.AT_RISK


def test_port_containers_2020_forecast_at_the_end_of_2019(
    verdicts_2019: dict[str, IndicatorVerdict],
) -> None:
    containers = verdicts_2019["port_container_throughput"]
    # 2018: sources disagree (21.92M press, 21.87M weak): the press figure
    # counts. The Jan-Nov 2019 total (21.18M TEU) is left out.
    assert series(containers) == [(2017, 20_370_000), (2018, 21_920_000)]
    assert containers.explanation.left_out_count("partial_period") == 1
    # +1.55M TEU a year -> 21.92 + 2 x 1.55 = 25.02M in 2020 (target 25M, 力争);
    # growth 21.92 / 20.37 = 7.61 % -> 21.92 x 1.0761^2 = 25.38M.
    forecast = containers.forecast
    assert forecast is not None
    assert forecast.linear == pytest.approx(25_020_000)
    assert forecast.compound == pytest.approx(25_382_804, abs=1)
    assert containers.indicator.aspirational
    assert containers.status is Status.ON_TRACK


def test_international_liner_routes_met_with_120_in_october_2020(
    verdicts_2020: dict[str, IndicatorVerdict],
) -> None:
    routes = verdicts_2020["port_intl_container_liner_routes"]
    latest = routes.explanation.latest
    assert latest is not None
    assert (latest.value, latest.as_of, latest.as_of_day) == (
        120,
        datetime.date(2020, 10, 30),
        True,
    )
    assert routes.status is Status.MET
    assert routes.attainment == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("code", "value", "attainment"),
    [
        # 636M t (approx) / 650M t
        ("port_cargo_throughput", 636_000_000, 636 / 650),
        # 23.51M TEU (approx) / 25M TEU
        ("port_container_throughput", 23_510_000, 23.51 / 25),
        # 43,768,100 (press; a weak copy says 43,760,400) / 80M
        ("airport_passenger_throughput", 43_768_100, 43_768_100 / 80_000_000),
    ],
)
def test_port_and_airport_targets_not_met_in_2020(
    verdicts_2020: dict[str, IndicatorVerdict], code: str, value: float, attainment: float
) -> None:
    verdict = verdicts_2020[code]
    assert verdict.status is Status.NOT_MET
    assert verdict.explanation.final
    latest = verdict.explanation.latest
    assert latest is not None and (latest.year, latest.value) == (2020, value)
    assert verdict.attainment == pytest.approx(attainment)


@pytest.mark.parametrize("code", ["inbound_overnight_tourists", "tourism_fx_revenue"])
def test_tourism_has_no_data_for_2020_and_is_never_guessed(
    verdicts_2020: dict[str, IndicatorVerdict], code: str
) -> None:
    verdict = verdicts_2020[code]
    assert verdict.status is Status.NO_DATA
    with translation.override("en"):
        assert str(verdict.label) == "no data"
    assert verdict.attainment is None
    # The Jan-Nov 2018 total is left out rather than taken for a year.
    assert verdict.explanation.left_out_count("partial_period") == 1
    assert all(p.year < 2020 for p in verdict.explanation.series)


def test_only_approved_figures_count(db: None) -> None:
    from actionplan.plans.models import Observation, ReviewState

    plan = load_default().version.plan
    routes = Observation.objects.get(
        indicator__plan=plan,
        indicator__code="port_intl_container_liner_routes",
        period_end=datetime.date(2020, 10, 30),
    )
    Observation.objects.filter(pk=routes.pk).update(state=ReviewState.SUBMITTED)
    verdicts = {v.indicator.code: v for v in evaluate_plan(plan, datetime.date(2020, 12, 31))}
    assert verdicts["port_intl_container_liner_routes"].status is Status.NO_DATA
