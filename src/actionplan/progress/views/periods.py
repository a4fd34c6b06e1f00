"""A plan's reporting periods; the coordinator locks and unlocks them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from actionplan.plans.models import Plan
from actionplan.progress import permissions
from actionplan.progress.models import Period
from actionplan.progress.services.periods import set_locked
from actionplan.progress.views.access import progress_reader


@progress_reader
def period_list(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    return render(
        request,
        "progress/period_list.html",
        {
            "plan": plan,
            "periods": Period.objects.filter(plan=plan).order_by("start"),
            "today": timezone.localdate(),
            "can_manage": permissions.can_manage_periods(request.user),
            "nav": "progress",
        },
    )


@require_POST
@progress_reader
def period_lock(request: HttpRequest, pk: int) -> HttpResponse:
    period = get_object_or_404(Period.objects.select_related("plan"), pk=pk)
    if not permissions.can_manage_periods(request.user):
        raise PermissionDenied
    set_locked(request.user, period, request.POST.get("locked") == "1")
    return HttpResponseRedirect(reverse("progress:period_list", args=[period.plan.code]))
