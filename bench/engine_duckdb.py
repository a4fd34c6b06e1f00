"""DuckDB as the engine's yardstick and independent check.

The same outputs as ``actionplan.engine.evaluate``, computed by DuckDB SQL
over the same synthetic portfolio, written from docs/supervision-method.md:
per indicator the annual series (the full-year figure, else the year's last
count as of a day; part-year and multi-year figures left out; lower bounds
kept, flagged, not fitted), the latest value, the linear trend and compound
growth forecasts for the target year, the band, and the status. Only the
codes and the thresholds come from the engine's package (one place for each
number); the rules are SQL.

The NumPy arrays are loaded into DuckDB tables without a Python loop (a
dict of arrays; NaN becomes NULL); the period kind and year of each
observation are derived in SQL at load time, as ``Observations.build``
derives them before the engine's timed run. The timed part is the one query
that produces every output column, statuses included, fetched as arrays.

Prints ``duckdb_recompute_s`` (median of three), ``engine_vs_duckdb`` (the
engine's time over DuckDB's: below 1 the engine is faster),
``duckdb_status_agreement`` and ``duckdb_status_disagreements``.
"""

from __future__ import annotations

import datetime
import statistics
import time
from typing import TYPE_CHECKING

import duckdb
import numpy as np
import numpy.typing as npt

from actionplan.engine import Comparator, Kind, Qualifier, Status
from actionplan.engine.thresholds import (
    ABOUT_TOLERANCE,
    AT_RISK_ATTAINMENT,
    AT_RISK_TRAJECTORY_ATTAINMENT,
    BAND_STANDARD_ERRORS,
    EQUAL_TOLERANCE,
    MIN_FORECAST_POINTS,
)

if TYPE_CHECKING:
    from bench.engine import EngineRun, Portfolio

# Days are proleptic Gregorian ordinals (date.toordinal()): day 1 is 0001-01-01.
_LOAD = """
CREATE OR REPLACE TABLE ind AS
SELECT * FROM ind_arrays;

CREATE OR REPLACE TABLE obs AS
WITH dated AS (
    SELECT row, ind, value, qualifier, end_ordinal,
           DATE '0001-01-01' + CAST(start_ordinal - 1 AS INTEGER) AS start_day,
           DATE '0001-01-01' + CAST(end_ordinal - 1 AS INTEGER) AS end_day
    FROM obs_arrays
)
SELECT row, ind, value, start_day, end_day, end_ordinal,
       year(end_day) AS year,
       qualifier = {AT_LEAST_QUALIFIER} AS bound,
       -- exact over rounded over a lower bound
       CASE qualifier WHEN {EXACT} THEN 2 WHEN {APPROX} THEN 1 ELSE 0 END AS rank,
       start_day = end_day AS as_of_day,
       start_day <> end_day
           AND start_day = make_date(year(end_day), 1, 1)
           AND end_day = make_date(year(end_day), 12, 31) AS full_year
FROM dated;

-- Whether v meets target t under a comparator, on the favourable side sgn,
-- within the comparator's tolerance; unknown (NULL, infinite) never meets.
CREATE OR REPLACE MACRO meets(v, t, cmp, sgn) AS
    coalesce(isfinite(v) AND isfinite(t), false)
    AND CASE WHEN cmp = {MORE_THAN} THEN sgn * (v - t) > 0
             ELSE sgn * (v - t) >= -(CASE cmp WHEN {EQUAL} THEN {EQUAL_TOLERANCE}
                                              WHEN {ABOUT} THEN {ABOUT_TOLERANCE}
                                              ELSE 0.0 END) * abs(t) END;
-- A lower bound proves a target met only where more is favourable, and
-- proves it missed only where less is.
CREATE OR REPLACE MACRO proves_met(v, b, t, cmp, sgn) AS
    meets(v, t, cmp, sgn) AND (NOT b OR sgn > 0);
CREATE OR REPLACE MACRO proves_not_met(v, b, t, cmp, sgn) AS
    coalesce(isfinite(v) AND isfinite(t), false) AND NOT meets(v, t, cmp, sgn)
    AND (NOT b OR sgn < 0);
CREATE OR REPLACE MACRO attained(v, t, sgn) AS
    CASE WHEN v > 0 AND t > 0 THEN CASE WHEN sgn > 0 THEN v / t ELSE t / v END END;
"""

