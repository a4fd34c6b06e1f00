"""Units: the list, and a unit's tasks and indicators."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from actionplan.plans.models import Unit
from actionplan.plans.views import queries
from actionplan.plans.views.access import plans_reader


@plans_reader
def unit_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "plans/unit_list.html",
        {
            "units": queries.units_for_list(),
            "illustrative": queries.any_illustrative_assignment(),
            "nav": "units",
        },
    )


@plans_reader
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(Unit.objects.select_related("parent"), pk=pk)
    lead, cooperating = queries.unit_tasks(unit)
    task_ids = [item.task.pk for item in lead + cooperating]
    return render(
        request,
        "plans/unit_detail.html",
        {
            "unit": unit,
            "children": unit.children.all(),
            "lead": lead,
            "cooperating": cooperating,
            "illustrative": any(item.illustrative for item in lead + cooperating),
            "several_plans": len({item.task.plan_id for item in lead + cooperating}) > 1,
            "indicators": queries.unit_indicators(task_ids),
            "nav": "units",
        },
    )
