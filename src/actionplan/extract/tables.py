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

The same table is often stored one cell per line (a web page's table copied
as text, or a repository's extraction of it): the header cells each on their
own line, then each row's cells, starting with its row number. Such a table
is found by its header — a run of at least three lines that are all column
names (序号, 类别, 指标名称, 单位, 属性, 2025年, “十五五”目标…), among them an
indicator column and a year or target column — and read row by row: a row
starts at the next row number (a line holding just that number, followed by
a line that is not a number), and its lines are matched to the columns after
序号, letting a long cell wrap onto a second line, a merged 类别 cell (which
appears only in the first row of its group) stand between rows, and an
empty cell be missing; the match that puts a unit in the 单位 column and
预期性 / 约束性 in the 属性 column wins.

A target cell may hold words around its figure: "55左右", "≥58", "[5.5]",
"高于全区税收年均增速3个百分点以上" (3 百分点, ``>=``), "2027年60%" (60 % in 2027).
A cell without a figure ("与全市保持同步", "完成市下达目标") gives no target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Final

from actionplan.extract.draft import Comparator
from actionplan.extract.numbers import ARABIC_PATTERN, parse_number
from actionplan.extract.years import FIVE_YEAR_PLANS

_CELL_SPLIT_RE: Final = re.compile(r"\t+| {2,}| *\| *")
_YEAR_RE: Final = re.compile(r"(?:19[5-9]\d|20\d\d)")
_INDICATOR_HEADER_RE: Final = re.compile(r"指标|名称|项目|内容|(?i:indicator|measure|metric|kpi)")
_UNIT_HEADER_RE: Final = re.compile(r"\A(?:计量)?单位|(?i:\Aunits?\b)")
_TARGET_HEADER_RE: Final = re.compile(r"目标|规划值|预期值|(?i:target)")
_NOT_INDICATOR_HEADER_RE: Final = re.compile(r"属性|性质|类别|类型|单位|(?:目标|完成|基期|现状)值")
_BASELINE_HEADER_RE: Final = re.compile(
    r"基期|基准|现状|基数|现值|完成值|实际值|完成情况|(?i:baseline|current)"
)
_VALUE_RE: Final = re.compile(
    r"\A[\[〔(]?(?P<mark>≥|≤|>=|<=|>|<|约|超过|不低于|不超过|大于|小于)?"
    rf"(?P<number>{ARABIC_PATTERN})(?P<magnitude>万亿|亿|万|千)?"
    r"(?P<unit>%|‰)?"
    r"(?P<trail>以上|以下|以内|左右|\+)?[\]〕)]?\Z"
)
# A target cell in words: one figure, maybe a year, words that bound it.
_CELL_FIGURE_RE: Final = re.compile(
    rf"(?<![\d.])(?:(?P<year>(?:19|20)\d\d)年(?:底|末)?)?(?P<number>{ARABIC_PATTERN})(?![\d年])"
    r"(?P<magnitude>万亿|亿|万)?(?P<unit>%|‰|个百分点|百分点)?"
)
_CELL_GE_RE: Final = re.compile(r"以上|不低于|不少于|高于|超过|大于|≥|>|至少")
_CELL_LE_RE: Final = re.compile(r"以下|以内|不超过|不高于|低于|小于|≤|<")
_CELL_ABOUT_RE: Final = re.compile(r"左右|上下|约")
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
_PLAN_RE: Final = re.compile(r"十[一二三四五六]五")
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
    dated: bool = False  # the year comes from the column or the cell


@dataclass(frozen=True, slots=True)
class _Columns:
    count: int
    indicator: int
    unit: int | None
    targets: tuple[tuple[int, int | None], ...]  # (column, its year), in column order
    baseline: int | None
    baseline_year: int | None


def split_cells(line: str) -> list[str]:
    return [cell.strip() for cell in _CELL_SPLIT_RE.split(line.strip(" |"))]


def read_tables(
    text: str,
    lines: list[tuple[int, int]],
    default_year: int | None,
    headings: frozenset[int] = frozenset(),
    reference_year: int | None = None,
) -> tuple[set[int], list[TableTarget]]:
    """The rows of indicator tables among ``lines`` (spans of the cleaned
    text): the starts of every line that belongs to a table, and the targets
    read from them. ``headings`` are the starts of lines that open an outline
    heading: they end a table stored one cell per line. ``reference_year`` is
    the plan's start: a year column before it holds past values."""
    consumed: set[int] = set()
    found: list[TableTarget] = []
    _read_cell_per_line_tables(text, lines, default_year, headings, consumed, found, reference_year)
    columns: _Columns | None = None
    kinds: list[str] = []
    for start, end in lines:
        if start in consumed:
            continue
        line = text[start:end]
        if "\t" not in line and "  " not in line and "|" not in line:
            columns = None
            continue
        cells = split_cells(line)
        if len(cells) < 3:
            columns = None
            continue
        header = _header(cells, reference_year)
        if header is not None:
            columns = header
            kinds = _column_kinds(cells, header)
            consumed.add(start)
            continue
        if columns is None:
            continue
        consumed.add(start)
        if len(cells) != columns.count:
            # A merged 类别 cell, an empty 序号 or 属性 cell: the layout that fits
            # the columns best (a row without a digit has no figure to read).
            if not _DIGIT_RE.search(line):
                continue
            aligned = _align(cells, kinds, 0)
            if aligned is None:
                continue
            cells = aligned[0]
        found.extend(_row(cells, columns, start, end, default_year))
    return consumed, found


def _header(cells: list[str], reference_year: int | None = None) -> _Columns | None:
    unit = next((i for i, cell in enumerate(cells) if _UNIT_HEADER_RE.search(cell)), None)
    # With 一级指标 and 二级指标, the finer one (the last before 单位) names the row.
    named = [
        i
        for i, cell in enumerate(cells)
        if _INDICATOR_HEADER_RE.search(cell)
        and not _NOT_INDICATOR_HEADER_RE.search(cell)
        and (unit is None or i < unit)
    ]
    if not named:
        return None
    indicator = named[-1]
    # Every target column gives a target: one named 目标 / target, or a year
    # column not earlier than the plan's start. Past values — 基期 / 现状 /
    # 完成值 / 实际值 columns, a year before the plan's start — are baselines.
    bare_years: list[tuple[int, int]] = []
    targets: list[int] = []
    past: list[tuple[int, int]] = []
    baseline: int | None = None
    for index, cell in enumerate(cells):
        if index in (indicator, unit):
            continue
        if _BASELINE_HEADER_RE.search(cell):
            if baseline is None:
                baseline = index
            continue
        year = _YEAR_RE.search(cell)
        if _TARGET_HEADER_RE.search(cell):
            column_year = _year_of(cell)
            if (
                column_year is not None
                and reference_year is not None
                and column_year < reference_year
            ):
                past.append((column_year, index))  # "2020年目标" in a 十四五 plan
            else:
                targets.append(index)
        elif year:
            bare_years.append((int(year.group()), index))
    if reference_year is not None:
        past.extend(item for item in bare_years if item[0] < reference_year)
        bare_years = [item for item in bare_years if item[0] >= reference_year]
    elif len(bare_years) >= 2 or (bare_years and targets):
        # Without the plan's start, the earliest year column is the base.
        past.append(min(bare_years))
        bare_years.remove(min(bare_years))
    targets.extend(index for _year, index in bare_years)
    if not targets and not past and baseline is None:
        return None
    if baseline is None and past:
        baseline = max(past)[1]
    baseline_year = _year_of(cells[baseline]) if baseline is not None else None
    return _Columns(
        len(cells),
        indicator,
        unit,
        tuple((index, _year_of(cells[index])) for index in sorted(targets)),
        baseline,
        baseline_year,
    )


def _year_of(cell: str) -> int | None:
    match = _YEAR_RE.search(cell)
    if match:
        return int(match.group())
    plan = _PLAN_RE.search(cell)  # "“十五五”目标" → 2030
    return FIVE_YEAR_PLANS.get(plan.group()) if plan else None


def _row(
    cells: list[str], columns: _Columns, start: int, end: int, default_year: int | None
) -> list[TableTarget]:
    """The targets of a table row, one per target column with a figure."""
    if len(cells) != columns.count:
        return []
    indicator = cells[columns.indicator]
    if not indicator or _NUMBER_COLUMN_RE.match(indicator):
        return []
    unit_text = cells[columns.unit] if columns.unit is not None else ""
    bracket = _UNIT_IN_BRACKETS_RE.search(indicator)
    if bracket:
        indicator = indicator[: bracket.start()].strip()
        unit_text = unit_text or bracket.group("unit")
    baseline_value: float | None = None
    if columns.baseline is not None:
        baseline = _value(cells[columns.baseline], unit_text)
        baseline_value = baseline[0] if baseline else None
    found: list[TableTarget] = []
    for column, column_year in columns.targets:
        value = _value(cells[column], unit_text)
        if value is None:
            continue
        number, unit, comparator, cell_year = value
        found.append(
            TableTarget(
                start=start,
                end=end,
                indicator=indicator,
                value=number,
                unit=unit,
                year=cell_year or column_year or default_year,
                comparator=comparator,
                baseline_value=baseline_value,
                baseline_year=columns.baseline_year if baseline_value is not None else None,
                dated=bool(cell_year or column_year),
            )
        )
    return found


def _value(cell: str, unit_text: str) -> tuple[float, str, Comparator, int | None] | None:
    """The figure of a target cell: its value in base units, unit, comparator
    and, when the cell dates it ("2027年60%"), its year."""
    cell = cell.replace(" ", "")
    match = _VALUE_RE.match(cell)
    if match is None:
        return _value_in_words(cell, unit_text)
    number = parse_number(match.group("number"))
    if number is None:
        return None
    number, unit = _scaled(number, match.group("magnitude") or "", unit_text)
    if match.group("unit"):
        unit = match.group("unit")
    mark = match.group("mark") or ""
    trail = match.group("trail") or ""
    comparator: Comparator = "="
    if mark in ("≥", ">=", ">", "超过", "不低于", "大于") or trail in ("以上", "+"):
        comparator = ">="
    elif mark in ("≤", "<=", "<", "不超过", "小于") or trail in ("以下", "以内"):
        comparator = "<="
    elif mark == "约" or trail == "左右":
        comparator = "~"
    return number, unit, comparator, None


def _scaled(number: float, magnitude: str, unit_text: str) -> tuple[float, str]:
    """The number in base units and the unit without its magnitude: 55 with
    "万元/人" → 550,000 元/人."""
    unit_match = _MAGNITUDE_UNIT_RE.match(unit_text.strip())
    unit_magnitude = unit_match.group("magnitude") or "" if unit_match else ""
    unit = (unit_match.group("unit") if unit_match else unit_text).strip()
    number *= _MAGNITUDES.get(magnitude, 1.0) * _MAGNITUDES.get(unit_magnitude, 1.0)
    return number, "%" if unit in ("%", "％") else unit


def _value_in_words(cell: str, unit_text: str) -> tuple[float, str, Comparator, int | None] | None:
    """A cell that states its figure in words: exactly one figure (a year
    before it dates it), the words around it bound it."""
    figures = list(_CELL_FIGURE_RE.finditer(cell))
    if len(figures) != 1:
        return None
    figure = figures[0]
    number = parse_number(figure.group("number"))
    if number is None:
        return None
    own_unit = figure.group("unit") or ""
    if own_unit:
        unit = "百分点" if own_unit.endswith("百分点") else own_unit
        number *= _MAGNITUDES.get(figure.group("magnitude") or "", 1.0)
    else:
        number, unit = _scaled(number, figure.group("magnitude") or "", unit_text)
    comparator: Comparator = "="
    if _CELL_GE_RE.search(cell):
        comparator = ">="
    elif _CELL_LE_RE.search(cell):
        comparator = "<="
    elif _CELL_ABOUT_RE.search(cell):
        comparator = "~"
    year = int(figure.group("year")) if figure.group("year") else None
    return number, unit, comparator, year


# --- tables stored one cell per line ---------------------------------------

# A line that is a column name, and nothing else.
_HEADER_CELL_RE: Final = re.compile(
    r"(?:序号|编号|No\.?|类别|类型|领域|分类|维度|方面|板块|"
    r"(?:主要|具体|考核|发展|[一二三]级)?指标(?:名称|内容)?|名称|项目(?:名称)?|内容|"
    r"(?:计量)?单位|(?:指标)?属性|(?:指标)?性质|"
    r"(?:“?十[一二三四五六]五”?|(?:19|20)\d\d年?(?:底|末)?)?"
    r"[(（]?(?:目标值?|预期值?|规划值|预期目标|规划目标|基期值?|基数|现状值?|实际值?|完成值?|值)?[)）]?|"
    r"年均增长(?:率)?(?:\(%\))?|累计(?:增长|增量)?|备注|(?:责任|牵头|配合)(?:单位|部门)|数据来源|"
    r"(?i:indicators?|measures?|metrics?|units?|targets?|baseline|(?:19|20)\d\d))"
)
_ROW_NUMBER_RE: Final = re.compile(r"\d{1,3}")
_NUMBER_LIKE_RE: Final = re.compile(rf"[\[〔(]?[≥≤><约]?{ARABIC_PATTERN}[%‰]?[\]〕)]?")
_UNIT_CELL_RE: Final = re.compile(
    r"(?:[万亿千百十]?[\u4e00-\u9fff]{1,5}|%|‰|[A-Za-z]{1,6})(?:/[万亿千百十\d]*[\u4e00-\u9fff\w]{1,5})?"
)
_ATTRIBUTE_CELL_RE: Final = re.compile(r"预期性|约束性|指导性|预期|约束")
_MAX_CELL: Final = 40  # a cell line is short; a paragraph ends the table
_MAX_EXTRA_LINES: Final = 3  # wrapped cells and 类别 cells a row may carry
_MAX_MISSING: Final = 2  # empty cells a row may lack
_MAX_ALIGNED_COLUMNS: Final = 12  # wider rows are matched only cell for cell
_DIGIT_RE: Final = re.compile(r"\d")
_MAX_HEADER_CELLS: Final = 16  # a longer run of column names is no header


def _is_cell(text: str, start: int, end: int, headings: frozenset[int]) -> bool:
    return (
        start not in headings
        and end - start <= _MAX_CELL
        and not text[start:end].rstrip().endswith(("。", ";", ":"))
    )


def _read_cell_per_line_tables(
    text: str,
    lines: list[tuple[int, int]],
    default_year: int | None,
    headings: frozenset[int],
    consumed: set[int],
    found: list[TableTarget],
    reference_year: int | None = None,
) -> None:
    index = 0
    while index < len(lines):
        run = index
        while run < len(lines) and _HEADER_CELL_RE.fullmatch(text[lines[run][0] : lines[run][1]]):
            run += 1
        if not 3 <= run - index <= _MAX_HEADER_CELLS:
            index = max(index + 1, run if run - index > _MAX_HEADER_CELLS else index + 1)
            continue
        cells = _joined_header([text[start:end] for start, end in lines[index:run]])
        columns = _header(cells, reference_year)
        if columns is None:
            index = run
            continue
        consumed.update(start for start, _ in lines[index:run])
        index = _read_rows(
            text, lines, run, cells, columns, default_year, headings, consumed, found
        )


_PERIOD_CELL_RE: Final = re.compile(r"“?十[一二三四五六]五”?|(?:19|20)\d\d年?(?:底|末)?")
_VALUE_WORD_CELL_RE: Final = re.compile(
    r"[(（]?(?:目标值?|预期值?|规划值|基期值?|现状值?|实际值?|完成值?)[)）]?"
)


def _joined_header(cells: list[str]) -> list[str]:
    """Header cells with a wrapped column name joined: "“十四五”" followed by
    "完成值" is one column, "“十四五”完成值"."""
    joined: list[str] = []
    for cell in cells:
        if joined and _VALUE_WORD_CELL_RE.fullmatch(cell) and _PERIOD_CELL_RE.fullmatch(joined[-1]):
            joined[-1] += cell
        else:
            joined.append(cell)
    return joined


def _column_kinds(cells: list[str], columns: _Columns) -> list[str]:
    kinds = []
    for position, cell in enumerate(cells):
        if position == columns.indicator:
            kinds.append("indicator")
        elif position == columns.unit:
            kinds.append("unit")
        elif any(position == column for column, _year in columns.targets):
            kinds.append("target")
        elif position == columns.baseline or _YEAR_RE.search(cell):
            kinds.append("value")
        elif _ATTRIBUTE_CELL_RE.search(cell) or cell.endswith(("属性", "性质")):
            kinds.append("attribute")
        else:
            kinds.append("other")
    return kinds


def _read_rows(
    text: str,
    lines: list[tuple[int, int]],
    index: int,
    header: list[str],
    columns: _Columns,
    default_year: int | None,
    headings: frozenset[int],
    consumed: set[int],
    found: list[TableTarget],
) -> int:
    """Read the rows after a one-cell-per-line header; the index of the first
    line after the table."""
    kinds = _column_kinds(header, columns)
    numbered = next((i for i, cell in enumerate(header) if _NUMBER_COLUMN_RE.match(cell)), None)
    first = (numbered + 1) if numbered is not None else 0
    after = kinds[first:]  # the columns a row's lines fill, in order
    if not after:
        return index
    before = first - 1 if numbered is not None else 0  # merged cells (类别) before 序号
    row_number = 1
    while index < len(lines):
        if numbered is None:
            start_line = index
            cells_from = index
        else:
            # Merged 类别 cells may stand before the first row number.
            start_line = index
            while start_line < min(len(lines), index + before + 1) and not _is_row_number(
                text, lines, start_line, row_number
            ):
                start_line += 1
            if start_line >= len(lines) or not _is_row_number(text, lines, start_line, row_number):
                return index
            cells_from = start_line + 1
        stop = _row_end(text, lines, cells_from, len(after), row_number + 1, numbered, headings)
        if stop is None:
            return index
        row_lines = [text[s:e] for s, e in lines[cells_from:stop]]
        if not _DIGIT_RE.search(text, lines[cells_from][0], lines[stop - 1][1]):
            consumed.update(s for s, _ in lines[index:stop])  # no figure in the row
            index = stop
            row_number += 1
            continue
        match = _align(row_lines, after, before if numbered is not None else 0)
        if match is None:  # a row that fits no column layout gives nothing
            consumed.update(s for s, _ in lines[index:stop])
            index = stop
            row_number += 1
            continue
        aligned, used = match
        row_start, row_end = lines[start_line][0], lines[cells_from + used - 1][1]
        consumed.update(s for s, _ in lines[index:stop])
        cells = [""] * first + aligned
        found.extend(_row(cells, columns, row_start, row_end, default_year))
        index = stop
        row_number += 1
    return index


def _is_row_number(text: str, lines: list[tuple[int, int]], at: int, number: int) -> bool:
    start, end = lines[at]
    if text[start:end] != str(number):
        return False
    # The row number is followed by a cell that is not a number (a value cell
    # may equal the next row's number).
    following = at + 1 < len(lines) and text[lines[at + 1][0] : lines[at + 1][1]]
    return bool(following) and not _NUMBER_LIKE_RE.fullmatch(str(following))


def _row_end(
    text: str,
    lines: list[tuple[int, int]],
    start: int,
    width: int,
    next_number: int,
    numbered: int | None,
    headings: frozenset[int],
) -> int | None:
    """Where the row whose cells start at ``start`` ends: at the next row
    number, or, for the last row or a table without row numbers, after one
    line per column. None when the lines there are not cells."""
    limit = min(len(lines), start + width + _MAX_EXTRA_LINES)
    if numbered is not None:
        for at in range(start + max(1, width - _MAX_MISSING), limit + 1):
            if at < len(lines) and _is_row_number(text, lines, at, next_number):
                # Between two row numbers a cell may be long (a target in words).
                if all(lines[i][0] not in headings for i in range(start, at)):
                    return at
                return None
    stop = start
    while stop < min(len(lines), start + width) and _is_cell(text, *lines[stop], headings):
        stop += 1
    return stop if stop - start >= width - 1 and stop > start else None


def _align(row: list[str], kinds: list[str], droppable: int) -> tuple[list[str], int] | None:
    """The row's lines matched to its columns: a long cell may wrap onto
    several lines, up to ``droppable`` trailing lines may be the merged cells
    of the next row group, and one cell may be missing. The match whose cells
    fit their columns best wins (a unit in 单位, 预期性 in 属性, a figure in a
    value column, words in the indicator column)."""
    width = len(kinds)
    if len(row) == width and not droppable:
        return row, len(row)
    if not 0 < width <= _MAX_ALIGNED_COLUMNS:
        return None
    best: tuple[int, list[str], int] | None = None
    for candidate, used in _arrangements(row, width, droppable):
        score = sum(_fit(cell, kind) for cell, kind in zip(candidate, kinds, strict=True))
        if best is None or score > best[0]:
            best = (score, candidate, used)
    return (best[1], best[2]) if best else None


def _arrangements(row: list[str], width: int, droppable: int) -> list[tuple[list[str], int]]:
    """Candidate cells of a row, each with the number of its lines they use:
    up to ``droppable`` trailing lines left to the next row group, then
    lines joined (a wrapped cell) or empty cells added (a merged or empty
    cell has no line)."""
    found: list[tuple[list[str], int]] = []
    for dropped in range(min(droppable, len(row) - 1) + 1):
        kept = row[: len(row) - dropped]
        if len(kept) < width:
            missing = width - len(kept)
            if missing <= _MAX_MISSING:
                for gaps in combinations(range(width), missing):
                    cells = iter(kept)
                    found.append(
                        ([("" if i in gaps else next(cells)) for i in range(width)], len(kept))
                    )
        elif len(kept) - width <= _MAX_EXTRA_LINES:
            found.extend((cells, len(kept)) for cells in _merges(kept, width))
    return found


def _merges(row: list[str], width: int) -> list[list[str]]:
    """Every way to join consecutive lines of ``row`` into ``width`` cells."""
    if width == 1:
        return [["".join(row)]]
    found: list[list[str]] = []
    for take in range(1, len(row) - width + 2):
        head = "".join(row[:take])
        found.extend([head, *rest] for rest in _merges(row[take:], width - 1))
    return found


@lru_cache(maxsize=4096)
def _fit(cell: str, kind: str) -> int:
    if not cell:
        return -2 if kind == "target" else -1
    if kind == "unit":
        return 2 if len(cell) <= 10 and _UNIT_CELL_RE.fullmatch(cell) else -2
    if kind == "attribute":
        return 2 if _ATTRIBUTE_CELL_RE.fullmatch(cell) else -2
    if kind == "indicator":
        return -2 if _NUMBER_LIKE_RE.fullmatch(cell) or _ATTRIBUTE_CELL_RE.fullmatch(cell) else 1
    if kind == "value":
        return 1 if any(ch.isdigit() for ch in cell) else 0
    if kind == "target":
        return 3 if any(ch.isdigit() for ch in cell) else 0
    return 0
