"""The supervision engine: pure, typed, vectorised with NumPy, no Django.

Arrays of indicators (targets, baselines, comparators) and approved
observations in; per indicator the annual series that counts, the value
expected on the trajectory, the forecast for the target year with its band,
and the status out. See docs/supervision-method.md.

    indicators = Indicators.build(target_value=[...], target_year=[...], comparator=[...])
    observations = Observations.build(indicator=[...], start=[...], end=[...], value=[...])
    result = evaluate(indicators, observations, datetime.date(2019, 12, 31))
    explain(result, indicators, observations, 0)
"""

from actionplan.engine.arrays import Indicators, Observations
from actionplan.engine.codes import (
    COMPARATOR_SYMBOLS,
    KIND_NAMES,
    QUALIFIER_NAMES,
    Basis,
    Comparator,
    Direction,
    Kind,
    PeriodKind,
    Qualifier,
    Status,
)
from actionplan.engine.evaluate import Evaluation, evaluate
from actionplan.engine.explanation import (
    Explanation,
    ForecastExplained,
    LeftOut,
    SeriesPoint,
    explain,
)
from actionplan.engine.forecast import Forecast
from actionplan.engine.scoring import ComponentPoints, Scores, ScoringInputs, score_units
from actionplan.engine.series import AnnualSeries

__all__ = [
    "COMPARATOR_SYMBOLS",
    "KIND_NAMES",
    "QUALIFIER_NAMES",
    "AnnualSeries",
    "Basis",
    "Comparator",
    "ComponentPoints",
    "Direction",
    "Evaluation",
    "Explanation",
    "Forecast",
    "ForecastExplained",
    "Indicators",
    "Kind",
    "LeftOut",
    "Observations",
    "PeriodKind",
    "Qualifier",
    "Scores",
    "ScoringInputs",
    "SeriesPoint",
    "Status",
    "evaluate",
    "explain",
    "score_units",
]
