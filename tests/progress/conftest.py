"""Named users for the reporting tests, so that they read like sentences:

- Alice is the coordinator office;
- Bob reports for 市港务局, the lead unit of task 18;
- Cora reports for 白云国际机场, cooperating on task 18 through measure 18.2;
- Uma reports for 市文化广电旅游局, which has no part in task 18;
- Dora is a leader;
- Charlie has an account and no role.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.utils import translation
from tests.plans.conftest import alice, bob, charlie, dora, plan, port_authority

from actionplan.plans.models import (
    Indicator,
    Membership,
    Plan,
    Responsibility,
    ResponsibilityRole,
    Role,
    Task,
    Unit,
)
from actionplan.progress.models import Period
from actionplan.progress.services.periods import set_schedule

__all__ = ["alice", "bob", "charlie", "dora", "plan", "port_authority"]


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages of services called directly read in English here (the
    interface defaults to Chinese; one test checks the Chinese)."""
    with translation.override("en"):
        yield


@pytest.fixture
def airport(db: None) -> Unit:
    return Unit.objects.create(name_zh="白云国际机场", name_en="Baiyun International Airport")


@pytest.fixture
def tourism(db: None) -> Unit:
    return Unit.objects.create(name_zh="市文化广电旅游局", name_en="Culture and Tourism Bureau")


def _reporter(name: str, unit: Unit) -> User:
    user = User.objects.create_user(name, password=f"{name}-password", email=f"{name}@example.org")
    Membership.objects.create(user=user, role=Role.REPORTER, unit=unit)
    return user


@pytest.fixture
def cora(airport: Unit) -> User:
    return _reporter("cora", airport)


@pytest.fixture
def uma(tourism: Unit) -> User:
    return _reporter("uma", tourism)


@pytest.fixture
def task18(plan: Plan, port_authority: Unit, airport: Unit) -> Task:
    """Task 18: 市港务局 leads; 白云国际机场 cooperates on measure 18.2."""
    task = Task.objects.get(plan=plan, number="18")
    Responsibility.objects.create(unit=port_authority, task=task, role=ResponsibilityRole.LEAD)
    measure = task.measures.get(number="18.2")
    Responsibility.objects.create(
        unit=airport, measure=measure, role=ResponsibilityRole.COOPERATING
    )
    return task


@pytest.fixture
def passengers(task18: Task) -> Indicator:
    return Indicator.objects.get(plan=task18.plan, name="白云国际机场旅客吞吐量")


@pytest.fixture
def periods(plan: Plan) -> list[Period]:
    return set_schedule(None, plan, "quarter", 10)


@pytest.fixture
def q1_2019(periods: list[Period]) -> Period:
    return next(p for p in periods if p.label == "2019 Q1")
