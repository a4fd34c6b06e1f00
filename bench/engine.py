"""Engine benchmark: a deterministic synthetic portfolio and the time of a
full recompute. ``SCALE`` (environment) sizes it: 1 is 10,000 tasks,
100,000 indicators and 1,000,000 observations; 0.1 a tenth of that.

Prints ``engine_recompute_s: X s`` (median of three runs) and the sizes.
"""

from __future__ import annotations

import datetime
import os
import statistics
import time
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from actionplan.engine import Comparator, Evaluation, Indicators, Observations, Qualifier, evaluate

TASKS = 10_000
INDICATORS = 100_000
OBSERVATIONS = 1_000_000
AS_OF = datetime.date(2024, 12, 31)
SEED = 20181130  # the Guangzhou plan's publication date


@dataclass(frozen=True)
class Portfolio:
    task: npt.NDArray[np.int64]
    indicators: Indicators
    observations: Observations


@dataclass(frozen=True)
class EngineRun:
    """The portfolio, the engine's result and its median time, for the DuckDB yardstick."""

    portfolio: Portfolio
    result: Evaluation
    seconds: float


def scale() -> float:
    return float(os.environ.get("SCALE", "1") or "1")


def synthetic_portfolio(factor: float) -> Portfolio:
    """Indicators with targets for 2025-2027 from 2020 baselines; per
    indicator about ten observations: full years, counts as of a day,
    part-year totals, now and then a lower bound or a rounded figure."""
    rng = np.random.default_rng(SEED)
    n_tasks = max(1, round(TASKS * factor))
    n = max(1, round(INDICATORS * factor))
    m = max(1, round(OBSERVATIONS * factor))

    start = rng.uniform(50, 5_000, n)
    growth = rng.normal(0.05, 0.05, n)
    target_year = rng.integers(2025, 2028, n)
    stretch = rng.uniform(0.8, 1.3, n)
    target = start * (1 + growth.clip(-0.05, None) * stretch) ** (target_year - 2020)
    comparator = rng.choice(
        np.array([Comparator.AT_LEAST, Comparator.AT_MOST, Comparator.EQUAL, Comparator.ABOUT]),
        n,
        p=[0.7, 0.1, 0.15, 0.05],
    )
    direction = np.where(comparator == Comparator.AT_MOST, -1, 1)
    has_target = rng.random(n) < 0.9
    indicators = Indicators.build(
        baseline_value=np.where(rng.random(n) < 0.5, start, np.nan),
        baseline_year=np.full(n, 2020),
        target_value=np.where(has_target, target, np.nan),
        target_year=np.where(has_target, target_year, 0),
        comparator=np.where(has_target, comparator, Comparator.NONE),
        direction=direction,
        aspirational=rng.random(n) < 0.1,
        binding=rng.random(n) < 0.2,
    )

    owner = np.sort(rng.integers(0, n, m))
    years = rng.integers(2018, 2026, m)
    jan1 = np.array([datetime.date(y, 1, 1).toordinal() for y in range(2018, 2027)], dtype=np.int64)
    first, next_first = jan1[years - 2018], jan1[years - 2018 + 1]
    shape = rng.random(m)
    # 60 % full years, 25 % counts as of a day, 15 % part-year totals.
    day = first + (rng.random(m) * (next_first - first)).astype(np.int64)
    start_day = np.where(shape < 0.85, np.where(shape < 0.6, first, day), first)
    end_day = np.where(shape < 0.6, next_first - 1, np.where(shape < 0.85, day, next_first - 32))
    trend = start[owner] * (1 + growth[owner]) ** (years - 2020)
    value = trend * (1 + rng.normal(0, 0.03, m))
    qualifier = rng.choice(
        np.array([Qualifier.EXACT, Qualifier.APPROX, Qualifier.AT_LEAST]), m, p=[0.8, 0.15, 0.05]
    )
    observations = Observations.build(
        indicator=owner, start=start_day, end=end_day, value=value, qualifier=qualifier
    )
    task = rng.integers(0, n_tasks, n)
    return Portfolio(task=task, indicators=indicators, observations=observations)


def main() -> EngineRun:
    factor = scale()
    portfolio = synthetic_portfolio(factor)
    print(f"engine_tasks: {round(TASKS * factor)} tasks")
    print(f"engine_indicators: {portfolio.indicators.size} indicators")
    print(f"engine_observations: {portfolio.observations.size} observations")
    result = evaluate(portfolio.indicators, portfolio.observations, AS_OF)  # warm up
    timings: list[float] = []
    for _ in range(3):
        started = time.perf_counter()
        result = evaluate(portfolio.indicators, portfolio.observations, AS_OF)
        timings.append(time.perf_counter() - started)
    counts = np.bincount(result.status, minlength=8)
    print(f"engine_recompute_s: {statistics.median(timings):.3f} s")
    print(f"engine_statuses: {' '.join(str(int(c)) for c in counts)} indicators")
    return EngineRun(portfolio, result, statistics.median(timings))


if __name__ == "__main__":
    main()
