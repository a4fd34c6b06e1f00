"""The forecast for the target year, from the annual series.

Two methods over the points that are not lower bounds and not after the
target year, with at least ``MIN_FORECAST_POINTS`` of them:

- linear trend: least squares, computed for all indicators at once from
  group-wise sums (``np.bincount`` with weights);
- compound annual growth from the first to the last point, carried on from
  the last point to the target year.

The band runs from the lower of the two forecasts less the spread of the
trend's residuals to the higher plus it: it holds both methods' answers and
the year-to-year noise of the series. With two points the residuals are
zero and the band is just the two forecasts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from actionplan.engine.arrays import Flags, Floats, Indicators, Ints
from actionplan.engine.series import AnnualSeries, subset
from actionplan.engine.thresholds import BAND_STANDARD_ERRORS, MIN_FORECAST_POINTS


@dataclass(frozen=True)
class Forecast:
    points: Ints  # annual points the forecast rests on
    first_year: Ints  # 0 where no points
    last_year: Ints
    linear: Floats  # NaN: no forecast
    slope: Floats  # per year
    compound: Floats  # NaN where the series is not positive
    growth_rate: Floats  # compound annual growth rate
    residual_sd: Floats
    band_low: Floats
    band_high: Floats

    @property
    def available(self) -> Flags:
        return np.isfinite(self.linear)


def fitted_points(series: AnnualSeries, indicators: Indicators) -> AnnualSeries:
    """The points a forecast rests on: not lower bounds, not after the
    target year."""
    keep = ~series.lower_bound & (series.year <= indicators.target_year[series.indicator])
    return subset(series, keep)


def forecast(fit: AnnualSeries, indicators: Indicators) -> Forecast:
    n = indicators.size
    ind = fit.indicator
    # Years counted from the target year: the forecast is the intercept.
    x = (fit.year - indicators.target_year[ind]).astype(np.float64)
    y = fit.value
    count = np.bincount(ind, minlength=n).astype(np.float64)
    enough = (count >= MIN_FORECAST_POINTS) & (indicators.target_year > 0)
    safe_count = np.maximum(count, 1.0)
    mean_x = np.bincount(ind, x, minlength=n) / safe_count
    mean_y = np.bincount(ind, y, minlength=n) / safe_count
    dx = x - mean_x[ind]
    dy = y - mean_y[ind]
    sxx = np.bincount(ind, dx * dx, minlength=n)
    sxy = np.bincount(ind, dx * dy, minlength=n)
    fitted = enough & (sxx > 0)
    slope = np.where(fitted, sxy / np.where(fitted, sxx, 1.0), np.nan)
    linear = np.where(fitted, mean_y - slope * mean_x, np.nan)

    residual = dy - np.nan_to_num(slope[ind]) * dx
    sse = np.bincount(ind, residual * residual, minlength=n)
    dof = np.maximum(count - 2.0, 1.0)
    residual_sd = np.where(fitted & (count > 2), np.sqrt(sse / dof), 0.0)
    leverage = 1.0 + 1.0 / safe_count + mean_x**2 / np.where(fitted, sxx, 1.0)
    spread = BAND_STANDARD_ERRORS * residual_sd * np.sqrt(leverage)

    first = np.minimum(fit.offsets[:-1], max(fit.size - 1, 0))
    last = np.maximum(fit.offsets[1:] - 1, 0)
    has = count > 0
    first_year = np.where(has, fit.year[first] if fit.size else 0, 0)
    last_year = np.where(has, fit.year[last] if fit.size else 0, 0)
    first_value = np.where(has, fit.value[first] if fit.size else np.nan, np.nan)
    last_value = np.where(has, fit.value[last] if fit.size else np.nan, np.nan)
    growing = fitted & (first_value > 0) & (last_value > 0) & (last_year > first_year)
    years = np.where(growing, last_year - first_year, 1).astype(np.float64)
    ratio = np.where(growing, last_value / np.where(growing, first_value, 1.0), 1.0)
    rate = np.where(growing, ratio ** (1.0 / years) - 1.0, np.nan)
    ahead = (indicators.target_year - last_year).astype(np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        compound = np.where(growing, last_value * (1.0 + np.nan_to_num(rate)) ** ahead, np.nan)

    low = np.fmin(linear, compound)
    high = np.fmax(linear, compound)
    band_low = np.where(fitted, low - spread, np.nan)
    band_high = np.where(fitted, high + spread, np.nan)
    return Forecast(
        points=count.astype(np.int64),
        first_year=first_year.astype(np.int64),
        last_year=last_year.astype(np.int64),
        linear=linear,
        slope=slope,
        compound=compound,
        growth_rate=rate,
        residual_sd=np.where(fitted, residual_sd, np.nan),
        band_low=band_low,
        band_high=band_high,
    )
