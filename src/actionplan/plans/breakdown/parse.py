"""Read an uploaded breakdown workbook into typed rows and a list of
problems. Reads only the bytes it is given: no database.

What can be checked without the plan is checked here (the file is an .xlsx,
the sheets and headers are there, every cell reads as what its column
holds); ``validate`` checks the rows against the plan.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from defusedxml import DefusedXmlException
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from actionplan.plans.breakdown import layout
from actionplan.plans.breakdown.layout import Column
from actionplan.plans.breakdown.problems import Problem
from actionplan.plans.breakdown.values import (
    CellError,
    Number,
    cell_text,
    is_blank,
    normalise,
    parse_comparator,
    parse_deadline,
    parse_number,
    parse_year,
    split_units,
)

MAX_FILE_BYTES = 10 * 1024 * 1024
# A zip can unpack to far more than it weighs; a real table is a few MB.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_DATA_ROWS = 5000
MAX_COLUMNS = 40
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

Cell = tuple[Any, str]  # value, number format


@dataclass(frozen=True)
class TaskRow:
    """A row of sheet 1 as typed: a task or a measure, its units and deadline."""

    row: int
    number: str
    key: str
    task: str
    measure: str
    leads: tuple[str, ...]
    cooperating: tuple[str, ...]
    deadline: dt.date | None
    # None when the sheet has no 示例分工 column: the flags stay as they are.
    illustrative: bool | None
    unreadable: frozenset[str] = frozenset()


@dataclass(frozen=True)
class IndicatorRow:
    """A row of sheet 2: an indicator's baseline and target."""

    row: int
    number: str
    key: str
    name: str
    unit: str
    baseline_value: Number | None
    baseline_year: int | None
    target_value: Number | None
    target_year: int | None
    comparator: str
    lead: str
    unreadable: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SheetColumns:
    """Where each column is in the uploaded sheet (the office may move them)."""

    sheet: str
    columns: Sequence[Column]
    letters: dict[str, str]

    def has(self, name: str) -> bool:
        return name in self.letters

    def problem(self, row: int | None, name: str, message: str) -> Problem:
        header = next(c.zh for c in self.columns if c.field == name)
        return Problem(message, self.sheet, row, self.letters.get(name, ""), header)


@dataclass
class ParsedWorkbook:
    plan_code: str = ""
    tasks: list[TaskRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    task_columns: SheetColumns | None = None
    indicator_columns: SheetColumns | None = None
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)


