"""How a value compares with a target, for every comparator and direction.

Each comparator has a favourable side: up for ">=" and ">", down for "<=",
and the indicator's direction for "=" and "~" (an "=" target of 120 routes
is met by 120, by 119.5 within the rounding tolerance, and by 125).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from actionplan.engine.arrays import Codes, Flags, Floats
from actionplan.engine.codes import Comparator
from actionplan.engine.thresholds import ABOUT_TOLERANCE, EQUAL_TOLERANCE


def favourable_sign(comparator: Codes, direction: Codes) -> Floats:
    """+1 where more is better for meeting the target, -1 where less is."""
    sign = np.where(comparator == Comparator.AT_MOST, -1.0, 1.0)
    by_direction = (comparator == Comparator.EQUAL) | (comparator == Comparator.ABOUT)
    return np.where(by_direction, np.where(direction < 0, -1.0, 1.0), sign)


def tolerance(comparator: Codes) -> Floats:
    return np.select(
        [comparator == Comparator.EQUAL, comparator == Comparator.ABOUT],
        [EQUAL_TOLERANCE, ABOUT_TOLERANCE],
        0.0,
    )


@dataclass(frozen=True)
class Comparison:
    """Whether a value proves the target met or proves it not met. A lower
    bound that falls short of a ">=" target proves neither."""

    met: Flags
    not_met: Flags


def compare(
    value: Floats, lower_bound: Flags, target: Floats, comparator: Codes, sign: Floats
) -> Comparison:
    known = np.isfinite(value) & np.isfinite(target)
    with np.errstate(invalid="ignore"):
        gap = sign * (value - target)
        slack = tolerance(comparator) * np.abs(target)
        strict = comparator == Comparator.MORE_THAN
        meets = np.where(strict, gap > 0, gap >= -slack) & known
    # The true value is at least the bound: a bound on the favourable side of
    # a higher-is-better target proves it met; on a lower-is-better one it can
    # only prove it missed.
    up = sign > 0
    met = meets & (~lower_bound | up)
    not_met = known & ~meets & (~lower_bound | ~up)
    return Comparison(met=met, not_met=not_met)


def attainment(value: Floats, target: Floats, sign: Floats) -> Floats:
    """value / target where more is better, target / value where less is;
    NaN unless both are positive."""
    ok = (value > 0) & (target > 0)
    safe_value = np.where(ok, value, 1.0)
    safe_target = np.where(ok, target, 1.0)
    ratio = np.where(sign > 0, safe_value / safe_target, safe_target / safe_value)
    return np.where(ok, ratio, np.nan)
