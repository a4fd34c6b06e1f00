"""Every status, on hand-made cases (target 2020 unless said)."""

from __future__ import annotations

import pytest
from tests.engine.cases import Case, Figure, day, judge, year

from actionplan.engine import Basis, Comparator, Direction, Qualifier, Status

BEFORE = "2019-12-31"
AFTER = "2020-12-31"


def test_it_says_achieved_when_the_latest_value_already_meets_the_target() -> None:
    verdict = judge(Case(100, figures=[year(2018, 90), year(2019, 101)]), BEFORE)
    assert verdict.status is Status.ACHIEVED and verdict.basis is Basis.LATEST_VALUE


def test_it_says_on_track_when_the_trend_reaches_the_target() -> None:
    # 80, 90 -> 100 in 2020
    verdict = judge(Case(100, figures=[year(2018, 80), year(2019, 90)]), BEFORE)
    assert verdict.status is Status.ON_TRACK
    assert verdict.forecast is not None and verdict.forecast.linear == pytest.approx(100)


def test_it_says_at_risk_when_the_forecast_attains_ninety_percent() -> None:
    # 80, 86 -> 92 in 2020: 92 % of 100
    verdict = judge(Case(100, figures=[year(2018, 80), year(2019, 86)]), BEFORE)
    assert verdict.status is Status.AT_RISK


def test_it_says_at_risk_when_the_favourable_edge_of_the_band_reaches_the_target() -> None:
    # 70, 90, 60, 85 (2016-2019): slope 7.5 / 5 = 1.5 a year around a mean
    # of 76.25 at 2017.5, so 80 in 2020 (below 90 %); the scatter of the
    # residuals puts the band's upper edge above 100.
    figures = [year(2016, 70), year(2017, 90), year(2018, 60), year(2019, 85)]
    verdict = judge(Case(100, figures=figures), BEFORE)
    assert verdict.forecast is not None
    assert verdict.forecast.linear == pytest.approx(80)
    assert verdict.forecast.band_high >= 100
    assert verdict.status is Status.AT_RISK


def test_it_says_off_track_when_the_forecast_falls_well_short() -> None:
    verdict = judge(Case(100, figures=[year(2018, 60), year(2019, 62)]), BEFORE)
    assert verdict.status is Status.OFF_TRACK


def test_it_says_no_data_without_any_figure() -> None:
    verdict = judge(Case(100), BEFORE)
    assert verdict.status is Status.NO_DATA and verdict.latest is None


def test_it_says_no_data_with_one_point_and_no_trajectory() -> None:
    verdict = judge(Case(100, figures=[year(2019, 60)]), BEFORE)
    assert verdict.status is Status.NO_DATA and verdict.forecast is None


def test_one_point_is_compared_with_the_trajectory_when_there_is_a_baseline() -> None:
    # Line from 50 (2017) to 100 (2020): 83.3 expected for 2019.
    on_line = Case(100, figures=[year(2019, 85)], baseline=50, baseline_year=2017)
    near = Case(100, figures=[year(2019, 78)], baseline=50, baseline_year=2017)
    behind = Case(100, figures=[year(2019, 60)], baseline=50, baseline_year=2017)
    assert judge(on_line, BEFORE).status is Status.ON_TRACK
    assert judge(near, BEFORE).status is Status.AT_RISK
    assert judge(behind, BEFORE).status is Status.OFF_TRACK
    assert judge(behind, BEFORE).basis is Basis.TRAJECTORY


def test_the_baseline_alone_says_nothing_about_progress() -> None:
    # The only figure is the baseline year's: on the line by definition.
    verdict = judge(Case(100, figures=[year(2017, 50)], baseline_year=2017), BEFORE)
    assert verdict.status is Status.NO_DATA
    assert verdict.baseline == 50


def test_after_the_target_year_it_says_met_or_not_met_with_the_attainment() -> None:
    met = judge(Case(100, figures=[year(2019, 90), year(2020, 104)]), AFTER)
    missed = judge(Case(100, figures=[year(2019, 90), year(2020, 95)]), AFTER)
    assert (met.status, met.attainment) == (Status.MET, pytest.approx(1.04))
    assert (missed.status, missed.attainment) == (Status.NOT_MET, pytest.approx(0.95))


def test_after_the_target_year_without_its_value_it_says_no_data_and_never_guesses() -> None:
    verdict = judge(Case(100, figures=[year(2018, 90), year(2019, 99), year(2021, 120)]), AFTER)
    assert verdict.status is Status.NO_DATA and verdict.attainment is None


def test_the_verdict_is_final_from_the_last_day_of_the_target_year() -> None:
    case = Case(100, figures=[year(2018, 90), year(2019, 95)])
    assert not judge(case, "2020-12-30").final
    assert judge(case, "2020-12-31").final


def test_an_indicator_without_a_target_is_not_judged() -> None:
    assert judge(Case(None, figures=[year(2019, 5)]), BEFORE).status is Status.NO_TARGET


def test_figures_after_the_evaluation_date_are_not_known_yet() -> None:
    verdict = judge(Case(100, figures=[year(2018, 90), year(2019, 120)]), "2019-06-30")
    assert verdict.status is Status.NO_DATA
    assert verdict.left_out_count("after_evaluation_date") == 1


