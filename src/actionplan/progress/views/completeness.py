"""Who has reported: a plan's units × periods, and one unit's periods.

The coordinator office and the leaders see every unit; a unit reporter sees
its own unit(s) only, and may not open another unit's page.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from actionplan.plans.models import Plan, Unit
from actionplan.plans.permissions import AnyUser, is_coordinator, is_leader
from actionplan.progress import permissions
from actionplan.progress.services import completeness as service
from actionplan.progress.views.access import progress_reader


def _sees_every_unit(user: AnyUser) -> bool:
    return is_coordinator(user) or is_leader(user)


@progress_reader
def plan_completeness(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    every_unit = _sees_every_unit(request.user)
    unit_ids = None if every_unit else permissions.reporting_units(request.user)
    matrix = service.completeness(plan, timezone.localdate(), unit_ids)
    return render(
        request,
        "progress/completeness.html",
        {
            "plan": plan,
            "matrix": matrix,
            "every_unit": every_unit,
            "has_schedule": hasattr(plan, "schedule"),
            "nav": "progress",
        },
    )


@progress_reader
def unit_completeness(request: HttpRequest, code: str, unit: int) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    the_unit = get_object_or_404(Unit, pk=unit)
    if not _sees_every_unit(request.user) and the_unit.pk not in permissions.reporting_units(
        request.user
    ):
        raise PermissionDenied
    today = timezone.localdate()
    return render(
        request,
        "progress/unit_completeness.html",
        {
            "plan": plan,
            "unit": the_unit,
            "today": today,
            "periods": service.unit_completeness(plan, the_unit, today),
            "legend": service.legend(),
            "nav": "progress",
        },
    )