_EVALUATE = """
WITH
candidates AS (
    -- Among the figures for one indicator and year, which counts: a full-year
    -- figure over a count as of a day, then the later day, then exact over
    -- rounded over a lower bound, then the later row; packed in one BIGINT
    -- (1 + 22 + 2 + 37 bits: days up to 9999-12-31, 137 billion rows), which
    -- arg_max compares faster than a struct.
    SELECT ind, year, value, bound,
           (CAST(full_year AS BIGINT) << 61) + (end_ordinal << 39)
               + (CAST(rank AS BIGINT) << 37) + row AS preference
    FROM obs
    WHERE end_day <= $as_of AND (full_year OR as_of_day)
),
series AS (  -- one point per indicator and year
    SELECT ind, year, arg_max(value, preference) AS value, arg_max(bound, preference) AS bound
    FROM candidates
    GROUP BY ind, year
),
points AS (
    SELECT s.*, i.target_year AS ty, i.baseline_year,
           NOT s.bound AND s.year <= i.target_year AS fitted_point,  -- x from the target year
           CAST(s.year - i.target_year AS DOUBLE) AS x
    FROM series s JOIN ind i USING (ind)
),
per_indicator AS (  -- one pass: latest (up to the target year), target year, baseline, fit
    SELECT ind,
           max(year) FILTER (ty = 0 OR year <= ty) AS latest_year,
           arg_max(value, year) FILTER (ty = 0 OR year <= ty) AS latest_value,
           arg_max(bound, year) FILTER (ty = 0 OR year <= ty) AS latest_bound,
           any_value(value) FILTER (ty > 0 AND year = ty) AS ty_value,
           any_value(bound) FILTER (ty > 0 AND year = ty) AS ty_bound,
           -- a lower bound is not a baseline
           any_value(value) FILTER (baseline_year > 0 AND year = baseline_year AND NOT bound)
               AS base_value,
           count(*) FILTER (fitted_point) AS n,
           regr_intercept(value, x) FILTER (fitted_point) AS intercept,
           regr_sxx(value, x) FILTER (fitted_point) AS sxx,
           regr_syy(value, x) FILTER (fitted_point) AS syy,
           regr_sxy(value, x) FILTER (fitted_point) AS sxy,
           regr_avgx(value, x) FILTER (fitted_point) AS mean_x,
           min(year) FILTER (fitted_point) AS first_year,
           arg_min(value, year) FILTER (fitted_point) AS first_value,
           max(year) FILTER (fitted_point) AS last_year,
           arg_max(value, year) FILTER (fitted_point) AS last_value
    FROM points
    GROUP BY ind
),
joined AS (
    SELECT i.ind, i.target_value AS target, i.target_year AS ty, i.comparator AS cmp,
           i.baseline_year, i.kind, i.growth_path,
           i.target_value IS NOT NULL AND i.target_year > 0
               AND i.comparator <> {NONE} AS has_target,
           CASE WHEN i.comparator = {AT_MOST} THEN -1.0
                WHEN i.comparator IN ({EQUAL}, {ABOUT})
                    THEN CASE WHEN i.direction < 0 THEN -1.0 ELSE 1.0 END
                ELSE 1.0 END AS sgn,
           i.target_year > 0 AND $now >= i.target_year AS final,
           CASE WHEN i.baseline_year > 0
                THEN coalesce(i.baseline_value, f.base_value) END AS baseline,
           f.latest_year, f.latest_value, coalesce(f.latest_bound, false) AS latest_bound,
           f.ty_value, coalesce(f.ty_bound, false) AS ty_bound,
           f.n, f.mean_x, f.sxx, f.first_year, f.first_value, f.last_year, f.last_value,
           coalesce(f.n >= {MIN_FORECAST_POINTS} AND i.target_year > 0 AND f.sxx > 0, false)
               AS fitted,
           f.intercept,
           CASE WHEN f.n > 2 THEN sqrt(greatest(f.syy - f.sxy * f.sxy / f.sxx, 0.0) / (f.n - 2))
                ELSE 0.0 END AS residual_sd
    FROM ind i LEFT JOIN per_indicator f USING (ind)
),
forecasts AS (
    SELECT *,
           CASE WHEN fitted THEN intercept END AS linear,
           CASE WHEN fitted AND first_value > 0 AND last_value > 0 AND last_year > first_year
                THEN last_value * pow(1.0 + (pow(last_value / first_value,
                                                 1.0 / (last_year - first_year)) - 1.0),
                                      ty - last_year) END AS compound,
           {BAND_STANDARD_ERRORS} * residual_sd
               * sqrt(1.0 + 1.0 / n + mean_x * mean_x / sxx) AS spread,
           -- the trajectory from the baseline to the target, at the latest value's year
           CASE WHEN baseline IS NOT NULL AND target IS NOT NULL AND ty > baseline_year
                     AND latest_year IS NOT NULL
                THEN least(greatest((latest_year - baseline_year) / (ty - baseline_year), 0.0),
                           1.0) END AS share
    FROM joined
),
outputs AS (
    SELECT *,
           CASE WHEN fitted THEN least(linear, compound) - spread END AS band_low,
           CASE WHEN fitted THEN greatest(linear, compound) + spread END AS band_high,
           CASE WHEN (kind = {GROWTH_RATE} OR growth_path) AND baseline > 0 AND target > 0
                THEN baseline * pow(target / baseline, share)
                ELSE baseline + (target - baseline) * share END AS expected_at_latest
    FROM forecasts
)
SELECT ind, latest_year, latest_value, linear, compound, band_low, band_high,
       expected_at_latest,
       CAST(CASE
           WHEN NOT has_target THEN {NO_TARGET}
           WHEN final AND proves_met(ty_value, ty_bound, target, cmp, sgn) THEN {MET}
           WHEN final AND proves_not_met(ty_value, ty_bound, target, cmp, sgn) THEN {NOT_MET}
           WHEN final THEN {NO_DATA}
           WHEN latest_value IS NULL THEN {NO_DATA}
           WHEN proves_met(latest_value, latest_bound, target, cmp, sgn) THEN {ACHIEVED}
           WHEN coalesce(isfinite(linear), false) THEN CASE
               WHEN meets(linear, target, cmp, sgn) THEN {ON_TRACK}
               WHEN coalesce(attained(linear, target, sgn) >= {AT_RISK_ATTAINMENT}, false)
                    OR meets(CASE WHEN sgn > 0 THEN band_high ELSE band_low END,
                             target, cmp, sgn) THEN {AT_RISK}
               ELSE {OFF_TRACK} END
           WHEN coalesce(isfinite(expected_at_latest), false)
                AND latest_year > baseline_year THEN CASE
               WHEN proves_met(latest_value, latest_bound, expected_at_latest, cmp, sgn)
                   THEN {ON_TRACK}
               WHEN coalesce(attained(latest_value, expected_at_latest, sgn)
                             >= {AT_RISK_TRAJECTORY_ATTAINMENT}, false) THEN {AT_RISK}
               ELSE {OFF_TRACK} END
           ELSE {NO_DATA}
       END AS TINYINT) AS status
FROM outputs
ORDER BY ind
"""

