"""Import a filled-in breakdown table: the one action here that writes.

All or nothing: the file is parsed and checked in full first, and written
in one transaction only when it has no problem at all. Units go through
``services.responsibilities`` and every save leaves history (who, when,
before, after), so an import can be read back change by change.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from actionplan.plans import permissions
from actionplan.plans.breakdown.parse import parse_workbook
from actionplan.plans.breakdown.problems import Problem, in_order
from actionplan.plans.breakdown.validate import Change, Review, review_workbook
from actionplan.plans.models import Measure, Plan, Task
from actionplan.plans.services.history import save_with_history
from actionplan.plans.services.responsibilities import assign_unit, remove_responsibility

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    """What an import found and did. ``applied`` only when something was
    written: never with problems, on a dry run, or when nothing differs."""

    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    applied: bool = False
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        """How many changes per column header, for a one-line summary."""
        counts: dict[str, int] = {}
        for change in self.changes:
            counts[change.field] = counts.get(change.field, 0) + 1
        return counts


def _result(review: Review, *, applied: bool = False, dry_run: bool = False) -> ImportResult:
    return ImportResult(
        problems=in_order(review.problems),
        notices=in_order(review.notices),
        changes=[] if review.problems else review.changes,
        applied=applied,
        dry_run=dry_run,
    )


def import_breakdown(
    user: Any | None,
    plan: Plan,
    data: bytes,
    *,
    filename: str = "",
    dry_run: bool = False,
) -> ImportResult:
    """Check ``data`` (an .xlsx) against ``plan`` and, unless ``dry_run`` or
    anything is wrong, apply it. Bad input comes back as problems, never as
    an exception; ``PermissionDenied`` when ``user`` may not edit the plan
    (``user=None`` is the command line)."""
    if user is not None and not permissions.can_edit_plan(user):
        raise PermissionDenied
    parsed = parse_workbook(data)
    if parsed.task_columns is None and parsed.indicator_columns is None:
        # Not a workbook we can read at all: nothing to check against the plan.
        return _result(Review(problems=parsed.problems, notices=parsed.notices), dry_run=dry_run)
    if dry_run or parsed.problems:
        # Check every row all the same, so that the office sees all there is to fix.
        return _result(review_workbook(plan, parsed), dry_run=dry_run)
    with transaction.atomic():
        # One import of a plan at a time; the check below sees what is written.
        Plan.objects.select_for_update().filter(pk=plan.pk).order_by().first()
        review = review_workbook(plan, parsed)
        if review.problems or not review.changes:
            return _result(review)
        _write(review, user, f"task breakdown import ({filename or 'upload'})")
    logger.info(
        "breakdown of %s imported from %s: %d changes", plan.code, filename, len(review.changes)
    )
    return _result(review, applied=True)


def _write(review: Review, user: Any | None, reason: str) -> None:
    for update in review.units:
        for responsibility in update.remove:
            remove_responsibility(user, responsibility)
        on_task = update.item if isinstance(update.item, Task) else None
        on_measure = update.item if isinstance(update.item, Measure) else None
        for assignment in update.assign:
            assign_unit(
                user,
                assignment.unit,
                assignment.role,
                task=on_task,
                measure=on_measure,
                illustrative=assignment.illustrative,
                note=assignment.note,
            )
    for change in review.fields:
        for name, value in change.fields.items():
            setattr(change.obj, name, value)
        change.obj.full_clean()
        save_with_history(change.obj, user, reason, list(change.fields))
