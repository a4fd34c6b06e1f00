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
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import numpy.typing as npt
from django.db import connection, transaction
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


def _floats(
    values: npt.NDArray[np.float64], keep: npt.NDArray[np.bool_] | None = None
) -> list[float | None]:
    """A column of floats for the database: NaN (and where not ``keep``) as None."""
    column = np.array(values, dtype=np.float64)
    if keep is not None:
        column[~keep] = np.nan
    return [None if math.isnan(x) else x for x in column.tolist()]


_RAG = {int(status): RAG.get(status, "") for status in engine.Status}
_SEVERITY = {int(status): SEVERITY.get(status, len(SEVERITY)) for status in engine.Status}


def _columns(arrays: StatusArrays, as_of: datetime.date) -> dict[str, list[Any]]:
    """Every indicator's stored row, column by column (named as the table's
    columns), computed from the engine's arrays without a model instance."""
    ev = engine.evaluate(arrays.engine_indicators, arrays.engine_observations, as_of)
    n = len(arrays.ids)
    known = ev.latest_year > 0
    forecast = ev.forecast.available
    status = ev.status.astype(np.int64).tolist()
    return {
        "indicator_id": arrays.ids.tolist(),
        "plan_id": [arrays.plan_id] * n,
        "section_id": [pk or None for pk in arrays.section.tolist()],
        "task_id": [pk or None for pk in arrays.task.tolist()],
        "as_of": [as_of] * n,
        "status": status,
        "rag": [_RAG[code] for code in status],
        "severity": [_SEVERITY[code] for code in status],
        "binding": arrays.engine_indicators.binding.tolist(),
        "basis": ev.basis.astype(np.int64).tolist(),
        "final": ev.final.tolist(),
        "attainment": _floats(ev.attainment),
        "expected_now": _floats(ev.expected_now),
        "latest_value": _floats(ev.latest_value, known),
        "latest_year": [year or None for year in ev.latest_year.tolist()],
        "latest_end": [
            datetime.date.fromordinal(day) if year else None
            for day, year in zip(ev.latest_end.tolist(), ev.latest_year.tolist(), strict=True)
        ],
        "latest_lower_bound": (ev.latest_lower_bound & known).tolist(),
        "forecast": _floats(ev.forecast.linear, forecast),
        "forecast_compound": _floats(ev.forecast.compound, forecast),
        "band_low": _floats(ev.forecast.band_low, forecast),
        "band_high": _floats(ev.forecast.band_high, forecast),
        "computed_at": [timezone.now()] * n,
    }


def _instances(columns: dict[str, list[Any]]) -> list[IndicatorStatus]:
    names = list(columns)
    return [
        IndicatorStatus(**dict(zip(names, values, strict=True)))
        for values in zip(*columns.values(), strict=True)
    ]


def evaluate_rows(plan: Plan, as_of: datetime.date) -> list[IndicatorStatus]:
    """Every current indicator's row for ``as_of``, computed, not stored
    (the dashboard for another day than today)."""
    return _instances(_columns(load_arrays(plan), as_of))


def _previous(
    plan: Plan, ids: list[int] | None
) -> dict[int, tuple[int | None, int | None, str, int]]:
    """indicator id → (task, section, colour, status) of its stored row.

    For some indicators, their rows are locked first: a second refresh of
    the same indicators waits, then sees this one's rows as "before"."""
    before = IndicatorStatus.objects.filter(plan=plan)
    if ids is not None:
        before = before.select_for_update().filter(indicator_id__in=ids)
    return {
        pk: (task, section, rag, status)
        for pk, task, section, rag, status in before.order_by("indicator_id").values_list(
            "indicator_id", "task_id", "section_id", "rag", "status"
        )
    }