def parse_workbook(data: bytes) -> ParsedWorkbook:
    """The rows of both sheets, or the problems that stop the import."""
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
            return ParsedWorkbook(
                problems=[
                    Problem(_("The workbook contains XML entity declarations; it is refused."))
                ]
            )
        return ParsedWorkbook(
            problems=[
                Problem(
                    _("The file cannot be read as an .xlsx workbook (%(reason)s).")
                    % {"reason": type(exc).__name__}
                )
            ]
        )
    return parsed


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """Whether ``kind`` is in the chain: openpyxl re-raises what the XML parser refused."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


def _container_problem(data: bytes) -> str | None:
    """Why the bytes are not an .xlsx we will open, or None."""
    if not data:
        return _("The file is empty.")
    if len(data) > MAX_FILE_BYTES:
        return _("The file is larger than %(size)s MB; a breakdown table is far smaller.") % {
            "size": MAX_FILE_BYTES // (1024 * 1024)
        }
    if data.startswith(OLE2_MAGIC):
        return _(
            "This is an Excel 97-2003 workbook (.xls) or a password-protected file. Save it "
            "as an Excel workbook (.xlsx) without a password and upload that."
        )
    if not data.startswith(b"PK"):
        if _looks_like_text(data):
            return _(
                "This is a text file (a .csv?), not an .xlsx workbook. Open it in Excel or "
                "WPS and save it as an Excel workbook (.xlsx)."
            )
        return _("This file is not an .xlsx workbook.")
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                if "word/document.xml" in names:
                    return _("This is a Word document, not an .xlsx workbook.")
                if "content.xml" in names:
                    return _(
                        "This is an OpenDocument spreadsheet (.ods). Save it as an Excel "
                        "workbook (.xlsx)."
                    )
                return _("This zip archive is not an .xlsx workbook.")
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                return _("The workbook unpacks to more than %(size)s MB; it is refused.") % {
                    "size": MAX_UNPACKED_BYTES // (1024 * 1024)
                }
            damaged = archive.testzip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError):
        return _("The file is damaged: it is not a readable .xlsx (zip) archive.")
    if damaged is not None:
        return _("The file is damaged: its part %(part)s cannot be read.") % {"part": damaged}
    return None


# --- sheets --------------------------------------------------------------


def _read(workbook: Any, parsed: ParsedWorkbook) -> None:
    names = workbook.sheetnames
    for sheet in layout.REQUIRED_SHEETS:
        if sheet not in names:
            parsed.problems.append(
                Problem(
                    _(
                        "The sheet %(sheet)s is missing. Import the workbook as it was "
                        "exported, with the sheets %(sheets)s."
                    )
                    % {"sheet": sheet, "sheets": "、".join(layout.REQUIRED_SHEETS)},
                    sheet,
                )
            )
    if layout.SHEET_GUIDE in names:
        parsed.plan_code = _plan_code(workbook[layout.SHEET_GUIDE])
    if layout.SHEET_TASKS in names:
        found = _rows(workbook[layout.SHEET_TASKS], layout.SHEET_TASKS, layout.TASK_COLUMNS)
        if isinstance(found, list):
            parsed.problems += found
        else:
            parsed.task_columns, rows = found
            for row, cells in rows:
                parsed.tasks.append(_task_row(parsed.task_columns, row, cells, parsed.problems))
            _row_limit(parsed.task_columns, len(parsed.tasks), parsed.problems)
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
            _row_limit(parsed.indicator_columns, len(parsed.indicators), parsed.problems)
    for columns in (parsed.task_columns, parsed.indicator_columns):
        if columns is not None and not columns.has("key"):
            parsed.notices.append(
                Problem(
                    _("The sheet has no 系统编号 column: its rows are matched by 序号."),
                    columns.sheet,
                )
            )


def _plan_code(sheet: Any) -> str:
    for cells in sheet.iter_rows(max_row=20, max_col=2, values_only=True):
        label = cell_text(cells[0]) if cells else ""
        if label.startswith(layout.GUIDE_PLAN_CODE.split()[0]) and len(cells) > 1:
            return cell_text(cells[1])
    return ""


def _row_limit(columns: SheetColumns, count: int, problems: list[Problem]) -> None:
    if count > MAX_DATA_ROWS:
        problems.append(
            Problem(
                _("The sheet has more than %(count)s rows; only the first were read.")
                % {"count": MAX_DATA_ROWS},
                columns.sheet,
            )
        )


def _header_text(value: Any) -> str:
    return normalise(cell_text(value)).split("\n")[0].replace(" ", "")


def _match_header(cells: Sequence[Cell], columns: Sequence[Column]) -> dict[str, int]:
    labels = {c.zh: c.field for c in columns} | {c.en.casefold(): c.field for c in columns}
    found: dict[str, int] = {}
    for index, (value, _format) in enumerate(cells):
        text = _header_text(value)
        name = labels.get(text) or labels.get(cell_text(value).casefold())
        if name is not None and name not in found:
            found[name] = index
    return found


def _cells(sheet: Any) -> Iterator[tuple[int, list[Cell]]]:
    limit = layout.HEADER_SEARCH_ROWS + MAX_DATA_ROWS + 1
    for number, row in enumerate(sheet.iter_rows(max_row=limit, max_col=MAX_COLUMNS), start=1):
        yield number, [(cell.value, cell.number_format or "") for cell in row]


def _rows(
    sheet: Any, name: str, columns: Sequence[Column]
) -> tuple[SheetColumns, list[tuple[int, dict[str, Cell]]]] | list[Problem]:
    """The header's columns and the data rows below it (blank rows and the
    English header row left out), or the problems with the header."""
    rows = _cells(sheet)
    header: dict[str, int] | None = None
    for number, cells in rows:
        if number > layout.HEADER_SEARCH_ROWS:
            break
        found = _match_header(cells, columns)
        if "number" in found and len(found) >= 3:
            header = found
            break
    required = [c for c in columns if c.required]
    if header is None:
        return [
            Problem(
                _("No header row found: the sheet needs the columns %(headers)s.")
                % {"headers": "、".join(c.zh for c in required)},
                name,
            )
        ]
    missing = [c for c in required if c.field not in header]
    if missing:
        return [
            Problem(
                _("The header row has no column %(header)s (%(english)s).")
                % {"header": c.zh, "english": c.en},
                name,
                number,
                "",
                c.zh,
            )
            for c in missing
        ]
    letters = {name_: get_column_letter(index + 1) for name_, index in header.items()}
    english = {c.field: c.en.casefold() for c in columns}
    data: list[tuple[int, dict[str, Cell]]] = []
    for number, cells in rows:
        values = {
            name_: cells[index] if index < len(cells) else (None, "")
            for name_, index in header.items()
        }
        if all(is_blank(value) for value, _format in values.values()):
            continue
        texts = {n: cell_text(v).casefold() for n, (v, _f) in values.items() if not is_blank(v)}
        if all(english[n] == text for n, text in texts.items()):
            continue  # the English header row
        data.append((number, values))
        if len(data) > MAX_DATA_ROWS:
            break
    return SheetColumns(name, columns, letters), data


def _read_cell(
    columns: SheetColumns,
    row: int,
    cells: dict[str, Cell],
    name: str,
    reader: Any,
    problems: list[Problem],
    unreadable: set[str],
) -> Any:
    value, number_format = cells.get(name, (None, ""))
    try:
        return reader(value, number_format)
    except CellError as exc:
        problems.append(columns.problem(row, name, sentence(str(exc))))
        unreadable.add(name)
        return None


def sentence(text: str) -> str:
    """A message fragment as a sentence: capital first, full stop last (。 in Chinese)."""
    text = text[:1].upper() + text[1:]
    if text.endswith((".", "。", "?", "？")):
        return text
    return text + ("。" if (get_language() or "").startswith("zh") else ".")


def _text(cells: dict[str, Cell], name: str) -> str:
    return cell_text(cells.get(name, (None, ""))[0])


def _task_row(
    columns: SheetColumns, row: int, cells: dict[str, Cell], problems: list[Problem]
) -> TaskRow:
    unreadable: set[str] = set()
    number, key = _text(cells, "number"), _text(cells, "key")
    if not number and not key:
        problems.append(
            columns.problem(
                row, "number", _("This row has no 序号: it cannot be matched to a task.")
            )
        )
        unreadable.add("number")
    return TaskRow(
        row=row,
        number=number,
        key=key,
        task=_text(cells, "task"),
        measure=_text(cells, "measure"),
        leads=split_units(cells["leads"][0]),
        cooperating=split_units(cells["cooperating"][0]),
        deadline=_read_cell(columns, row, cells, "deadline", parse_deadline, problems, unreadable),
        illustrative=not is_blank(cells["illustrative"][0]) if "illustrative" in cells else None,
        unreadable=frozenset(unreadable),
    )


def _number(value: Any, number_format: str) -> Number | None:
    return parse_number(value, number_format)


def _year(value: Any, _number_format: str) -> int | None:
    return parse_year(value)


def _comparator(value: Any, _number_format: str) -> str:
    return parse_comparator(value)


def _indicator_row(
    columns: SheetColumns, row: int, cells: dict[str, Cell], problems: list[Problem]
) -> IndicatorRow:
    unreadable: set[str] = set()

    def read(name: str, reader: Any) -> Any:
        return _read_cell(columns, row, cells, name, reader, problems, unreadable)

    parsed = IndicatorRow(
        row=row,
        number=_text(cells, "number"),
        key=_text(cells, "key"),
        name=_text(cells, "name"),
        unit=_text(cells, "unit"),
        baseline_value=read("baseline_value", _number),
        baseline_year=read("baseline_year", _year),
        target_value=read("target_value", _number),
        target_year=read("target_year", _year),
        comparator=read("comparator", _comparator) or "",
        lead=_text(cells, "lead"),
        unreadable=frozenset(unreadable),
    )
    if not parsed.key and not parsed.name:
        problems.append(
            columns.problem(
                row, "name", _("This row has no 指标 and no 系统编号: it matches no indicator.")
            )
        )
    problems += _indicator_row_problems(columns, parsed)
    return parsed


def _indicator_row_problems(columns: SheetColumns, row: IndicatorRow) -> list[Problem]:
    """What the row's own cells contradict, before looking at the plan."""
    found: list[Problem] = []
    readable = {
        "baseline_value",
        "baseline_year",
        "target_value",
        "target_year",
        "comparator",
    } - row.unreadable
    if {"baseline_value", "baseline_year"} <= readable:
        if row.baseline_value is not None and row.baseline_year is None:
            found.append(
                columns.problem(row.row, "baseline_year", _("A baseline value needs its year."))
            )
        if row.baseline_value is None and row.baseline_year is not None:
            found.append(
                columns.problem(row.row, "baseline_value", _("A baseline year needs its value."))
            )
    if {"target_value", "comparator"} <= readable:
        if row.target_value is not None and not row.comparator:
            found.append(
                columns.problem(
                    row.row, "comparator", _("A target needs a comparator: ≥ ＞ ≤ ＝ or ≈.")
                )
            )
        if row.target_value is None and row.comparator:
            found.append(
                columns.problem(
                    row.row,
                    "comparator",
                    _("A comparator needs a target value; clear both to remove the target."),
                )
            )
    if (
        {"baseline_year", "target_year"} <= readable
        and row.baseline_year is not None
        and row.target_year is not None
        and row.baseline_year > row.target_year
    ):
        found.append(
            columns.problem(
                row.row,
                "baseline_year",
                _("The baseline year %(baseline)s is after the target year %(target)s.")
                % {"baseline": row.baseline_year, "target": row.target_year},
            )
        )
    return found
