"""The shape of the task breakdown workbook (任务分解表): sheet names, columns
in order, their Chinese and English headers, widths, and the marks a cell
can carry. Export writes this shape; parse reads it back.

The file is bilingual whatever the interface language: Chinese headers (what
an office expects) with the English in the row below.

Sheet 1 has a row for every task (its own units and deadline) followed by a
row for each of its measures (the measure's own units and deadline). A
responsibility sits on a task or on a measure, so each row maps to exactly
one item and the table round-trips without guessing; a measure row with no
units of its own falls under its task's.
"""

from __future__ import annotations

from dataclasses import dataclass

SHEET_TASKS = "任务分解表"
SHEET_INDICATORS = "指标"
SHEET_GUIDE = "说明"
SHEET_UNITS = "单位名录"
REQUIRED_SHEETS = (SHEET_TASKS, SHEET_INDICATORS)

# Row numbers of the exported sheets (1-based, as Excel shows them). The
# importer finds the header row by its labels, so an office that inserts a
# row above it does not break the import.
TITLE_ROW = 1
NOTE_ROW = 2
HEADER_ROW = 3
HEADER_EN_ROW = 4
FIRST_DATA_ROW = 5
HEADER_SEARCH_ROWS = 15

# Several units in one cell: 、 is what Chinese tables use; the others are
# accepted on import because people type them.
UNIT_SEPARATOR = "、"
UNIT_SEPARATORS = "、，,；;\n"

ILLUSTRATIVE_MARK = "示例分工"
ILLUSTRATIVE_NOTE = (
    "示例分工 — illustrative assignment：标注“示例分工”的行，其牵头单位、配合单位是演示用的"
    "假设，并非计划原文。办公室确认后删除该标注，即作为正式分工导入。"
    " The units of rows marked 示例分工 are assumed for a demonstration, not the plan's own;"
    " clear the mark to adopt them."
)
GENERAL_NOTE = (
    "填写牵头单位、配合单位（多个单位用“、”分隔）和完成时限后导回系统；填写说明见“说明”工作表。"
    " Fill in the units (several joined with 、) and deadlines, then import the file back;"
    " see the sheet 说明."
)
INDICATOR_NOTE = (
    "填写基期值、基期年、目标值、目标年和比较（≥ ＞ ≤ ＝ ≈）后导回系统；数值只填数字。"
    "牵头单位随任务，请在“任务分解表”中修改。"
    " Fill in baselines, targets, their years and comparators (numbers only), then import the"
    " file back. Lead units follow the task: change them on sheet 任务分解表."
)
INDICATOR_ILLUSTRATIVE_NOTE = (
    "底色标出的牵头单位为示例分工（illustrative assignment），并非计划原文。"
    " Shaded lead units are an illustrative assignment, not the plan's own."
)

# Comparators as the office writes them. Full-width ＞ and ＝ so that no cell
# starts with "=" (which a spreadsheet would take for a formula).
COMPARATOR_SYMBOLS = {">=": "≥", ">": "＞", "<=": "≤", "=": "＝", "~": "≈"}

TASK_KEY_PREFIX = "T"
MEASURE_KEY_PREFIX = "M"
INDICATOR_KEY_PREFIX = "I"


@dataclass(frozen=True)
class Column:
    field: str
    zh: str
    en: str
    width: float
    required: bool = True  # the import refuses a sheet without it
    read_only: bool = False  # plan text: shown, never imported
    hint: str = ""  # a comment on the header cell


_KEY_HINT = (
    "系统编号：导回时据此找到对应的任务、措施或指标，请勿修改；行可以重新排序。\n"
    "Key: how the import finds the task, measure or indicator. Do not edit it; rows may be "
    "re-ordered."
)
_UNITS_HINT = (
    "多个单位用“、”分隔，名称与“单位名录”一致。\n"
    "Several units joined with 、, named as in the sheet 单位名录."
)

