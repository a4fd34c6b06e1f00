"""Keep each indicator's stored status (``IndicatorStatus``) current.

- ``refresh_indicators(ids, as_of)``: evaluate only those indicators, on
  their own approved figures (no loading of the whole plan), and upsert
  their rows;
- ``refresh_plan(plan, as_of)``: every current indicator of the plan, in one
  evaluation and one bulk upsert (the nightly rebuild:
  ``actionplan refresh-statuses``);
- ``after_commit(ids)``: what the services hand to ``transaction.on_commit``
  when a figure starts or stops counting (approving a report or a figure,
  recording an approved figure, choosing the one that counts);
- ``stored_verdicts(plan, as_of)``: the dashboard's verdicts read from the
  stored rows; indicators without a row for ``as_of`` are evaluated live and
  their rows stored.

A stored verdict carries what the dashboard shows (status, attainment, latest
value, forecast and band), not the series it rests on: the indicator's page
evaluates live and explains.
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import SupportsFloat

from django.utils import timezone

from actionplan import engine
from actionplan.oversight.loading import PlanArrays, load_indicators
from actionplan.oversight.services import IndicatorVerdict
from actionplan.oversight.status_models import IndicatorStatus
from actionplan.plans.models import Indicator, Plan

UPDATED_FIELDS = [
    f.name
    for f in IndicatorStatus._meta.concrete_fields
    if f.name not in ("id", "indicator") and not f.primary_key
]
BATCH = 1000


def _current(ids: Iterable[int] | None = None, plan: Plan | None = None) -> list[Indicator]:
    rows = Indicator.objects.current().select_related("plan", "task__section", "section")
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    if plan is not None:
        rows = rows.filter(plan=plan)
    return list(rows.order_by("id"))


def _float(value: SupportsFloat) -> float | None:
    number = float(value)
    return None if math.isnan(number) else number


def _rows(arrays: PlanArrays, as_of: datetime.date) -> list[IndicatorStatus]:
    """One row per indicator of ``arrays`` (set-based: from the engine's arrays)."""
    ev = engine.evaluate(arrays.engine_indicators, arrays.engine_observations, as_of)
    now = timezone.now()
    available = ev.forecast.available
    rows = []
    for i, indicator in enumerate(arrays.indicators):
        year = int(ev.latest_year[i])
        has_forecast = bool(available[i])
        rows.append(
            IndicatorStatus(
                indicator=indicator,
                as_of=as_of,
                status=int(ev.status[i]),
                basis=int(ev.basis[i]),
                final=bool(ev.final[i]),
                attainment=_float(ev.attainment[i]),
                expected_now=_float(ev.expected_now[i]),
                latest_value=_float(ev.latest_value[i]) if year else None,
                latest_year=year or None,
                latest_end=datetime.date.fromordinal(int(ev.latest_end[i])) if year else None,
                latest_lower_bound=bool(ev.latest_lower_bound[i]) if year else False,
                forecast=_float(ev.forecast.linear[i]) if has_forecast else None,
                forecast_compound=_float(ev.forecast.compound[i]) if has_forecast else None,
                band_low=_float(ev.forecast.band_low[i]) if has_forecast else None,
                band_high=_float(ev.forecast.band_high[i]) if has_forecast else None,
                computed_at=now,
            )
        )
    return rows


def _store(rows: Sequence[IndicatorStatus]) -> None:
    IndicatorStatus.objects.bulk_create(
        rows,
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["indicator"],
        update_fields=UPDATED_FIELDS,
    )


def _evaluate_and_store(
    indicators: Sequence[Indicator], as_of: datetime.date
) -> dict[int, IndicatorStatus]:
    """The rows stored, by indicator id."""
    by_plan: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in indicators:
        by_plan[indicator.plan_id].append(indicator)
    stored: dict[int, IndicatorStatus] = {}
    for selection in by_plan.values():
        rows = _rows(load_indicators(selection[0].plan, selection), as_of)
        _store(rows)
        stored.update((row.indicator_id, row) for row in rows)
    return stored


def refresh_indicators(indicator_ids: Iterable[int], as_of: datetime.date) -> int:
    """Recompute and store the status of these indicators only; how many."""
    indicators = _current(ids=indicator_ids)
    _evaluate_and_store(indicators, as_of)
    return len(indicators)


def refresh_plan(plan: Plan, as_of: datetime.date) -> int:
    """Recompute and store the status of every current indicator of ``plan``."""
    indicators = _current(plan=plan)
    _evaluate_and_store(indicators, as_of)
    return len(indicators)


def after_commit(indicator_ids: Iterable[int]) -> Callable[[], None]:
    """The callback for ``transaction.on_commit``: refresh these indicators
    for the day the change commits."""
    ids = set(indicator_ids)

    def refresh() -> None:
        if ids:
            refresh_indicators(ids, timezone.localdate())

    return refresh


# --- Reading ------------------------------------------------------------------------


def _verdict(indicator: Indicator, row: IndicatorStatus) -> IndicatorVerdict:
    target = _float(indicator.target_value) if indicator.target_value is not None else None
    latest = None
    if row.latest_year is not None and row.latest_value is not None and row.latest_end:
        latest = engine.SeriesPoint(
            year=row.latest_year,
            value=row.latest_value,
            lower_bound=row.latest_lower_bound,
            as_of=row.latest_end,
            as_of_day=False,
            fitted=False,
            observation=-1,
        )
    forecast = None
    if row.forecast is not None:
        forecast = engine.ForecastExplained(
            target_year=indicator.target_year or 0,
            linear=row.forecast,
            slope=math.nan,
            compound=math.nan if row.forecast_compound is None else row.forecast_compound,
            growth_rate=math.nan,
            band_low=math.nan if row.band_low is None else row.band_low,
            band_high=math.nan if row.band_high is None else row.band_high,
            points=0,
            residual_sd=math.nan,
        )
    explanation = engine.Explanation(
        indicator=-1,
        status=engine.Status(row.status),
        basis=engine.Basis(row.basis),
        final=row.final,
        target=target,
        target_year=indicator.target_year or None,
        latest=latest,
        attainment=row.attainment,
        baseline=None,
        baseline_year=None,
        expected_now=row.expected_now,
        series=(),
        forecast=forecast,
        left_out=(),
    )
    return IndicatorVerdict(indicator, explanation, {})


def stored_verdicts(plan: Plan, as_of: datetime.date) -> list[IndicatorVerdict]:
    """Every current indicator of the plan with its stored verdict for
    ``as_of``, in the plan's order; those without one are evaluated now and
    stored."""
    indicators = list(
        Indicator.objects.current()
        .filter(plan=plan)
        .select_related("task__section", "section")
        .order_by("id")
    )
    stored = {
        row.indicator_id: row
        for row in IndicatorStatus.objects.filter(
            indicator__plan=plan, indicator__retired_in__isnull=True, as_of=as_of
        )
    }
    missing = [i for i in indicators if i.pk not in stored]
    if missing:
        for indicator in missing:
            indicator.plan = plan
        stored.update(_evaluate_and_store(missing, as_of))
    return [_verdict(i, stored[i.pk]) for i in indicators]
