"""One indicator's verdict explained, for pages and tests: the series the
status rests on, the forecast and its band, and what was left out and why."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

import numpy as np

from actionplan.engine.arrays import Indicators, Observations
from actionplan.engine.codes import Basis, PeriodKind, Qualifier, Status
from actionplan.engine.evaluate import Evaluation


@dataclass(frozen=True)
class SeriesPoint:
    year: int
    value: float
    lower_bound: bool
    as_of: datetime.date  # the period end, or the day a count is as of
    as_of_day: bool  # a count as of a day, not a full-year figure
    fitted: bool  # the forecast rests on it
    observation: int  # row in the Observations passed to the engine


@dataclass(frozen=True)
class LeftOut:
    observation: int
    reason: str  # "partial_period", "several_years", "after_evaluation_date",
    # "lower_bound_not_fitted", "after_target_year", "superseded"


@dataclass(frozen=True)
class ForecastExplained:
    target_year: int
    linear: float
    slope: float
    compound: float
    growth_rate: float
    band_low: float
    band_high: float
    points: int
    residual_sd: float


@dataclass(frozen=True)
class Explanation:
    indicator: int
    status: Status
    basis: Basis
    final: bool
    target: float | None
    target_year: int | None
    latest: SeriesPoint | None
    attainment: float | None
    baseline: float | None
    baseline_year: int | None
    expected_now: float | None
    series: tuple[SeriesPoint, ...]
    forecast: ForecastExplained | None
    left_out: tuple[LeftOut, ...]

    def left_out_count(self, reason: str) -> int:
        return sum(1 for item in self.left_out if item.reason == reason)


def _number(value: float) -> float | None:
    return None if math.isnan(value) else value


def explain(
    evaluation: Evaluation, indicators: Indicators, observations: Observations, indicator: int
) -> Explanation:
    """The explanation of one indicator (a plain loop over its own few points)."""
    ev = evaluation
    target = float(indicators.target_value[indicator])
    target_year = int(indicators.target_year[indicator])
    series = ev.series
    fitted_sources = set(ev.fitted.source[ev.fitted.indicator == indicator].tolist())
    start, stop = int(series.offsets[indicator]), int(series.offsets[indicator + 1])
    points = tuple(
        SeriesPoint(
            year=int(series.year[row]),
            value=float(series.value[row]),
            lower_bound=bool(series.lower_bound[row]),
            as_of=datetime.date.fromordinal(int(series.end[row])),
            as_of_day=bool(series.as_of_day[row]),
            fitted=int(series.source[row]) in fitted_sources,
            observation=int(series.source[row]),
        )
        for row in range(start, stop)
    )
    in_series = {point.observation for point in points}
    left_out: list[LeftOut] = []
    as_of = ev.as_of.toordinal()
    for row in np.flatnonzero(observations.indicator == indicator).tolist():
        kind = int(observations.period_kind[row])
        if int(observations.end[row]) > as_of:
            reason = "after_evaluation_date"
        elif kind == PeriodKind.PART_OF_YEAR:
            reason = "partial_period"
        elif kind == PeriodKind.SPAN:
            reason = "several_years"
        elif row not in in_series:
            reason = "superseded"
        elif row in fitted_sources:
            continue
        elif int(observations.qualifier[row]) == Qualifier.AT_LEAST:
            reason = "lower_bound_not_fitted"
        else:
            reason = "after_target_year"
        left_out.append(LeftOut(row, reason))

    latest = next(
        (p for p in points if p.year == int(ev.latest_year[indicator]) and p.year > 0), None
    )
    fc = ev.forecast
    forecast = None
    if bool(fc.available[indicator]):
        forecast = ForecastExplained(
            target_year=target_year,
            linear=float(fc.linear[indicator]),
            slope=float(fc.slope[indicator]),
            compound=float(fc.compound[indicator]),
            growth_rate=float(fc.growth_rate[indicator]),
            band_low=float(fc.band_low[indicator]),
            band_high=float(fc.band_high[indicator]),
            points=int(fc.points[indicator]),
            residual_sd=float(fc.residual_sd[indicator]),
        )
    baseline_year = int(ev.baseline.year[indicator])
    return Explanation(
        indicator=indicator,
        status=Status(int(ev.status[indicator])),
        basis=Basis(int(ev.basis[indicator])),
        final=bool(ev.final[indicator]),
        target=_number(target),
        target_year=target_year or None,
        latest=latest,
        attainment=_number(float(ev.attainment[indicator])),
        baseline=_number(float(ev.baseline.value[indicator])),
        baseline_year=baseline_year or None,
        expected_now=_number(float(ev.expected_now[indicator])),
        series=points,
        forecast=forecast,
        left_out=tuple(left_out),
    )
