"""The stored roll-ups and the fast loader agree with the pages' own way of
counting, on the embedded Guangzhou data: the loader picks the figure that
counts as ``PeriodGroup.counted`` does, the plan, section and unit counts
equal those counted from every verdict, an approval recounts only the
scopes it touches to the numbers a full rebuild gives, and a status that
moves is logged."""

from __future__ import annotations

import datetime
from collections import Counter
from decimal import Decimal

import numpy as np
import pytest
from django.utils import timezone
from tests.plans.views_support import GuangzhouSite, guangzhou_site, site

from actionplan import engine
from actionplan.oversight import refresh, rollups
from actionplan.oversight.loading import counted_observations, load_arrays, load_plan
from actionplan.oversight.refresh import refresh_indicators, refresh_plan
from actionplan.oversight.services import evaluate_plan
from actionplan.oversight.status_models import (
    IndicatorStatus,
    RollupScope,
    StatusChange,
    StatusRollup,
)
from actionplan.plans.models import Indicator, Observation, ReviewState, Section
from actionplan.progress.services.completeness import owed_tasks

__all__ = ["guangzhou_site", "site"]

END_2019 = datetime.date(2019, 12, 31)


def rollup_table(site: GuangzhouSite) -> dict[tuple[str, int], tuple[int, ...]]:
    return {
        (r.scope, r.key): (r.red, r.amber, r.green, r.grey, r.no_target)
        for r in StatusRollup.objects.filter(plan=site.plan)
        if r.red + r.amber + r.green + r.grey + r.no_target
    }


def counted_from_verdicts(site: GuangzhouSite, as_of: datetime.date) -> dict:  # type: ignore[type-arg]
    """What the dashboard used to count from every verdict, in Python."""
    units_of_task: dict[int, set[int]] = {}
    for unit_id, task_ids in owed_tasks(site.plan).items():
        for task_id in task_ids:
            units_of_task.setdefault(task_id, set()).add(unit_id)
    tallies: dict[tuple[str, int], Counter[str]] = {}
    for verdict in evaluate_plan(site.plan, as_of):
        indicator = verdict.indicator
        section = indicator.task.section_id if indicator.task else indicator.section_id
        column = verdict.rag or "no_target"
        scopes = [(RollupScope.PLAN, 0), (RollupScope.SECTION, section or 0)]
        scopes += [(RollupScope.UNIT, u) for u in units_of_task.get(indicator.task_id or 0, ())]
        for scope in scopes:
            tallies.setdefault(scope, Counter())[column] += 1
    return {
        (str(scope), key): tuple(t[c] for c in ("red", "amber", "green", "grey", "no_target"))
        for (scope, key), t in tallies.items()
    }


def test_the_loader_picks_the_figure_that_counts(site: GuangzhouSite) -> None:
    airport = site.airport
    year = {"period_start": datetime.date(2021, 1, 1), "period_end": datetime.date(2021, 12, 31)}
    common = {"indicator": airport, "state": ReviewState.APPROVED, **year}
    press = Observation.objects.create(value=Decimal(1), source_quality="press", **common)
    official = Observation.objects.create(value=Decimal(2), source_quality="official", **common)
    chosen = counted_observations([airport.pk]).filter(**year)
    assert list(chosen) == [official]
    press.is_preferred = True
    press.save()
    assert list(counted_observations([airport.pk]).filter(**year)) == [press]
    # The page's own rule agrees, for every period of the indicator.
    groups = Observation.objects.approved().filter(indicator=airport).periods()
    assert {g.counted.pk for g in groups} == set(
        counted_observations([airport.pk]).values_list("pk", flat=True)
    )


def test_the_fast_loader_gives_the_pages_verdicts(site: GuangzhouSite) -> None:
    fast = load_arrays(site.plan)
    full = load_plan(site.plan)
    assert fast.ids.tolist() == [i.pk for i in full.indicators]
    for as_of in (END_2019, datetime.date(2020, 12, 31), timezone.localdate()):
        a = engine.evaluate(fast.engine_indicators, fast.engine_observations, as_of)
        b = engine.evaluate(full.engine_indicators, full.engine_observations, as_of)
        assert np.array_equal(a.status, b.status)
        assert np.allclose(a.attainment, b.attainment, equal_nan=True)


def test_the_rebuilt_rollups_equal_the_counts_of_every_verdict(site: GuangzhouSite) -> None:
    refresh_plan(site.plan, END_2019)
    expected = counted_from_verdicts(site, END_2019)
    assert rollup_table(site) == expected
    plan_row = expected[(RollupScope.PLAN, 0)]
    assert sum(plan_row) == Indicator.objects.current().filter(plan=site.plan).count()
    assert any(scope == RollupScope.UNIT for scope, _key in expected)  # units are counted


def test_an_approval_recounts_its_scopes_to_what_a_rebuild_gives(site: GuangzhouSite) -> None:
    today = timezone.localdate()
    refresh_plan(site.plan, today)
    airport = site.airport
    before = airport.stored_status.status  # type: ignore[attr-defined]
    # A corrected 2020 figure above the target (80 million): met, not missed.
    Observation.objects.create(
        indicator=airport,
        value=Decimal(90_000_000),
        period_start=datetime.date(2020, 1, 1),
        period_end=datetime.date(2020, 12, 31),
        source_quality="official",
        state=ReviewState.APPROVED,
        is_preferred=True,
    )
    # …and its task moved to another section: its counts move with it.
    task = site.airport_task
    other = Section.objects.current().filter(plan=site.plan).exclude(pk=task.section_id).first()
    assert other is not None
    task.section = other
    task.save()
    refresh_indicators([airport.pk], today)
    airport.refresh_from_db()
    after = airport.stored_status.status  # type: ignore[attr-defined]
    assert after != before
    incremental = rollup_table(site)
    assert incremental[(RollupScope.SECTION, other.pk)][:3] != (0, 0, 0)
    rollups.rebuild(site.plan, today)
    assert incremental == rollup_table(site)
    change = StatusChange.objects.get(indicator=airport)
    assert (change.before, change.after, change.changed_on) == (before, after, today)


def test_a_whole_plan_stores_the_rows_one_at_a_time_would(
    site: GuangzhouSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL a large recompute goes through COPY; forced here (a
    batch of one), its rows must equal those the ORM stores indicator by
    indicator."""
    today = timezone.localdate()
    monkeypatch.setattr(refresh, "BATCH", 1)
    refresh_plan(site.plan, today)
    fields = [f for f in refresh.UPDATED_FIELDS if f != "computed_at"]

    def stored() -> list[tuple[object, ...]]:
        return list(
            IndicatorStatus.objects.filter(plan=site.plan)
            .order_by("indicator_id")
            .values_list("indicator_id", *fields)
        )

    whole = stored()
    assert len(whole) == Indicator.objects.current().filter(plan=site.plan).count()
    IndicatorStatus.objects.filter(plan=site.plan).delete()
    monkeypatch.setattr(refresh, "BATCH", 1_000_000)
    for pk in [row[0] for row in whole]:
        refresh_indicators([pk], today)
    assert stored() == whole
