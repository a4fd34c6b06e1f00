"""The shape of the "report once" workbook (一表通): sheet names, columns in
order with their Chinese and English headers, and the words a fill-in cell
may hold. Export writes this shape; parse reads it back.

The file is bilingual whatever the interface language, like the task
breakdown table (``plans.breakdown``), whose row numbers and ``Column`` it
shares: title in row 1, a note in row 2, headers in rows 3 (Chinese) and 4
(English), data from row 5. The hidden id columns say which report or
indicator a row is; the importer finds columns by their headers.
"""

from __future__ import annotations

from actionplan.plans.breakdown.layout import (
    FIRST_DATA_ROW,
    HEADER_EN_ROW,
    HEADER_ROW,
    NOTE_ROW,
    TITLE_ROW,
    Column,
)

__all__ = [
    "FIRST_DATA_ROW",
    "HEADER_EN_ROW",
    "HEADER_ROW",
    "NOTE_ROW",
    "TITLE_ROW",
    "Column",
]

SHEET_PROGRESS = "进度 Progress"
SHEET_INDICATORS = "指标 Indicators"
SHEET_ABOUT = "说明 About"
REQUIRED_SHEETS = (SHEET_PROGRESS, SHEET_INDICATORS)
SHEET_ORDER = (SHEET_ABOUT, SHEET_PROGRESS, SHEET_INDICATORS)

ROLE_LABELS = {"lead": "牵头", "cooperating": "配合"}
YES = "是"
NO = "否"
YES_WORDS = frozenset({"是", "yes", "y", "true", "1", "√", "✓"})
NO_WORDS = frozenset({"否", "no", "n", "false", "0", "×"})

_ID_HINT = (
    "系统编号：导回时据此找到对应的报告或指标，请勿修改。\n"
    "Id: how the upload finds the report or indicator. Do not edit it."
)
_FILL_HINT = "请填写 Fill in"

PROGRESS_COLUMNS = (
    Column("task_id", "任务编号", "Task id", 8, hint=_ID_HINT),
    Column("measure_id", "措施编号", "Measure id", 8, hint=_ID_HINT),
    Column("number", "序号", "No.", 8),
    Column("item", "重点任务/具体措施", "Key task / measure", 40, required=False, read_only=True),
    Column("role", "分工", "Role", 8, required=False, read_only=True),
    Column("state", "审核状态", "Review state", 11, required=False, read_only=True),
    Column(
        "status",
        "工作状态",
        "Status",
        13,
        hint="从下拉列表中选择。\nChoose from the list.",
    ),
    Column(
        "percent",
        "完成百分比",
        "Percent complete",
        11,
        hint="0–100 的整数。\nA whole number from 0 to 100.",
    ),
    Column("done", "主要工作进展", "What was done", 40),
    Column("problems", "存在问题", "Problems", 30),
    Column(
        "escalate",
        "提请领导小组协调",
        "Refer to the leading group",
        12,
        hint="是/否。选“是”须在“存在问题”中说明。\nYes/no; say what is wrong under Problems.",
    ),
    Column("next_steps", "下一步工作计划", "Next steps", 30),
)

INDICATOR_COLUMNS = (
    Column("indicator_id", "指标编号", "Indicator id", 8, hint=_ID_HINT),
    Column("number", "序号", "Task No.", 8),
    Column("name", "指标", "Indicator", 30, required=False, read_only=True),
    Column("unit", "单位", "Unit of measure", 9, required=False, read_only=True),
    Column("target_value", "目标值", "Target value", 14, required=False, read_only=True),
    Column("target_year", "目标年", "Target year", 8, required=False, read_only=True),
    Column("last_value", "上次核定值", "Last approved value", 14, required=False, read_only=True),
    Column("last_period", "核定期间", "Its period", 20, required=False, read_only=True),
    Column("state", "审核状态", "Review state", 11, required=False, read_only=True),
    Column(
        "value",
        "本期数值",
        "Value",
        14,
        hint="只填数字（可带“万”“亿”）。\nNumbers only (万, 亿 allowed).",
    ),
    Column(
        "qualifier",
        "数值性质",
        "Qualifier",
        11,
        hint="从下拉列表中选择；留空即为确数。\nChoose from the list; empty means exact.",
    ),
    Column("source_title", "数据来源", "Source title", 24),
    Column("source_url", "来源网址", "Source URL", 24),
    Column("note", "备注", "Note", 20),
    Column(
        "explanation",
        "变动说明",
        "Explanation",
        24,
        hint=(
            "数值与上次核定值相差悬殊时须说明原因。\n"
            "Needed when the figure is far from the last approved one."
        ),
    ),
)

COLUMNS = {SHEET_PROGRESS: PROGRESS_COLUMNS, SHEET_INDICATORS: INDICATOR_COLUMNS}

PROGRESS_FILL = frozenset({"status", "percent", "done", "problems", "escalate", "next_steps"})
INDICATOR_FILL = frozenset(
    {"value", "qualifier", "source_title", "source_url", "note", "explanation"}
)
HIDDEN = frozenset({"task_id", "measure_id", "indicator_id"})

# The 说明 sheet: labels of the facts the upload reads back.
ABOUT_UNIT_ID = "单位编号 unit id"
ABOUT_PERIOD_ID = "报告期编号 period id"
ABOUT_LINES = (
    "如何填写 How to fill in",
    "1. “进度 Progress”表每行是本单位牵头或配合的一项重点任务或具体措施："
    "选择工作状态，填写完成百分比（0–100 的整数）、主要工作进展、存在问题、"
    "是否提请领导小组协调和下一步工作计划。未填写的行不导入。"
    " One row per task or measure your unit leads or cooperates on: choose the status, give the "
    "percent complete (a whole number 0–100), what was done, problems, whether to refer it to the "
    "leading group, and next steps. Empty rows are skipped.",
    "2. “指标 Indicators”表每行是上述任务的一项指标：填写本报告期的数值（只填数字，可带“万”“亿”），"
    "选择数值性质，注明数据来源；上次核定值仅供参考，无需重填。"
    " One row per indicator of those tasks: the figure for this period (numbers only; 万 and 亿 "
    "allowed), its qualifier and source. The last approved value is shown for reference.",
    "3. 灰色列和隐藏的编号列请勿修改。整个文件无误才会导入，否则一项也不导入；导入后为草稿，"
    "请在系统中核对后提交。"
    " Leave the grey and hidden id columns as they are. Nothing is saved unless the whole file is "
    "good; what is saved is a draft: check it in the system, then submit it.",
    "4. 已提交或已核定的报告和数值不会被修改；如需更改，请联系领导小组办公室退回。"
    " Submitted or approved reports and figures are not changed by an upload; ask the office to "
    "return them first.",
)
