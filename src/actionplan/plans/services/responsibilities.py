"""Assign a unit to a task or a measure, as lead or cooperating unit."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actionplan.plans import permissions
from actionplan.plans.models import Measure, Responsibility, ResponsibilityRole, Task, Unit
from actionplan.plans.services.history import save_with_history


def assign_unit(
    user: Any | None,
    unit: Unit,
    role: ResponsibilityRole | str,
    *,
    task: Task | None = None,
    measure: Measure | None = None,
    illustrative: bool = False,
    note: str = "",
) -> Responsibility:
    """Give ``unit`` the ``role`` on a task or a measure (exactly one). A unit
    already assigned there keeps its record; only its role and flags change."""
    if user is not None and not permissions.can_edit_plan(user):
        raise PermissionDenied
    if (task is None) == (measure is None):
        raise ValidationError(_("Assign a unit to a task or to a measure, not both."))
    item: Task | Measure = task if task is not None else measure  # type: ignore[assignment]
    if not item.is_current:
        raise ValidationError(_("This item is no longer in the plan."))
    with transaction.atomic():
        responsibility = (
            Responsibility.objects.select_for_update()
            .order_by("pk")
            .filter(unit=unit, task=task, measure=measure)
            .first()
        ) or Responsibility(unit=unit, task=task, measure=measure)
        changed = responsibility.pk is None
        for name, value in (("role", role), ("illustrative", illustrative), ("note", note)):
            if getattr(responsibility, name) != value:
                setattr(responsibility, name, value)
                changed = True
        if changed:
            responsibility.full_clean()
            save_with_history(responsibility, user, "assigned")
    return responsibility


def remove_responsibility(user: Any | None, responsibility: Responsibility) -> None:
    """Take a unit off a task or measure. The history keeps the record."""
    if user is not None and not permissions.can_edit_plan(user):
        raise PermissionDenied
    if user is not None and getattr(user, "is_authenticated", False):
        responsibility._history_user = user  # type: ignore[attr-defined]
    responsibility._change_reason = "removed"  # type: ignore[attr-defined]
    responsibility.delete()
