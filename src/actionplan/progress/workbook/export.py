"""Write a unit's workbook for a period: its reports and figures, pre-filled
with what it has already reported, as .xlsx bytes.

Text cells go through ``plans.breakdown``'s ``put_text`` (neutralised: a
cell starting with = + - @ stays text). Read-only columns are grey and
locked; the sheets are protected without a password so that only the
fill-in cells take typing (the upload checks everything all the same).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from io import BytesIO
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from actionplan.plans.breakdown.export import (
    BORDER,
    CONTENT_TYPE,
    HEADER_EN_FILL,
    HEADER_FILL,
    WRAP_TOP,
    put_number,
    put_text,
    put_year,
)
from actionplan.plans.models import Observation, Unit
from actionplan.progress.models import Period, Report
from actionplan.progress.workbook import items as found
from actionplan.progress.workbook import labels, layout
from actionplan.progress.workbook.layout import Column

__all__ = ["CONTENT_TYPE", "build_workbook", "export_filename", "export_workbook"]

READ_ONLY_FILL = PatternFill("solid", fgColor="EDEFF2")
UNLOCKED = Protection(locked=False)


def export_filename(unit: Unit, period: Period) -> str:
    label = period.label.replace(" ", "-")
    return f"{period.plan.code}-{label}-unit{unit.pk}-progress.xlsx"


def export_workbook(unit: Unit, period: Period, *, now: dt.datetime | None = None) -> bytes:
    """The workbook as .xlsx bytes. Permission is the caller's to check."""
    workbook = build_workbook(unit, period, now or timezone.now())
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def build_workbook(unit: Unit, period: Period, now: dt.datetime) -> Workbook:
    rows = found.unit_items(unit, period)
    tasks = list({item.task.pk: item.task for item in rows}.values())
    indicators = found.unit_indicators(period, tasks)
    workbook = Workbook()
    about = workbook.worksheets[0]
    about.title = layout.SHEET_ABOUT
    _write_about(about, unit, period, now)
    progress = workbook.create_sheet(layout.SHEET_PROGRESS)
    _write_progress(progress, rows, found.existing_reports(unit, period))
    _title(progress, unit, period, "进度 progress", layout.PROGRESS_COLUMNS)
    sheet = workbook.create_sheet(layout.SHEET_INDICATORS)
    _write_indicators(sheet, period, indicators, found.existing_figures(unit, period, indicators))
    _title(sheet, unit, period, "指标 indicators", layout.INDICATOR_COLUMNS)
    workbook.active = 1
    workbook.properties.title = f"{period.plan.title} — {unit.name_zh} — {period.label}"
    workbook.properties.creator = "actionplan"
    return workbook


# --- cells -----------------------------------------------------------------


def _cell(sheet: Worksheet, row: int, column: int) -> Cell:
    cell = sheet.cell(row, column)
    if not isinstance(cell, Cell):  # pragma: no cover - never inside a merged range
        raise TypeError(f"{sheet.title}!{cell.coordinate} is inside a merged range")
    return cell


def _letter(columns: Sequence[Column], name: str) -> str:
    return get_column_letter(next(i for i, c in enumerate(columns, 1) if c.field == name))


def _headers(sheet: Worksheet, columns: Sequence[Column]) -> None:
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        if column.field in layout.HIDDEN:
            sheet.column_dimensions[letter].hidden = True
        for row, text, font, fill in (
            (layout.HEADER_ROW, column.zh, Font(bold=True), HEADER_FILL),
            (layout.HEADER_EN_ROW, column.en, Font(italic=True, size=9), HEADER_EN_FILL),
        ):
            cell = _cell(sheet, row, index)
            put_text(cell, text)
            cell.font = font
            cell.fill = fill
            cell.border = BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if column.hint:
            comment = Comment(column.hint, "actionplan")
            comment.width, comment.height = 300, 100
            _cell(sheet, layout.HEADER_ROW, index).comment = comment
    sheet.row_dimensions[layout.HEADER_ROW].height = 30
    sheet.row_dimensions[layout.HEADER_EN_ROW].height = 26
    sheet.freeze_panes = _cell(sheet, layout.FIRST_DATA_ROW, 4).coordinate


