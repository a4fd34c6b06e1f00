"""Template helpers of the supervision pages."""

from __future__ import annotations

from typing import Any

from django import template

from actionplan.plans.permissions import is_coordinator, is_leader
from actionplan.plans.templatetags.plans_ui import full_number

register = template.Library()


@register.filter
def supervises(user: Any) -> bool:
    """Whether the main navigation offers the supervision pages (the
    coordinator office and the leaders; reporters may still open them)."""
    return bool(is_coordinator(user) or is_leader(user))


@register.filter
def estimate(value: Any) -> str:
    """A computed figure (a forecast, a band's edge) without false
    precision: whole numbers from 1,000 up, else two decimals at most."""
    if value is None:
        return "—"
    number = float(value)
    return full_number(round(number) if abs(number) >= 1000 else round(number, 2))


@register.filter
def get_source(sources: dict[int, Any], point: Any) -> Any:
    """The observation a series point or a left-out item refers to."""
    return sources.get(point.observation)
