"""The status of each indicator, decided for all of them at once.

From the end of the target year on (the evaluation date is 31 Dec of the
target year or later) the verdict is final and rests on the target year's
own value: met, not met, or no data — a target year without a value that
counts is said plainly, never guessed from other years or from a part of
the year. Before, in order:

1. no value that counts yet: no data;
2. the latest value already meets the target: achieved;
3. a forecast (two annual points or more): on track if it meets the
   target; at risk if it attains ``AT_RISK_ATTAINMENT`` of it or the
   favourable edge of its band meets it; off track otherwise;
4. one point and a trajectory: the same test against the value expected
   for that point's year;
5. otherwise: no data (one point only, or only the baseline itself).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from actionplan.engine.arrays import Codes, Flags, Floats, Indicators, Ints
from actionplan.engine.codes import Basis, Status
from actionplan.engine.forecast import Forecast
from actionplan.engine.targets import attainment, compare
from actionplan.engine.thresholds import AT_RISK_ATTAINMENT, AT_RISK_TRAJECTORY_ATTAINMENT


@dataclass(frozen=True)
class Decision:
    status: Codes
    basis: Codes


def decide(
    indicators: Indicators,
    sign: Floats,
    final: Flags,
    latest_value: Floats,
    latest_bound: Flags,
    target_year_value: Floats,
    target_year_bound: Flags,
    fc: Forecast,
    expected_at_latest: Floats,
    latest_year: Ints,
    baseline_year: Floats,
) -> Decision:
    target, comparator = indicators.target_value, indicators.comparator
    has_target = indicators.has_target
    no_bound = np.zeros(len(target), dtype=np.bool_)

    at_end = compare(target_year_value, target_year_bound, target, comparator, sign)
    now = compare(latest_value, latest_bound, target, comparator, sign)
    by_forecast = compare(fc.linear, no_bound, target, comparator, sign)
    favourable_edge = np.where(sign > 0, fc.band_high, fc.band_low)
    by_edge = compare(favourable_edge, no_bound, target, comparator, sign)
    forecast_share = attainment(fc.linear, target, sign)
    by_line = compare(latest_value, latest_bound, expected_at_latest, comparator, sign)
    line_share = attainment(latest_value, expected_at_latest, sign)

    has_latest = np.isfinite(latest_value)
    has_forecast = fc.available & has_target
    # The line says something only about a point after the baseline year.
    has_line = has_latest & np.isfinite(expected_at_latest) & (latest_year > baseline_year)
    forecast_near = (forecast_share >= AT_RISK_ATTAINMENT) | by_edge.met
    line_near = line_share >= AT_RISK_TRAJECTORY_ATTAINMENT

    pre = has_target & ~final
    rules: list[tuple[Flags, Status, Basis]] = [
        (~has_target, Status.NO_TARGET, Basis.NOTHING),
        (has_target & final & at_end.met, Status.MET, Basis.LATEST_VALUE),
        (has_target & final & at_end.not_met, Status.NOT_MET, Basis.LATEST_VALUE),
        (has_target & final, Status.NO_DATA, Basis.NOTHING),
        (pre & ~has_latest, Status.NO_DATA, Basis.NOTHING),
        (pre & now.met, Status.ACHIEVED, Basis.LATEST_VALUE),
        (pre & has_forecast & by_forecast.met, Status.ON_TRACK, Basis.FORECAST),
        (pre & has_forecast & forecast_near, Status.AT_RISK, Basis.FORECAST),
        (pre & has_forecast, Status.OFF_TRACK, Basis.FORECAST),
        (pre & has_line & by_line.met, Status.ON_TRACK, Basis.TRAJECTORY),
        (pre & has_line & line_near, Status.AT_RISK, Basis.TRAJECTORY),
        (pre & has_line, Status.OFF_TRACK, Basis.TRAJECTORY),
    ]
    conditions = [rule[0] for rule in rules]
    status = np.select(conditions, [int(rule[1]) for rule in rules], int(Status.NO_DATA))
    basis = np.select(conditions, [int(rule[2]) for rule in rules], int(Basis.NOTHING))
    return Decision(status=status.astype(np.int8), basis=basis.astype(np.int8))