def _log_changes(
    previous: dict[int, tuple[int | None, int | None, str, int]],
    columns: dict[str, list[Any]],
) -> None:
    changes = [
        StatusChange(
            indicator_id=pk, plan_id=plan_id, changed_on=day, before=previous[pk][3], after=status
        )
        for pk, plan_id, day, status in zip(
            columns["indicator_id"],
            columns["plan_id"],
            columns["as_of"],
            columns["status"],
            strict=True,
        )
        if pk in previous and previous[pk][3] != status
    ]
    StatusChange.objects.bulk_create(changes, batch_size=BATCH)


def _moves(
    previous: dict[int, tuple[int | None, int | None, str, int]],
    columns: dict[str, list[Any]],
) -> list[rollups.Move]:
    return [
        rollups.Move(before=previous[pk][:3] if pk in previous else None, after=(task, sec, rag))
        for pk, task, sec, rag in zip(
            columns["indicator_id"],
            columns["task_id"],
            columns["section_id"],
            columns["rag"],
            strict=True,
        )
    ]


def _upsert(columns: dict[str, list[Any]]) -> None:
    if connection.vendor == "postgresql" and len(columns["indicator_id"]) > BATCH:
        _copy_upsert(columns)
        return
    IndicatorStatus.objects.bulk_create(
        _instances(columns),
        batch_size=BATCH,
        update_conflicts=True,
        unique_fields=["indicator"],
        update_fields=UPDATED_FIELDS,
    )


def _copy_upsert(columns: dict[str, list[Any]]) -> None:
    """PostgreSQL: COPY the rows into a temporary table, then one
    ``INSERT … ON CONFLICT`` — the ORM's batched upsert spends most of a
    100,000-indicator recompute converting values one by one."""
    quote = connection.ops.quote_name
    table = quote(IndicatorStatus._meta.db_table)
    names = ", ".join(quote(name) for name in columns)
    updates = ", ".join(
        f"{quote(name)} = EXCLUDED.{quote(name)}" for name in columns if name != "indicator_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE status_upsert ON COMMIT DROP AS "  # noqa: S608 — our own names
            f"SELECT {names} FROM {table} WITH NO DATA"
        )
        with cursor.copy(f"COPY status_upsert ({names}) FROM STDIN") as copy:
            for row in zip(*columns.values(), strict=True):
                copy.write_row(row)
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM status_upsert "  # noqa: S608
            f"ON CONFLICT ({quote('indicator_id')}) DO UPDATE SET {updates}"
        )
        cursor.execute("DROP TABLE status_upsert")


def _store(
    plan: Plan, arrays: StatusArrays, as_of: datetime.date, some: bool
) -> list[rollups.Move]:
    """Compute and upsert the rows of ``arrays``; log the statuses that
    changed; return where each indicator counted before and counts now."""
    ids = arrays.ids.tolist() if some else None
    previous = _previous(plan, ids)
    columns = _columns(arrays, as_of)
    _upsert(columns)
    _log_changes(previous, columns)
    return _moves(previous, columns)


def refresh_indicators(indicator_ids: Iterable[int], as_of: datetime.date) -> int:
    """Recompute and store the status of these indicators only, and the
    roll-ups they count in; how many indicators."""
    wanted = set(indicator_ids)
    plans = Plan.objects.filter(indicators__in=wanted).distinct()
    count = 0
    for plan in plans:
        with transaction.atomic():
            arrays = load_arrays(plan, wanted)
            rollups.apply(plan, as_of, _store(plan, arrays, as_of, some=True))
        count += len(arrays.ids)
    freshness.changed()
    return count


def refresh_plan(plan: Plan, as_of: datetime.date) -> int:
    """Recompute and store the status of every current indicator of
    ``plan`` and every roll-up."""
    with transaction.atomic():
        arrays = load_arrays(plan)
        # One row per current indicator: a retired one's row goes.
        IndicatorStatus.objects.filter(plan=plan, indicator__retired_in__isnull=False).delete()
        _store(plan, arrays, as_of, some=False)
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
    target = None if indicator.target_value is None else float(indicator.target_value)
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