_CONSTANTS: dict[str, object] = {
    "AT_LEAST_QUALIFIER": int(Qualifier.AT_LEAST),
    "EXACT": int(Qualifier.EXACT),
    "APPROX": int(Qualifier.APPROX),
    "MORE_THAN": int(Comparator.MORE_THAN),
    "AT_MOST": int(Comparator.AT_MOST),
    "EQUAL": int(Comparator.EQUAL),
    "ABOUT": int(Comparator.ABOUT),
    "NONE": int(Comparator.NONE),
    "GROWTH_RATE": int(Kind.GROWTH_RATE),
    "EQUAL_TOLERANCE": repr(float(EQUAL_TOLERANCE)),
    "ABOUT_TOLERANCE": repr(float(ABOUT_TOLERANCE)),
    "AT_RISK_ATTAINMENT": repr(float(AT_RISK_ATTAINMENT)),
    "AT_RISK_TRAJECTORY_ATTAINMENT": repr(float(AT_RISK_TRAJECTORY_ATTAINMENT)),
    "BAND_STANDARD_ERRORS": repr(float(BAND_STANDARD_ERRORS)),
    "MIN_FORECAST_POINTS": int(MIN_FORECAST_POINTS),
    **{status.name: int(status) for status in Status},
}


def connect(portfolio: Portfolio) -> duckdb.DuckDBPyConnection:
    """A connection with the portfolio loaded into tables ``ind`` and ``obs``."""
    indicators, observations = portfolio.indicators, portfolio.observations
    con = duckdb.connect()
    con.register(
        "ind_arrays",
        {
            "ind": np.arange(indicators.size, dtype=np.int64),
            "baseline_value": indicators.baseline_value,
            "baseline_year": indicators.baseline_year,
            "target_value": indicators.target_value,
            "target_year": indicators.target_year,
            "comparator": indicators.comparator,
            "direction": indicators.direction,
            "kind": indicators.kind,
            "growth_path": indicators.growth_path,
        },
    )
    con.register(
        "obs_arrays",
        {
            "row": np.arange(observations.size, dtype=np.int64),
            "ind": observations.indicator,
            "start_ordinal": observations.start,
            "end_ordinal": observations.end,
            "value": observations.value,
            "qualifier": observations.qualifier,
        },
    )
    con.execute(_LOAD.format(**_CONSTANTS))
    con.unregister("ind_arrays")
    con.unregister("obs_arrays")
    return con


