"""Check the rows of a parsed workbook against the unit, the plan and the
period, and work out what an upload would write. Reads the database, never
writes it: every problem is found before anything is saved.

A row left empty changes nothing. A row equal to what is stored changes
nothing (so the same file uploaded twice writes nothing the second time).
A report or figure already submitted or approved is not changed by an
upload: a row that differs from it is a problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from actionplan.plans.breakdown.parse import SheetColumns, sentence
from actionplan.plans.models import Indicator, Measure, Observation, SourceQuality, Task, Unit
from actionplan.plans.templatetags.plans_ui import full_number
from actionplan.progress import permissions
from actionplan.progress.models import Period, Report
from actionplan.progress.services.figures import FigureInput, checked_value
from actionplan.progress.services.reports import ReportInput, report_problems
from actionplan.progress.validation import FigureErrors, read_number
from actionplan.progress.workbook import items as found
from actionplan.progress.workbook import layout
from actionplan.progress.workbook.parse import IndicatorRow, ParsedWorkbook, ProgressRow
from actionplan.progress.workbook.problems import Problem

# The workbook's column names for the report fields the service checks.
_WORKBOOK_COLUMN = {"percent_complete": "percent"}

REPORT_FIELDS = ("status", "percent_complete", "done", "problems", "escalate", "next_steps")
FIGURE_FIELDS = ("qualifier", "source_title", "source_url", "note", "explanation")


@dataclass(frozen=True)
class ReportChange:
    row: int
    item: found.Item
    data: ReportInput
    report: Report | None  # None: a new report
    version: int | None


@dataclass(frozen=True)
class FigureChange:
    row: int
    indicator: Indicator
    data: FigureInput
    value: Decimal
    figure: Observation | None  # None: a new figure
    version: int | None
    report_key: found.ItemKey


@dataclass
class Review:
    problems: list[Problem] = field(default_factory=list)
    readings: list[Problem] = field(default_factory=list)  # magnitude words read
    reports: list[ReportChange] = field(default_factory=list)
    figures: list[FigureChange] = field(default_factory=list)
    unchanged_reports: int = 0
    unchanged_figures: int = 0
    existing_reports: dict[found.ItemKey, Report] = field(default_factory=dict)


def review_workbook(user: Any | None, unit: Unit, period: Period, parsed: ParsedWorkbook) -> Review:
    review = Review(problems=list(parsed.problems))
    _identity(unit, period, parsed, review)
    rows = found.unit_items(unit, period)
    by_key = {item.key: item for item in rows}
    review.existing_reports = found.existing_reports(unit, period)
    allowed = _Allowed(user, unit)
    if parsed.progress_columns is not None:
        seen: dict[found.ItemKey, int] = {}
        for row in parsed.progress:
            _progress_row(parsed.progress_columns, row, period, by_key, seen, allowed, review)
    indicator_columns = parsed.indicator_columns
    if indicator_columns is not None:
        tasks = list({item.task.pk: item.task for item in rows}.values())
        indicators = {i.pk: i for i in found.unit_indicators(period, tasks)}
        figures = found.existing_figures(unit, period, indicators.values())
        attach = found.report_for_figures(rows)
        seen_indicators: dict[int, int] = {}
        for irow in parsed.indicators:
            _indicator_row(
                indicator_columns,
                irow,
                period,
                indicators,
                figures,
                attach,
                seen_indicators,
                allowed,
                review,
            )
    return review


class _Allowed:
    """``can_report_for`` per task, asked once."""

    def __init__(self, user: Any | None, unit: Unit) -> None:
        self.user, self.unit = user, unit
        self.answers: dict[int, bool] = {}

    def __call__(self, task: Task) -> bool:
        if self.user is None:
            return True
        if task.pk not in self.answers:
            self.answers[task.pk] = permissions.can_report_for(self.user, self.unit, task)
        return self.answers[task.pk]


def _identity(unit: Unit, period: Period, parsed: ParsedWorkbook, review: Review) -> None:
    """The 说明 sheet names the unit and period the workbook was made for."""
    if parsed.unit_id is not None and parsed.unit_id != unit.pk:
        other = Unit.objects.filter(pk=parsed.unit_id).first()
        review.problems.append(
            Problem(
                _(
                    "This workbook was downloaded for another unit (%(other)s), not %(unit)s. "
                    "Download your unit's workbook and fill that in."
                )
                % {"other": other or parsed.unit_id, "unit": unit},
                layout.SHEET_ABOUT,
            )
        )
    if parsed.period_id is not None and parsed.period_id != period.pk:
        other_period = Period.objects.filter(pk=parsed.period_id).first()
        review.problems.append(
            Problem(
                _(
                    "This workbook is for another reporting period (%(other)s), not "
                    "%(period)s. Download the workbook of this period."
                )
                % {"other": other_period or parsed.period_id, "period": period.label},
                layout.SHEET_ABOUT,
            )
        )


def _unknown_item(period: Period, row: ProgressRow) -> str | None:
    """Why the row's ids name no task or measure of the plan, or None."""
    task = (
        Task.objects.current().filter(pk=row.task_id, plan_id=period.plan_id).first()
        if row.task_id is not None
        else None
    )
    if task is None:
        return _(
            "Unknown row: its hidden task id does not name a task of this plan. Keep the rows "
            "as downloaded; download the workbook again if in doubt."
        )
    if (
        row.measure_id is not None
        and not Measure.objects.current().filter(pk=row.measure_id, task=task).exists()
    ):
        return _(
            "Unknown row: its hidden measure id does not name a measure of task %(number)s."
        ) % {"number": task.number}
    return None


