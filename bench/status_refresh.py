"""The update after one approval: ``update_after_approval_ms``.

A synthetic plan in the database (SQLite in a temporary directory by
default; PostgreSQL when ``DATABASE_URL`` is set — the schema is migrated
there and the synthetic plan is rolled back at the end) with 2,000
indicators × 10 approved annual figures at ``SCALE`` 1. One submitted figure
is approved (``review_figure``); the time is that of
``refresh_indicators([its indicator], today)``, median of 20 runs (goal:
under 50 ms).
"""

from __future__ import annotations

import datetime
import os
import statistics
import tempfile
import time
from decimal import Decimal

INDICATORS = 2_000
FIGURES_PER_INDICATOR = 10
RUNS = 20


def _setup(data_dir: str) -> None:
    os.environ["ACTIONPLAN_DEMO"] = "1"
    os.environ["ACTIONPLAN_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionplan.site.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _measure(factor: float) -> tuple[int, int, float]:
    from django.utils import timezone

    from actionplan.oversight.refresh import refresh_plan
    from actionplan.plans.models import Indicator, Observation, Plan, PlanVersion

    n = max(10, round(INDICATORS * factor))
    plan = Plan.objects.create(code="bench-statuses", title="bench", period_start=2018)
    version = PlanVersion.objects.create(
        plan=plan, number=1, filename="bench", checksum="0" * 64, source_text="", draft={}
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            plan=plan,
            introduced_in=version,
            name=f"indicator {i}",
            unit="t",
            baseline_value=Decimal(1000 + i),
            baseline_year=2014,
            target_value=Decimal(2000 + i),
            target_year=2027,
            comparator=">=",
        )
        for i in range(n)
    )
    ids = [i.pk for i in indicators] if indicators[0].pk else None
    if ids is None:
        ids = list(Indicator.objects.filter(plan=plan).order_by("id").values_list("id", flat=True))
    figures = [
        Observation(
            indicator_id=pk,
            value=Decimal(1000 + i + 60 * year),
            period_start=datetime.date(2014 + year, 1, 1),
            period_end=datetime.date(2014 + year, 12, 31),
            source_quality="official",
        )
        for i, pk in enumerate(ids)
        for year in range(FIGURES_PER_INDICATOR)
    ]
    Observation.objects.bulk_create(figures, batch_size=5_000)
    today = timezone.localdate()
    refresh_plan(plan, today)
    return n, len(figures), approve_and_time(ids[len(ids) // 2], 2024, today)


def approve_and_time(indicator_id: int, year: int, today: datetime.date) -> float:
    """Approve a submitted figure of ``year`` for the indicator, then the
    median seconds of ``refresh_indicators([it], today)`` over ``RUNS``."""
    from actionplan.oversight.refresh import refresh_indicators
    from actionplan.plans.models import Observation, ReviewState
    from actionplan.progress.services.figures import review_figure

    submitted = Observation.objects.create(
        indicator_id=indicator_id,
        value=Decimal(5000),
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
        source_quality="official",
        state=ReviewState.SUBMITTED,
    )
    review_figure(None, submitted, approve=True)
    refresh_indicators([indicator_id], today)  # warm up
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        refresh_indicators([indicator_id], today)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    from bench.engine import scale

    with tempfile.TemporaryDirectory(prefix="actionplan-bench-") as data_dir:
        _setup(data_dir)
        from django.db import connection, transaction

        with transaction.atomic():
            n, m, seconds = _measure(scale())
            transaction.set_rollback(True)  # leave no synthetic plan behind
        vendor = connection.vendor
        connection.close()
    print(f"update_after_approval_database: {vendor} database")
    print(f"update_after_approval_size: {n} indicators {m} observations")
    print(f"update_after_approval_ms: {seconds * 1000:.2f} ms")


if __name__ == "__main__":
    main()
