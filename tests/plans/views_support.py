"""The Guangzhou default and named users, for the page tests.

- Alice is the coordinator office;
- Bob reports for 广州空港经济区管委会 (the airport authority);
- Lee is a leader;
- Charlie has an account and no role.

``guangzhou_site`` loads the embedded default once per test module inside a
transaction that is rolled back at the end (like ``setUpTestData``); each
test runs in its own savepoint within it, so tests still cannot see each
other's changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User
from django.db import transaction

from actionplan.plans.models import Indicator, Plan, Role, Task, Unit
from actionplan.plans.seeding import PLAN_CODE, load_default
from actionplan.plans.services.roles import grant_role

AIRPORT_UNIT = "广州空港经济区管委会"
PASSWORD = "page-test-password"  # noqa: S105 - a test user's password


@dataclass(frozen=True)
class GuangzhouSite:
    plan: Plan
    airport: Indicator
    airport_task: Task
    airport_unit: Unit
    alice: User
    bob: User
    lee: User
    charlie: User

    def pages(self) -> dict[str, str]:
        """Every page of the internal app, by name."""
        return {
            "plan list": "/",
            "plan overview": f"/plans/{self.plan.code}/",
            "task": f"/tasks/{self.airport_task.pk}/",
            "indicator": f"/indicators/{self.airport.pk}/",
            "unit list": "/units/",
            "unit": f"/units/{self.airport_unit.pk}/",
        }


def named_users(airport_unit: Unit) -> dict[str, User]:
    users = {
        name: User.objects.create_user(name, password=PASSWORD)
        for name in ("alice", "bob", "lee", "charlie")
    }
    grant_role(None, users["alice"], Role.COORDINATOR)
    grant_role(None, users["bob"], Role.REPORTER, airport_unit)
    grant_role(None, users["lee"], Role.LEADER)
    return users


def build_guangzhou_site() -> GuangzhouSite:
    load_default()
    plan = Plan.objects.get(code=PLAN_CODE)
    airport = Indicator.objects.get(plan=plan, code="airport_passenger_throughput")
    unit = Unit.objects.get(name_zh=AIRPORT_UNIT)
    assert airport.task is not None
    return GuangzhouSite(
        plan=plan,
        airport=airport,
        airport_task=airport.task,
        airport_unit=unit,
        **named_users(unit),
    )


@pytest.fixture(scope="module")
def guangzhou_site(django_db_setup: None, django_db_blocker: object) -> Iterator[GuangzhouSite]:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_guangzhou_site()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def site(guangzhou_site: GuangzhouSite, db: None) -> GuangzhouSite:
    """The Guangzhou default, with each test in its own savepoint."""
    return guangzhou_site
