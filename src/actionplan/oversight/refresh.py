"""Keep each indicator's stored status (``IndicatorStatus``) and the
roll-ups (``StatusRollup``) current.

- ``refresh_indicators(ids, as_of)``: evaluate only those indicators, on
  their own approved figures (no loading of the whole plan), upsert their
  rows and recompute the roll-ups they count in (their plan, section and
  units);
- ``refresh_plan(plan, as_of)``: every current indicator of the plan, in one
  evaluation and one bulk upsert, then every roll-up (the nightly rebuild:
  ``actionplan refresh-statuses``);
- ``after_commit(ids)``: what the services hand to ``transaction.on_commit``
  when a figure starts or stops counting (approving a report or a figure,
  recording an approved figure, choosing the one that counts);
- ``ensure_current(plan, as_of)``: before the dashboard reads the stored rows:
  rebuild when a row is missing or was computed for another day;
- ``stored_verdicts``: stored rows as the pages' verdicts.

A status that changes is logged (``StatusChange``). A stored verdict carries
what the dashboard shows (status, attainment, latest value, forecast and
band), not the series it rests on: the indicator's page evaluates live and
explains.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterable, Sequence
from typing import SupportsFloat

from django.db import transaction
from django.utils import timezone

from actionplan import engine
from actionplan.oversight import freshness, rollups
from actionplan.oversight.loading import StatusArrays, load_arrays
from actionplan.oversight.services import MISSING_TARGET, RAG, IndicatorVerdict
from actionplan.oversight.status_models import IndicatorStatus, StatusChange
from actionplan.plans.models import Indicator, Plan

UPDATED_FIELDS = [
    f.name
    for f in IndicatorStatus._meta.concrete_fields
    if f.name not in ("id", "indicator") and not f.primary_key
]
BATCH = 2000
# Worst first: the dashboard's list of targets that will be missed.
SEVERITY = {status: rank for rank, status in enumerate(MISSING_TARGET)}


def _float(value: SupportsFloat) -> float | None:
    number = float(value)
    return None if math.isnan(number) else number


def _rows(arrays: StatusArrays, as_of: datetime.date) -> list[IndicatorStatus]:
    """One unsaved row per indicator of ``arrays`` (from the engine's arrays)."""
    ev = engine.evaluate(arrays.engine_indicators, arrays.engine_observations, as_of)
    now = timezone.now()
    available = ev.forecast.available
    binding = arrays.engine_indicators.binding
    rows = []
    for i, pk in enumerate(arrays.ids.tolist()):
        year = int(ev.latest_year[i])
        has_forecast = bool(available[i])
        status = engine.Status(int(ev.status[i]))
        severity = SEVERITY.get(status, len(SEVERITY))
        rows.append(
            IndicatorStatus(
                indicator_id=pk,
                plan_id=arrays.plan_id,
                section_id=int(arrays.section[i]) or None,
                task_id=int(arrays.task[i]) or None,
                as_of=as_of,
                status=int(status),
                rag=RAG.get(status, ""),
                severity=severity,
                binding=bool(binding[i]),
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


def evaluate_rows(plan: Plan, as_of: datetime.date) -> list[IndicatorStatus]:
    """Every current indicator's row for ``as_of``, computed, not stored
    (the dashboard for another day than today)."""
    return _rows(load_arrays(plan), as_of)


def _store(
    rows: Sequence[IndicatorStatus], ids: list[int] | None, plan: Plan
) -> list[rollups.Move]:
    """Upsert the rows; log the statuses that changed; return where each
    indicator counted before and counts now (for the roll-ups).

    The rows being replaced are locked first: a second refresh of the same
    indicators waits, then sees this one's rows as "before"."""
    before = IndicatorStatus.objects.filter(plan=plan)
    if ids is not None:
        before = before.select_for_update().filter(indicator_id__in=ids)
    old = {
        pk: (task, section, rag, status)
        for pk, task, section, rag, status in before.order_by("indicator_id").values_list(
            "indicator_id", "task_id", "section_id", "rag", "status"
        )
    }
    previous = {pk: values[3] for pk, values in old.items()}
    changes = [
        StatusChange(
            indicator_id=row.indicator_id,
            plan_id=row.plan_id,
            changed_on=row.as_of,
            before=previous[row.indicator_id],
            after=row.status,
        )
        for row in rows
        if previous.get(row.indicator_id, row.status) != row.status
    ]
    IndicatorStatus.objects.bulk_create(
        rows,
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["indicator"],
        update_fields=UPDATED_FIELDS,
    )
    StatusChange.objects.bulk_create(changes, batch_size=BATCH)
    return [
        rollups.Move(
            before=old[row.indicator_id][:3] if row.indicator_id in old else None,
            after=(row.task_id, row.section_id, row.rag),
        )
        for row in rows
    ]


def refresh_indicators(indicator_ids: Iterable[int], as_of: datetime.date) -> int:
    """Recompute and store the status of these indicators only, and the
    roll-ups they count in; how many indicators."""
    wanted = set(indicator_ids)
    plans = Plan.objects.filter(indicators__in=wanted).distinct()
    count = 0
    for plan in plans:
        with transaction.atomic():
            arrays = load_arrays(plan, wanted)
            ids = arrays.ids.tolist()
            rollups.apply(plan, as_of, _store(_rows(arrays, as_of), ids, plan))
        count += len(ids)
    freshness.changed()
    return count


def refresh_plan(plan: Plan, as_of: datetime.date) -> int:
    """Recompute and store the status of every current indicator of
    ``plan`` and every roll-up."""
    with transaction.atomic():
        arrays = load_arrays(plan)
        # One row per current indicator: a retired one's row goes.
        IndicatorStatus.objects.filter(plan=plan, indicator__retired_in__isnull=False).delete()
        _store(_rows(arrays, as_of), None, plan)
        rollups.rebuild(plan, as_of)
    freshness.changed()
    return len(arrays.ids)


def ensure_current(plan: Plan, as_of: datetime.date) -> None:
    """Rebuild the plan's rows unless there is one per current indicator,
    all computed for ``as_of`` (a new or retired indicator, or the first view
    of a day before the nightly rebuild, rebuilds)."""
    stale = IndicatorStatus.objects.filter(plan=plan, as_of__lt=as_of).exists()
    stored = rollups.stored(plan, as_of)
    current = Indicator.objects.current().filter(plan=plan).count()
    if stale or stored != current:
        refresh_plan(plan, as_of)


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


def stored_verdicts(rows: Iterable[IndicatorStatus]) -> list[IndicatorVerdict]:
    """The rows (with their indicator loaded) as the pages' verdicts."""
    return [_verdict(row.indicator, row) for row in rows]
