"""The list of plans and a plan's overview."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from actionplan.plans.models import Plan
from actionplan.plans.views import queries
from actionplan.plans.views.access import plans_reader


@plans_reader
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request, "plans/plan_list.html", {"plans": queries.plans_for_list(), "nav": "plans"}
    )


@plans_reader
def plan_detail(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "version": plan.latest_version,
            "outline": queries.plan_outline(plan),
            "nav": "plans",
        },
    )
