"""Upload a filled-in workbook: the one action here that writes.

All or nothing: the file is parsed and checked in full first (``parse``,
``check``), and written in one transaction only when it has no problem at
all. Reports and figures go through the progress services, which check
permission again and leave history; what they still refuse (someone saved
in between, say) becomes a problem and the whole upload is rolled back.
Reports are saved as drafts: the reporter submits them afterwards.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actionplan.plans.models import Observation, Unit
from actionplan.plans.templatetags.plans_ui import full_number
from actionplan.progress import permissions
from actionplan.progress.models import Period, Report
from actionplan.progress.services.conflicts import EditConflict
from actionplan.progress.services.figures import (
    NeedsConfirmation,
    edit_figure,
    report_figure,
)
from actionplan.progress.services.reports import open_report, save_report
from actionplan.progress.validation import FigureErrors
from actionplan.progress.workbook import items as found
from actionplan.progress.workbook import layout
from actionplan.progress.workbook.check import FigureChange, ReportChange, Review, review_workbook
from actionplan.progress.workbook.parse import parse_workbook
from actionplan.progress.workbook.problems import Problem, in_order

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Saved:
    """A report or figure the upload wrote, for the summary."""

    row: int
    sheet: str
    label: str
    created: bool
    report: Report | None = None
    figure: Observation | None = None
    value: str = ""  # a figure's value as read, 160,000,000


@dataclass(frozen=True)
class UploadResult:
    problems: list[Problem] = field(default_factory=list)
    readings: list[Problem] = field(default_factory=list)
    reports: list[Saved] = field(default_factory=list)
    figures: list[Saved] = field(default_factory=list)
    unchanged: int = 0
    drafts: list[Report] = field(default_factory=list)  # open reports to submit

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def applied(self) -> bool:
        return bool(self.reports or self.figures)


class _RollBack(Exception):
    pass


def locked_problem(period: Period) -> Problem:
    return Problem(
        _(
            "Period %(period)s is locked: it takes no more reports or figures. Ask the "
            "coordinator office if something must still change."
        )
        % {"period": period.label}
    )


def upload_workbook(user: Any | None, unit: Unit, period: Period, data: bytes) -> UploadResult:
    """Check ``data`` (an .xlsx) for ``unit`` and ``period`` and, when all of
    it is good, save it. Bad input comes back as problems, never as an
    exception; ``PermissionDenied`` when ``user`` does not report for
    ``unit`` (``user=None`` is the command line)."""
    if user is not None and unit.pk not in permissions.reporting_units(user):
        raise PermissionDenied
    if period.locked:
        return UploadResult(problems=[locked_problem(period)])
    parsed = parse_workbook(data)
    if not parsed.readable:
        return UploadResult(problems=in_order(parsed.problems))
    review = review_workbook(user, unit, period, parsed)
    if review.problems:
        return UploadResult(problems=in_order(review.problems), readings=review.readings)
    if not review.reports and not review.figures:
        return _result(review, [], [], unit, period)
    try:
        with transaction.atomic():
            current = Period.objects.select_for_update().get(pk=period.pk)
            if current.locked:
                return UploadResult(problems=[locked_problem(current)])
            reports, figures, problems = _write(user, unit, current, review)
            if problems:
                raise _RollBack(problems)
    except _RollBack as rolled_back:
        found_problems: list[Problem] = rolled_back.args[0]
        return UploadResult(problems=in_order(found_problems), readings=review.readings)
    logger.info(
        "workbook of unit %s for period %s uploaded: %d reports, %d figures",
        unit.pk,
        period.pk,
        len(reports),
        len(figures),
    )
    return _result(review, reports, figures, unit, period)


def _result(
    review: Review, reports: list[Saved], figures: list[Saved], unit: Unit, period: Period
) -> UploadResult:
    drafts = [
        report
        for report in Report.objects.filter(unit=unit, period=period).select_related(
            "task", "measure"
        )
        if report.is_editable
    ]
    return UploadResult(
        readings=review.readings,
        reports=reports,
        figures=figures,
        unchanged=review.unchanged_reports + review.unchanged_figures,
        drafts=drafts,
    )


def _messages(exc: Exception) -> list[str]:
    if isinstance(exc, FigureErrors):
        return [m for ms in exc.errors.values() for m in ms]
    if isinstance(exc, ValidationError):
        return list(exc.messages)
    return [str(exc)]


def _write(
    user: Any | None, unit: Unit, period: Period, review: Review
) -> tuple[list[Saved], list[Saved], list[Problem]]:
    problems: list[Problem] = []
    reports: dict[found.ItemKey, Report] = dict(review.existing_reports)
    saved_reports: list[Saved] = []
    saved_figures: list[Saved] = []
    failures = (ValidationError, FigureErrors, NeedsConfirmation, EditConflict, PermissionDenied)
    for change in review.reports:
        try:
            saved_reports.append(_save_report(user, unit, period, change, reports))
        except failures as exc:
            problems += [
                Problem(message, layout.SHEET_PROGRESS, change.row) for message in _messages(exc)
            ]
    for figure_change in review.figures:
        try:
            saved_figures.append(_save_figure(user, unit, period, figure_change, reports))
        except failures as exc:
            problems += [
                Problem(message, layout.SHEET_INDICATORS, figure_change.row)
                for message in _messages(exc)
            ]
    return saved_reports, saved_figures, problems


def _save_report(
    user: Any | None,
    unit: Unit,
    period: Period,
    change: ReportChange,
    reports: dict[found.ItemKey, Report],
) -> Saved:
    item = change.item
    report = change.report
    version = change.version
    if report is None:
        report = open_report(user, period, unit, item.task, item.measure)
        version = report.version
    report = save_report(user, report, change.data, version)
    reports[item.key] = report
    return Saved(
        change.row,
        layout.SHEET_PROGRESS,
        f"{item.number} {item.text}",
        change.report is None,
        report=report,
    )


def _save_figure(
    user: Any | None,
    unit: Unit,
    period: Period,
    change: FigureChange,
    reports: dict[found.ItemKey, Report],
) -> Saved:
    report = reports.get(change.report_key)
    if report is None:
        task_id, measure_id = change.report_key
        indicator_task = change.indicator.task
        assert indicator_task is not None and indicator_task.pk == task_id  # noqa: S101
        measure = indicator_task.measures.get(pk=measure_id) if measure_id else None
        report = open_report(user, period, unit, indicator_task, measure)
        reports[change.report_key] = report
    if change.figure is None:
        figure = report_figure(user, unit, change.indicator, change.data, report=report)
    else:
        figure = edit_figure(user, change.figure, change.data, change.version)
        if report.is_editable and not report.observations.filter(pk=figure.pk).exists():
            report.observations.add(figure)
    return Saved(
        change.row,
        layout.SHEET_INDICATORS,
        str(change.indicator.name),
        change.figure is None,
        figure=figure,
        value=full_number(figure.value),
    )
