"""Writing, submitting and reviewing unit reports.

draft → submitted → approved | returned (with a comment) → submitted again.
Figures attached to a report follow it through review.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplan.oversight import refresh
from actionplan.plans.models import Measure, Observation, ReviewState, Task, Unit
from actionplan.plans.services.history import save_with_history
from actionplan.progress import permissions
from actionplan.progress.models import Period, Report, WorkStatus
from actionplan.progress.services.conflicts import check_version


@dataclass(frozen=True)
class ReportInput:
    status: str = WorkStatus.IN_PROGRESS
    percent_complete: int = 0
    done: str = ""
    problems: str = ""
    escalate: bool = False
    next_steps: str = ""


def open_report(
    user: Any | None, period: Period, unit: Unit, task: Task, measure: Measure | None = None
) -> Report:
    """The unit's report on ``task`` (or ``measure``) for ``period``, created
    as a draft the first time."""
    if user is not None and not permissions.can_report_for(user, unit, task):
        raise PermissionDenied
    if measure is not None and measure.task_id != task.pk:
        raise ValidationError(_("That measure belongs to another task."))
    if task.plan_id != period.plan_id:
        raise ValidationError(_("That period belongs to another plan."))
    existing = Report.objects.filter(period=period, unit=unit, task=task, measure=measure).first()
    if existing is not None:
        return existing
    if period.locked:
        raise ValidationError(_("Period %(period)s is locked.") % {"period": period.label})
    report = Report(period=period, unit=unit, task=task, measure=measure)
    save_with_history(report, user, "opened")
    return report


def _locked_for_update(report: Report) -> Report:
    return (
        Report.objects.select_for_update()
        .select_related("period", "unit", "task")
        .get(pk=report.pk)
    )


def _check_writable(user: Any | None, report: Report) -> None:
    if user is not None and not permissions.can_edit_report(user, report):
        raise PermissionDenied
    if report.period.locked:
        raise ValidationError(_("Period %(period)s is locked.") % {"period": report.period.label})
    if not report.is_editable:
        raise ValidationError(
            _("This report is %(state)s and can no longer be changed.")
            % {"state": report.get_state_display()}
        )


def report_problems(data: ReportInput) -> dict[str, list[str]]:
    """What is wrong with ``data``, by field (empty when nothing is): the
    rules every way of writing a report shares (form, workbook)."""
    errors: dict[str, list[str]] = {}
    if data.status not in WorkStatus.values:
        errors["status"] = [_("Status: choose one of the listed statuses.")]
    if not 0 <= data.percent_complete <= 100:
        errors["percent_complete"] = [_("Percent complete: must lie within 0–100.")]
    elif data.status == WorkStatus.DONE and data.percent_complete != 100:
        errors["percent_complete"] = [
            _("Percent complete: a finished task is 100 percent complete.")
        ]
    if data.escalate and not data.problems.strip():
        errors["problems"] = [
            _("Problems: say what the leading group must decide when you refer it to them.")
        ]
    return errors


def save_report(
    user: Any | None, report: Report, data: ReportInput, expected_version: int | None
) -> Report:
    """Save the unit's text. ``EditConflict`` when someone saved since
    ``expected_version``: nothing is written, and what ``data`` holds is
    handed back for the form."""
    errors = report_problems(data)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        current = _locked_for_update(report)
        _check_writable(user, current)
        check_version(current, expected_version, asdict(data))
        for name, value in asdict(data).items():
            setattr(current, name, value)
        current.version += 1
        save_with_history(current, user, "saved")
    return current


def submit_report(user: Any | None, report: Report, expected_version: int | None) -> Report:
    with transaction.atomic():
        current = _locked_for_update(report)
        _check_writable(user, current)
        check_version(current, expected_version, {})
        resubmitted = current.state == ReviewState.RETURNED
        current.state = ReviewState.SUBMITTED
        current.submitted_at = current.submitted_at or timezone.now()
        current.version += 1
        save_with_history(current, user, "resubmitted" if resubmitted else "submitted")
        _move_figures(
            user, current, (ReviewState.DRAFT, ReviewState.RETURNED), ReviewState.SUBMITTED
        )
    return current


def approve_report(
    user: Any | None, report: Report, comment: str = "", expected_version: int | None = None
) -> Report:
    return _review(user, report, ReviewState.APPROVED, comment, expected_version)


def return_report(
    user: Any | None, report: Report, comment: str, expected_version: int | None = None
) -> Report:
    if not comment.strip():
        raise ValidationError(
            {"review_comment": [_("Comment: say what the unit must correct when you return it.")]}
        )
    return _review(user, report, ReviewState.RETURNED, comment, expected_version)


def _review(
    user: Any | None,
    report: Report,
    outcome: ReviewState,
    comment: str,
    expected_version: int | None,
) -> Report:
    if user is not None and not permissions.can_review(user):
        raise PermissionDenied
    with transaction.atomic():
        current = _locked_for_update(report)
        check_version(current, expected_version, {"review_comment": comment})
        if current.state != ReviewState.SUBMITTED:
            raise ValidationError(
                _("Only a submitted report can be reviewed; this one is %(state)s.")
                % {"state": current.get_state_display()}
            )
        current.state = outcome
        current.review_comment = comment.strip()
        current.reviewed_at = timezone.now()
        current.version += 1
        save_with_history(current, user, str(outcome))
        _move_figures(user, current, (ReviewState.SUBMITTED,), outcome, comment.strip())
        if outcome == ReviewState.APPROVED:
            figures = Observation.objects.filter(reports=current)
            transaction.on_commit(
                refresh.after_commit(figures.values_list("indicator_id", flat=True))
            )
    return current


def _move_figures(
    user: Any | None,
    report: Report,
    from_states: tuple[ReviewState, ...],
    to_state: ReviewState,
    comment: str = "",
) -> None:
    figures = (
        Observation.objects.select_for_update()
        .order_by("pk")
        .filter(reports=report, state__in=from_states)
    )
    for figure in figures:
        figure.state = to_state
        if to_state in (ReviewState.APPROVED, ReviewState.RETURNED):
            figure.review_comment = comment
        figure.version += 1
        save_with_history(figure, user, f"report {to_state}")
