"""The supervision pages. Thin: access, the evaluation date, then
``dashboard.build_dashboard`` builds what the template shows."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from actionplan.oversight.dashboard import build_dashboard
from actionplan.oversight.services import parse_as_of
from actionplan.plans.models import Plan
from actionplan.plans.permissions import is_coordinator, is_leader
from actionplan.plans.views.access import plans_reader


@plans_reader
def home(request: HttpRequest) -> HttpResponse:
    """One plan: its dashboard; several: the list to choose from."""
    plans = list(Plan.objects.order_by("code"))
    if len(plans) == 1:
        return HttpResponseRedirect(reverse("oversight:dashboard", args=[plans[0].code]))
    return render(request, "oversight/home.html", {"plans": plans, "nav": "oversight"})


@plans_reader
def dashboard(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    as_of, readable = parse_as_of(request.GET.get("as_of"), timezone.localdate())
    return render(
        request,
        "oversight/dashboard.html",
        {
            "plan": plan,
            "board": build_dashboard(plan, as_of),
            "as_of": as_of,
            "bad_date": not readable,
            "sees_every_unit": is_coordinator(request.user) or is_leader(request.user),
            "nav": "oversight",
        },
    )