TASK_COLUMNS = (
    Column("number", "序号", "No.", 8),
    Column("task", "重点任务", "Key task", 30, required=False, read_only=True),
    Column("measure", "具体措施", "Measure", 60, required=False, read_only=True),
    Column("leads", "牵头单位", "Lead unit(s)", 24, hint=_UNITS_HINT),
    Column("cooperating", "配合单位", "Cooperating units", 32, hint=_UNITS_HINT),
    Column(
        "deadline",
        "完成时限",
        "Deadline",
        16,
        hint=(
            "日期，或 2020-12-31、2020年12月31日、2020年12月（月底）、2020年底；无时限留空。\n"
            "A date, or 2020-12-31, 2020年12月 (month end), 2020年底 (year end); "
            "empty for none."
        ),
    ),
    Column(
        "illustrative",
        "示例分工",
        "Illustrative",
        12,
        required=False,
        hint=(
            "“示例分工”表示本行单位是演示用的假设，并非计划原文；删除即确认为正式分工。\n"
            "Marks an assumed (illustrative) assignment; clear it to adopt the units."
        ),
    ),
    Column("key", "系统编号", "Key (do not edit)", 11, required=False, hint=_KEY_HINT),
)

INDICATOR_COLUMNS = (
    Column("number", "序号", "Task No.", 8),
    Column("name", "指标", "Indicator", 36, read_only=True),
    Column("unit", "单位", "Unit of measure", 10, required=False, read_only=True),
    Column("baseline_value", "基期值", "Baseline value", 16),
    Column("baseline_year", "基期年", "Baseline year", 9),
    Column("target_value", "目标值", "Target value", 16),
    Column("target_year", "目标年", "Target year", 9),
    Column(
        "comparator",
        "比较",
        "Comparator",
        9,
        hint=(
            "≥ 不低于 at least · ＞ 超过 more than · ≤ 不超过 at most · ＝ 等于 equal · ≈ 约 about"
        ),
    ),
    Column(
        "lead",
        "牵头单位",
        "Lead unit(s) of the task",
        24,
        required=False,
        read_only=True,
        hint=(
            "指标的牵头单位即其任务的牵头单位，请在“任务分解表”中修改。\n"
            "An indicator is led by its task's lead units: change them on sheet 任务分解表."
        ),
    ),
    Column("key", "系统编号", "Key (do not edit)", 30, required=False, hint=_KEY_HINT),
)

COLUMNS = {SHEET_TASKS: TASK_COLUMNS, SHEET_INDICATORS: INDICATOR_COLUMNS}

UNIT_DIRECTORY_COLUMNS = (
    Column("name_zh", "单位名称", "Unit", 34),
    Column("name_en", "英文名称", "English name", 48),
    Column("parent", "上级单位", "Parent unit", 24),
)

# The 说明 sheet: labels of the facts the importer reads back.
GUIDE_PLAN_CODE = "计划代码 plan code"
GUIDE_LINES = (
    "如何填写 How to fill in",
    "1. “任务分解表”每项重点任务一行（任务本身的牵头、配合单位和完成时限），其下每项具体措施一行"
    "（该措施自己的单位和时限；留空即沿用任务的单位）。"
    " One row per key task (its own units and deadline), then one row per measure (the "
    "measure's own; empty means the task's units apply).",
    "2. 单位名称须与“单位名录”一致，多个单位用“、”分隔；同一单位不能既牵头又配合。"
    " Units as named in 单位名录, several joined with 、; a unit either leads or cooperates.",
    "3. 完成时限可填日期，或 2020-12-31、2020年12月31日、2020年12月（月底）、2020年底（年底）。"
    " Deadlines: a date, or those forms; a month means its last day, a year its 31 December.",
    "4. “指标”表可填基期值、基期年、目标值、目标年和比较（≥ ＞ ≤ ＝ ≈）；数值只填数字，"
    "可带“万”“亿”，百分比指标可带“%”。"
    " Indicators: baseline and target values and years, comparator; numbers only (万, 亿 and, "
    "for a percentage, % allowed).",
    "5. 重点任务、具体措施、指标名称和单位来自计划原文，修改不会导入。"
    " Task, measure and indicator text comes from the plan document and is not imported.",
    "6. 请勿修改“系统编号”；行可以重新排序。整个文件无误才会导入，否则一项也不导入。"
    " Keep the keys; rows may be re-ordered. Nothing is imported unless the whole file is good.",
)
