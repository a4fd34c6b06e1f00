"""The yearly assessment (考核) of units: a score out of 100 and a ranking.

Five components, each a share between 0 and 1 (docs/supervision-method.md,
"Assessment"):

- ``target_progress``: the mean attainment of the targets on the unit's
  tasks, each capped at 1 (a target without a value that counts scores 0);
- ``tasks_on_time``: the share of the unit's tasks, measures and milestones
  due in the year that were done by their deadline;
- ``timeliness``: the share of the reports owed that were submitted on time;
- ``completeness``: the share of the reports owed that were submitted at all;
- ``returned``: the share of the submitted reports returned at least once —
  a penalty.

A scheme gives each component a weight; the weights sum to 100 (a penalty
counted by its size). A component earns ``weight × share``; a penalty earns
``weight × (1 − share)``, so that a unit none of whose reports was returned
keeps the whole weight and one all of whose reports were returned loses it.
A component that does not apply to a unit (no target on its tasks, nothing
due in the year, no report owed or submitted) is left out and the weights of
the others are scaled up to 100: the points shown are the scaled ones, so
that they add up to the score.

Scores are rounded to two decimals; units with equal scores share a rank
(1, 2, 2, 4). A unit to which no component applies has no score and no rank.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from actionplan.engine.arrays import Flags, Floats, Ints

TARGET_PROGRESS = "target_progress"
TASKS_ON_TIME = "tasks_on_time"
TIMELINESS = "timeliness"
COMPLETENESS = "completeness"
RETURNED = "returned"

# In the order of the breakdown.
COMPONENTS = (TARGET_PROGRESS, TASKS_ON_TIME, TIMELINESS, COMPLETENESS, RETURNED)
PENALTIES = frozenset({RETURNED})

DEFAULT_WEIGHTS: Mapping[str, float] = {
    TARGET_PROGRESS: 40.0,
    TASKS_ON_TIME: 20.0,
    TIMELINESS: 20.0,
    COMPLETENESS: 15.0,
    RETURNED: 5.0,
}

TOTAL = 100.0
SCORE_DECIMALS = 2


class SchemeError(ValueError):
    """Weights that do not make a scheme."""


def check_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """The weights of every component, as floats; ``SchemeError`` unless each
    component has a weight of 0 or more and they sum to 100."""
    unknown = set(weights) - set(COMPONENTS)
    if unknown:
        raise SchemeError(f"unknown components: {', '.join(sorted(unknown))}")
    missing = [c for c in COMPONENTS if c not in weights]
    if missing:
        raise SchemeError(f"no weight for: {', '.join(missing)}")
    checked = {c: float(weights[c]) for c in COMPONENTS}
    if any(not np.isfinite(w) or w < 0 for w in checked.values()):
        raise SchemeError("weights are numbers of 0 or more (a penalty too)")
    if abs(sum(checked.values()) - TOTAL) > 1e-9:
        raise SchemeError(f"the weights sum to {sum(checked.values()):g}, not 100")
    return checked


@dataclass(frozen=True)
class ScoringInputs:
    """Per unit (row ``u`` of every per-unit column), the counts behind the
    components; and one row per (unit, target) pair with its attainment (NaN:
    no value that counts, which scores 0)."""

    units: int
    target_unit: Ints  # per (unit, target) pair: the unit's row
    target_attainment: Floats  # per pair
    tasks_due: Ints
    tasks_on_time: Ints
    reports_owed: Ints  # (unit, task, period) owed in the year
    reports_submitted: Ints  # of those, submitted by the end of the year
    reports_on_time: Ints  # of those, submitted by the due date
    reports_sent: Ints  # reports submitted (each a report, not an owed item)
    reports_returned: Ints  # of those, returned at least once

    def __post_init__(self) -> None:
        if len(self.target_unit) != len(self.target_attainment):
            raise ValueError("target_unit and target_attainment differ in length")
        if len(self.target_unit) and (
            self.target_unit.min() < 0 or self.target_unit.max() >= self.units
        ):
            raise ValueError("a target names a unit that is not assessed")
        for name in (
            "tasks_due",
            "tasks_on_time",
            "reports_owed",
            "reports_submitted",
            "reports_on_time",
            "reports_sent",
            "reports_returned",
        ):
            if len(getattr(self, name)) != self.units:
                raise ValueError(f"{name} has a different length")

    @classmethod
    def build(
        cls,
        *,
        units: int,
        target_unit: npt.ArrayLike = (),
        target_attainment: npt.ArrayLike = (),
        tasks_due: npt.ArrayLike | None = None,
        tasks_on_time: npt.ArrayLike | None = None,
        reports_owed: npt.ArrayLike | None = None,
        reports_submitted: npt.ArrayLike | None = None,
        reports_on_time: npt.ArrayLike | None = None,
        reports_sent: npt.ArrayLike | None = None,
        reports_returned: npt.ArrayLike | None = None,
    ) -> ScoringInputs:
        def counts(values: npt.ArrayLike | None) -> Ints:
            if values is None:
                return np.zeros(units, dtype=np.int64)
            return np.asarray(values, dtype=np.int64)

        return cls(
            units=units,
            target_unit=np.asarray(target_unit, dtype=np.int64),
            target_attainment=np.asarray(target_attainment, dtype=np.float64),
            tasks_due=counts(tasks_due),
            tasks_on_time=counts(tasks_on_time),
            reports_owed=counts(reports_owed),
            reports_submitted=counts(reports_submitted),
            reports_on_time=counts(reports_on_time),
            reports_sent=counts(reports_sent),
            reports_returned=counts(reports_returned),
        )


@dataclass(frozen=True)
class ComponentPoints:
    """One line of a unit's breakdown."""

    component: str
    penalty: bool
    applies: bool
    value: float | None  # the share, 0…1 (None: does not apply)
    weight: float  # as the scheme states it
    effective_weight: float  # scaled up for the components left out (0 if left out)
    points: float  # what it adds to the score


