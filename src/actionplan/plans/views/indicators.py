"""An indicator: its observations against the target, every source, and the
coordinator's choice when sources disagree."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actionplan.oversight.services import evaluate_indicator, parse_as_of
from actionplan.plans import permissions
from actionplan.plans.models import Indicator, Observation
from actionplan.plans.services.observations import mark_preferred
from actionplan.plans.templatetags.plans_ui import period_label
from actionplan.plans.views import queries
from actionplan.plans.views.access import plans_reader
from actionplan.plans.views.charts import add_forecast, indicator_chart_data, value_text


@plans_reader
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        indicator = queries.indicator_for_page(pk)
    except Indicator.DoesNotExist:
        raise Http404 from None
    periods = queries.indicator_periods(indicator)
    section = indicator.task.section if indicator.task else indicator.section
    # The supervision engine's verdict, as of today or the date asked for.
    as_of, readable = parse_as_of(request.GET.get("as_of"), timezone.localdate())
    verdict = evaluate_indicator(indicator, as_of)
    chart = indicator_chart_data(indicator, periods)
    add_forecast(chart, verdict.forecast_shown, verdict.explanation.series)
    return render(
        request,
        "plans/indicator_detail.html",
        {
            "plan": indicator.plan,
            "indicator": indicator,
            "sections": queries.sections_above(section),
            "periods": periods,
            "disputes": [group for group in periods if group.disagree],
            "gaps": queries.missing_years(indicator, periods),
            "chart": chart,
            "verdict": verdict,
            "as_of": as_of,
            "bad_date": not readable,
            "latest": periods[-1] if periods else None,
            "can_choose": permissions.can_choose_observation(request.user, indicator),
            "nav": "plans",
        },
    )


@require_POST
@plans_reader
def observation_mark_preferred(request: HttpRequest, pk: int) -> HttpResponse:
    observation = get_object_or_404(Observation.objects.select_related("indicator"), pk=pk)
    mark_preferred(request.user, observation)  # PermissionDenied → 403 for non-coordinators
    messages.success(
        request,
        _("%(value)s from “%(source)s” now counts for %(period)s.")
        % {
            "value": value_text(observation),
            "source": observation.source_title or _("an unnamed source"),
            "period": period_label(observation.period_start, observation.period_end),
        },
    )
    url = reverse("plans:indicator_detail", args=[observation.indicator_id])
    return HttpResponseRedirect(f"{url}#disagreements")
