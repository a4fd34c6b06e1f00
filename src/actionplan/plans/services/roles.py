"""Give a user a role: coordinator, leader, or reporter for a unit."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actionplan.plans import permissions
from actionplan.plans.models import Membership, Role, Unit
from actionplan.plans.services.history import save_with_history


def grant_role(
    user: Any | None, member: Any, role: Role | str, unit: Unit | None = None
) -> Membership:
    """Give ``member`` the role (idempotent). Coordinators become staff, so
    that they can use the admin."""
    if user is not None and not permissions.can_manage_roles(user):
        raise PermissionDenied
    if (role == Role.REPORTER) != (unit is not None):
        raise ValidationError(_("A reporter reports for a unit; other roles have none."))
    with transaction.atomic():
        membership = Membership.objects.filter(user=member, role=role, unit=unit).first()
        if membership is None:
            membership = Membership(user=member, role=role, unit=unit)
            save_with_history(membership, user, "role granted")
        if role == Role.COORDINATOR and not member.is_staff:
            member.is_staff = True
            member.save(update_fields=["is_staff"])
    permissions.forget_roles(member)
    return membership