@dataclass(frozen=True)
class Scores:
    weights: Floats  # per component, as the scheme states them
    values: Floats  # units × components, the shares; NaN where it does not apply
    applies: Flags  # units × components
    effective_weights: Floats  # units × components
    points: Floats  # units × components
    score: Floats  # per unit, rounded; NaN: nothing applies
    rank: Ints  # per unit, 1 = best; 0: no score

    def breakdown(self, unit: int) -> list[ComponentPoints]:
        return [
            ComponentPoints(
                component=name,
                penalty=name in PENALTIES,
                applies=bool(self.applies[unit, c]),
                value=float(self.values[unit, c]) if self.applies[unit, c] else None,
                weight=float(self.weights[c]),
                effective_weight=float(self.effective_weights[unit, c]),
                points=float(self.points[unit, c]),
            )
            for c, name in enumerate(COMPONENTS)
        ]


def _share(part: Ints, whole: Ints) -> Floats:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(whole > 0, part / np.where(whole > 0, whole, 1), np.nan)


def component_values(inputs: ScoringInputs) -> Floats:
    """units × components: each component's share, NaN where it does not apply."""
    n = inputs.units
    attained = np.clip(np.nan_to_num(inputs.target_attainment, nan=0.0), 0.0, 1.0)
    targets = np.bincount(inputs.target_unit, minlength=n)
    total = np.bincount(inputs.target_unit, weights=attained, minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        progress = np.where(targets > 0, total / np.where(targets > 0, targets, 1), np.nan)
    columns = {
        TARGET_PROGRESS: progress,
        TASKS_ON_TIME: _share(inputs.tasks_on_time, inputs.tasks_due),
        TIMELINESS: _share(inputs.reports_on_time, inputs.reports_owed),
        COMPLETENESS: _share(inputs.reports_submitted, inputs.reports_owed),
        RETURNED: _share(inputs.reports_returned, inputs.reports_sent),
    }
    return np.stack([columns[c] for c in COMPONENTS], axis=1).reshape(n, len(COMPONENTS))


def rank_scores(score: Floats) -> Ints:
    """1 + the number of scores strictly higher; ties share a rank; 0 for NaN."""
    known = np.isfinite(score)
    ordered = np.sort(score[known])
    higher = len(ordered) - np.searchsorted(ordered, score, side="right")
    return np.where(known, higher + 1, 0).astype(np.int64)


def score_units(inputs: ScoringInputs, weights: Mapping[str, float]) -> Scores:
    """Every unit's score, breakdown and rank under ``weights``."""
    checked = check_weights(weights)
    w = np.array([checked[c] for c in COMPONENTS], dtype=np.float64)
    penalty = np.array([c in PENALTIES for c in COMPONENTS], dtype=np.bool_)
    values = component_values(inputs)
    applies = np.isfinite(values)
    earned = np.where(penalty, 1.0 - values, values)
    applied_weight = np.where(applies, w, 0.0).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.where(applied_weight > 0, TOTAL / applied_weight, 0.0)
    effective = np.where(applies, w * scale[:, None], 0.0)
    points = np.where(applies, effective * np.nan_to_num(earned), 0.0)
    score = np.where(applied_weight > 0, np.round(points.sum(axis=1), SCORE_DECIMALS), np.nan)
    return Scores(
        weights=w,
        values=values,
        applies=applies,
        effective_weights=effective,
        points=points,
        score=score,
        rank=rank_scores(score),
    )
