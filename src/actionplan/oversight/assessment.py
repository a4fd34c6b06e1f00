"""The yearly assessment (考核) of a plan's units: gather, score, store.

``run_assessment`` gathers each unit's inputs from the database as of the
end of the year (31 December, in the site's time zone) — only what was
known then — scores them with ``engine.scoring`` and stores the snapshot:
per unit the inputs, the score, the rank and the breakdown.
``recompute`` scores the stored inputs again with the stored scheme version;
it gives the same numbers (the tests check it).

What is gathered, per unit on the plan's current tasks (directly or through
a measure); docs/supervision-method.md, "Assessment", says the same:

- targets: every current indicator with a target on the unit's tasks, with
  its attainment as the supervision engine computes it at 31 December
  (approved figures for periods ended by then); none counts as 0;
- items due: the tasks and measures the unit is responsible for whose
  deadline falls in the year, and the milestones of its tasks due in the
  year. A task or measure is done on time when a report of the unit on it
  with the status "done" was first submitted by the deadline; a milestone
  when it is marked done and was not held after its due date (a done
  milestone without a date counts as on time);
- reports owed: one per task and period for the periods *due* in the year
  (so the fourth quarter, due in January, counts in the next year);
  submitted by 31 December, and on time when first submitted by the due date;
- reports returned: of the unit's reports in those periods submitted by
  31 December, those returned at least once by then (history rows with the
  reason "returned").
"""

from __future__ import annotations

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from actionplan import engine
from actionplan.engine import scoring
from actionplan.oversight.assessment_models import (
    WEIGHT_FIELDS,
    Assessment,
    AssessmentScore,
    ScoringScheme,
)
from actionplan.oversight.loading import load_plan
from actionplan.plans.models import Milestone, MilestoneOutcome, Plan, Responsibility
from actionplan.plans.permissions import is_coordinator
from actionplan.progress.models import Period, Report, WorkStatus
from actionplan.progress.services.completeness import owed_tasks

DEFAULT_SCHEME_NAME = "default"


def default_scheme() -> ScoringScheme:
    """The latest version of the default scheme, created on first use with
    the weights of ``engine.scoring.DEFAULT_WEIGHTS``."""
    latest = ScoringScheme.objects.filter(name=DEFAULT_SCHEME_NAME).order_by("-version").first()
    if latest is not None:
        return latest
    weights = {
        field: scoring.DEFAULT_WEIGHTS[component] for component, field in WEIGHT_FIELDS.items()
    }
    return ScoringScheme.objects.create(name=DEFAULT_SCHEME_NAME, **weights)


def latest_schemes() -> list[ScoringScheme]:
    """The latest version of every scheme (the default one made if none)."""
    default_scheme()
    latest: dict[str, ScoringScheme] = {}
    for scheme in ScoringScheme.objects.order_by("name", "-version"):
        latest.setdefault(scheme.name, scheme)
    return list(latest.values())


def revise_scheme(
    user: Any | None, scheme: ScoringScheme, weights: dict[str, Any], note: str = ""
) -> ScoringScheme:
    """A new version of ``scheme`` with ``weights`` (model field name →
    value); the old version stays as it was."""
    if user is not None and not is_coordinator(user):
        raise PermissionDenied
    with transaction.atomic():
        last = (
            ScoringScheme.objects.select_for_update()
            .filter(name=scheme.name)
            .order_by("-version")
            .first()
        )
        revised = ScoringScheme(
            name=scheme.name,
            version=(last.version if last else scheme.version) + 1,
            note=note,
            created_by=user if user is not None and user.is_authenticated else None,
            **{field: getattr(scheme, field) for field in WEIGHT_FIELDS.values()},
        )
        for field, value in weights.items():
            if field not in WEIGHT_FIELDS.values():
                raise ValueError(f"not a weight: {field}")
            setattr(revised, field, value)
        revised.full_clean()
        revised.save()
    return revised


# --- Gathering ----------------------------------------------------------------


