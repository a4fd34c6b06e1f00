"""From the database to the engine's arrays, for one plan.

Only approved observations count; where sources disagree for a period, the
one that counts (``PeriodGroup.counted``: the coordinator's choice, else the
most authoritative source). Where the plan states no baseline, the engine
takes the figure that counts for the year before the plan begins (as
``Indicator.trajectory_start`` does).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from actionplan import engine
from actionplan.plans.models import Indicator, Observation, Plan


@dataclass(frozen=True)
class PlanArrays:
    indicators: tuple[Indicator, ...]  # row i of the engine's indicators
    observations: tuple[Observation, ...]  # row j of the engine's observations
    engine_indicators: engine.Indicators
    engine_observations: engine.Observations


def _number(value: object) -> float:
    return math.nan if value is None else float(str(value))


def load_plan(plan: Plan) -> PlanArrays:
    return load_indicators(
        plan,
        Indicator.objects.current()
        .filter(plan=plan)
        .select_related("task__section", "section")
        .order_by("id"),
    )


def load_indicators(plan: Plan, selection: Iterable[Indicator]) -> PlanArrays:
    """The arrays for some indicators of ``plan`` (one, for its own page)."""
    indicators = tuple(selection)
    row_of = {indicator.pk: row for row, indicator in enumerate(indicators)}
    groups = Observation.objects.approved().filter(indicator__in=row_of.keys()).periods()
    counted = tuple(group.counted for group in groups)
    year_before = plan.period_start - 1 if plan.period_start else 0

    def baseline_year(indicator: Indicator) -> int:
        if indicator.baseline_year is not None and indicator.baseline_value is not None:
            return indicator.baseline_year
        return year_before

    engine_indicators = engine.Indicators.build(
        baseline_value=[_number(i.baseline_value) for i in indicators],
        baseline_year=[baseline_year(i) for i in indicators],
        target_value=[_number(i.target_value) for i in indicators],
        target_year=[i.target_year or 0 for i in indicators],
        comparator=[engine.COMPARATOR_SYMBOLS[i.comparator] for i in indicators],
        direction=[
            engine.Direction.LOWER if i.direction == "lower" else engine.Direction.HIGHER
            for i in indicators
        ],
        kind=[engine.KIND_NAMES[i.kind] for i in indicators],
        aspirational=[i.aspirational for i in indicators],
        binding=[i.binding for i in indicators],
    )
    engine_observations = engine.Observations.build(
        indicator=np.array([row_of[o.indicator_id] for o in counted], dtype=np.int64),
        start=np.array([o.period_start.toordinal() for o in counted], dtype=np.int64),
        end=np.array([o.period_end.toordinal() for o in counted], dtype=np.int64),
        value=np.array([_number(o.value) for o in counted], dtype=np.float64),
        qualifier=np.array([engine.QUALIFIER_NAMES[o.qualifier] for o in counted], dtype=np.int8),
    )
    return PlanArrays(indicators, counted, engine_indicators, engine_observations)