def _style_row(sheet: Worksheet, row: int, columns: Sequence[Column], fill: frozenset[str]) -> None:
    for index, column in enumerate(columns, start=1):
        cell = _cell(sheet, row, index)
        cell.border = BORDER
        cell.alignment = WRAP_TOP
        if column.field in fill:
            cell.protection = UNLOCKED
        else:
            cell.fill = READ_ONLY_FILL


def _title(
    sheet: Worksheet, unit: Unit, period: Period, what: str, columns: Sequence[Column]
) -> None:
    last = get_column_letter(len(columns))
    cell = _cell(sheet, layout.TITLE_ROW, 1)
    put_text(cell, f"{unit.name_zh} · {period.plan.title} · {period.label} · {what}")
    cell.font = Font(bold=True, size=13)
    sheet.merge_cells(f"A{layout.TITLE_ROW}:{last}{layout.TITLE_ROW}")
    note = _cell(sheet, layout.NOTE_ROW, 1)
    put_text(
        note,
        f"报告期 period: {period.start:%Y-%m-%d}–{period.end:%Y-%m-%d}；"
        f"截止 due: {period.due:%Y-%m-%d}。白底列为填写列，灰色列请勿修改。"
        " Fill in the white columns; the grey ones are for reference.",
    )
    note.font = Font(size=9, color="555555")
    note.alignment = WRAP_TOP
    sheet.merge_cells(f"A{layout.NOTE_ROW}:{last}{layout.NOTE_ROW}")
    sheet.row_dimensions[layout.NOTE_ROW].height = 30
    sheet.print_title_rows = f"{layout.HEADER_ROW}:{layout.HEADER_EN_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.formatCells = False
    sheet.protection.autoFilter = False
    sheet.protection.sort = False


def _validation(sheet: Worksheet, letter: str, last: int, **options: Any) -> None:
    if last < layout.FIRST_DATA_ROW:
        return
    validation = DataValidation(allow_blank=True, showErrorMessage=True, **options)
    sheet.add_data_validation(validation)
    validation.add(f"{letter}{layout.FIRST_DATA_ROW}:{letter}{last}")


def _choices(words: Sequence[str]) -> str:
    return '"' + ",".join(w.replace(",", " ").replace('"', "") for w in words) + '"'


# --- sheets ------------------------------------------------------------------


def _write_progress(
    sheet: Worksheet, rows: list[found.Item], reports: dict[found.ItemKey, Report]
) -> None:
    columns = layout.PROGRESS_COLUMNS
    _headers(sheet, columns)
    row = layout.FIRST_DATA_ROW - 1
    for row, item in enumerate(rows, start=layout.FIRST_DATA_ROW):
        cells = {c.field: _cell(sheet, row, i) for i, c in enumerate(columns, 1)}
        cells["task_id"].value = item.task.pk
        cells["measure_id"].value = item.measure.pk if item.measure else None
        put_text(cells["number"], item.number)
        put_text(cells["item"], item.text)
        put_text(cells["role"], layout.ROLE_LABELS.get(item.role, item.role))
        report = reports.get(item.key)
        if report is not None:
            put_text(cells["state"], labels.state_label(report.state))
            put_text(cells["status"], labels.status_label(report.status))
            cells["percent"].value = report.percent_complete
            put_text(cells["done"], report.done)
            put_text(cells["problems"], report.problems)
            put_text(cells["escalate"], layout.YES if report.escalate else layout.NO)
            put_text(cells["next_steps"], report.next_steps)
        _style_row(sheet, row, columns, layout.PROGRESS_FILL)
        if item.measure is None:
            cells["number"].font = Font(bold=True)
            cells["item"].font = Font(bold=True)
    last = row
    sheet.auto_filter.ref = f"A{layout.HEADER_EN_ROW}:{get_column_letter(len(columns))}{last}"
    status = labels.status_labels()
    _validation(
        sheet,
        _letter(columns, "status"),
        last,
        type="list",
        formula1=_choices(status),
        error=" / ".join(status),
    )
    _validation(
        sheet,
        _letter(columns, "percent"),
        last,
        type="whole",
        operator="between",
        formula1="0",
        formula2="100",
        error="0–100",
    )
    _validation(
        sheet,
        _letter(columns, "escalate"),
        last,
        type="list",
        formula1=_choices([layout.YES, layout.NO]),
        error=f"{layout.YES} / {layout.NO}",
    )


