"""Who may do what. Every service asks here before it changes anything;
views and templates ask here to decide what to show.

- coordinator (领导小组办公室): edits plans, assigns units, records and
  chooses observations, updates milestones; uses the admin.
- leader: reads everything, changes nothing.
- reporter: reads everything; records observations and updates milestones of
  the tasks its unit leads or cooperates on (directly, or through a measure).
- anyone else signed in: reads nothing yet. The public site comes later.
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from actionplan.plans.models import Indicator, Membership, Milestone, Role, Task

AnyUser = AbstractBaseUser | AnonymousUser

_CACHE = "_actionplan_memberships"


def memberships(user: AnyUser) -> list[Membership]:
    """The user's roles (with their units), read once per user object."""
    if not user.is_authenticated or not user.is_active:
        return []
    cached: list[Membership] | None = getattr(user, _CACHE, None)
    if cached is None:
        cached = list(Membership.objects.filter(user_id=user.pk).select_related("unit"))
        setattr(user, _CACHE, cached)
    return cached


def forget_roles(user: AnyUser) -> None:
    """Drop the roles cached on ``user`` (after its memberships change)."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def is_coordinator(user: AnyUser) -> bool:
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return any(m.role == Role.COORDINATOR for m in memberships(user))


def is_leader(user: AnyUser) -> bool:
    return any(m.role == Role.LEADER for m in memberships(user))


def reporter_unit_ids(user: AnyUser) -> set[int]:
    return {m.unit_id for m in memberships(user) if m.role == Role.REPORTER and m.unit_id}


def has_role(user: AnyUser) -> bool:
    return is_coordinator(user) or bool(memberships(user))


def can_view_plans(user: AnyUser) -> bool:
    """Everyone with a role reads every plan, drafts included."""
    return has_role(user)


def can_edit_plan(user: AnyUser) -> bool:
    """Import, revise and edit plan content; assign units."""
    return is_coordinator(user)


def can_manage_roles(user: AnyUser) -> bool:
    return is_coordinator(user)


def task_ids_of_units(unit_ids: set[int]) -> set[int]:
    """Tasks the units lead or cooperate on, directly or through a measure."""
    if not unit_ids:
        return set()
    return set(
        Task.objects.filter(
            Q(responsibilities__unit__in=unit_ids)
            | Q(measures__responsibilities__unit__in=unit_ids)
        ).values_list("id", flat=True)
    )


def is_responsible_for_task(user: AnyUser, task: Task | None) -> bool:
    if task is None:
        return False
    units = reporter_unit_ids(user)
    return bool(units) and task.pk in task_ids_of_units(units)


def can_record_observation(user: AnyUser, indicator: Indicator) -> bool:
    return is_coordinator(user) or is_responsible_for_task(user, indicator.task)


def can_choose_observation(user: AnyUser, indicator: Indicator) -> bool:
    """Mark which of disagreeing observations counts: the coordinator's call."""
    return is_coordinator(user)


def can_update_milestone(user: AnyUser, milestone: Milestone) -> bool:
    return is_coordinator(user) or is_responsible_for_task(user, milestone.task)
