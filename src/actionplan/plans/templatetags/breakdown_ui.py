"""Template helpers for the task breakdown table's links."""

from __future__ import annotations

from typing import Any

from django import template

from actionplan.plans import permissions

register = template.Library()


@register.filter
def can_import_breakdown(user: Any) -> bool:
    """Only the coordinator imports a filled-in table."""
    return permissions.can_edit_plan(user)
