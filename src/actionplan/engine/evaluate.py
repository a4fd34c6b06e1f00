"""One full evaluation of a portfolio at a date: every indicator's series,
trajectory, forecast and status, as a dataclass of arrays."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np

from actionplan.engine.arrays import Codes, Flags, Floats, Indicators, Ints, Observations
from actionplan.engine.dates import fractional_year
from actionplan.engine.forecast import Forecast, fitted_points, forecast
from actionplan.engine.series import AnnualSeries, annual_series, values_at
from actionplan.engine.status import decide
from actionplan.engine.targets import attainment, favourable_sign
from actionplan.engine.trajectory import Baseline, expected_value, resolve_baseline


@dataclass(frozen=True)
class Evaluation:
    as_of: datetime.date
    status: Codes  # Status
    basis: Codes  # Basis
    final: Flags  # the target year is over: met / not met / no data
    latest_value: Floats  # the latest value that counts (NaN: none)
    latest_year: Ints  # 0: none
    latest_end: Ints  # ordinal of its period end (or its day)
    latest_lower_bound: Flags
    target_year_value: Floats  # NaN: none yet
    target_year_lower_bound: Flags
    attainment: Floats  # target-year value (final) or latest value vs target
    forecast_attainment: Floats
    progress: Floats  # share of the way from baseline to target covered
    expected_now: Floats  # on the trajectory, at the evaluation date
    expected_at_latest: Floats  # on the trajectory, for the latest value's year
    baseline: Baseline
    forecast: Forecast
    series: AnnualSeries
    fitted: AnnualSeries
    lower_bounds_not_fitted: Ints  # per indicator

    @property
    def size(self) -> int:
        return len(self.status)


def evaluate(
    indicators: Indicators, observations: Observations, as_of: datetime.date
) -> Evaluation:
    n = indicators.size
    if observations.size and (
        observations.indicator.min() < 0 or observations.indicator.max() >= n
    ):
        raise ValueError("an observation names an indicator that is not in the portfolio")
    series = annual_series(observations, n, as_of.toordinal())
    now = fractional_year(as_of)
    target_year = indicators.target_year
    final = (target_year > 0) & (now >= target_year)

    # The latest value that counts, up to the target year (a later figure
    # says nothing about whether the target was met in its year).
    upto = (
        series.year
        <= np.where(target_year > 0, target_year, np.iinfo(np.int64).max)[series.indicator]
    )
    usable = _last_rows(series, upto, n)
    latest_value, latest_bound = values_at(series, usable)
    safe = np.where(usable >= 0, usable, 0)
    any_point = usable >= 0 if series.size else np.zeros(n, dtype=np.bool_)
    latest_year = np.where(any_point, series.year[safe] if series.size else 0, 0)
    latest_end = np.where(any_point, series.end[safe] if series.size else 0, 0)
    target_value_now, target_bound = values_at(series, series.lookup(target_year))

    baseline = resolve_baseline(indicators, series)
    expected_now = expected_value(indicators, baseline, np.full(n, now))
    expected_at_latest = expected_value(
        indicators, baseline, np.where(any_point, latest_year, np.nan).astype(np.float64)
    )

    fitted = fitted_points(series, indicators)
    fc = forecast(fitted, indicators)
    sign = favourable_sign(indicators.comparator, indicators.direction)
    decision = decide(
        indicators,
        sign,
        final,
        latest_value,
        latest_bound,
        target_value_now,
        target_bound,
        fc,
        expected_at_latest,
        latest_year.astype(np.int64),
        baseline.year,
    )
    reached = np.where(final, target_value_now, latest_value)
    target = indicators.target_value
    with np.errstate(invalid="ignore", divide="ignore"):
        way = target - baseline.value
        progress = np.where(
            np.isfinite(way) & (way != 0), (latest_value - baseline.value) / way, np.nan
        )
    bounds = np.bincount(series.indicator[series.lower_bound], minlength=n).astype(np.int64)
    return Evaluation(
        as_of=as_of,
        status=decision.status,
        basis=decision.basis,
        final=final,
        latest_value=latest_value,
        latest_year=latest_year.astype(np.int64),
        latest_end=latest_end.astype(np.int64),
        latest_lower_bound=latest_bound,
        target_year_value=target_value_now,
        target_year_lower_bound=target_bound,
        attainment=attainment(reached, target, sign),
        forecast_attainment=attainment(fc.linear, target, sign),
        progress=progress,
        expected_now=expected_now,
        expected_at_latest=expected_at_latest,
        baseline=baseline,
        forecast=fc,
        series=series,
        fitted=fitted,
        lower_bounds_not_fitted=bounds,
    )


def _last_rows(series: AnnualSeries, keep: Flags, n: int) -> Ints:
    """Per indicator, the row of the latest point where ``keep`` holds, or -1."""
    rows = np.full(n, -1, dtype=np.int64)
    kept = np.flatnonzero(keep)
    owner = series.indicator[kept]
    # Rows are sorted by indicator then year: the last kept row of each
    # indicator's run is its latest.
    last = np.ones(len(kept), dtype=np.bool_)
    if len(kept) > 1:
        last[:-1] = owner[1:] != owner[:-1]
    rows[owner[last]] = kept[last]
    return rows
