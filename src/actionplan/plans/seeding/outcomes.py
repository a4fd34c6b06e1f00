"""The plan's indicators named for the data (codes, English names), the
indicators the office follows without a target, and the real outcome
figures as observations."""

from __future__ import annotations

import datetime
from decimal import Decimal

from actionplan.plans.models import (
    Direction,
    Indicator,
    IndicatorOrigin,
    Observation,
    Plan,
    PlanVersion,
    Task,
)
from actionplan.plans.seeding.data import read_csv
from actionplan.plans.seeding.errors import SeedDataError
from actionplan.plans.services.history import save_with_history
from actionplan.plans.services.observations import record_observation

INDICATORS_FILE = "guangzhou_indicators.csv"
OUTCOMES_FILE = "guangzhou_outcomes.csv"
REASON = "embedded default"


def load_indicators(
    plan: Plan, version: PlanVersion, tasks: dict[str, Task]
) -> tuple[dict[str, Indicator], dict[str, str], int]:
    """Returns the indicators by code, the source unit each code's figures
    are given in, and how many indicators were added."""
    indicators: dict[str, Indicator] = {}
    source_units: dict[str, str] = {}
    added = 0
    for row in read_csv(INDICATORS_FILE):
        code = row["code"]
        source_units[code] = row["source_unit"]
        if row["plan_indicator"]:
            indicator = _plan_indicator(plan, row)
        else:
            found = Indicator.objects.filter(plan=plan, code=code).first()
            if found is None:
                task = tasks.get(row["task"])
                if task is None:
                    raise SeedDataError(f"{INDICATORS_FILE}: the plan has no task {row['task']}")
                # Followed by the office, attached to the task it concerns;
                # without a target, since the plan states none.
                found = Indicator(
                    plan=plan,
                    introduced_in=version,
                    origin=IndicatorOrigin.ADDED,
                    code=code,
                    name=row["name_zh"],
                    name_en=row["name_en"],
                    unit=row["unit"],
                    direction=Direction(row["direction"]),
                    task=task,
                    note=row["note"],
                )
                save_with_history(found, None, REASON)
                added += 1
            indicator = found
        indicators[code] = indicator
    return indicators, source_units, added


def _plan_indicator(plan: Plan, row: dict[str, str]) -> Indicator:
    indicator = (
        Indicator.objects.current()
        .filter(plan=plan, origin=IndicatorOrigin.PLAN, name=row["plan_indicator"])
        .order_by("id")
        .first()
    )
    if indicator is None:
        raise SeedDataError(
            f"{INDICATORS_FILE}: the seed extraction has no target for {row['plan_indicator']}"
        )
    if indicator.unit != row["unit"]:
        raise SeedDataError(
            f"{INDICATORS_FILE}: {row['plan_indicator']} is in {indicator.unit}, "
            f"the data says {row['unit']}"
        )
    # Fill blanks only: what the office has written stands.
    changed = False
    for field in ("code", "name_en", "note"):
        value = row["name_en"] if field == "name_en" else row[field]
        if value and not getattr(indicator, field):
            setattr(indicator, field, value)
            changed = True
    if changed:
        save_with_history(indicator, None, REASON)
    return indicator


def load_observations(indicators: dict[str, Indicator], source_units: dict[str, str]) -> int:
    """Record each figure of the outcomes file once (an observation is the
    same when indicator, period, value and source address are)."""
    created = 0
    for number, row in enumerate(read_csv(OUTCOMES_FILE), start=2):
        code = row["indicator_code"]
        indicator = indicators.get(code)
        if indicator is None:
            raise SeedDataError(f"{OUTCOMES_FILE} line {number}: no indicator for {code}")
        if row["unit"] != source_units[code]:
            raise SeedDataError(
                f"{OUTCOMES_FILE} line {number}: {code} is given in {row['unit']}, "
                f"expected {source_units[code]}"
            )
        value = Decimal(row["value"])
        start = datetime.date.fromisoformat(row["period_start"])
        end = datetime.date.fromisoformat(row["period_end"])
        if Observation.objects.filter(
            indicator=indicator,
            period_start=start,
            period_end=end,
            value=value,
            source_url=row["source_url"],
        ).exists():
            continue
        record_observation(
            None,
            indicator,
            value=value,
            period_start=start,
            period_end=end,
            qualifier=row["qualifier"],
            source_quality=row["source_quality"],
            source_title=row["source_title"],
            source_url=row["source_url"],
            wording=row["indicator_zh"],
            note=row["note"],
        )
        created += 1
    return created
