"""The supervision pages. Thin: access, the evaluation date, then
``dashboard`` builds what the templates show.

The dashboard's body is cached until the data it shows changes
(``freshness``): leaders reload it often, and at a hundred thousand
indicators building it takes a few hundred milliseconds.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from actionplan.oversight import dashboard as boards
from actionplan.oversight import freshness
from actionplan.oversight.refresh import ensure_current, evaluate_rows, stored_verdicts
from actionplan.oversight.services import parse_as_of
from actionplan.oversight.status_models import IndicatorStatus, RollupScope
from actionplan.plans.models import Plan
from actionplan.plans.permissions import is_coordinator, is_leader
from actionplan.plans.views.access import plans_reader

MISSES_PER_PAGE = 100


@plans_reader
def home(request: HttpRequest) -> HttpResponse:
    """One plan: its dashboard; several: the list to choose from."""
    plans = list(Plan.objects.order_by("code"))
    if len(plans) == 1:
        return HttpResponseRedirect(reverse("oversight:dashboard", args=[plans[0].code]))
    return render(request, "oversight/home.html", {"plans": plans, "nav": "oversight"})


@dataclass(frozen=True)
class Page:
    """What every supervision page of a plan starts from."""

    plan: Plan
    as_of: datetime.date
    bad_date: bool
    sees_every_unit: bool

    @property
    def today(self) -> bool:
        return self.as_of == timezone.localdate()

    def context(self, **more: object) -> dict[str, object]:
        return {
            "plan": self.plan,
            "as_of": self.as_of,
            "bad_date": self.bad_date,
            "sees_every_unit": self.sees_every_unit,
            "nav": "oversight",
            **more,
        }


def _page(request: HttpRequest, code: str) -> Page:
    as_of, readable = parse_as_of(request.GET.get("as_of"), timezone.localdate())
    return Page(
        plan=get_object_or_404(Plan, code=code),
        as_of=as_of,
        bad_date=not readable,
        sees_every_unit=is_coordinator(request.user) or is_leader(request.user),
    )


@plans_reader
def dashboard(request: HttpRequest, code: str) -> HttpResponse:
    page = _page(request, code)

    def body() -> str:
        board = boards.build_dashboard(page.plan, page.as_of)
        return render_to_string(
            "oversight/_dashboard_body.html", page.context(board=board), request=request
        )

    key = ("dashboard", page.plan.pk, page.as_of, get_language(), page.sees_every_unit)
    return render(
        request, "oversight/dashboard.html", page.context(body=freshness.cached(key, body))
    )


@plans_reader
def misses(request: HttpRequest, code: str) -> HttpResponse:
    """Every target that will be (or was) missed, worst first, by pages."""
    page = _page(request, code)
    rows: Sequence[IndicatorStatus] | QuerySet[IndicatorStatus]
    if page.today:
        ensure_current(page.plan, page.as_of)
        rows = boards.stored_misses(page.plan)
    else:
        rows = boards.evaluated_misses(evaluate_rows(page.plan, page.as_of))
    chosen = Paginator(rows, MISSES_PER_PAGE).get_page(request.GET.get("page"))
    found = list(chosen.object_list)
    if not page.today:
        found = boards.with_indicators(found)
    return render(
        request,
        "oversight/misses.html",
        page.context(page=chosen, misses=stored_verdicts(found)),
    )


@plans_reader
def units(request: HttpRequest, code: str) -> HttpResponse:
    """Red, amber and green of every unit, most behind first."""
    page = _page(request, code)
    if page.today:
        ensure_current(page.plan, page.as_of)
        counts = boards.stored_counts(page.plan)
    else:
        counts = boards.counted_rows(page.plan, evaluate_rows(page.plan, page.as_of))
    rows = boards.unit_rows(boards.scope(counts, RollupScope.UNIT))
    return render(request, "oversight/units.html", page.context(rows=rows))