def year_end(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def _cutoff(year: int) -> datetime.datetime:
    """The first moment after 31 December of ``year``, in the site's zone."""
    return timezone.make_aware(datetime.datetime(year + 1, 1, 1))


def _local(moment: datetime.datetime) -> datetime.date:
    return timezone.localdate(moment)


def _targets(plan: Plan, year: int, tasks: dict[int, set[int]]) -> dict[int, list[dict[str, Any]]]:
    arrays = load_plan(plan)
    result = engine.evaluate(arrays.engine_indicators, arrays.engine_observations, year_end(year))
    has_target = arrays.engine_indicators.has_target
    by_task: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row, indicator in enumerate(arrays.indicators):
        if not has_target[row] or indicator.task_id is None:
            continue
        value = float(result.attainment[row])
        by_task[indicator.task_id].append(
            {
                "indicator": indicator.pk,
                "name": indicator.name,
                "status": engine.Status(int(result.status[row])).slug,
                "attainment": value if math.isfinite(value) else None,
            }
        )
    return {
        unit: [t for task in sorted(task_ids) for t in by_task.get(task, [])]
        for unit, task_ids in tasks.items()
    }


def _items(plan: Plan, year: int, tasks: dict[int, set[int]]) -> dict[int, list[dict[str, Any]]]:
    """Per unit, the tasks, measures and milestones due in ``year``."""
    cutoff = _cutoff(year)
    done: dict[tuple[int, str, int], datetime.date] = {}
    reports = Report.objects.filter(
        period__plan=plan, status=WorkStatus.DONE, submitted_at__lt=cutoff
    ).values_list("unit_id", "task_id", "measure_id", "submitted_at")
    for unit_id, task_id, measure_id, submitted_at in reports:
        if submitted_at is None:
            continue
        on = _local(submitted_at)
        keys = [(unit_id, "task", task_id)]
        if measure_id is not None:
            keys.append((unit_id, "measure", measure_id))
        for key in keys:
            done[key] = min(done.get(key, on), on)

    items: dict[int, list[dict[str, Any]]] = defaultdict(list)

    def add(unit_id: int, kind: str, pk: int, label: str, deadline: datetime.date) -> None:
        done_on = done.get((unit_id, kind, pk))
        items[unit_id].append(
            {
                "kind": kind,
                "id": pk,
                "label": label,
                "deadline": deadline.isoformat(),
                "done_on": done_on.isoformat() if done_on else None,
                "on_time": done_on is not None and done_on <= deadline,
            }
        )

    responsibilities = (
        Responsibility.objects.filter(
            Q(task__plan=plan, task__retired_in__isnull=True, task__deadline__year=year)
            | Q(
                measure__plan=plan,
                measure__retired_in__isnull=True,
                measure__task__retired_in__isnull=True,
                measure__deadline__year=year,
            )
        )
        .select_related("task", "measure")
        .order_by("unit_id", "id")
    )
    for r in responsibilities:
        task, measure = r.task, r.measure
        if task is not None and task.deadline is not None:
            add(r.unit_id, "task", task.pk, f"{task.number} {task.title}", task.deadline)
        elif measure is not None and measure.deadline is not None:
            add(
                r.unit_id,
                "measure",
                measure.pk,
                f"{measure.number} {measure.text}",
                measure.deadline,
            )

    milestones = Milestone.objects.current().filter(plan=plan, task__isnull=False)
    milestones = milestones.filter(Q(due_date__year=year) | Q(due_date__isnull=True, year=year))
    for milestone in milestones.order_by("due_date", "id"):
        due = milestone.due_date or year_end(year)
        held = milestone.held_from
        on_time = (
            milestone.done
            and milestone.outcome not in (MilestoneOutcome.POSTPONED, MilestoneOutcome.CANCELLED)
            and (held is None or held <= due)
        )
        for unit_id, task_ids in tasks.items():
            if milestone.task_id in task_ids:
                items[unit_id].append(
                    {
                        "kind": "milestone",
                        "id": milestone.pk,
                        "label": milestone.title,
                        "deadline": due.isoformat(),
                        "done_on": held.isoformat() if held and on_time else None,
                        "on_time": bool(on_time),
                    }
                )
    return items


@dataclass
class _Reporting:
    periods: list[str]
    owed: int = 0
    submitted: int = 0
    on_time: int = 0
    sent: int = 0
    returned: list[dict[str, Any]] | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "periods": self.periods,
            "reports_owed": self.owed,
            "reports_submitted": self.submitted,
            "reports_on_time": self.on_time,
            "reports_sent": self.sent,
            "returned": self.returned or [],
        }


def _reporting(plan: Plan, year: int, tasks: dict[int, set[int]]) -> dict[int, _Reporting]:
    cutoff = _cutoff(year)
    periods = list(Period.objects.filter(plan=plan, due__year=year).order_by("start"))
    labels = [p.label for p in periods]
    by_pk = {p.pk: p for p in periods}
    rows = {
        unit: _Reporting(labels, owed=len(task_ids) * len(periods))
        for unit, task_ids in tasks.items()
    }
    reports = list(
        Report.objects.filter(
            period__in=periods, unit_id__in=list(tasks), submitted_at__lt=cutoff
        ).order_by("id")
    )
    reports = [r for r in reports if r.task_id in tasks[r.unit_id]]
    returned_ids = set(
        Report.history.filter(
            id__in=[r.pk for r in reports],
            history_change_reason="returned",
            history_date__lt=cutoff,
        ).values_list("id", flat=True)
    )
    first: dict[tuple[int, int, int], datetime.date] = {}
    for report in reports:
        assert report.submitted_at is not None  # noqa: S101 - filtered above
        key = (report.unit_id, report.period_id, report.task_id)
        on = _local(report.submitted_at)
        first[key] = min(first.get(key, on), on)
        row = rows[report.unit_id]
        row.sent += 1
        if report.pk in returned_ids:
            row.returned = [
                *(row.returned or []),
                {"report": report.pk, "period": by_pk[report.period_id].label},
            ]
    for (unit_id, period_id, _task_id), on in first.items():
        row = rows[unit_id]
        row.submitted += 1
        row.on_time += on <= by_pk[period_id].due
    return rows


