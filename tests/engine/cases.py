"""Small hand-made portfolios for the engine tests."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from actionplan.engine import (
    Comparator,
    Direction,
    Evaluation,
    Explanation,
    Indicators,
    Kind,
    Observations,
    Qualifier,
    evaluate,
    explain,
)


@dataclass(frozen=True)
class Figure:
    start: str
    end: str
    value: float
    qualifier: Qualifier = Qualifier.EXACT


def year(y: int, value: float, qualifier: Qualifier = Qualifier.EXACT) -> Figure:
    return Figure(f"{y}-01-01", f"{y}-12-31", value, qualifier)


def day(iso: str, value: float, qualifier: Qualifier = Qualifier.EXACT) -> Figure:
    return Figure(iso, iso, value, qualifier)


@dataclass(frozen=True)
class Case:
    target: float | None
    comparator: Comparator = Comparator.AT_LEAST
    target_year: int = 2020
    figures: list[Figure] = field(default_factory=list)
    direction: Direction = Direction.HIGHER
    baseline: float | None = None
    baseline_year: int = 0
    kind: Kind = Kind.LEVEL
    growth_path: bool = False


def portfolio(cases: list[Case]) -> tuple[Indicators, Observations]:
    indicators = Indicators.build(
        target_value=[c.target if c.target is not None else float("nan") for c in cases],
        target_year=[c.target_year if c.target is not None else 0 for c in cases],
        comparator=[c.comparator if c.target is not None else Comparator.NONE for c in cases],
        direction=[c.direction for c in cases],
        baseline_value=[c.baseline if c.baseline is not None else float("nan") for c in cases],
        baseline_year=[c.baseline_year for c in cases],
        kind=[c.kind for c in cases],
        growth_path=[c.growth_path for c in cases],
    )
    rows = [(i, f) for i, c in enumerate(cases) for f in c.figures]
    observations = Observations.build(
        indicator=[i for i, _ in rows],
        start=[datetime.date.fromisoformat(f.start).toordinal() for _, f in rows],
        end=[datetime.date.fromisoformat(f.end).toordinal() for _, f in rows],
        value=[f.value for _, f in rows],
        qualifier=[f.qualifier for _, f in rows],
    )
    return indicators, observations


def judge(case: Case, as_of: str) -> Explanation:
    indicators, observations = portfolio([case])
    result = evaluate(indicators, observations, datetime.date.fromisoformat(as_of))
    return explain(result, indicators, observations, 0)


def evaluate_all(cases: list[Case], as_of: str) -> Evaluation:
    indicators, observations = portfolio(cases)
    return evaluate(indicators, observations, datetime.date.fromisoformat(as_of))
