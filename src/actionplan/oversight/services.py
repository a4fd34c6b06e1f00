"""Supervision of a plan: each indicator's verdict at a date."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from actionplan import engine
from actionplan.oversight.loading import PlanArrays, load_indicators, load_plan
from actionplan.plans.models import Indicator, Observation, Plan

STATUS_LABELS: dict[engine.Status, Promise] = {
    engine.Status.ACHIEVED: _("achieved"),
    engine.Status.ON_TRACK: _("on track"),
    engine.Status.AT_RISK: _("at risk"),
    engine.Status.OFF_TRACK: _("off track"),
    engine.Status.NO_DATA: _("no data"),
    engine.Status.MET: _("met"),
    engine.Status.NOT_MET: _("not met"),
    engine.Status.NO_TARGET: _("no target"),
}

# Red, amber, green: where each status stands for the dashboards. Indicators
# without a target have no colour.
RAG: dict[engine.Status, str] = {
    engine.Status.ACHIEVED: "green",
    engine.Status.MET: "green",
    engine.Status.ON_TRACK: "green",
    engine.Status.AT_RISK: "amber",
    engine.Status.OFF_TRACK: "red",
    engine.Status.NOT_MET: "red",
    engine.Status.NO_DATA: "grey",
}

# The statuses of targets that will be (or were) missed, worst first.
MISSING_TARGET = (engine.Status.NOT_MET, engine.Status.OFF_TRACK, engine.Status.AT_RISK)

# What the explanation's reasons for leaving a figure out say.
LEFT_OUT_REASONS: dict[str, Promise] = {
    "partial_period": _("part of a year: not compared with a yearly target"),
    "several_years": _("covers several years"),
    "after_evaluation_date": _("not known yet at the evaluation date"),
    "lower_bound_not_fitted": _("a lower bound: the trend is not fitted on it"),
    "after_target_year": _("after the target year"),
    "superseded": _("another figure counts for the same year"),
}

BASIS_LABELS: dict[engine.Basis, Promise] = {
    engine.Basis.NOTHING: _("no figure to judge by"),
    engine.Basis.LATEST_VALUE: _("the value that counts"),
    engine.Basis.FORECAST: _("the forecast for the target year"),
    engine.Basis.TRAJECTORY: _("the even path to the target"),
}


def parse_as_of(value: str | None, today: datetime.date) -> tuple[datetime.date, bool]:
    """The evaluation date a page was asked for (``YYYY-MM-DD``), else
    ``today``; and whether the value given was readable."""
    if not value:
        return today, True
    try:
        return datetime.date.fromisoformat(value.strip()), True
    except ValueError:
        return today, False


@dataclass(frozen=True)
class IndicatorVerdict:
    indicator: Indicator
    explanation: engine.Explanation
    # The observations the explanation's rows refer to (its series and what
    # was left out), by row.
    sources: dict[int, Observation]

    @property
    def status(self) -> engine.Status:
        return self.explanation.status

    @property
    def label(self) -> Promise:
        return STATUS_LABELS[self.status]

    @property
    def slug(self) -> str:
        return self.status.slug

    @property
    def rag(self) -> str:
        return RAG.get(self.status, "")

    @property
    def final(self) -> bool:
        return self.explanation.final

    @property
    def basis_label(self) -> Promise:
        return BASIS_LABELS[self.explanation.basis]

    @property
    def attainment(self) -> float | None:
        return self.explanation.attainment

    @property
    def attainment_percent(self) -> float | None:
        a = self.explanation.attainment
        return None if a is None else round(100 * a, 1)

    @property
    def forecast_shown(self) -> engine.ForecastExplained | None:
        """The forecast, while it says something: before the verdict is final."""
        return None if self.explanation.final else self.explanation.forecast

    @property
    def forecast_attainment_percent(self) -> float | None:
        forecast, target = self.forecast_shown, self.explanation.target
        if forecast is None or not target or forecast.linear <= 0:
            return None
        share = forecast.linear / target
        if self.indicator.direction == "lower":
            share = target / forecast.linear
        return round(100 * share, 1)

    def left_out_rows(self) -> list[tuple[Observation, Promise | str]]:
        """The figures left out, each with why."""
        return [
            (self.sources[item.observation], LEFT_OUT_REASONS.get(item.reason, item.reason))
            for item in self.explanation.left_out
        ]

    @property
    def forecast(self) -> engine.ForecastExplained | None:
        return self.explanation.forecast

    def source(self, point: engine.SeriesPoint | engine.LeftOut) -> Observation:
        return self.sources[point.observation]


def evaluate_plan(plan: Plan, as_of: datetime.date) -> list[IndicatorVerdict]:
    """Every current indicator of the plan, judged on the approved figures
    known at ``as_of``, in the plan's order of indicators."""
    return _verdicts(load_plan(plan), as_of)


def evaluate_indicator(indicator: Indicator, as_of: datetime.date) -> IndicatorVerdict:
    """One indicator's verdict (for its own page)."""
    [verdict] = _verdicts(load_indicators(indicator.plan, [indicator]), as_of)
    return verdict


def _verdicts(arrays: PlanArrays, as_of: datetime.date) -> list[IndicatorVerdict]:
    result = engine.evaluate(arrays.engine_indicators, arrays.engine_observations, as_of)
    verdicts = []
    for row, indicator in enumerate(arrays.indicators):
        explanation = engine.explain(
            result, arrays.engine_indicators, arrays.engine_observations, row
        )
        rows = [p.observation for p in explanation.series] + [
            item.observation for item in explanation.left_out
        ]
        sources = {r: arrays.observations[r] for r in rows}
        verdicts.append(IndicatorVerdict(indicator, explanation, sources))
    return verdicts
