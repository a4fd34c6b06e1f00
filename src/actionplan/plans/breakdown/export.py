"""Write a plan's task breakdown table as an .xlsx workbook.

Every text cell goes through ``values.neutralise``: plan text and unit names
come from documents and people, and a cell starting with "=" must stay text.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from io import BytesIO
from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from actionplan.plans import permissions
from actionplan.plans.breakdown import layout
from actionplan.plans.breakdown.layout import Column
from actionplan.plans.breakdown.values import neutralise
from actionplan.plans.models import (
    Indicator,
    Measure,
    Plan,
    Responsibility,
    ResponsibilityRole,
    Task,
    Unit,
)

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0#####"
YEAR_FORMAT = "0"

_THIN = Side(style="thin", color="B8C0CD")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
HEADER_EN_FILL = PatternFill("solid", fgColor="EEF3F8")
TASK_FILL = PatternFill("solid", fgColor="F3F5F8")
ILLUSTRATIVE_FILL = PatternFill("solid", fgColor="FFF1D6")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
# Points per wrapped line of the default 11-point font; CJK glyphs need more
# than Latin ones, and a little padding keeps the last line from touching the border.
LINE_HEIGHT = 16.5
ROW_PADDING = 3.0


def export_filename(plan: Plan) -> str:
    return f"{plan.code}-breakdown.xlsx"


def export_breakdown(user: Any | None, plan: Plan, *, now: dt.datetime | None = None) -> bytes:
    """The plan's breakdown table as .xlsx bytes. ``user=None`` is the
    command line."""
    if user is not None and not permissions.can_view_plans(user):
        raise PermissionDenied
    workbook = build_workbook(plan, now or timezone.now())
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def build_workbook(plan: Plan, now: dt.datetime) -> Workbook:
    tasks = _tasks(plan)
    version = plan.latest_version
    version_label = f"第{version.number}版 version {version.number}" if version else ""
    workbook = Workbook()
    sheet = workbook.worksheets[0]  # a new workbook has one sheet
    sheet.title = layout.SHEET_TASKS
    illustrative = _write_tasks(sheet, tasks)
    _title(sheet, plan, "任务分解表 task breakdown", version_label, layout.TASK_COLUMNS)
    _note(sheet, layout.ILLUSTRATIVE_NOTE if illustrative else layout.GENERAL_NOTE, illustrative)

    indicators = workbook.create_sheet(layout.SHEET_INDICATORS)
    shaded = _write_indicators(indicators, _indicators(plan), {t.pk: t for t in tasks})
    _title(indicators, plan, "指标 indicators", version_label, layout.INDICATOR_COLUMNS)
    note = layout.INDICATOR_NOTE
    _note(indicators, f"{note}\n{layout.INDICATOR_ILLUSTRATIVE_NOTE}" if shaded else note, False)

    units = list(Unit.objects.select_related("parent").order_by("name_zh"))
    _write_guide(workbook.create_sheet(layout.SHEET_GUIDE), plan, version_label, now)
    _write_units(workbook.create_sheet(layout.SHEET_UNITS), units)
    _validations(sheet, indicators, len(units))
    workbook.properties.title = f"{plan.title} — 任务分解表"
    workbook.properties.creator = "actionplan"
    return workbook


# --- reading the plan ----------------------------------------------------


def _tasks(plan: Plan) -> list[Task]:
    responsibilities = Prefetch(
        "responsibilities", queryset=Responsibility.objects.select_related("unit")
    )
    measures = Prefetch(
        "measures",
        queryset=Measure.objects.current()
        .order_by("position", "id")
        .prefetch_related(responsibilities),
    )
    return list(
        Task.objects.current()
        .filter(plan=plan)
        .order_by("position", "id")
        .prefetch_related(responsibilities, measures)
    )


def _indicators(plan: Plan) -> list[Indicator]:
    indicators = Indicator.objects.current().filter(plan=plan).select_related("task")
    # In the order of the tasks, those outside any task last: the same on every database.
    return sorted(
        indicators,
        key=lambda i: (i.task is None, i.task.position if i.task else 0, i.pk),
    )


def _units(responsibilities: Iterable[Responsibility], role: str) -> list[Responsibility]:
    return sorted((r for r in responsibilities if r.role == role), key=lambda r: r.unit.name_zh)


def _names(responsibilities: Sequence[Responsibility]) -> str:
    return layout.UNIT_SEPARATOR.join(r.unit.name_zh for r in responsibilities)


# --- writing cells -------------------------------------------------------


def put_text(cell: Cell, text: str) -> None:
    """Text that stays text: neutralised, and typed as a string so that
    openpyxl never writes it as a formula."""
    if not text:
        cell.value = None
        return
    cell.value = neutralise(text)
    cell.data_type = "s"


def put_number(cell: Cell, value: Decimal | None, places_format: bool = True) -> None:
    if value is None:
        cell.value = None
        return
    if value == value.to_integral_value():
        cell.value = int(value)
        cell.number_format = INTEGER_FORMAT if places_format else YEAR_FORMAT
    else:
        cell.value = float(value)
        cell.number_format = DECIMAL_FORMAT


def put_year(cell: Cell, year: int | None) -> None:
    cell.value = year
    cell.number_format = YEAR_FORMAT


def put_date(cell: Cell, day: dt.date | None) -> None:
    cell.value = day
    if day is not None:
        cell.number_format = DATE_FORMAT


def _cell(sheet: Worksheet, row: int, column: int) -> Cell:
    """A cell to write; never the hidden part of a merged range, which takes no value."""
    cell = sheet.cell(row, column)
    if not isinstance(cell, Cell):
        raise TypeError(f"{sheet.title}!{cell.coordinate} is inside a merged range")
    return cell


def _display_width(text: str) -> int:
    """Columns a text takes: a Chinese character is about two digits wide."""
    return sum(2 if ord(char) >= 0x2000 else 1 for char in text)


def _row_height(texts: Iterable[tuple[str, float]]) -> float:
    """Enough height for the wrapped texts (width in Excel's character units)."""
    lines = 1
    for text, width in texts:
        usable = max(width - 1, 1)
        wrapped = sum(max(1, math.ceil(_display_width(part) / usable)) for part in text.split("\n"))
        lines = max(lines, wrapped)
    return lines * LINE_HEIGHT + ROW_PADDING


def _headers(sheet: Worksheet, columns: Sequence[Column]) -> None:
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        zh = _cell(sheet, layout.HEADER_ROW, index)
        put_text(zh, column.zh)
        zh.font = Font(bold=True)
        zh.fill = HEADER_FILL
        zh.border = BORDER
        zh.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if column.hint:
            comment = Comment(column.hint, "actionplan")
            comment.width, comment.height = 320, 110
            zh.comment = comment
        en = _cell(sheet, layout.HEADER_EN_ROW, index)
        put_text(en, column.en)
        en.font = Font(italic=True, size=9, color="555555")
        en.fill = HEADER_EN_FILL
        en.border = BORDER
        en.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[layout.HEADER_ROW].height = 22
    sheet.row_dimensions[layout.HEADER_EN_ROW].height = 26
    # Headers stay in view, and the 序号 column beside the scrolled text.
    sheet.freeze_panes = _cell(sheet, layout.FIRST_DATA_ROW, 2).coordinate


def _title(
    sheet: Worksheet, plan: Plan, what: str, version_label: str, columns: Sequence[Column]
) -> None:
    last = get_column_letter(len(columns))
    cell = _cell(sheet, layout.TITLE_ROW, 1)
    put_text(cell, " · ".join(part for part in (plan.title, what, version_label) if part))
    cell.font = Font(bold=True, size=14)
    cell.alignment = Alignment(vertical="center")
    sheet.merge_cells(f"A{layout.TITLE_ROW}:{last}{layout.TITLE_ROW}")
    sheet.row_dimensions[layout.TITLE_ROW].height = 26
    sheet.print_title_rows = f"{layout.HEADER_ROW}:{layout.HEADER_EN_ROW}"
    _fit_width(sheet, "landscape")
    last_row = max(sheet.max_row, layout.HEADER_EN_ROW)
    sheet.auto_filter.ref = f"A{layout.HEADER_EN_ROW}:{last}{last_row}"


def _fit_width(sheet: Worksheet, orientation: Literal["portrait", "landscape"]) -> None:
    """Printed on A4, as wide as the page, as many pages long as it takes."""
    sheet.page_setup.orientation = orientation
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is not None:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _note(sheet: Worksheet, text: str, illustrative: bool) -> None:
    cell = _cell(sheet, layout.NOTE_ROW, 1)
    put_text(cell, text)
    cell.font = Font(size=9, bold=illustrative, color="7A4B00" if illustrative else "555555")
    cell.alignment = WRAP_TOP
    if illustrative:
        cell.fill = ILLUSTRATIVE_FILL
    last = get_column_letter(sheet.max_column)
    sheet.merge_cells(f"A{layout.NOTE_ROW}:{last}{layout.NOTE_ROW}")
    width = sum(sheet.column_dimensions[get_column_letter(i)].width or 10 for i in range(1, 6))
    sheet.row_dimensions[layout.NOTE_ROW].height = _row_height([(text, width)])


def _task_row(sheet: Worksheet, row: int, values: dict[str, Any], illustrative: bool) -> None:
    """One row of sheet 1; ``values`` by column field."""
    for index, column in enumerate(layout.TASK_COLUMNS, start=1):
        cell = _cell(sheet, row, index)
        value = values.get(column.field)
        if column.field == "deadline":
            put_date(cell, value)
        else:
            put_text(cell, value or "")
        cell.alignment = WRAP_TOP
        cell.border = BORDER
        if illustrative and column.field in ("leads", "cooperating", "illustrative"):
            cell.fill = ILLUSTRATIVE_FILL
    _cell(sheet, row, len(layout.TASK_COLUMNS)).font = Font(size=9, color="888888")
    sheet.row_dimensions[row].height = _row_height(
        (str(values.get(c.field) or ""), c.width)
        for c in layout.TASK_COLUMNS
        if c.field in ("task", "measure", "leads", "cooperating")
    )


def _write_tasks(sheet: Worksheet, tasks: list[Task]) -> bool:
    """Sheet 1. Returns whether any assignment is illustrative."""
    _headers(sheet, layout.TASK_COLUMNS)
    row = layout.FIRST_DATA_ROW
    any_illustrative = False
    for task in tasks:
        items: list[Task | Measure] = [task, *task.measures.all()]
        for item in items:
            responsibilities = list(item.responsibilities.all())
            illustrative = any(r.illustrative for r in responsibilities)
            any_illustrative = any_illustrative or illustrative
            is_task = isinstance(item, Task)
            _task_row(
                sheet,
                row,
                {
                    "number": item.number,
                    "task": task.title if is_task else "",
                    "measure": "" if is_task else item.text,
                    "leads": _names(_units(responsibilities, ResponsibilityRole.LEAD)),
                    "cooperating": _names(_units(responsibilities, ResponsibilityRole.COOPERATING)),
                    "deadline": item.deadline,
                    "illustrative": layout.ILLUSTRATIVE_MARK if illustrative else "",
                    "key": _key(item),
                },
                illustrative,
            )
            if is_task:
                for index in range(1, len(layout.TASK_COLUMNS)):
                    _cell(sheet, row, index).fill = (
                        ILLUSTRATIVE_FILL
                        if illustrative
                        and layout.TASK_COLUMNS[index - 1].field
                        in ("leads", "cooperating", "illustrative")
                        else TASK_FILL
                    )
                _cell(sheet, row, 1).font = Font(bold=True)
                _cell(sheet, row, 2).font = Font(bold=True)
            else:
                # Measures fold under their task (Excel's outline +/-).
                sheet.row_dimensions[row].outlineLevel = 1
            row += 1
    return any_illustrative


def _key(item: Task | Measure) -> str:
    prefix = layout.TASK_KEY_PREFIX if isinstance(item, Task) else layout.MEASURE_KEY_PREFIX
    return f"{prefix}{item.pk}"


def indicator_key(indicator: Indicator) -> str:
    return indicator.code or f"{layout.INDICATOR_KEY_PREFIX}{indicator.pk}"


def _write_indicators(
    sheet: Worksheet, indicators: list[Indicator], tasks: dict[int, Task]
) -> bool:
    """Sheet 2. Returns whether any lead unit shown is an illustrative one."""
    _headers(sheet, layout.INDICATOR_COLUMNS)
    shaded = False
    for row, indicator in enumerate(indicators, start=layout.FIRST_DATA_ROW):
        task = tasks.get(indicator.task_id) if indicator.task_id else None
        leads = _units(task.responsibilities.all(), ResponsibilityRole.LEAD) if task else []
        cells = {c.field: _cell(sheet, row, i) for i, c in enumerate(layout.INDICATOR_COLUMNS, 1)}
        put_text(cells["number"], task.number if task else "")
        put_text(cells["name"], indicator.name)
        put_text(cells["unit"], indicator.unit)
        put_number(cells["baseline_value"], indicator.baseline_value)
        put_year(cells["baseline_year"], indicator.baseline_year)
        put_number(cells["target_value"], indicator.target_value)
        put_year(cells["target_year"], indicator.target_year)
        put_text(cells["comparator"], layout.COMPARATOR_SYMBOLS.get(indicator.comparator, ""))
        put_text(cells["lead"], _names(leads))
        put_text(cells["key"], indicator_key(indicator))
        for field, cell in cells.items():
            cell.border = BORDER
            cell.alignment = WRAP_TOP
            if field == "comparator":
                cell.alignment = Alignment(horizontal="center", vertical="top")
        if any(r.illustrative for r in leads):
            cells["lead"].fill = ILLUSTRATIVE_FILL
            shaded = True
        cells["key"].font = Font(size=9, color="888888")
        sheet.row_dimensions[row].height = _row_height(
            [(indicator.name, layout.INDICATOR_COLUMNS[1].width), (_names(leads), 24)]
        )
    return shaded


def _write_guide(sheet: Worksheet, plan: Plan, version_label: str, now: dt.datetime) -> None:
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 110
    facts = (
        ("计划 plan", plan.title),
        (layout.GUIDE_PLAN_CODE, plan.code),
        ("版本 version", version_label or "—"),
        ("导出时间 exported", timezone.localtime(now).strftime("%Y-%m-%d %H:%M")),
    )
    for row, (label, value) in enumerate(facts, start=1):
        put_text(_cell(sheet, row, 1), label)
        _cell(sheet, row, 1).font = Font(bold=True)
        put_text(_cell(sheet, row, 2), value)
    start = len(facts) + 2
    for offset, line in enumerate(layout.GUIDE_LINES):
        cell = _cell(sheet, start + offset, 1)
        put_text(cell, line)
        cell.alignment = WRAP_TOP
        if offset == 0:
            cell.font = Font(bold=True)
        row = start + offset
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        sheet.row_dimensions[row].height = _row_height([(line, 130)])
    _fit_width(sheet, "landscape")


def _write_units(sheet: Worksheet, units: list[Unit]) -> None:
    """The units the import knows, for the drop-down lists and for reference."""
    for index, column in enumerate(layout.UNIT_DIRECTORY_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
        for row, text, font in (
            (1, column.zh, Font(bold=True)),
            (2, column.en, Font(italic=True, size=9, color="555555")),
        ):
            cell = _cell(sheet, row, index)
            put_text(cell, text)
            cell.font = font
            cell.fill = HEADER_FILL if row == 1 else HEADER_EN_FILL
    for row, unit in enumerate(units, start=3):
        put_text(_cell(sheet, row, 1), unit.name_zh)
        put_text(_cell(sheet, row, 2), unit.name_en)
        put_text(_cell(sheet, row, 3), unit.parent.name_zh if unit.parent else "")
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "1:2"
    _fit_width(sheet, "portrait")


def _validations(tasks: Worksheet, indicators: Worksheet, unit_count: int) -> None:
    """Drop-down lists: units (several may be typed, so no error on other
    text) and comparators (a warning on anything else)."""
    if unit_count:
        source = f"'{layout.SHEET_UNITS}'!$A$3:$A${unit_count + 2}"
        units = DataValidation(
            type="list", formula1=source, allow_blank=True, showErrorMessage=False
        )
        tasks.add_data_validation(units)
        last = max(tasks.max_row, layout.FIRST_DATA_ROW)
        for field in ("leads", "cooperating"):
            letter = _letter(layout.TASK_COLUMNS, field)
            units.add(f"{letter}{layout.FIRST_DATA_ROW}:{letter}{last}")
    symbols = ",".join(layout.COMPARATOR_SYMBOLS.values())
    comparators = DataValidation(
        type="list",
        formula1=f'"{symbols}"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        error="≥ ＞ ≤ ＝ ≈",
    )
    indicators.add_data_validation(comparators)
    letter = _letter(layout.INDICATOR_COLUMNS, "comparator")
    last = max(indicators.max_row, layout.FIRST_DATA_ROW)
    comparators.add(f"{letter}{layout.FIRST_DATA_ROW}:{letter}{last}")


def _letter(columns: Sequence[Column], field: str) -> str:
    return get_column_letter(next(i for i, c in enumerate(columns, 1) if c.field == field))