def gather(plan: Plan, year: int) -> dict[int, dict[str, Any]]:
    """unit id → its inputs for ``year``, as stored in the snapshot."""
    tasks = owed_tasks(plan)
    targets = _targets(plan, year, tasks)
    items = _items(plan, year, tasks)
    reporting = _reporting(plan, year, tasks)
    return {
        unit: {
            "tasks": sorted(tasks[unit]),
            "targets": targets.get(unit, []),
            "items": items.get(unit, []),
            **reporting[unit].as_json(),
        }
        for unit in tasks
    }


# --- Scoring ------------------------------------------------------------------


def scoring_inputs(inputs: list[dict[str, Any]]) -> engine.ScoringInputs:
    """The engine's arrays from the stored inputs of the units, in order."""
    target_unit = [u for u, unit in enumerate(inputs) for _ in unit["targets"]]
    attainment = [
        math.nan if t["attainment"] is None else t["attainment"]
        for unit in inputs
        for t in unit["targets"]
    ]
    return engine.ScoringInputs.build(
        units=len(inputs),
        target_unit=np.array(target_unit, dtype=np.int64),
        target_attainment=np.array(attainment, dtype=np.float64),
        tasks_due=[len(unit["items"]) for unit in inputs],
        tasks_on_time=[sum(1 for i in unit["items"] if i["on_time"]) for unit in inputs],
        reports_owed=[unit["reports_owed"] for unit in inputs],
        reports_submitted=[unit["reports_submitted"] for unit in inputs],
        reports_on_time=[unit["reports_on_time"] for unit in inputs],
        reports_sent=[unit["reports_sent"] for unit in inputs],
        reports_returned=[len(unit["returned"]) for unit in inputs],
    )


@dataclass(frozen=True)
class UnitScore:
    unit_id: int
    score: float | None
    rank: int | None
    breakdown: list[dict[str, Any]]


def score(inputs: dict[int, dict[str, Any]], scheme: ScoringScheme) -> list[UnitScore]:
    """Each unit's score under ``scheme``, in the order of the unit ids."""
    order = sorted(inputs)
    scores = engine.score_units(scoring_inputs([inputs[u] for u in order]), scheme.weights)
    result = []
    for row, unit_id in enumerate(order):
        value = float(scores.score[row])
        breakdown = [
            {
                "component": line.component,
                "penalty": line.penalty,
                "applies": line.applies,
                "value": line.value,
                "weight": line.weight,
                "effective_weight": line.effective_weight,
                "points": line.points,
            }
            for line in scores.breakdown(row)
        ]
        rank = int(scores.rank[row])
        result.append(
            UnitScore(unit_id, value if math.isfinite(value) else None, rank or None, breakdown)
        )
    return result


def run_assessment(
    user: Any, plan: Plan, year: int, scheme: ScoringScheme | None = None
) -> Assessment:
    """Score the plan's units for ``year`` and store the snapshot."""
    if not is_coordinator(user):
        raise PermissionDenied
    scheme = scheme or default_scheme()
    inputs = gather(plan, year)
    with transaction.atomic():
        assessment = Assessment.objects.create(
            plan=plan,
            year=year,
            scheme=scheme,
            computed_by=user if user.is_authenticated else None,
        )
        AssessmentScore.objects.bulk_create(
            AssessmentScore(
                assessment=assessment,
                unit_id=s.unit_id,
                score=s.score,
                rank=s.rank,
                breakdown=s.breakdown,
                inputs=inputs[s.unit_id],
            )
            for s in score(inputs, scheme)
        )
    return assessment


def recompute(assessment: Assessment) -> list[UnitScore]:
    """The scores again, from the stored inputs and the stored scheme version."""
    stored = {row.unit_id: row.inputs for row in assessment.scores.all()}
    return score(stored, assessment.scheme)


def stored_scores(assessment: Assessment) -> list[UnitScore]:
    """The snapshot as stored, in the order of the unit ids (as ``recompute``)."""
    return [
        UnitScore(row.unit_id, row.score, row.rank, row.breakdown)
        for row in assessment.scores.order_by("unit_id")
    ]
