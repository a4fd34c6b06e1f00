"""Importing the filled-in task breakdown table: what an office writes is
read (units by name, deadlines in the forms people use, baselines and
targets), every bad cell is reported by sheet, row and column with a clear
message, and nothing is written unless the whole file is good."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import Workbook
from tests.plans.breakdown_support import (
    english,
    exported,
    indicators_sheet,
    measure_key,
    row_of,
    snapshot,
    task_key,
    tasks_sheet,
    to_bytes,
)
from tests.plans.views_support import GuangzhouSite, guangzhou_site, site

from actionplan.cli import main
from actionplan.plans.breakdown import ImportResult, Problem, export_breakdown, import_breakdown
from actionplan.plans.breakdown.layout import SHEET_GUIDE, SHEET_INDICATORS, SHEET_TASKS
from actionplan.plans.breakdown.values import (
    CellError,
    Number,
    parse_comparator,
    parse_deadline,
    parse_number,
    parse_year,
    split_units,
)
from actionplan.plans.models import (
    Direction,
    Indicator,
    Measure,
    Responsibility,
    ResponsibilityRole,
    Task,
    Unit,
)

__all__ = ["english", "guangzhou_site", "site"]  # fixtures used by the tests below

pytestmark = pytest.mark.usefixtures("english")


def task(site: GuangzhouSite, number: str) -> Task:
    return Task.objects.get(plan=site.plan, number=number, retired_in__isnull=True)


def first_measure(site: GuangzhouSite, number: str) -> Measure:
    found = task(site, number).measures.order_by("position").first()
    assert found is not None
    return found


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [p.message for p in problems]
    return problems[0]


def refused(site: GuangzhouSite, data: bytes) -> ImportResult:
    """Import ``data`` as Alice; assert it was refused and changed nothing."""
    before = snapshot(site.plan)
    result = import_breakdown(site.alice, site.plan, data, filename="table.xlsx")
    assert result.problems
    assert not result.applied
    assert result.changes == []
    assert snapshot(site.plan) == before
    return result


# --- the round trip ------------------------------------------------------


def test_the_unchanged_export_imports_as_no_change(site: GuangzhouSite) -> None:
    before = snapshot(site.plan)
    data = export_breakdown(None, site.plan)
    result = import_breakdown(site.alice, site.plan, data, filename="unchanged.xlsx")
    assert result.ok
    assert result.changes == []
    assert result.notices == []
    assert not result.applied
    assert snapshot(site.plan) == before


def test_a_changed_unit_and_deadline_are_exactly_what_changes(site: GuangzhouSite) -> None:
    one, measure = task(site, "1"), first_measure(site, "2")
    workbook = exported(site.plan)
    sheet = tasks_sheet(workbook)
    sheet[f"D{row_of(sheet, task_key(one))}"] = "市发展改革委"
    sheet[f"E{row_of(sheet, task_key(one))}"] = "市商务局、市工业和信息化局、市科技局"
    sheet[f"F{row_of(sheet, measure_key(measure))}"] = "2019年6月底前"
    before = snapshot(site.plan)

    result = import_breakdown(site.alice, site.plan, to_bytes(workbook), filename="filled.xlsx")

    assert result.ok and result.applied
    assert [(c.item, c.field, c.before, c.after) for c in result.changes] == [
        ("1", "牵头单位", "市商务局", "市发展改革委"),
        (
            "1",
            "配合单位",
            "市发展改革委、市工业和信息化局、市科技局",
            "市商务局、市工业和信息化局、市科技局",
        ),
        (measure.number, "完成时限", "", "2019-06-30"),
    ]
    roles = {r.unit.name_zh: r.role for r in one.responsibilities.all()}
    assert roles == {
        "市发展改革委": ResponsibilityRole.LEAD,
        "市商务局": ResponsibilityRole.COOPERATING,
        "市工业和信息化局": ResponsibilityRole.COOPERATING,
        "市科技局": ResponsibilityRole.COOPERATING,
    }
    # The two units that swapped roles are the office's decision now;
    # the two that kept theirs stay illustrative.
    flags = {r.unit.name_zh: r.illustrative for r in one.responsibilities.all()}
    assert flags == {
        "市发展改革委": False,
        "市商务局": False,
        "市工业和信息化局": True,
        "市科技局": True,
    }
    measure.refresh_from_db()
    assert measure.deadline == dt.date(2019, 6, 30)
    after = snapshot(site.plan)
    assert after["history"]["Responsibility"] == before["history"]["Responsibility"] + 2
    assert after["history"]["Measure"] == before["history"]["Measure"] + 1
    assert after["history"]["Task"] == before["history"]["Task"]
    assert after["indicators"] == before["indicators"]
    latest = measure.history.latest()  # type: ignore[attr-defined]
    assert latest.history_user == site.alice
    assert latest.history_change_reason == "task breakdown import (filled.xlsx)"
    lead = Responsibility.objects.get(task=one, unit__name_zh="市发展改革委")
    assert lead.history.latest().history_user == site.alice  # type: ignore[attr-defined]

    # Importing the same file again changes nothing more.
    again = import_breakdown(site.alice, site.plan, to_bytes(workbook), filename="filled.xlsx")
    assert again.ok and again.changes == [] and not again.applied
    assert snapshot(site.plan) == after


def test_a_unit_added_and_one_taken_off(site: GuangzhouSite) -> None:
    two = task(site, "2")
    workbook = exported(site.plan)
    sheet = tasks_sheet(workbook)
    sheet[f"E{row_of(sheet, task_key(two))}"] = "市商务局、市科技局"  # 市港务局 off, 市科技局 on
    result = import_breakdown(site.alice, site.plan, to_bytes(workbook))
    assert result.applied
    units = {r.unit.name_zh: (r.role, r.illustrative) for r in two.responsibilities.all()}
    assert units == {
        "市发展改革委": ("lead", True),
        "市商务局": ("cooperating", True),
        "市科技局": ("cooperating", False),
    }
    removed = Responsibility.history.filter(  # type: ignore[attr-defined]
        task_id=two.pk, unit__name_zh="市港务局", history_type="-"
    )
    assert removed.get().history_user == site.alice


def test_clearing_the_mark_adopts_the_illustrative_assignment(site: GuangzhouSite) -> None:
    one = task(site, "1")
    workbook = exported(site.plan)
    sheet = tasks_sheet(workbook)
    sheet[f"G{row_of(sheet, task_key(one))}"] = None
    result = import_breakdown(site.alice, site.plan, to_bytes(workbook))
    assert [(c.item, c.field, c.before, c.after) for c in result.changes] == [
        ("1", "示例分工", "示例分工", "")
    ]
    assert not one.responsibilities.filter(illustrative=True).exists()
    assert one.responsibilities.count() == 4


def test_units_on_a_measure_row_are_the_measures_own(site: GuangzhouSite) -> None:
    measure = first_measure(site, "5")
    workbook = exported(site.plan)
    sheet = tasks_sheet(workbook)
    sheet[f"D{row_of(sheet, measure_key(measure))}"] = "市科技局"
    assert import_breakdown(site.alice, site.plan, to_bytes(workbook)).applied
    assert [(r.unit.name_zh, r.role) for r in measure.responsibilities.all()] == [
        ("市科技局", "lead")
    ]


def test_rows_sorted_otherwise_still_find_their_tasks(site: GuangzhouSite) -> None:
    workbook = exported(site.plan)
    sheet = tasks_sheet(workbook)
    first, last = 5, sheet.max_row
    rows = [[c.value for c in sheet[r]] for r in range(first, last + 1)]
    rows.reverse()
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            sheet.cell(first + offset, column).value = value
    indicators = indicators_sheet(workbook)
    ind_rows = [[c.value for c in indicators[r]] for r in range(5, indicators.max_row + 1)]
    ind_rows.sort(key=repr)
    for offset, values in enumerate(ind_rows):
        for column, value in enumerate(values, start=1):
            indicators.cell(5 + offset, column).value = value
    result = import_breakdown(site.alice, site.plan, to_bytes(workbook))
    assert result.ok and result.changes == []
    # An edit in a moved row lands on its own task.
    sheet[f"F{row_of(sheet, task_key(task(site, '20')))}"] = "2020年底"
    result = import_breakdown(site.alice, site.plan, to_bytes(workbook))
    assert [(c.item, c.after) for c in result.changes] == [("20", "2020-12-31")]
    assert task(site, "20").deadline == dt.date(2020, 12, 31)


def test_without_keys_rows_are_matched_by_their_number(site: GuangzhouSite) -> None:
    workbook = exported(site.plan)
    sheet = tasks_sheet(workbook)
    sheet.delete_cols(8)
    sheet[f"F{5}"] = "2020-12-31"
    result = import_breakdown(site.alice, site.plan, to_bytes(workbook))
    assert result.ok, result.problems
    assert [(c.item, c.after) for c in result.changes] == [("1", "2020-12-31")]
    assert any("系统编号" in n.message for n in result.notices)


def test_targets_and_baselines_are_imported_with_history(site: GuangzhouSite) -> None:
    workbook = exported(site.plan)
    sheet = indicators_sheet(workbook)
    row = row_of(sheet, "airport_passenger_throughput")
    sheet[f"D{row}"] = "6583万"
    sheet[f"E{row}"] = "2017年"
    sheet[f"F{row}"] = 90_000_000
    sheet[f"H{row}"] = "≈"
    share = row_of(sheet, "airport_intl_passenger_share")
    sheet[f"F{share}"] = "25%"
    result = import_breakdown(site.alice, site.plan, to_bytes(workbook), filename="t.xlsx")
    assert result.applied, result.problems
    assert [(c.item, c.field, c.before, c.after) for c in result.changes] == [
        ("白云国际机场旅客吞吐量", "基期值", "", "65,830,000"),
        ("白云国际机场旅客吞吐量", "目标值", "80,000,000", "90,000,000"),
        ("白云国际机场旅客吞吐量", "基期年", "", "2017"),
        ("白云国际机场旅客吞吐量", "比较", "≥", "≈"),
        ("国际旅客占比", "目标值", "23", "25"),
    ]
    airport = Indicator.objects.get(pk=site.airport.pk)
    assert airport.baseline_value == Decimal(65_830_000)
    assert airport.baseline_year == 2017
    assert airport.target_value == Decimal(90_000_000)
    assert airport.comparator == "~"
    assert airport.history.latest().history_user == site.alice  # type: ignore[attr-defined]


def test_a_comparator_of_at_most_turns_the_direction(site: GuangzhouSite) -> None:
    workbook = exported(site.plan)
    sheet = indicators_sheet(workbook)
    sheet[f"H{row_of(sheet, 'airport_passenger_throughput')}"] = "≤"
    assert import_breakdown(site.alice, site.plan, to_bytes(workbook)).applied
    assert Indicator.objects.get(pk=site.airport.pk).direction == Direction.LOWER


def test_a_target_is_removed_by_clearing_value_and_comparator(site: GuangzhouSite) -> None:
    workbook = exported(site.plan)
    sheet = indicators_sheet(workbook)
    row = row_of(sheet, "airport_passenger_throughput")
    sheet[f"F{row}"] = None
    sheet[f"H{row}"] = None
    assert import_breakdown(site.alice, site.plan, to_bytes(workbook)).applied
    airport = Indicator.objects.get(pk=site.airport.pk)
    assert (airport.target_value, airport.comparator) == (None, "")


def test_edited_plan_text_is_not_imported_and_says_so(site: GuangzhouSite) -> None:
    before = snapshot(site.plan)
    workbook = exported(site.plan)
    sheet = tasks_sheet(workbook)
    row = row_of(sheet, task_key(task(site, "3")))
    sheet[f"B{row}"] = "营造国际一流营商环境（修改）"
    result = import_breakdown(site.alice, site.plan, to_bytes(workbook))
    assert result.ok and result.changes == []
    notice = only(result.notices)
    assert (notice.sheet, notice.row, notice.column_label) == (SHEET_TASKS, row, "B（重点任务）")
    assert "not imported" in notice.message
    assert snapshot(site.plan) == before


def test_a_dry_run_reports_the_changes_and_writes_nothing(site: GuangzhouSite) -> None:
    workbook = exported(site.plan)
    sheet = tasks_sheet(workbook)
    sheet[f"F{row_of(sheet, task_key(task(site, '1')))}"] = "2020年"
    before = snapshot(site.plan)
    result = import_breakdown(site.alice, site.plan, to_bytes(workbook), dry_run=True)
    assert result.dry_run and not result.applied
    assert [(c.item, c.after) for c in result.changes] == [("1", "2020-12-31")]
    assert snapshot(site.plan) == before


# --- bad input: each reported where it is, nothing written ---------------


def edited(site: GuangzhouSite, edit: Callable[[Workbook], None]) -> bytes:
    workbook = exported(site.plan)
    edit(workbook)
    return to_bytes(workbook)


def test_an_unknown_unit_is_reported_with_the_nearest_names(site: GuangzhouSite) -> None:
    one = task(site, "1")
    row = 0

    def edit(workbook: Workbook) -> None:
        nonlocal row
        sheet = tasks_sheet(workbook)
        row = row_of(sheet, task_key(one))
        sheet[f"D{row}"] = "市商务厅"

    problem = only(refused(site, edited(site, edit)).problems)
    assert (problem.sheet, problem.row, problem.column, problem.header) == (
        SHEET_TASKS,
        row,
        "D",
        "牵头单位",
    )
    assert problem.message.startswith("Unknown unit “市商务厅”. Did you mean 市商务局")


def test_an_unknown_unit_with_nothing_like_it_points_to_the_directory(
    site: GuangzhouSite,
) -> None:
    def edit(workbook: Workbook) -> None:
        sheet = tasks_sheet(workbook)
        sheet[f"E{row_of(sheet, task_key(task(site, '4')))}"] = "市科技局、Acme Ltd"

    problem = only(refused(site, edited(site, edit)).problems)
    assert problem.column_label == "E（配合单位）"
    assert "Unknown unit “Acme Ltd”, and no known unit has a similar name" in problem.message
    assert "单位名录" in problem.message


def test_a_unit_cannot_both_lead_and_cooperate(site: GuangzhouSite) -> None:
    def edit(workbook: Workbook) -> None:
        sheet = tasks_sheet(workbook)
        sheet[f"E{row_of(sheet, task_key(task(site, '1')))}"] = "市商务局、市科技局"

    problem = only(refused(site, edited(site, edit)).problems)
    assert problem.column == "E"
    assert problem.message.startswith("市商务局 cannot both lead and cooperate")


@pytest.mark.parametrize("text", ["明年", "2020年13月", "2020-02-30", "31/12/2020", "长期坚持"])
def test_an_unreadable_date_is_reported(site: GuangzhouSite, text: str) -> None:
    row = 0

    def edit(workbook: Workbook) -> None:
        nonlocal row
        sheet = tasks_sheet(workbook)
        row = row_of(sheet, measure_key(first_measure(site, "7")))
        sheet[f"F{row}"] = text

    problem = only(refused(site, edited(site, edit)).problems)
    assert (problem.sheet, problem.row, problem.column_label) == (SHEET_TASKS, row, "F（完成时限）")
    assert problem.message.startswith(f"Cannot read “{text}” as a date")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("N/A", "“N/A” is not a number; leave the cell empty when there is none."),
        ("约80%", "“约80%” is not a number: write the figure alone and choose the comparator"),
        ("8000万人次", "“8000万人次” is not a number"),
    ],
)
def test_a_target_that_is_not_a_number_is_reported(
    site: GuangzhouSite, text: str, expected: str
) -> None:
    row = 0

    def edit(workbook: Workbook) -> None:
        nonlocal row
        sheet = indicators_sheet(workbook)
        row = row_of(sheet, "airport_passenger_throughput")
        sheet[f"F{row}"] = text

    problem = only(refused(site, edited(site, edit)).problems)
    assert (problem.sheet, problem.row, problem.column_label) == (
        SHEET_INDICATORS,
        row,
        "F（目标值）",
    )
    assert problem.message.startswith(expected)


def test_a_negative_count_is_refused(site: GuangzhouSite) -> None:
    def edit(workbook: Workbook) -> None:
        sheet = indicators_sheet(workbook)
        row = row_of(sheet, "airport_passenger_throughput")
        sheet[f"D{row}"] = -5
        sheet[f"E{row}"] = 2017

    problem = only(refused(site, edited(site, edit)).problems)
    assert problem.column_label == "D（基期值）"
    assert problem.message == "-5 is negative; 白云国际机场旅客吞吐量 cannot fall below zero."


def test_a_percentage_for_a_count_is_refused(site: GuangzhouSite) -> None:
    def edit(workbook: Workbook) -> None:
        sheet = indicators_sheet(workbook)
        sheet[f"F{row_of(sheet, 'airport_passenger_throughput')}"] = "80%"

    problem = only(refused(site, edited(site, edit)).problems)
    assert "is a percentage, but 白云国际机场旅客吞吐量 is counted in 人次" in problem.message


def test_a_share_above_the_whole_is_refused(site: GuangzhouSite) -> None:
    def edit(workbook: Workbook) -> None:
        sheet = indicators_sheet(workbook)
        sheet[f"F{row_of(sheet, 'airport_intl_passenger_share')}"] = 230

    problem = only(refused(site, edited(site, edit)).problems)
    assert problem.message == "230% is more than the whole; a share is at most 100%."


@pytest.mark.parametrize(("year", "column"), [(20200, "G"), ("1900年", "E")])
def test_a_year_out_of_range_is_refused(site: GuangzhouSite, year: object, column: str) -> None:
    def edit(workbook: Workbook) -> None:
        sheet = indicators_sheet(workbook)
        row = row_of(sheet, "airport_passenger_throughput")
        sheet[f"{column}{row}"] = year
        if column == "E":
            sheet[f"D{row}"] = 60_000_000

    problem = only(refused(site, edited(site, edit)).problems)
    assert problem.column == column
    assert "is out of range (1949–2100)" in problem.message


def test_a_baseline_after_its_target_is_refused(site: GuangzhouSite) -> None:
    def edit(workbook: Workbook) -> None:
        sheet = indicators_sheet(workbook)
        row = row_of(sheet, "airport_passenger_throughput")
        sheet[f"D{row}"], sheet[f"E{row}"] = 60_000_000, 2021

    problem = only(refused(site, edited(site, edit)).problems)
    assert problem.message == "The baseline year 2021 is after the target year 2020."


def test_a_target_without_a_comparator_is_refused(site: GuangzhouSite) -> None:
    def edit(workbook: Workbook) -> None:
        sheet = indicators_sheet(workbook)
        sheet[f"H{row_of(sheet, 'airport_passenger_throughput')}"] = None

    problem = only(refused(site, edited(site, edit)).problems)
    assert problem.column_label == "H（比较）"
    assert problem.message == "A target needs a comparator: ≥ ＞ ≤ ＝ or ≈."


def test_a_row_whose_number_matches_nothing_is_reported(site: GuangzhouSite) -> None:
    def edit(workbook: Workbook) -> None:
        sheet = tasks_sheet(workbook)
        sheet.delete_cols(8)  # no keys: rows are matched by 序号
        sheet["A5"] = "99"

    result = refused(site, edited(site, edit))
    problem = only(result.problems)
    assert (problem.row, problem.column_label) == (5, "A（序号）")
    assert problem.message.startswith("序号 “99” matches no task or measure of this plan.")


def test_a_row_whose_key_matches_nothing_is_reported(site: GuangzhouSite) -> None:
    def edit(workbook: Workbook) -> None:
        tasks_sheet(workbook)["H6"] = "M999999"
        indicators_sheet(workbook)["J5"] = "no_such_indicator"

    problems = refused(site, edited(site, edit)).problems
    assert [(p.sheet, p.row, p.column_label) for p in problems] == [
        (SHEET_TASKS, 6, "H（系统编号）"),
        (SHEET_INDICATORS, 5, "J（系统编号）"),
    ]
    assert problems[0].message.startswith("The 系统编号 “M999999” matches no task or measure")
    assert problems[1].message.startswith("The 系统编号 “no_such_indicator” matches no indicator")


def test_a_row_given_twice_is_reported(site: GuangzhouSite) -> None:
    def edit(workbook: Workbook) -> None:
        sheet = tasks_sheet(workbook)
        for column in range(1, 9):
            sheet.cell(7, column).value = sheet.cell(6, column).value

    problem = only(refused(site, edited(site, edit)).problems)
    assert problem.row == 7
    assert problem.message == "This row is the same task or measure as row 6; keep one of them."


def test_a_retired_task_is_reported(site: GuangzhouSite) -> None:
    from actionplan.plans.models import PlanVersion

    three = task(site, "3")
    data = export_breakdown(None, site.plan)
    version = PlanVersion.objects.filter(plan=site.plan).latest("number")
    Task.objects.filter(pk=three.pk).update(retired_in=version)
    result = refused(site, data)
    assert any("is no longer in the plan" in p.message for p in result.problems)


def test_one_bad_row_keeps_every_good_row_out(site: GuangzhouSite) -> None:
    def edit(workbook: Workbook) -> None:
        sheet = tasks_sheet(workbook)
        sheet[f"D{row_of(sheet, task_key(task(site, '1')))}"] = "市港务局"  # good
        sheet[f"F{row_of(sheet, task_key(task(site, '2')))}"] = "2020年底"  # good
        sheet[f"F{row_of(sheet, task_key(task(site, '3')))}"] = "尽快"  # bad
        indicators = indicators_sheet(workbook)
        indicators[f"F{row_of(indicators, 'airport_passenger_throughput')}"] = "N/A"  # bad

    result = refused(site, edited(site, edit))
    assert [p.column_label for p in result.problems] == ["F（完成时限）", "F（目标值）"]
    assert [p.sheet for p in result.problems] == [SHEET_TASKS, SHEET_INDICATORS]


def test_a_missing_sheet_is_reported(site: GuangzhouSite) -> None:
    def edit(workbook: Workbook) -> None:
        del workbook[SHEET_INDICATORS]

    problem = only(refused(site, edited(site, edit)).problems)
    assert problem.sheet == SHEET_INDICATORS
    assert problem.message.startswith("The sheet 指标 is missing.")


def test_a_missing_header_is_reported(site: GuangzhouSite) -> None:
    def edit(workbook: Workbook) -> None:
        tasks_sheet(workbook)["D3"] = "负责单位"
        tasks_sheet(workbook)["D4"] = None

    problem = only(refused(site, edited(site, edit)).problems)
    assert (problem.sheet, problem.row, problem.header) == (SHEET_TASKS, 3, "牵头单位")
    assert problem.message == "The header row has no column 牵头单位 (Lead unit(s))."


def test_a_sheet_without_a_header_row_is_reported(site: GuangzhouSite) -> None:
    def edit(workbook: Workbook) -> None:
        indicators_sheet(workbook).delete_rows(1, 4)
        indicators_sheet(workbook).insert_rows(1)

    problem = only(refused(site, edited(site, edit)).problems)
    assert problem.sheet == SHEET_INDICATORS
    assert problem.message.startswith("No header row found: the sheet needs the columns 序号")


def test_the_table_of_another_plan_is_refused(site: GuangzhouSite) -> None:
    def edit(workbook: Workbook) -> None:
        workbook[SHEET_GUIDE]["B2"] = "another-plan"

    problem = only(refused(site, edited(site, edit)).problems)
    assert problem.message.startswith(
        "This file is the breakdown table of the plan another-plan, not of guangzhou-iec."
    )


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _corrupt(site: GuangzhouSite) -> bytes:
    data = bytearray(export_breakdown(None, site.plan))
    return bytes(data[: len(data) // 2])


NOT_XLSX: list[tuple[str, Callable[[GuangzhouSite], bytes], str]] = [
    ("empty", lambda site: b"", "The file is empty."),
    (
        "csv renamed",
        lambda site: "序号,重点任务,牵头单位\n1,全面推进,市商务局\n".encode(),
        "This is a text file (a .csv?), not an .xlsx workbook.",
    ),
    (
        "xls",
        lambda site: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "This is an Excel 97-2003 workbook (.xls) or a password-protected file.",
    ),
    ("corrupt zip", _corrupt, "The file is damaged: it is not a readable .xlsx (zip) archive."),
    (
        "docx",
        lambda site: _zip({"word/document.xml": b"<w/>", "[Content_Types].xml": b"<T/>"}),
        "This is a Word document, not an .xlsx workbook.",
    ),
    ("zip", lambda site: _zip({"a.txt": b"a"}), "This zip archive is not an .xlsx workbook."),
    ("png", lambda site: b"\x89PNG\r\n\x1a\n\x00\x00", "This file is not an .xlsx workbook."),
    (
        "broken workbook",
        lambda site: _zip({"xl/workbook.xml": b"<workbook", "[Content_Types].xml": b"<"}),
        "The file cannot be read as an .xlsx workbook",
    ),
]


@pytest.mark.parametrize(("case", "make", "message"), NOT_XLSX, ids=[c[0] for c in NOT_XLSX])
def test_a_file_that_is_not_an_xlsx_is_refused_with_a_reason(
    site: GuangzhouSite, case: str, make: Callable[[GuangzhouSite], bytes], message: str
) -> None:
    problem = only(refused(site, make(site)).problems)
    assert problem.message.startswith(message)
    assert (problem.sheet_label, problem.row_label, problem.column_label) == ("—", "—", "—")


def test_xml_entity_expansion_is_refused(site: GuangzhouSite) -> None:
    data = export_breakdown(None, site.plan)
    source = zipfile.ZipFile(io.BytesIO(data))
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    files = {}
    for info in source.infolist():
        content = source.read(info)
        if info.filename == "xl/worksheets/sheet1.xml":
            body = content.split(b"?>", 1)[-1]  # after any XML declaration
            content = bomb + body
        files[info.filename] = content
    problem = only(refused(site, _zip(files)).problems)
    assert problem.message == "The workbook contains XML entity declarations; it is refused."


def test_an_oversized_file_is_refused_before_it_is_opened(
    site: GuangzhouSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    from actionplan.plans.breakdown import parse

    monkeypatch.setattr(parse, "MAX_FILE_BYTES", 1000)
    problem = only(refused(site, export_breakdown(None, site.plan)).problems)
    assert problem.message.startswith("The file is larger than 0 MB")


# --- who may import ------------------------------------------------------


@pytest.mark.parametrize("who", ["bob", "lee", "charlie"])
def test_only_the_coordinator_imports(site: GuangzhouSite, who: str) -> None:
    workbook = exported(site.plan)
    sheet = tasks_sheet(workbook)
    sheet[f"D{row_of(sheet, task_key(task(site, '1')))}"] = "市发展改革委"
    before = snapshot(site.plan)
    with pytest.raises(PermissionDenied):
        import_breakdown(getattr(site, who), site.plan, to_bytes(workbook))
    assert snapshot(site.plan) == before


# --- cells, one at a time ------------------------------------------------


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (dt.datetime(2020, 12, 31), "yyyy-mm-dd", dt.date(2020, 12, 31)),
        (dt.datetime(2020, 12, 1), 'yyyy"年"m"月"', dt.date(2020, 12, 31)),
        (dt.datetime(2020, 1, 1), "yyyy", dt.date(2020, 12, 31)),
        (dt.date(2019, 6, 30), "", dt.date(2019, 6, 30)),
        ("2020-12-31", "", dt.date(2020, 12, 31)),
        ("2020/6/1", "", dt.date(2020, 6, 1)),
        ("2020年12月31日", "", dt.date(2020, 12, 31)),
        ("２０２０年１２月３１日", "", dt.date(2020, 12, 31)),
        ("2020年12月", "", dt.date(2020, 12, 31)),
        ("2020年2月", "", dt.date(2020, 2, 29)),
        ("2019年6月底前", "", dt.date(2019, 6, 30)),
        ("2020年底", "", dt.date(2020, 12, 31)),
        ("2020年末", "", dt.date(2020, 12, 31)),
        ("2020年", "", dt.date(2020, 12, 31)),
        ("2020", "", dt.date(2020, 12, 31)),
        (2020, "General", dt.date(2020, 12, 31)),
        ("2019年上半年", "", dt.date(2019, 6, 30)),
        ("2019年第三季度", "", dt.date(2019, 9, 30)),
        (None, "", None),
        ("  ", "", None),
    ],
)
def test_deadlines_in_the_forms_offices_write(
    value: object, number_format: str, expected: dt.date | None
) -> None:
    assert parse_deadline(value, number_format) == expected


@pytest.mark.parametrize(("value", "expected"), [(44000, "“44000” is a number, not a date")])
def test_a_bare_number_is_not_a_date(value: object, expected: str) -> None:
    with pytest.raises(CellError, match=expected):
        parse_deadline(value)


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (80_000_000, "General", Number(Decimal(80_000_000))),
        (23.5, "General", Number(Decimal("23.5"))),
        (0.23, "0%", Number(Decimal(23), percent=True)),
        ("80,000,000", "", Number(Decimal(80_000_000))),
        ("8000万", "", Number(Decimal(80_000_000))),
        ("1.15万亿", "", Number(Decimal("1150000000000"))),
        ("23%", "", Number(Decimal(23), percent=True)),
        ("－3.5", "", Number(Decimal("-3.5"))),
        ("", "", None),
    ],
)
def test_numbers_as_people_write_them(
    value: object, number_format: str, expected: Number | None
) -> None:
    assert parse_number(value, number_format) == expected


@pytest.mark.parametrize("value", ["N/A", "约80%", "80%左右", "TBD", True, "1.2.3", "1e5"])
def test_what_is_not_a_number(value: object) -> None:
    with pytest.raises(CellError):
        parse_number(value)


def test_too_many_decimals_cannot_be_stored() -> None:
    with pytest.raises(CellError, match="more than 6 decimal places"):
        parse_number("0.1234567")


def test_years_and_comparators() -> None:
    assert parse_year("2020年") == 2020
    assert parse_year(2020.0) == 2020
    with pytest.raises(CellError, match="is not a year"):
        parse_year(2020.5)
    assert [parse_comparator(s) for s in ("≥", ">=", "＞", "≤", "＝", "≈", "约", "")] == [
        ">=",
        ">=",
        ">",
        "<=",
        "=",
        "~",
        "~",
        "",
    ]
    with pytest.raises(CellError, match="is not a comparator"):
        parse_comparator("大概")


def test_units_are_split_on_the_separators_people_use() -> None:
    assert split_units("市商务局、市科技局，市港务局;市商务局\n 市委外办 ") == (
        "市商务局",
        "市科技局",
        "市港务局",
        "市委外办",
    )
    assert split_units(None) == ()


# --- the command ---------------------------------------------------------


def test_the_command_imports_and_prints_the_changes(
    site: GuangzhouSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = exported(site.plan)
    sheet = tasks_sheet(workbook)
    sheet[f"F{row_of(sheet, task_key(task(site, '1')))}"] = "2020年底"
    path = tmp_path / "filled.xlsx"
    path.write_bytes(to_bytes(workbook))

    assert main(["breakdown", "import", site.plan.code, str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "完成时限" in out and "2020-12-31" in out
    assert "Dry run: 1 changes found; nothing was written." in out
    assert task(site, "1").deadline is None

    assert main(["breakdown", "import", site.plan.code, str(path)]) == 0
    assert "Imported filled.xlsx into plan guangzhou-iec: 1 changes." in capsys.readouterr().out
    assert task(site, "1").deadline == dt.date(2020, 12, 31)


def test_the_command_prints_the_problems_as_a_table_and_exits_2(
    site: GuangzhouSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = exported(site.plan)
    sheet = tasks_sheet(workbook)
    sheet[f"D{row_of(sheet, task_key(task(site, '1')))}"] = "市商务厅"
    path = tmp_path / "bad.xlsx"
    path.write_bytes(to_bytes(workbook))
    before = snapshot(site.plan)

    assert main(["breakdown", "import", site.plan.code, str(path)]) == 2
    captured = capsys.readouterr()
    assert "sheet" in captured.out and "row" in captured.out and "column" in captured.out
    assert "D（牵头单位）" in captured.out
    assert "Unknown unit “市商务厅”. Did you mean 市商务局" in captured.out
    assert captured.err == (
        "actionplan breakdown import: bad.xlsx: 1 problem; nothing was imported\n"
    )
    assert "Traceback" not in captured.out + captured.err
    assert snapshot(site.plan) == before


def test_the_command_refuses_a_csv_and_a_missing_file(
    site: GuangzhouSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "table.xlsx"
    csv.write_text("序号,牵头单位\n1,市商务局\n", encoding="utf-8")
    assert main(["breakdown", "import", site.plan.code, str(csv)]) == 2
    assert "This is a text file (a .csv?)" in capsys.readouterr().out
    assert main(["breakdown", "import", site.plan.code, str(tmp_path / "none.xlsx")]) == 2
    assert "No such file or directory" in capsys.readouterr().err


def test_units_named_in_english_are_found_too(site: GuangzhouSite) -> None:
    unit = Unit.objects.get(name_zh="市港务局")
    workbook = exported(site.plan)
    sheet = tasks_sheet(workbook)
    sheet[f"E{row_of(sheet, task_key(task(site, '4')))}"] = f"市委外办、{unit.name_en.upper()}"
    result = import_breakdown(site.alice, site.plan, to_bytes(workbook))
    assert result.ok, result.problems
    assert task(site, "4").responsibilities.filter(unit=unit, role="cooperating").exists()
