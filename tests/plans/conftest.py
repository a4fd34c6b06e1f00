"""Named users, so that permission tests read like sentences:

- Alice is the coordinator office;
- Bob reports for 市港务局 (Guangzhou Port Authority);
- Dora is a leader;
- Charlie has an account and no role.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from tests.plans.factories import sample_draft, source

from actionplan.plans.models import Membership, Plan, Role, Unit
from actionplan.plans.services.importing import apply_import, preview_import


@pytest.fixture
def port_authority(db: None) -> Unit:
    return Unit.objects.create(name_zh="市港务局", name_en="Guangzhou Port Authority")


@pytest.fixture
def alice(db: None) -> User:
    user = User.objects.create_user("alice", password="alice-password", is_staff=True)
    Membership.objects.create(user=user, role=Role.COORDINATOR)
    return user


@pytest.fixture
def bob(port_authority: Unit) -> User:
    user = User.objects.create_user("bob", password="bob-password")
    Membership.objects.create(user=user, role=Role.REPORTER, unit=port_authority)
    return user


@pytest.fixture
def dora(db: None) -> User:
    user = User.objects.create_user("dora", password="dora-password")
    Membership.objects.create(user=user, role=Role.LEADER)
    return user


@pytest.fixture
def charlie(db: None) -> User:
    return User.objects.create_user("charlie", password="charlie-password")


@pytest.fixture
def plan(db: None) -> Plan:
    """The sample plan (tests/plans/factories.py), imported once."""
    version = apply_import(preview_import(source(sample_draft()), code="sample"))
    return version.plan
