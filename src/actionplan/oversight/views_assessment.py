"""The assessment pages: the ranking of a plan's units for a year (the
coordinator runs a new assessment there) and one unit's breakdown — each
component's share, weight and points, and the inputs behind them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from actionplan.engine import scoring
from actionplan.oversight.assessment import latest_schemes, run_assessment
from actionplan.oversight.assessment_models import Assessment, AssessmentScore, ScoringScheme
from actionplan.plans.models import Plan
from actionplan.plans.permissions import is_coordinator
from actionplan.plans.views.access import plans_reader

COMPONENT_LABELS: dict[str, Promise] = {
    scoring.TARGET_PROGRESS: _("Target progress"),
    scoring.TASKS_ON_TIME: _("Tasks done on time"),
    scoring.TIMELINESS: _("Reporting timeliness"),
    scoring.COMPLETENESS: _("Reporting completeness"),
    scoring.RETURNED: _("Reports returned (penalty)"),
}

COMPONENT_HELP: dict[str, Promise] = {
    scoring.TARGET_PROGRESS: _(
        "Mean attainment of the targets on the unit's tasks at 31 December, each capped at "
        "100 %; a target without a figure that counts scores 0."
    ),
    scoring.TASKS_ON_TIME: _(
        "Share of the unit's tasks, measures and milestones due in the year that were done "
        "by their deadline."
    ),
    scoring.TIMELINESS: _(
        "Share of the reports owed (one per task and period due in the year) submitted by "
        "the due date."
    ),
    scoring.COMPLETENESS: _("Share of the reports owed that were submitted by 31 December."),
    scoring.RETURNED: _(
        "Share of the reports submitted that were returned at least once; the unit loses "
        "this share of the weight."
    ),
}

ITEM_KINDS: dict[str, Promise] = {
    "task": _("task"),
    "measure": _("measure"),
    "milestone": _("milestone"),
}


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f} %"


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Line:
    component: str
    label: Promise
    help: Promise
    applies: bool
    penalty: bool
    value: str
    weight: str
    effective_weight: str
    points: str
    rescaled: bool


def lines(breakdown: list[dict[str, Any]]) -> list[Line]:
    return [
        Line(
            component=item["component"],
            label=COMPONENT_LABELS.get(item["component"], item["component"]),
            help=COMPONENT_HELP.get(item["component"], item["component"]),
            applies=item["applies"],
            penalty=item["penalty"],
            value=_percent(item["value"]),
            weight=("−" if item["penalty"] else "") + _number(item["weight"]),
            effective_weight=_number(item["effective_weight"]),
            points=f"{item['points']:.2f}",
            rescaled=item["applies"] and abs(item["effective_weight"] - item["weight"]) > 1e-9,
        )
        for item in breakdown
    ]


class RunForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    scheme = forms.ModelChoiceField(
        label=_("Scoring scheme"), queryset=ScoringScheme.objects.none(), empty_label=None
    )

    def __init__(self, plan: Plan, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        first = plan.period_start or today.year - 1
        last = min(plan.period_end or today.year, today.year)
        years = list(range(max(first, last - 20), last + 1)) or [today.year]
        year_field: forms.TypedChoiceField = self.fields["year"]  # type: ignore[assignment]
        year_field.choices = [(y, str(y)) for y in reversed(years)]
        schemes = latest_schemes()
        scheme_field: forms.ModelChoiceField = self.fields["scheme"]  # type: ignore[type-arg,assignment]
        scheme_field.queryset = ScoringScheme.objects.filter(pk__in=[s.pk for s in schemes])


def _list_url(plan: Plan, assessment: Assessment | None = None) -> str:
    url = reverse("oversight:assessment_list", args=[plan.code])
    return f"{url}?id={assessment.pk}" if assessment else url


@plans_reader
def assessment_list(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    coordinator = is_coordinator(request.user)
    form: RunForm | None = None
    if request.method == "POST":
        if not coordinator:
            raise PermissionDenied
        form = RunForm(plan, request.POST)
        if form.is_valid():
            assessment = run_assessment(
                request.user, plan, form.cleaned_data["year"], form.cleaned_data["scheme"]
            )
            return HttpResponseRedirect(_list_url(plan, assessment))
    elif coordinator:
        form = RunForm(plan)
    assessments = list(Assessment.objects.filter(plan=plan).select_related("scheme", "computed_by"))
    chosen: Assessment | None = assessments[0] if assessments else None
    wanted = request.GET.get("id", "")
    if wanted.isdigit():
        chosen = next((a for a in assessments if a.pk == int(wanted)), None)
        if chosen is None:
            return HttpResponseRedirect(_list_url(plan))
    scores: list[AssessmentScore] = []
    if chosen is not None:
        scores = list(chosen.scores.select_related("unit"))
    return render(
        request,
        "oversight/assessment_list.html",
        {
            "plan": plan,
            "form": form,
            "assessments": assessments,
            "chosen": chosen,
            "rows": [(row, lines(row.breakdown)) for row in scores],
            "components": [COMPONENT_LABELS[c] for c in scoring.COMPONENTS],
            "scheme_lines": lines(
                [
                    {
                        "component": c,
                        "penalty": c in scoring.PENALTIES,
                        "applies": True,
                        "value": None,
                        "weight": w,
                        "effective_weight": w,
                        "points": 0.0,
                    }
                    for c, w in chosen.scheme.weights.items()
                ]
            )
            if chosen
            else [],
            "nav": "oversight",
        },
    )


@plans_reader
def assessment_unit(request: HttpRequest, code: str, pk: int, unit_id: int) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    assessment = get_object_or_404(
        Assessment.objects.select_related("scheme", "computed_by"), pk=pk, plan=plan
    )
    row = get_object_or_404(
        AssessmentScore.objects.select_related("unit"), assessment=assessment, unit_id=unit_id
    )
    inputs = row.inputs
    targets = [{**t, "attainment_text": _percent(t["attainment"])} for t in inputs["targets"]]
    items = [{**i, "kind_label": ITEM_KINDS.get(i["kind"], i["kind"])} for i in inputs["items"]]
    return render(
        request,
        "oversight/assessment_unit.html",
        {
            "plan": plan,
            "assessment": assessment,
            "row": row,
            "lines": lines(row.breakdown),
            "total": len(assessment.scores.all()),
            "targets": targets,
            "items": items,
            "inputs": inputs,
            "list_url": _list_url(plan, assessment),
            "nav": "oversight",
        },
    )
