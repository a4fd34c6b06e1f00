"""Who may do what, with named users (see conftest.py)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from tests.plans.factories import revised_draft, source

from actionplan.plans import permissions
from actionplan.plans.models import (
    Indicator,
    Measure,
    Milestone,
    Plan,
    Responsibility,
    ResponsibilityRole,
    Role,
    Task,
    Unit,
)
from actionplan.plans.services.importing import apply_import, preview_import
from actionplan.plans.services.milestones import update_milestone
from actionplan.plans.services.responsibilities import assign_unit
from actionplan.plans.services.roles import grant_role


def test_alice_the_coordinator_edits_plans_and_chooses_figures(alice: User, plan: Plan) -> None:
    indicator = Indicator.objects.get(plan=plan, name="白云国际机场旅客吞吐量")
    assert permissions.is_coordinator(alice)
    assert permissions.can_edit_plan(alice)
    assert permissions.can_record_observation(alice, indicator)
    assert permissions.can_choose_observation(alice, indicator)


def test_dora_the_leader_reads_everything_and_changes_nothing(dora: User, plan: Plan) -> None:
    indicator = Indicator.objects.get(plan=plan, name="白云国际机场旅客吞吐量")
    assert permissions.can_view_plans(dora)
    assert not permissions.can_edit_plan(dora)
    assert not permissions.can_record_observation(dora, indicator)


def test_charlie_without_a_role_sees_nothing(charlie: User) -> None:
    assert not permissions.can_view_plans(charlie)
    assert not permissions.can_edit_plan(charlie)


def test_an_anonymous_visitor_sees_nothing() -> None:
    assert not permissions.can_view_plans(AnonymousUser())


def test_bob_reports_for_the_tasks_his_unit_is_on_directly_or_through_a_measure(
    bob: User, port_authority: Unit, plan: Plan
) -> None:
    task18 = Task.objects.get(plan=plan, number="18")
    task1 = Task.objects.get(plan=plan, number="1")
    airport = Indicator.objects.get(plan=plan, name="白云国际机场旅客吞吐量")
    assert permissions.can_view_plans(bob)
    assert not permissions.can_record_observation(bob, airport)
    measure = Measure.objects.filter(task=task18).first()
    Responsibility.objects.create(
        unit=port_authority, role=ResponsibilityRole.LEAD, measure=measure
    )
    permissions.forget_roles(bob)
    assert permissions.is_responsible_for_task(bob, task18)
    assert not permissions.is_responsible_for_task(bob, task1)
    assert permissions.can_record_observation(bob, airport)
    assert not permissions.can_edit_plan(bob)


def test_bob_may_update_the_milestones_of_his_tasks_only(
    bob: User, port_authority: Unit, plan: Plan
) -> None:
    milestone = Milestone.objects.get(plan=plan)
    with pytest.raises(PermissionDenied):
        update_milestone(bob, milestone, done=True)
    Responsibility.objects.create(
        unit=port_authority, role=ResponsibilityRole.LEAD, task=milestone.task
    )
    update_milestone(bob, milestone, done=True)
    milestone.refresh_from_db()
    assert milestone.done
    assert milestone.history.latest().history_user == bob  # type: ignore[attr-defined]


def test_only_the_coordinator_assigns_units_and_imports(
    alice: User, bob: User, dora: User, port_authority: Unit, plan: Plan
) -> None:
    task = Task.objects.get(plan=plan, number="18")
    for user in (bob, dora):
        with pytest.raises(PermissionDenied):
            assign_unit(user, port_authority, ResponsibilityRole.LEAD, task=task)
        with pytest.raises(PermissionDenied):
            apply_import(preview_import(source(revised_draft()), code=plan.code), user)
    responsibility = assign_unit(alice, port_authority, ResponsibilityRole.LEAD, task=task)
    assert responsibility.history.latest().history_user == alice  # type: ignore[attr-defined]


def test_granting_the_coordinator_role_opens_the_admin(alice: User, charlie: User) -> None:
    assert not charlie.is_staff
    grant_role(alice, charlie, Role.COORDINATOR)
    charlie.refresh_from_db()
    assert charlie.is_staff
    assert permissions.is_coordinator(charlie)


def test_the_admin_is_for_the_coordinator(
    client: object, alice: User, bob: User, plan: Plan
) -> None:
    from django.test import Client

    assert isinstance(client, Client)
    client.force_login(alice)
    assert client.get("/admin/plans/indicator/").status_code == 200
    assert client.get("/admin/plans/observation/").status_code == 200
    bob.is_staff = True  # even a staff flag does not open it to a reporter
    bob.save()
    client.force_login(bob)
    assert client.get("/admin/plans/indicator/").status_code == 403
