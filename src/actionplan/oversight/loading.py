"""From the database to the engine's arrays, for one plan.

Only approved observations count; where sources disagree for a period, the
one that counts (``PeriodGroup.counted``: the coordinator's choice, else the
most authoritative source). Where the plan states no baseline, the engine
takes the figure that counts for the year before the plan begins (as
``Indicator.trajectory_start`` does).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from django.db.models import Case, F, FloatField, IntegerField, QuerySet, Value, When, Window
from django.db.models.functions import Cast, RowNumber

from actionplan import engine
from actionplan.plans.models import Indicator, Observation, Plan
from actionplan.plans.models.observations import QUALITY_RANK


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


# --- Many indicators at once (statuses, roll-ups) ----------------------------------


@dataclass(frozen=True)
class StatusArrays:
    """What storing statuses needs for many indicators: no model instances.

    Row i of the engine's indicators is the indicator ``ids[i]``; ``task``
    and ``section`` are where it counts in the roll-ups (the section its task
    sits in, else its own; 0 where none).
    """

    plan_id: int
    ids: npt.NDArray[np.int64]
    task: npt.NDArray[np.int64]
    section: npt.NDArray[np.int64]
    engine_indicators: engine.Indicators
    engine_observations: engine.Observations


def _quality_rank() -> Case:
    return Case(
        *(When(source_quality=quality, then=Value(rank)) for quality, rank in QUALITY_RANK.items()),
        default=Value(len(QUALITY_RANK)),
        output_field=IntegerField(),
    )


def counted_observations(indicator_ids: Iterable[int] | None = None) -> QuerySet[Observation]:
    """The approved observation that counts for each indicator and period,
    chosen in the database as ``PeriodGroup.counted`` chooses it: the
    preferred one (the first, if several), else the most authoritative
    source, latest recorded on a tie, then the first."""
    rows = Observation.objects.approved()
    if indicator_ids is not None:
        rows = rows.filter(indicator_id__in=indicator_ids)
    return rows.annotate(
        pick=Window(
            RowNumber(),
            partition_by=[F("indicator_id"), F("period_start"), F("period_end")],
            order_by=[
                F("is_preferred").desc(),
                Case(When(is_preferred=True, then=F("id")), default=Value(0)).asc(),
                _quality_rank().asc(),
                F("recorded_at").desc(),
                F("id").asc(),
            ],
        )
    ).filter(pick=1)


def _ordinals(days: list[datetime.date]) -> npt.NDArray[np.int64]:
    # Ten times faster than numpy's own conversion of date objects.
    return np.fromiter((day.toordinal() for day in days), dtype=np.int64, count=len(days))


def load_arrays(plan: Plan, indicator_ids: Iterable[int] | None = None) -> StatusArrays:
    """The engine's arrays for the plan's current indicators (or some of
    them), read as plain columns: fast enough for 100,000 indicators."""
    indicators = Indicator.objects.current().filter(plan=plan)
    if indicator_ids is not None:
        indicators = indicators.filter(pk__in=list(indicator_ids))
    columns = list(
        indicators.order_by("id").values_list(
            "id",
            "task_id",
            # The section of its task, else its own (as the pages place it).
            Case(When(task__isnull=False, then=F("task__section_id")), default=F("section_id")),
            Cast("baseline_value", FloatField()),
            "baseline_year",
            Cast("target_value", FloatField()),
            "target_year",
            "comparator",
            "direction",
            "kind",
            "aspirational",
            "binding",
        )
    )
    ids = np.array([c[0] for c in columns], dtype=np.int64)
    year_before = plan.period_start - 1 if plan.period_start else 0
    baseline_value = [math.nan if c[3] is None else c[3] for c in columns]
    engine_indicators = engine.Indicators.build(
        baseline_value=baseline_value,
        baseline_year=[
            c[4] if c[4] is not None and c[3] is not None else year_before for c in columns
        ],
        target_value=[math.nan if c[5] is None else c[5] for c in columns],
        target_year=[c[6] or 0 for c in columns],
        comparator=[engine.COMPARATOR_SYMBOLS[c[7]] for c in columns],
        direction=[
            engine.Direction.LOWER if c[8] == "lower" else engine.Direction.HIGHER for c in columns
        ],
        kind=[engine.KIND_NAMES[c[9]] for c in columns],
        aspirational=[c[10] for c in columns],
        binding=[c[11] for c in columns],
    )
    observations = list(
        counted_observations(None if indicator_ids is None else ids.tolist())
        .filter(indicator__plan=plan, indicator__retired_in__isnull=True)
        .order_by()
        .values_list(
            "indicator_id", "period_start", "period_end", Cast("value", FloatField()), "qualifier"
        )
    )
    row_of = {int(pk): row for row, pk in enumerate(ids)}
    qualifiers = engine.QUALIFIER_NAMES
    engine_observations = engine.Observations.build(
        indicator=np.array([row_of[o[0]] for o in observations], dtype=np.int64),
        start=_ordinals([o[1] for o in observations]),
        end=_ordinals([o[2] for o in observations]),
        value=np.array([o[3] for o in observations], dtype=np.float64),
        qualifier=np.array([qualifiers[o[4]] for o in observations], dtype=np.int8),
    )
    return StatusArrays(
        plan_id=plan.pk,
        ids=ids,
        task=np.array([c[1] or 0 for c in columns], dtype=np.int64),
        section=np.array([c[2] or 0 for c in columns], dtype=np.int64),
        engine_indicators=engine_indicators,
        engine_observations=engine_observations,
    )
