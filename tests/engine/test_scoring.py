"""The assessment score on hand-made units: each component, the penalty,
components that do not apply, ties, and schemes that do not add up."""

from __future__ import annotations

import math

import numpy as np
import pytest

from actionplan.engine import ScoringInputs, score_units
from actionplan.engine.scoring import (
    COMPONENTS,
    DEFAULT_WEIGHTS,
    SchemeError,
    check_weights,
    rank_scores,
)

EQUAL = {c: 20.0 for c in COMPONENTS}


def one_unit(**counts: object) -> ScoringInputs:
    return ScoringInputs.build(units=1, **{k: [v] for k, v in counts.items()})  # type: ignore[arg-type]


def test_a_perfect_unit_scores_100_and_each_component_its_weight() -> None:
    inputs = ScoringInputs.build(
        units=1,
        target_unit=[0, 0],
        target_attainment=[1.0, 1.3],  # over-attainment is capped at 1
        tasks_due=[2],
        tasks_on_time=[2],
        reports_owed=[4],
        reports_submitted=[4],
        reports_on_time=[4],
        reports_sent=[4],
        reports_returned=[0],
    )
    scores = score_units(inputs, DEFAULT_WEIGHTS)
    assert scores.score[0] == 100.0 and scores.rank[0] == 1
    lines = scores.breakdown(0)
    assert [line.points for line in lines] == [40.0, 20.0, 20.0, 15.0, 5.0]
    assert lines[-1].penalty and lines[-1].value == 0.0


def test_each_component_adds_its_weight_times_its_share() -> None:
    inputs = ScoringInputs.build(
        units=1,
        target_unit=[0, 0, 0, 0],
        target_attainment=[0.9, 0.8, math.nan, 1.0],  # no figure scores 0: mean 0.675
        tasks_due=[4],
        tasks_on_time=[3],  # 0.75
        reports_owed=[8],
        reports_submitted=[8],  # 1.0
        reports_on_time=[6],  # 0.75
        reports_sent=[10],
        reports_returned=[2],  # 0.2 returned: 5 x 0.8 = 4
    )
    scores = score_units(inputs, DEFAULT_WEIGHTS)
    points = [line.points for line in scores.breakdown(0)]
    assert points == pytest.approx([27.0, 15.0, 15.0, 15.0, 4.0])
    assert scores.score[0] == pytest.approx(76.0)
    values = [line.value for line in scores.breakdown(0)]
    assert values == pytest.approx([0.675, 0.75, 0.75, 1.0, 0.2])


def test_the_penalty_takes_away_its_whole_weight_when_every_report_was_returned() -> None:
    base = dict(reports_owed=2, reports_submitted=2, reports_on_time=2, reports_sent=2)
    clean = score_units(one_unit(**base, reports_returned=0), EQUAL)
    returned = score_units(one_unit(**base, reports_returned=2), EQUAL)
    # Only timeliness, completeness and returned apply: 100 / 60 scales each to 33.3.
    assert clean.score[0] == 100.0
    assert returned.score[0] == pytest.approx(66.67)
    assert returned.breakdown(0)[-1].points == 0.0


def test_components_that_do_not_apply_are_left_out_and_the_rest_scaled_to_100() -> None:
    # No target, nothing due, nothing sent: timeliness and completeness only.
    scores = score_units(
        one_unit(reports_owed=4, reports_submitted=2, reports_on_time=1), DEFAULT_WEIGHTS
    )
    lines = {line.component: line for line in scores.breakdown(0)}
    assert not lines["target_progress"].applies and lines["target_progress"].value is None
    assert not lines["returned"].applies and lines["returned"].points == 0.0
    # 20 and 15 scale to 57.14 and 42.86: 57.14 x 0.25 + 42.86 x 0.5
    assert lines["timeliness"].effective_weight == pytest.approx(100 * 20 / 35)
    assert scores.score[0] == pytest.approx(round(100 * (20 * 0.25 + 15 * 0.5) / 35, 2))
    assert sum(line.points for line in lines.values()) == pytest.approx(scores.score[0], abs=0.01)


def test_a_unit_that_never_reported_gets_no_credit_for_reports_not_returned() -> None:
    silent = score_units(one_unit(reports_owed=4), DEFAULT_WEIGHTS)
    assert silent.score[0] == 0.0
    assert not silent.breakdown(0)[-1].applies


def test_a_unit_to_which_nothing_applies_has_no_score_and_no_rank() -> None:
    scores = score_units(
        ScoringInputs.build(units=2, reports_owed=[1, 0], reports_submitted=[1, 0]),
        DEFAULT_WEIGHTS,
    )
    assert math.isnan(scores.score[1]) and scores.rank[1] == 0
    assert scores.rank[0] == 1


def test_ties_share_a_rank_and_the_next_rank_is_skipped() -> None:
    assert rank_scores(np.array([50.0, 80.0, 80.0, math.nan, 10.0])).tolist() == [3, 1, 1, 0, 4]


def test_several_units_are_scored_at_once() -> None:
    inputs = ScoringInputs.build(
        units=3,
        target_unit=[0, 1, 1, 2],
        target_attainment=[0.5, 1.0, 0.0, 0.5],
        reports_owed=[2, 2, 2],
        reports_submitted=[2, 1, 1],
        reports_on_time=[2, 1, 1],
    )
    scores = score_units(inputs, EQUAL)
    # All three: (0.5 + 1 + 1) / 3 x 100; (0.5 + 0.5 + 0.5) / 3 x 100 twice.
    assert scores.score.tolist() == pytest.approx([83.33, 50.0, 50.0])
    assert scores.rank.tolist() == [1, 2, 2]


def test_a_scheme_must_name_every_component_and_sum_to_100() -> None:
    assert check_weights(DEFAULT_WEIGHTS) == dict(DEFAULT_WEIGHTS)
    with pytest.raises(SchemeError, match="sum to 95"):
        check_weights({**DEFAULT_WEIGHTS, "returned": 0})
    with pytest.raises(SchemeError, match="no weight"):
        check_weights({"target_progress": 100})
    with pytest.raises(SchemeError, match="unknown"):
        check_weights({**DEFAULT_WEIGHTS, "charm": 0})
    with pytest.raises(SchemeError, match="0 or more"):
        check_weights({**DEFAULT_WEIGHTS, "returned": -5, "target_progress": 50})


def test_inputs_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="different length"):
        ScoringInputs.build(units=2, tasks_due=[1])
    with pytest.raises(ValueError, match="not assessed"):
        ScoringInputs.build(units=1, target_unit=[3], target_attainment=[1.0])