def _progress_row(
    columns: SheetColumns,
    row: ProgressRow,
    period: Period,
    by_key: dict[found.ItemKey, found.Item],
    seen: dict[found.ItemKey, int],
    allowed: _Allowed,
    review: Review,
) -> None:
    def problem(name: str, message: str) -> None:
        review.problems.append(columns.problem(row.row, name, sentence(message)))

    key: found.ItemKey = (row.task_id or 0, row.measure_id)
    item = by_key.get(key) if row.task_id is not None else None
    if item is None or not allowed(item.task):
        unknown = _unknown_item(period, row)
        if unknown:
            problem("task_id", unknown)
        else:
            problem(
                "number",
                _(
                    "Row %(number)s: your unit has no part in this task or measure, so it "
                    "cannot report on it. Delete the row."
                )
                % {"number": row.number or "—"},
            )
        return
    if key in seen:
        problem(
            "number",
            _("This task or measure is already on row %(row)s; keep one row for it.")
            % {"row": seen[key]},
        )
        return
    seen[key] = row.row
    if row.blank or row.unreadable:
        return
    if row.status is None:
        problem("status", _("Status: choose one of the listed statuses."))
        return
    data = ReportInput(
        status=row.status,
        percent_complete=row.percent or 0,
        done=row.done,
        problems=row.problems,
        escalate=row.escalate,
        next_steps=row.next_steps,
    )
    invalid = report_problems(data)
    for name, messages in invalid.items():
        for message in messages:
            problem(_WORKBOOK_COLUMN.get(name, name), message)
    if invalid:
        return
    report = review.existing_reports.get(key)
    if report is not None and _same_report(report, data):
        review.unchanged_reports += 1
        return
    if report is not None and not report.is_editable:
        problem("status", _already(report.get_state_display(), _("report")))
        return
    review.reports.append(
        ReportChange(row.row, item, data, report, report.version if report else None)
    )


def _already(state: str, what: str) -> str:
    return _(
        "This %(what)s is already %(state)s, and the file differs from it; ask the office to "
        "return it before changing it."
    ) % {"what": what, "state": state}


def _same_text(stored: str, typed: str) -> bool:
    return stored.strip() == typed.strip()


def _same_report(report: Report, data: ReportInput) -> bool:
    return (
        report.status == data.status
        and report.percent_complete == data.percent_complete
        and report.escalate == data.escalate
        and all(
            _same_text(getattr(report, name), getattr(data, name))
            for name in ("done", "problems", "next_steps")
        )
    )


def _same_figure(figure: Observation, value: Decimal, data: FigureInput) -> bool:
    return figure.value == value and all(
        _same_text(str(getattr(figure, name)), str(getattr(data, name))) for name in FIGURE_FIELDS
    )


_FIELD_COLUMNS = {
    "value": "value",
    "qualifier": "qualifier",
    "explanation": "explanation",
    "source_quality": "source_title",
}


