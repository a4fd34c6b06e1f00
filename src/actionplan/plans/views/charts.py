"""The indicator chart's data island: plain numbers and translated words,
read by ``static/actionplan/js/indicator-chart.js``.

What is drawn and why:
- each period's counted value (the preferred observation, or while sources
  disagree and nobody has chosen, the most authoritative one), with a marker
  saying what kind of figure it is: a whole period, a lower bound ("at
  least"), or a part of a year (Jan–Nov, not comparable with a yearly target);
- the other sources' values for a disputed period, faintly, so the
  disagreement is visible on the chart too;
- the target, and the straight line to it from the baseline (or, lacking one,
  the earliest counted value before the target year that is not a part of a
  year): where the plan would be on an even path.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils.translation import get_language, gettext

from actionplan import engine
from actionplan.plans.models import Indicator, Observation, PeriodGroup, Qualifier
from actionplan.plans.templatetags.plans_ui import comparator_symbol, full_number, period_label


def year_position(day: dt.date) -> float:
    """Where a day sits on the chart's year axis: the end of year Y is at Y."""
    days = 366 if calendar.isleap(day.year) else 365
    return round(day.year - 1 + day.timetuple().tm_yday / days, 4)


def _series(observation: Observation) -> str:
    if observation.is_partial:
        return "partial"
    if observation.is_lower_bound:
        return "lower_bound"
    return "observed"


def value_text(observation: Observation) -> str:
    """``≥ 65,000,000``, ``≈ 69,740,000``, ``43,768,100``."""
    prefix = {Qualifier.AT_LEAST: "≥ ", Qualifier.APPROX: "≈ "}.get(
        Qualifier(observation.qualifier), ""
    )
    return f"{prefix}{full_number(observation.value)}"


def _point(observation: Observation, series: str) -> dict[str, Any]:
    return {
        "x": year_position(observation.period_end),
        "y": float(observation.value),
        "series": series,
        "period": period_label(observation.period_start, observation.period_end),
        "display": value_text(observation),
        "source": observation.source_title,
    }


def trajectory_start(
    indicator: Indicator, periods: list[PeriodGroup]
) -> tuple[float, Decimal] | None:
    if indicator.target_year is None:
        return None
    if indicator.baseline_value is not None and indicator.baseline_year is not None:
        if indicator.baseline_year < indicator.target_year:
            return (float(indicator.baseline_year), indicator.baseline_value)
        return None
    for group in periods:
        counted = group.counted
        x = year_position(counted.period_end)
        if not counted.is_partial and x < indicator.target_year:
            return (x, counted.value)
    return None


def indicator_chart_data(indicator: Indicator, periods: list[PeriodGroup]) -> dict[str, Any]:
    points: list[dict[str, Any]] = []
    for group in periods:
        counted = group.counted
        points.append(_point(counted, _series(counted)))
        shown = {counted.value}
        for other in group.observations:
            if other.pk != counted.pk and other.value not in shown:
                shown.add(other.value)
                points.append(_point(other, "superseded"))

    target: dict[str, Any] | None = None
    trajectory: list[dict[str, float]] = []
    if indicator.target_value is not None and indicator.target_year is not None:
        target = {
            "x": float(indicator.target_year),
            "y": float(indicator.target_value),
            "period": gettext("Target %(year)s") % {"year": indicator.target_year},
            "display": f"{comparator_symbol(indicator.comparator)} "
            f"{full_number(indicator.target_value)}",
            "source": indicator.sentence,
        }
        start = trajectory_start(indicator, periods)
        if start is not None:
            trajectory = [
                {"x": start[0], "y": float(start[1])},
                {"x": target["x"], "y": target["y"]},
            ]

    unit = indicator.unit
    if indicator.baseline_year is not None:
        path_label = gettext("Even path from the baseline (%(year)s) to the target") % {
            "year": indicator.baseline_year
        }
    else:
        path_label = gettext("Even path from the earliest full figure to the target")
    return {
        "locale": "zh-Hans" if (get_language() or "").startswith("zh") else "en",
        "unit": unit,
        "labels": {
            "observed": gettext("Reported value"),
            "lower_bound": gettext("Lower bound (the source says “at least”)"),
            "partial": gettext("Part of a year (e.g. Jan–Nov), not a full-year figure"),
            "superseded": gettext("Another source’s value (does not count)"),
            "target": gettext("Target"),
            "trajectory": path_label,
            "actual": gettext("Counted values"),
            "x_axis": gettext("Year"),
            "y_axis": unit or gettext("Value"),
        },
        "points": points,
        "series": sorted({p["series"] for p in points}),
        "target": target,
        "trajectory": trajectory,
    }


def _estimate(value: float) -> str:
    return full_number(round(value) if abs(value) >= 1000 else round(value, 2))


def add_forecast(
    chart: dict[str, Any],
    forecast: engine.ForecastExplained | None,
    series: tuple[engine.SeriesPoint, ...],
) -> dict[str, Any]:
    """Add the engine's forecast for the target year and its band to the
    chart data (nothing when there is no forecast to show)."""
    fitted = [p for p in series if p.fitted] or list(series)
    chart["labels"]["forecast"] = gettext("Forecast for the target year (linear trend)")
    chart["labels"]["band"] = gettext("Forecast band")
    chart["forecast"] = []
    chart["band"] = []
    if forecast is None or not fitted:
        return chart
    last = fitted[-1]
    year = forecast.target_year
    first_year = min(p.year for p in fitted)
    basis = gettext("Linear trend over %(first)s–%(last)s (%(points)s points)") % {
        "first": first_year,
        "last": last.year,
        "points": forecast.points,
    }
    chart["forecast"] = [
        {"x": year_position(last.as_of), "y": last.value},
        {
            "x": float(year),
            "y": forecast.linear,
            "period": gettext("Forecast %(year)s") % {"year": year},
            "display": f"≈ {_estimate(forecast.linear)}",
            "source": basis,
        },
    ]
    band_text = f"{_estimate(forecast.band_low)} – {_estimate(forecast.band_high)}"
    band_title = gettext("Forecast band %(year)s") % {"year": year}
    chart["band"] = [
        {"x": float(year), "y": forecast.band_low, "period": band_title, "display": band_text},
        {"x": float(year), "y": forecast.band_high, "period": band_title, "display": band_text},
    ]
    return chart
