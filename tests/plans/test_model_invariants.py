"""What the database itself refuses, whatever code writes to it."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from actionplan.plans.models import (
    Indicator,
    Measure,
    Membership,
    Milestone,
    Observation,
    Plan,
    Responsibility,
    ResponsibilityRole,
    Role,
    Task,
    Unit,
)

Y2019 = (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))


def refused() -> pytest.RaisesContext[IntegrityError]:
    return pytest.raises(IntegrityError)


def airport(plan: Plan) -> Indicator:
    return Indicator.objects.get(plan=plan, name="白云国际机场旅客吞吐量")


def observe(indicator: Indicator, value: str, **extra: object) -> Observation:
    fields: dict[str, object] = {
        "period_start": Y2019[0],
        "period_end": Y2019[1],
        "source_quality": "press",
    }
    fields.update(extra)
    return Observation.objects.create(indicator=indicator, value=Decimal(value), **fields)


def test_it_puts_a_responsibility_on_a_task_or_a_measure_never_both_nor_neither(
    plan: Plan, port_authority: Unit
) -> None:
    task = Task.objects.get(plan=plan, number="18")
    measure = Measure.objects.filter(task=task).first()
    lead = ResponsibilityRole.LEAD
    with transaction.atomic(), refused():
        Responsibility.objects.create(unit=port_authority, role=lead, task=task, measure=measure)
    with transaction.atomic(), refused():
        Responsibility.objects.create(unit=port_authority, role=lead)
    Responsibility.objects.create(unit=port_authority, role=lead, task=task)
    Responsibility.objects.create(unit=port_authority, role=lead, measure=measure)


def test_it_gives_a_unit_one_role_per_task(plan: Plan, port_authority: Unit) -> None:
    task = Task.objects.get(plan=plan, number="18")
    Responsibility.objects.create(unit=port_authority, role=ResponsibilityRole.LEAD, task=task)
    with refused():
        Responsibility.objects.create(
            unit=port_authority, role=ResponsibilityRole.COOPERATING, task=task
        )


def test_it_allows_one_preferred_observation_per_indicator_and_period(plan: Plan) -> None:
    indicator = airport(plan)
    observe(indicator, "43768100", is_preferred=True)
    observe(indicator, "43760400")  # a second source, not preferred: kept
    with refused():
        observe(indicator, "43760400", is_preferred=True)


def test_it_refuses_a_period_that_ends_before_it_starts(plan: Plan) -> None:
    with refused():
        observe(airport(plan), "1", period_start=Y2019[1], period_end=Y2019[0])


def test_it_stores_large_values_with_their_decimals(plan: Plan) -> None:
    observation = observe(airport(plan), "1150000000000.25")
    observation.refresh_from_db()
    assert observation.value == Decimal("1150000000000.25")


def test_it_refuses_a_target_without_a_comparator(plan: Plan) -> None:
    indicator = airport(plan)
    indicator.comparator = ""
    with refused():
        indicator.save()


def test_it_refuses_a_baseline_without_its_year(plan: Plan) -> None:
    indicator = airport(plan)
    indicator.baseline_value = Decimal(65_000_000)
    with refused():
        indicator.save()


def test_it_refuses_a_milestone_with_neither_year_nor_date(plan: Plan) -> None:
    milestone = Milestone.objects.get(plan=plan)
    milestone.year = None
    with refused():
        milestone.save()


def test_it_ties_a_reporter_to_a_unit_and_nobody_else(db: None, port_authority: Unit) -> None:
    user = User.objects.create_user("erin")
    with transaction.atomic(), refused():
        Membership.objects.create(user=user, role=Role.REPORTER)
    with transaction.atomic(), refused():
        Membership.objects.create(user=user, role=Role.COORDINATOR, unit=port_authority)
    Membership.objects.create(user=user, role=Role.COORDINATOR)
    with refused():
        Membership.objects.create(user=user, role=Role.COORDINATOR)


def test_it_keeps_current_outline_paths_unique_but_not_retired_ones(plan: Plan) -> None:
    task = Task.objects.get(plan=plan, number="18")
    clone = Task(
        plan=plan,
        introduced_in=task.introduced_in,
        number="18",
        path=task.path,
        title="x",
        position=99,
    )
    with transaction.atomic(), refused():
        clone.save()
    clone.retired_in = task.introduced_in
    clone.save()
