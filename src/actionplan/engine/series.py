"""Which observation counts for each indicator and year: the annual series.

A year's value is its full-year figure (1 Jan - 31 Dec); failing that, the
last count as of a day within the year (the latest known stock for that
year). Left out, and counted per indicator so the result can say so:

- part-year figures (Jan-Nov totals): never compared with an annual target
  as if they were the whole year;
- figures over several years;
- figures whose period ends after the evaluation date (not yet known).

Lower bounds ("over 65 million") stay in the series, flagged: they can prove
a ">=" target met, never a "<=" one, and the trend is not fitted on them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from actionplan.engine.arrays import Flags, Floats, Ints, Observations
from actionplan.engine.codes import PeriodKind, Qualifier

# Among figures for the same indicator and period, which wins: an exact
# figure over a rounded one over a lower bound.
_QUALIFIER_RANK = np.array([2, 1, 0], dtype=np.int8)  # by Qualifier code


@dataclass(frozen=True)
class AnnualSeries:
    """One point per indicator and year, sorted by indicator then year;
    ``offsets[i]:offsets[i + 1]`` are indicator ``i``'s points."""

    indicator: Ints
    year: Ints
    value: Floats
    lower_bound: Flags
    as_of_day: Flags  # a count as of a day, not a full-year figure
    end: Ints  # ordinal of the day the figure is as of (or the period end)
    source: Ints  # row in Observations
    offsets: Ints
    partial_left_out: Ints  # per indicator
    span_left_out: Ints  # per indicator
    not_yet_known: Ints  # per indicator: period ends after the evaluation date

    @property
    def size(self) -> int:
        return len(self.value)

    def lookup(self, years: Ints) -> Ints:
        """For each indicator, the row of its point for ``years[i]``, or -1."""
        n = len(self.offsets) - 1
        if self.size == 0:
            return np.full(n, -1, dtype=np.int64)
        span = _year_span(self.year, years)
        keys = self.indicator * span[2] + (self.year - span[0])
        wanted = np.arange(n, dtype=np.int64) * span[2] + (years - span[0])
        rows = np.searchsorted(keys, wanted)
        rows = np.minimum(rows, self.size - 1)
        found = (keys[rows] == wanted) & (years > 0)
        return np.where(found, rows, -1)

    def last_row(self) -> Ints:
        """For each indicator, the row of its latest point, or -1."""
        counts = np.diff(self.offsets)
        return np.where(counts > 0, self.offsets[1:] - 1, -1)


def _year_span(*years: Ints) -> tuple[int, int, int]:
    present = [y[y > 0] for y in years if y.size]
    low = min((int(y.min()) for y in present if y.size), default=0)
    high = max((int(y.max()) for y in present if y.size), default=0)
    # Wanted years outside the range still map to distinct, absent keys.
    low -= 1
    return low, high, high - low + 2


def annual_series(observations: Observations, n_indicators: int, as_of: int) -> AnnualSeries:
    """The annual series known at ``as_of`` (a date ordinal)."""
    obs = observations
    known = obs.end <= as_of
    kind = obs.period_kind
    candidate = known & ((kind == PeriodKind.YEAR) | (kind == PeriodKind.AS_OF_DAY))

    def per_indicator(mask: Flags) -> Ints:
        return np.bincount(obs.indicator[mask], minlength=n_indicators).astype(np.int64)

    rows = np.flatnonzero(candidate)
    ind = obs.indicator[rows]
    year = obs.year[rows]
    full_year = (kind[rows] == PeriodKind.YEAR).astype(np.int8)
    rank = _QUALIFIER_RANK[obs.qualifier[rows]]
    # Sorted by indicator, year, then preference: the last row of each
    # (indicator, year) run is the one that counts.
    order = np.lexsort((rows, rank, obs.end[rows], full_year, year, ind))
    rows, ind, year = rows[order], ind[order], year[order]
    last = np.ones(len(rows), dtype=np.bool_)
    if len(rows) > 1:
        last[:-1] = (ind[1:] != ind[:-1]) | (year[1:] != year[:-1])
    chosen = rows[last]
    chosen_ind = obs.indicator[chosen]
    counts = np.bincount(chosen_ind, minlength=n_indicators)
    offsets = np.zeros(n_indicators + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return AnnualSeries(
        indicator=chosen_ind,
        year=obs.year[chosen],
        value=obs.value[chosen],
        lower_bound=obs.qualifier[chosen] == Qualifier.AT_LEAST,
        as_of_day=kind[chosen] == PeriodKind.AS_OF_DAY,
        end=obs.end[chosen],
        source=chosen,
        offsets=offsets,
        partial_left_out=per_indicator(known & (kind == PeriodKind.PART_OF_YEAR)),
        span_left_out=per_indicator(known & (kind == PeriodKind.SPAN)),
        not_yet_known=per_indicator(~known),
    )


def subset(series: AnnualSeries, keep: Flags) -> AnnualSeries:
    """The points where ``keep`` holds, with offsets recomputed."""
    n = len(series.offsets) - 1
    counts = np.bincount(series.indicator[keep], minlength=n)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return AnnualSeries(
        indicator=series.indicator[keep],
        year=series.year[keep],
        value=series.value[keep],
        lower_bound=series.lower_bound[keep],
        as_of_day=series.as_of_day[keep],
        end=series.end[keep],
        source=series.source[keep],
        offsets=offsets,
        partial_left_out=series.partial_left_out,
        span_left_out=series.span_left_out,
        not_yet_known=series.not_yet_known,
    )


def values_at(series: AnnualSeries, rows: Ints) -> tuple[Floats, Flags]:
    """Values (NaN where ``rows`` is -1) and lower-bound flags at ``rows``."""
    found = rows >= 0
    safe = np.where(found, rows, 0)
    if series.size == 0:
        return np.full(len(rows), np.nan), np.zeros(len(rows), dtype=np.bool_)
    value = np.where(found, series.value[safe], np.nan)
    bound = found & series.lower_bound[safe]
    return value, bound