def _write_indicators(
    sheet: Worksheet,
    period: Period,
    indicators: list[Any],
    figures: dict[int, Observation],
) -> None:
    columns = layout.INDICATOR_COLUMNS
    _headers(sheet, columns)
    row = layout.FIRST_DATA_ROW - 1
    for row, indicator in enumerate(indicators, start=layout.FIRST_DATA_ROW):
        cells = {c.field: _cell(sheet, row, i) for i, c in enumerate(columns, 1)}
        cells["indicator_id"].value = indicator.pk
        put_text(cells["number"], indicator.task.number if indicator.task else "")
        put_text(cells["name"], indicator.name)
        put_text(cells["unit"], indicator.unit)
        put_number(cells["target_value"], indicator.target_value)
        put_year(cells["target_year"], indicator.target_year)
        last = found.last_approved_before(indicator, period)
        if last is not None:
            put_number(cells["last_value"], last.value)
            put_text(cells["last_period"], last.label)
        figure = figures.get(indicator.pk)
        if figure is not None:
            put_text(cells["state"], labels.state_label(figure.state))
            put_number(cells["value"], figure.value)
            put_text(cells["qualifier"], labels.qualifier_label(figure.qualifier))
            put_text(cells["source_title"], figure.source_title)
            put_text(cells["source_url"], figure.source_url)
            put_text(cells["note"], figure.note)
            put_text(cells["explanation"], figure.explanation)
        _style_row(sheet, row, columns, layout.INDICATOR_FILL)
    last_row = row
    sheet.auto_filter.ref = f"A{layout.HEADER_EN_ROW}:{get_column_letter(len(columns))}{last_row}"
    qualifiers = labels.qualifier_labels()
    _validation(
        sheet,
        _letter(columns, "qualifier"),
        last_row,
        type="list",
        formula1=_choices(qualifiers),
        error=" / ".join(qualifiers),
    )
    _validation(
        sheet,
        _letter(columns, "value"),
        last_row,
        type="decimal",
        operator="between",
        formula1="-1E+17",
        formula2="1E+17",
        errorStyle="warning",
        error="只填数字 Numbers only",
    )


def _write_about(sheet: Worksheet, unit: Unit, period: Period, now: dt.datetime) -> None:
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 100
    plan = period.plan
    facts: list[tuple[str, Any]] = [
        ("单位 unit", unit.name_zh),
        (layout.ABOUT_UNIT_ID, unit.pk),
        ("计划 plan", plan.title),
        ("报告期 period", f"{period.label}（{period.start:%Y-%m-%d}–{period.end:%Y-%m-%d}）"),
        (layout.ABOUT_PERIOD_ID, period.pk),
        ("截止日期 due", f"{period.due:%Y-%m-%d}"),
        ("导出时间 exported", timezone.localtime(now).strftime("%Y-%m-%d %H:%M")),
    ]
    if period.locked:
        facts.append(("已锁定 locked", "本报告期已锁定，不再接受填报。 The period is locked."))
    for row, (label, value) in enumerate(facts, start=1):
        put_text(_cell(sheet, row, 1), label)
        _cell(sheet, row, 1).font = Font(bold=True)
        if isinstance(value, int):
            _cell(sheet, row, 2).value = value
            _cell(sheet, row, 2).alignment = Alignment(horizontal="left")
        else:
            put_text(_cell(sheet, row, 2), value)
    start = len(facts) + 2
    for offset, line in enumerate(layout.ABOUT_LINES):
        row = start + offset
        cell = _cell(sheet, row, 1)
        put_text(cell, line)
        cell.alignment = WRAP_TOP
        if offset == 0:
            cell.font = Font(bold=True)
        else:
            sheet.row_dimensions[row].height = 64
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