def _indicator_row(
    columns: SheetColumns,
    row: IndicatorRow,
    period: Period,
    indicators: dict[int, Indicator],
    figures: dict[int, Observation],
    attach: dict[int, found.ItemKey],
    seen: dict[int, int],
    allowed: _Allowed,
    review: Review,
) -> None:
    def problem(name: str, message: str) -> None:
        review.problems.append(columns.problem(row.row, name, sentence(message)))

    indicator = indicators.get(row.indicator_id) if row.indicator_id is not None else None
    if indicator is None or indicator.task is None or not allowed(indicator.task):
        known = (
            row.indicator_id is not None
            and Indicator.objects.current()
            .filter(pk=row.indicator_id, plan_id=period.plan_id)
            .exists()
        )
        if known:
            problem(
                "number",
                _(
                    "Your unit has no part in the task of this indicator, so it cannot report "
                    "its figure. Delete the row."
                ),
            )
        else:
            problem(
                "indicator_id",
                _(
                    "Unknown row: its hidden indicator id does not name a current indicator of "
                    "this plan. Keep the rows as downloaded."
                ),
            )
        return
    if indicator.pk in seen:
        problem(
            "number",
            _("This indicator is already on row %(row)s; keep one row for it.")
            % {"row": seen[indicator.pk]},
        )
        return
    seen[indicator.pk] = row.row
    if row.blank or row.unreadable:
        return
    if not row.value.strip():
        problem("value", _("Value: enter a number, or clear the other cells of the row."))
        return
    figure = figures.get(indicator.pk)
    data = FigureInput(
        value=row.value,
        period_start=period.start,
        period_end=period.end,
        qualifier=row.qualifier or "exact",
        source_title=row.source_title,
        source_url=row.source_url,
        source_quality=figure.source_quality if figure else SourceQuality.OFFICIAL,
        note=row.note,
        explanation=row.explanation,
        confirmed=True,
    )
    if not _cells_fit(columns, row, data, review):
        return
    try:
        value = checked_value(indicator, data, exclude=figure.pk if figure else None)
    except FigureErrors as exc:
        for name, messages in exc.errors.items():
            for message in messages:
                if name in _FIELD_COLUMNS:
                    problem(_FIELD_COLUMNS[name], message)
                else:
                    review.problems.append(Problem(sentence(message), columns.sheet, row.row))
        return
    if read_number(row.value).interpreted:
        review.readings.append(
            columns.problem(
                row.row,
                "value",
                _("“%(text)s” was read as %(value)s (%(indicator)s).")
                % {"text": row.value.strip(), "value": full_number(value), "indicator": indicator},
            )
        )
    if figure is not None and _same_figure(figure, value, data):
        review.unchanged_figures += 1
        return
    if figure is not None and figure.state not in found.EDITABLE:
        problem("value", _already(figure.get_state_display(), _("figure")))
        return
    report_key = attach[indicator.task.pk]
    report = review.existing_reports.get(report_key)
    if report is not None and not report.is_editable:
        problem(
            "value",
            _(
                "The report on task %(number)s is already %(state)s, so no figure can join "
                "it; ask the office to return it first."
            )
            % {"number": indicator.task.number, "state": report.get_state_display()},
        )
        return
    review.figures.append(
        FigureChange(
            row.row,
            indicator,
            data,
            value,
            figure,
            figure.version if figure else None,
            report_key,
        )
    )


def _cells_fit(columns: SheetColumns, row: IndicatorRow, data: FigureInput, review: Review) -> bool:
    """What the figure's text cells can store."""
    ok = True
    if len(data.source_title) > 500:
        review.problems.append(
            columns.problem(
                row.row, "source_title", _("Source title: at most 500 characters, please.")
            )
        )
        ok = False
    if data.source_url:
        try:
            URLValidator()(data.source_url)
        except ValidationError:
            review.problems.append(
                columns.problem(
                    row.row,
                    "source_url",
                    _("Source URL: “%(url)s” is not a web address; write it in full, https://…")
                    % {"url": data.source_url},
                )
            )
            ok = False
    return ok


__all__ = ["FigureChange", "ReportChange", "Review", "review_workbook"]
