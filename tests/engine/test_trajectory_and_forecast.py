"""Trajectories (straight and compound) and forecasts (trend and growth)."""

from __future__ import annotations

import math

import pytest
from tests.engine.cases import Case, evaluate_all, judge, year

from actionplan.engine import Kind


def test_the_straight_line_gives_the_value_expected_by_now() -> None:
    # 50 (2017) -> 110 (2020): 20 a year; 30 Jun 2019 is about 2019.0 - 0.5.
    verdict = judge(Case(110, baseline=50, baseline_year=2017), "2019-12-31")
    assert verdict.expected_now == pytest.approx(90)
    assert judge(Case(110, baseline=50, baseline_year=2017), "2019-07-01").expected_now == (
        pytest.approx(80, abs=0.1)
    )


def test_a_growth_rate_follows_compound_growth() -> None:
    # 100 -> 200 over 2 years: the square root of 2 after one.
    case = Case(200, baseline=100, baseline_year=2018, kind=Kind.GROWTH_RATE)
    assert judge(case, "2019-12-31").expected_now == pytest.approx(100 * math.sqrt(2))


def test_a_growth_path_follows_compound_growth() -> None:
    case = Case(200, baseline=100, baseline_year=2018, growth_path=True)
    assert judge(case, "2019-12-31").expected_now == pytest.approx(100 * math.sqrt(2))


def test_before_the_baseline_the_baseline_is_expected_and_after_the_target_the_target() -> None:
    result = evaluate_all([Case(110, baseline=50, baseline_year=2017)], "2016-06-30")
    assert result.expected_now[0] == pytest.approx(50)
    assert evaluate_all([Case(110, baseline=50, baseline_year=2017)], "2023-01-01").expected_now[
        0
    ] == pytest.approx(110)


def test_the_baseline_year_without_a_value_takes_the_series_value() -> None:
    verdict = judge(
        Case(100, figures=[year(2017, 40), year(2019, 70)], baseline_year=2017), "2019-12-31"
    )
    assert verdict.baseline == 40
    assert verdict.expected_now == pytest.approx(80)


def test_the_linear_trend_and_the_compound_growth_both_forecast_the_target_year() -> None:
    # 100, 110, 121: least squares slope 10.5, mean 110.33 at 2018 -> 131.83
    # in 2020; growth 10 % a year -> 133.1.
    figures = [year(2017, 100), year(2018, 110), year(2019, 121)]
    forecast = judge(Case(150, figures=figures), "2019-12-31").forecast
    assert forecast is not None
    assert forecast.slope == pytest.approx(10.5)
    assert forecast.linear == pytest.approx(110 + 1 / 3 + 10.5 * 2)
    assert forecast.growth_rate == pytest.approx(0.10)
    assert forecast.compound == pytest.approx(133.1)
    assert forecast.band_low < forecast.linear < forecast.compound < forecast.band_high


def test_two_points_give_a_band_of_the_two_forecasts_only() -> None:
    forecast = judge(Case(150, figures=[year(2018, 100), year(2019, 110)]), "2019-12-31").forecast
    assert forecast is not None
    assert (forecast.band_low, forecast.band_high) == (
        pytest.approx(120),
        pytest.approx(121),
    )


def test_one_point_gives_no_forecast() -> None:
    assert judge(Case(150, figures=[year(2019, 110)]), "2019-12-31").forecast is None


def test_a_series_through_zero_has_a_trend_but_no_compound_growth() -> None:
    forecast = judge(Case(10, figures=[year(2018, 0), year(2019, 4)]), "2019-12-31").forecast
    assert forecast is not None and forecast.linear == pytest.approx(8)
    assert math.isnan(forecast.compound)
