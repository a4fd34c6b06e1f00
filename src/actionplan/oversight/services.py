"""Supervision of a plan: each indicator's verdict at a date."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from actionplan import engine
from actionplan.oversight.loading import load_plan
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
    def attainment(self) -> float | None:
        return self.explanation.attainment

    @property
    def forecast(self) -> engine.ForecastExplained | None:
        return self.explanation.forecast

    def source(self, point: engine.SeriesPoint | engine.LeftOut) -> Observation:
        return self.sources[point.observation]


def evaluate_plan(plan: Plan, as_of: datetime.date) -> list[IndicatorVerdict]:
    """Every current indicator of the plan, judged on the approved figures
    known at ``as_of``, in the plan's order of indicators."""
    arrays = load_plan(plan)
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
