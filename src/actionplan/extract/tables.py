"""Indicator tables rendered as text lines (主要指标表, "Targets" tables).

A table is a run of lines whose cells are separated by tabs, "|" or a gap of
two or more spaces. It is read only when its header names the columns: an
indicator column (指标, 名称, 项目, indicator…), optionally a unit column
(单位, unit) and at least one year or target column ("2025年", "2025年目标",
"目标值", "Target 2030"). Each row then gives a target: the value of the
target column (the latest year), its unit (from the unit column or from
brackets in the indicator, "地区生产总值(亿元)"), the year of that column,
and, when a column of an earlier year (or 基期/现状) is present, the baseline.

    序号  指标            单位    2020年   2025年   属性
    1     地区生产总值    亿元    25019    35000    预期性
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from actionplan.extract.draft import Comparator
from actionplan.extract.numbers import ARABIC_PATTERN, parse_number

_CELL_SPLIT_RE: Final = re.compile(r"\t+| {2,}| *\| *")
_YEAR_RE: Final = re.compile(r"(?:19[5-9]\d|20\d\d)")
_INDICATOR_HEADER_RE: Final = re.compile(r"指标|名称|项目|内容|(?i:indicator|measure|metric|kpi)")
_UNIT_HEADER_RE: Final = re.compile(r"\A(?:计量)?单位|(?i:\Aunits?\b)")
_TARGET_HEADER_RE: Final = re.compile(r"目标|规划值|预期值|(?i:target)")
_BASELINE_HEADER_RE: Final = re.compile(r"基期|基准|现状|基数|现值|(?i:baseline|current)")
_VALUE_RE: Final = re.compile(
    r"\A(?P<mark>≥|≤|>=|<=|>|<|约|超过|不低于|不超过|大于|小于)?"
    rf"(?P<number>{ARABIC_PATTERN})(?P<magnitude>万亿|亿|万|千)?"
    r"(?P<unit>%|‰)?"
    r"(?P<trail>以上|以下|以内|左右|\+)?\Z"
)
_UNIT_IN_BRACKETS_RE: Final = re.compile(r"\((?P<unit>[^()]{1,12})\)\s*\Z")
_MAGNITUDE_UNIT_RE: Final = re.compile(
    r"\A(?P<magnitude>万亿|[十百]?[万亿]|千(?![瓦米克伏])|[十百])?(?P<unit>.*)\Z"
)
_MAGNITUDES: Final[dict[str, float]] = {
    "": 1.0,
    "十": 10.0,
    "百": 100.0,
    "千": 1e3,
    "万": 1e4,
    "十万": 1e5,
    "百万": 1e6,
    "亿": 1e8,
    "十亿": 1e9,
    "百亿": 1e10,
    "万亿": 1e12,
}
_NUMBER_COLUMN_RE: Final = re.compile(r"\A(?:序号|编号|No\.?|#)\Z", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TableTarget:
    """One row of an indicator table, read as a target (cleaned offsets)."""

    start: int  # the row line
    end: int
    indicator: str
    value: float
    unit: str
    year: int | None
    comparator: Comparator
    baseline_value: float | None
    baseline_year: int | None


@dataclass(frozen=True, slots=True)
class _Columns:
    count: int
    indicator: int
    unit: int | None
    target: int
    target_year: int | None
    baseline: int | None
    baseline_year: int | None


def split_cells(line: str) -> list[str]:
    return [cell.strip() for cell in _CELL_SPLIT_RE.split(line.strip(" |"))]


def read_tables(
    text: str, lines: list[tuple[int, int]], default_year: int | None
) -> tuple[set[int], list[TableTarget]]:
    """The rows of indicator tables among ``lines`` (spans of the cleaned
    text): the starts of every line that belongs to a table, and the targets
    read from them."""
    consumed: set[int] = set()
    found: list[TableTarget] = []
    columns: _Columns | None = None
    for start, end in lines:
        line = text[start:end]
        if "\t" not in line and "  " not in line and "|" not in line:
            columns = None
            continue
        cells = split_cells(line)
        if len(cells) < 3:
            columns = None
            continue
        header = _header(cells)
        if header is not None:
            columns = header
            consumed.add(start)
            continue
        if columns is None:
            continue
        consumed.add(start)
        target = _row(cells, columns, start, end, default_year)
        if target is not None:
            found.append(target)
    return consumed, found


def _header(cells: list[str]) -> _Columns | None:
    indicator = next((i for i, cell in enumerate(cells) if _INDICATOR_HEADER_RE.search(cell)), None)
    if indicator is None:
        return None
    unit = next((i for i, cell in enumerate(cells) if _UNIT_HEADER_RE.search(cell)), None)
    years: list[tuple[int, int]] = []
    target: int | None = None
    baseline: int | None = None
    for index, cell in enumerate(cells):
        if index in (indicator, unit):
            continue
        year = _YEAR_RE.search(cell)
        if year:
            years.append((int(year.group()), index))
        if _TARGET_HEADER_RE.search(cell):
            target = index
        elif _BASELINE_HEADER_RE.search(cell):
            baseline = index
    if years:
        _latest_year, latest = max(years)
        if target is None or not _YEAR_RE.search(cells[target]):
            target = latest
        earlier = [item for item in years if item[1] != target]
        if baseline is None and earlier:
            baseline = max(earlier)[1]
    if target is None:
        return None
    target_year = _year_of(cells[target])
    baseline_year = _year_of(cells[baseline]) if baseline is not None else None
    return _Columns(len(cells), indicator, unit, target, target_year, baseline, baseline_year)


def _year_of(cell: str) -> int | None:
    match = _YEAR_RE.search(cell)
    return int(match.group()) if match else None


def _row(
    cells: list[str], columns: _Columns, start: int, end: int, default_year: int | None
) -> TableTarget | None:
    if len(cells) != columns.count:
        # A row without its 序号 cell: shift when the header has one.
        if len(cells) == columns.count - 1 and columns.indicator == 1:
            cells = ["", *cells]
        else:
            return None
    indicator = cells[columns.indicator]
    if not indicator or _NUMBER_COLUMN_RE.match(indicator):
        return None
    unit_text = cells[columns.unit] if columns.unit is not None else ""
    bracket = _UNIT_IN_BRACKETS_RE.search(indicator)
    if bracket:
        indicator = indicator[: bracket.start()].strip()
        unit_text = unit_text or bracket.group("unit")
    value = _value(cells[columns.target], unit_text)
    if value is None:
        return None
    number, unit, comparator = value
    baseline_value: float | None = None
    if columns.baseline is not None:
        baseline = _value(cells[columns.baseline], unit_text)
        baseline_value = baseline[0] if baseline else None
    return TableTarget(
        start=start,
        end=end,
        indicator=indicator,
        value=number,
        unit=unit,
        year=columns.target_year or default_year,
        comparator=comparator,
        baseline_value=baseline_value,
        baseline_year=columns.baseline_year if baseline_value is not None else None,
    )


def _value(cell: str, unit_text: str) -> tuple[float, str, Comparator] | None:
    match = _VALUE_RE.match(cell.replace(" ", ""))
    if match is None:
        return None
    number = parse_number(match.group("number"))
    if number is None:
        return None
    unit_match = _MAGNITUDE_UNIT_RE.match(unit_text.strip())
    magnitude = unit_match.group("magnitude") or "" if unit_match else ""
    unit = (unit_match.group("unit") if unit_match else unit_text).strip()
    number *= _MAGNITUDES.get(match.group("magnitude") or "", 1.0) * _MAGNITUDES.get(magnitude, 1.0)
    if match.group("unit"):
        unit = match.group("unit")
    if unit in ("%", "％"):
        unit = "%"
    mark = match.group("mark") or ""
    trail = match.group("trail") or ""
    comparator: Comparator = "="
    if mark in ("≥", ">=", ">", "超过", "不低于", "大于") or trail in ("以上", "+"):
        comparator = ">="
    elif mark in ("≤", "<=", "<", "不超过", "小于") or trail in ("以下", "以内"):
        comparator = "<="
    elif mark == "约" or trail == "左右":
        comparator = "~"
    return number, unit, comparator