def fractional_year(day: datetime.date) -> float:
    """31 Dec 2019 is 2019.0 (the docs' time scale)."""
    jan1 = datetime.date(day.year, 1, 1)
    length = (datetime.date(day.year + 1, 1, 1) - jan1).days
    return day.year - 1 + ((day - jan1).days + 1) / length


def evaluate_sql(
    con: duckdb.DuckDBPyConnection, as_of: datetime.date
) -> dict[str, npt.NDArray[np.generic]]:
    """Every output column, one row per indicator in portfolio order."""
    query = _EVALUATE.format(**_CONSTANTS)
    result = con.execute(query, {"as_of": as_of, "now": fractional_year(as_of)}).fetchnumpy()
    return {name: _filled(column) for name, column in result.items()}


def _filled(column: npt.NDArray[np.generic]) -> npt.NDArray[np.generic]:
    """NULL as NaN in float columns (as the engine has it), as 0 in year columns."""
    if isinstance(column, np.ma.MaskedArray):
        if np.issubdtype(column.dtype, np.floating):
            return np.ma.filled(column.astype(np.float64), np.nan)
        return np.ma.filled(column, 0)
    return np.asarray(column)


def disagreements(engine_status: npt.NDArray[np.int8], sql_status: npt.NDArray[np.int8]) -> int:
    return int(np.count_nonzero(engine_status != sql_status))


def main(run: EngineRun, as_of: datetime.date) -> None:
    con = connect(run.portfolio)
    outputs = evaluate_sql(con, as_of)  # warm up
    timings: list[float] = []
    for _ in range(3):
        started = time.perf_counter()
        outputs = evaluate_sql(con, as_of)
        timings.append(time.perf_counter() - started)
    seconds = statistics.median(timings)
    status = outputs["status"].astype(np.int8)
    wrong = disagreements(run.result.status, status)
    total = len(status)
    print(f"duckdb_recompute_s: {seconds:.3f} s")
    print(f"engine_vs_duckdb: {run.seconds / seconds:.2f} ratio")
    print(f"duckdb_status_agreement: {(total - wrong) / max(total, 1):.6f} ratio")
    print(f"duckdb_status_disagreements: {wrong} indicators")
    con.close()