class TestComparators:
    def test_at_most_is_met_from_below(self) -> None:
        case = Case(10, Comparator.AT_MOST, figures=[year(2020, 9)], direction=Direction.LOWER)
        assert judge(case, AFTER).status is Status.MET
        assert judge(case, AFTER).attainment == pytest.approx(10 / 9)

    def test_at_most_is_missed_from_above(self) -> None:
        case = Case(10, Comparator.AT_MOST, figures=[year(2020, 12)], direction=Direction.LOWER)
        verdict = judge(case, AFTER)
        assert verdict.status is Status.NOT_MET and verdict.attainment == pytest.approx(10 / 12)

    def test_at_most_forecasts_downwards(self) -> None:
        figures = [year(2018, 14), year(2019, 12)]
        on_track = Case(10, Comparator.AT_MOST, figures=figures, direction=Direction.LOWER)
        off_track = Case(5, Comparator.AT_MOST, figures=figures, direction=Direction.LOWER)
        assert judge(on_track, BEFORE).status is Status.ON_TRACK
        assert judge(off_track, BEFORE).status is Status.OFF_TRACK

    def test_more_than_is_strict(self) -> None:
        assert judge(Case(10, Comparator.MORE_THAN, figures=[year(2020, 10)]), AFTER).status is (
            Status.NOT_MET
        )
        assert judge(Case(10, Comparator.MORE_THAN, figures=[year(2020, 11)]), AFTER).status is (
            Status.MET
        )

    def test_equal_allows_rounding_and_the_favourable_side(self) -> None:
        def status(value: float, direction: Direction = Direction.HIGHER) -> Status:
            case = Case(120, Comparator.EQUAL, figures=[year(2020, value)], direction=direction)
            return judge(case, AFTER).status

        assert status(120) is Status.MET
        assert status(119.5) is Status.MET  # within 0.5 %
        assert status(118) is Status.NOT_MET
        assert status(130) is Status.MET  # more routes than promised
        assert status(130, Direction.LOWER) is Status.NOT_MET
        assert status(110, Direction.LOWER) is Status.MET

    def test_about_allows_five_percent(self) -> None:
        def status(value: float) -> Status:
            return judge(Case(100, Comparator.ABOUT, figures=[year(2020, value)]), AFTER).status

        assert status(96) is Status.MET
        assert status(94) is Status.NOT_MET


class TestQualifiers:
    def test_an_approximate_figure_counts_as_its_value(self) -> None:
        case = Case(100, figures=[year(2020, 100, Qualifier.APPROX)])
        assert judge(case, AFTER).status is Status.MET

    def test_a_lower_bound_proves_an_at_least_target_met(self) -> None:
        case = Case(100, figures=[year(2020, 105, Qualifier.AT_LEAST)])
        assert judge(case, AFTER).status is Status.MET

    def test_a_lower_bound_below_an_at_least_target_proves_nothing(self) -> None:
        case = Case(100, figures=[year(2020, 90, Qualifier.AT_LEAST)])
        assert judge(case, AFTER).status is Status.NO_DATA

    def test_a_lower_bound_never_proves_an_at_most_target_met(self) -> None:
        below = Case(10, Comparator.AT_MOST, figures=[year(2020, 8, Qualifier.AT_LEAST)])
        above = Case(10, Comparator.AT_MOST, figures=[year(2020, 12, Qualifier.AT_LEAST)])
        assert judge(below, AFTER).status is Status.NO_DATA
        assert judge(above, AFTER).status is Status.NOT_MET

    def test_a_lower_bound_can_say_achieved_early_for_at_least(self) -> None:
        case = Case(100, figures=[year(2018, 80), year(2019, 100, Qualifier.AT_LEAST)])
        assert judge(case, BEFORE).status is Status.ACHIEVED

    def test_the_trend_is_not_fitted_on_lower_bounds(self) -> None:
        figures = [year(2017, 10, Qualifier.AT_LEAST), year(2018, 80), year(2019, 90)]
        verdict = judge(Case(100, figures=figures), BEFORE)
        assert verdict.forecast is not None and verdict.forecast.points == 2
        assert verdict.forecast.linear == pytest.approx(100)
        assert verdict.left_out_count("lower_bound_not_fitted") == 1


class TestPeriods:
    def test_a_partial_year_is_left_out_and_counted(self) -> None:
        # Jan-Nov 2020 at 98 would be 98 % of the target if taken as the year.
        figures = [year(2019, 90), Figure("2020-01-01", "2020-11-30", 98)]
        verdict = judge(Case(100, figures=figures), AFTER)
        assert verdict.status is Status.NO_DATA
        assert verdict.left_out_count("partial_period") == 1
        assert [p.year for p in verdict.series] == [2019]

    def test_a_partial_year_never_makes_a_target_achieved(self) -> None:
        figures = [year(2018, 80), year(2019, 90), Figure("2020-01-01", "2020-06-30", 101)]
        assert judge(Case(100, figures=figures), "2020-07-31").status is Status.ON_TRACK

    def test_a_count_as_of_a_day_stands_for_its_year(self) -> None:
        verdict = judge(Case(120, Comparator.EQUAL, figures=[day("2020-10-30", 120)]), AFTER)
        assert verdict.status is Status.MET
        assert verdict.latest is not None and verdict.latest.as_of_day

    def test_the_last_count_of_a_year_counts(self) -> None:
        figures = [day("2019-03-01", 50), day("2019-09-01", 70), day("2019-06-01", 60)]
        verdict = judge(Case(100, figures=figures), BEFORE)
        assert [(p.year, p.value) for p in verdict.series] == [(2019, 70)]
        assert verdict.left_out_count("superseded") == 2

    def test_a_full_year_figure_wins_over_a_count_in_the_same_year(self) -> None:
        figures = [day("2019-12-31", 50), year(2019, 70)]
        verdict = judge(Case(100, figures=figures), BEFORE)
        assert [p.value for p in verdict.series] == [70]

    def test_a_figure_over_several_years_is_left_out(self) -> None:
        figures = [year(2019, 90), Figure("2018-01-01", "2019-12-31", 170)]
        verdict = judge(Case(100, figures=figures), BEFORE)
        assert verdict.left_out_count("several_years") == 1
