"""Read an uploaded workbook into typed rows and a list of problems. Reads
only the bytes it is given: no database.

The container checks, the header search and the cell readers are those of
the task breakdown import (``plans.breakdown``); what is checked against
the plan, the unit and the period is in ``check``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO
from typing import Any

from defusedxml import DefusedXmlException
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from actionplan.plans.breakdown.parse import (
    MAX_FILE_BYTES,
    SheetColumns,
    _caused_by,
    _container_problem,
    _rows,
    sentence,
)
from actionplan.plans.breakdown.values import CellError, cell_text, is_blank, parse_number
from actionplan.progress.workbook import labels, layout
from actionplan.progress.workbook.problems import Problem

__all__ = ["MAX_FILE_BYTES", "IndicatorRow", "ParsedWorkbook", "ProgressRow", "parse_workbook"]

Cell = tuple[Any, str]  # value, number format


@dataclass(frozen=True)
class ProgressRow:
    """A row of sheet 1: a report as typed. ``status`` is None when empty or
    unreadable (``unreadable`` says which)."""

    row: int
    task_id: int | None
    measure_id: int | None
    number: str
    status: str | None
    percent: int | None
    done: str
    problems: str
    escalate: bool
    next_steps: str
    blank: bool
    unreadable: frozenset[str] = frozenset()


@dataclass(frozen=True)
class IndicatorRow:
    """A row of sheet 2: a figure as typed; ``value`` is the text to read."""

    row: int
    indicator_id: int | None
    number: str
    value: str
    qualifier: str | None
    source_title: str
    source_url: str
    note: str
    explanation: str
    blank: bool
    unreadable: frozenset[str] = frozenset()


@dataclass
class ParsedWorkbook:
    unit_id: int | None = None
    period_id: int | None = None
    progress: list[ProgressRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    progress_columns: SheetColumns | None = None
    indicator_columns: SheetColumns | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return self.progress_columns is not None or self.indicator_columns is not None


def parse_workbook(data: bytes) -> ParsedWorkbook:
    refused = _container_problem(data)
    if refused:
        return ParsedWorkbook(problems=[Problem(refused)])
    parsed = ParsedWorkbook()
    try:
        workbook = load_workbook(BytesIO(data), read_only=True, data_only=True)
        try:
            _read(workbook, parsed)
        finally:
            workbook.close()
    except Exception as exc:  # noqa: BLE001 — a malformed package raises anything; say so
        if _caused_by(exc, DefusedXmlException):
            message = _("The workbook contains XML entity declarations; it is refused.")
        else:
            message = _("The file cannot be read as an .xlsx workbook (%(reason)s).") % {
                "reason": type(exc).__name__
            }
        return ParsedWorkbook(problems=[Problem(message)])
    return parsed


def _read(workbook: Any, parsed: ParsedWorkbook) -> None:
    names = workbook.sheetnames
    missing = [sheet for sheet in layout.REQUIRED_SHEETS if sheet not in names]
    for sheet in missing:
        parsed.problems.append(
            Problem(
                _(
                    "The sheet %(sheet)s is missing. Upload the workbook as it was "
                    "downloaded, with the sheets %(sheets)s."
                )
                % {"sheet": sheet, "sheets": "、".join(layout.REQUIRED_SHEETS)},
                sheet,
            )
        )
    if layout.SHEET_ABOUT in names:
        parsed.unit_id, parsed.period_id = _about(workbook[layout.SHEET_ABOUT])
    if layout.SHEET_PROGRESS in names:
        found = _rows(
            workbook[layout.SHEET_PROGRESS], layout.SHEET_PROGRESS, layout.PROGRESS_COLUMNS
        )
        if isinstance(found, list):
            parsed.problems += found
        else:
            parsed.progress_columns, rows = found
            for row, cells in rows:
                parsed.progress.append(
                    _progress_row(parsed.progress_columns, row, cells, parsed.problems)
                )
    if layout.SHEET_INDICATORS in names:
        found = _rows(
            workbook[layout.SHEET_INDICATORS], layout.SHEET_INDICATORS, layout.INDICATOR_COLUMNS
        )
        if isinstance(found, list):
            parsed.problems += found
        else:
            parsed.indicator_columns, rows = found
            for row, cells in rows:
                parsed.indicators.append(
                    _indicator_row(parsed.indicator_columns, row, cells, parsed.problems)
                )


def _about(sheet: Any) -> tuple[int | None, int | None]:
    unit_id = period_id = None
    for cells in sheet.iter_rows(max_row=20, max_col=2, values_only=True):
        if len(cells) < 2:
            continue
        label = cell_text(cells[0])
        if label == layout.ABOUT_UNIT_ID:
            unit_id = read_id(cells[1])
        elif label == layout.ABOUT_PERIOD_ID:
            period_id = read_id(cells[1])
    return unit_id, period_id


def read_id(value: Any) -> int | None:
    """A hidden id cell as a number; None when empty or not a whole number."""
    text = cell_text(value)
    return int(text) if text.isascii() and text.isdigit() else None


def _text(cells: dict[str, Cell], name: str) -> str:
    return cell_text(cells.get(name, (None, ""))[0])


def _percent(value: Any, number_format: str) -> int | None:
    if is_blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in number_format:
        # A cell formatted as a percentage holds 0.5 for 50%.
        number = Decimal(repr(value)) * 100 if isinstance(value, float) else Decimal(value) * 100
    else:
        read = parse_number(value, "")
        if read is None:  # pragma: no cover - blank is handled above
            return None
        number = read.value
    if number != number.to_integral_value():
        raise CellError(
            _("Percent complete: “%(value)s” is not a whole number.") % {"value": cell_text(value)}
        )
    if not 0 <= number <= 100:
        raise CellError(_("Percent complete: must lie within 0–100."))
    return int(number)


def _progress_row(
    columns: SheetColumns, row: int, cells: dict[str, Cell], problems: list[Problem]
) -> ProgressRow:
    unreadable: set[str] = set()

    def problem(name: str, message: str) -> None:
        problems.append(columns.problem(row, name, sentence(message)))
        unreadable.add(name)

    status_text = _text(cells, "status")
    status = None
    if status_text:
        try:
            status = labels.read_status(status_text)
        except ValueError as exc:
            problem("status", str(exc))
    value, number_format = cells.get("percent", (None, ""))
    percent = None
    try:
        percent = _percent(value, number_format)
    except CellError as exc:
        message = str(exc)
        if not message.startswith(_("Percent complete")):
            message = _("Percent complete: %(reason)s") % {"reason": message}
        problem("percent", message)
    escalate_text = _text(cells, "escalate").strip().casefold()
    escalate = False
    if escalate_text in layout.YES_WORDS:
        escalate = True
    elif escalate_text and escalate_text not in layout.NO_WORDS:
        problem(
            "escalate",
            _("Refer to the leading group: write %(yes)s or %(no)s, not “%(text)s”.")
            % {"yes": layout.YES, "no": layout.NO, "text": _text(cells, "escalate")},
        )
    texts = {name: _text(cells, name) for name in ("done", "problems", "next_steps")}
    blank = (
        not status_text
        and is_blank(value)
        and not any(texts.values())
        and not escalate
        and "escalate" not in unreadable
    )
    return ProgressRow(
        row=row,
        task_id=read_id(cells["task_id"][0]),
        measure_id=read_id(cells["measure_id"][0]),
        number=_text(cells, "number"),
        status=status,
        percent=percent,
        escalate=escalate,
        blank=blank,
        unreadable=frozenset(unreadable),
        **texts,
    )


def value_text(value: Any) -> str:
    """A value cell as the text a reporter would have typed: numbers exactly."""
    if isinstance(value, float) and not isinstance(value, bool):
        number = Decimal(repr(value))
        return format(number.normalize() if number == number.to_integral() else number, "f")
    return cell_text(value)


def _indicator_row(
    columns: SheetColumns, row: int, cells: dict[str, Cell], problems: list[Problem]
) -> IndicatorRow:
    unreadable: set[str] = set()
    qualifier_text = _text(cells, "qualifier")
    qualifier = None
    try:
        qualifier = labels.read_qualifier(qualifier_text)
    except ValueError as exc:
        problems.append(columns.problem(row, "qualifier", sentence(str(exc))))
        unreadable.add("qualifier")
    texts = {
        name: _text(cells, name) for name in ("source_title", "source_url", "note", "explanation")
    }
    value = value_text(cells["value"][0])
    return IndicatorRow(
        row=row,
        indicator_id=read_id(cells["indicator_id"][0]),
        number=_text(cells, "number"),
        value=value,
        qualifier=qualifier,
        blank=not value and not qualifier_text and not any(texts.values()),
        unreadable=frozenset(unreadable),
        **texts,
    )
