"""A task: its text with the target sentences marked, its measures, units,
milestones and indicators."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from actionplan.plans.models import Task
from actionplan.plans.templatetags.plans_ui import sentence_spans
from actionplan.plans.views import queries
from actionplan.plans.views.access import plans_reader


@plans_reader
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        task = queries.task_for_page(pk)
    except Task.DoesNotExist:
        raise Http404 from None
    indicators = queries.task_indicators(task)
    responsibilities = queries.group_by_role(task.responsibilities.all())
    return render(
        request,
        "plans/task_detail.html",
        {
            "plan": task.plan,
            "task": task,
            "sections": queries.sections_above(task.section),
            "target_spans": sentence_spans(
                task.text, [row.indicator.sentence for row in indicators]
            ),
            "leads": responsibilities.get("lead", []),
            "cooperating": responsibilities.get("cooperating", []),
            "measures": list(task.measures.all()),
            "milestones": list(task.milestones.all()),
            "indicators": indicators,
            "nav": "plans",
        },
    )
