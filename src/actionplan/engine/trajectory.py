"""The value expected by a given time on the way from baseline to target.

A straight line for levels and counts; compound growth where the indicator
is a growth rate or the target is a growth path (when both ends are
positive; otherwise the straight line). Before the baseline year the
expected value is the baseline, after the target year the target.

Time is in fractional years on the scale where year Y's figure sits at Y.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from actionplan.engine.arrays import Flags, Floats, Indicators
from actionplan.engine.codes import Kind
from actionplan.engine.series import AnnualSeries, values_at


@dataclass(frozen=True)
class Baseline:
    value: Floats  # NaN: no baseline
    year: Floats
    from_series: Flags  # the plan gave a year only: the figure that counts for it


def resolve_baseline(indicators: Indicators, series: AnnualSeries) -> Baseline:
    """The plan's baseline; where it gives none, the series value for the
    baseline year (a lower bound is not a baseline: it would make the line
    look easier than it is)."""
    value, bound = values_at(series, series.lookup(indicators.baseline_year))
    value = np.where(bound, np.nan, value)
    given = np.isfinite(indicators.baseline_value)
    has_year = indicators.baseline_year > 0
    resolved = np.where(given, indicators.baseline_value, value)
    resolved = np.where(has_year, resolved, np.nan)
    return Baseline(
        value=resolved,
        year=indicators.baseline_year.astype(np.float64),
        from_series=~given & np.isfinite(resolved),
    )


def expected_value(indicators: Indicators, baseline: Baseline, at: Floats) -> Floats:
    """The expected value at times ``at`` (one per indicator); NaN without a
    baseline or a target, or when the baseline is not before the target."""
    start, target = baseline.value, indicators.target_value
    first, last = baseline.year, indicators.target_year.astype(np.float64)
    valid = np.isfinite(start) & np.isfinite(target) & (last > first) & np.isfinite(at)
    length = np.where(valid, last - first, 1.0)
    share = np.clip(np.where(valid, (at - first) / length, 0.0), 0.0, 1.0)
    with np.errstate(invalid="ignore", over="ignore"):
        straight = start + (target - start) * share
        compound_wanted = (indicators.kind == Kind.GROWTH_RATE) | indicators.growth_path
        compound_ok = compound_wanted & (start > 0) & (target > 0)
        ratio = np.where(compound_ok, target / np.where(compound_ok, start, 1.0), 1.0)
        compound = start * ratio**share
    return np.where(valid, np.where(compound_ok, compound, straight), np.nan)
